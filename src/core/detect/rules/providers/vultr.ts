/**
 * Vultr: API keys, 36 upper-case letters and digits with no prefix, read only as the value of a
 * Vultr key or token setting (Vultr API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "vultr-api-key",
    title: "Vultr API key",
    provider: "Vultr",
    severity: "critical",
    keywords: ["vultr"],
    regex: assigned(`${ci("vultr")}[\\w. -]{0,20}?(?:${ci("api")}${SEP}${ci("key")}|${ci("token")})`, "[A-Z0-9]{36}", "[A-Za-z0-9]"),
    docs: "https://www.vultr.com/api/#section/Authentication",
    remediation: "Regenerate the API key under Account > API and restrict it to known IP ranges.",
    samples: () => [fake.upperDigits(36, "vultr")] as const,
    truePositives: ([k]) => [...inSyntaxes("vultr_api_key", k), ...withValue(k, '  vultrToken: "%s",', "Vultr token: %s")],
    falsePositives: ([k]) => [`VULTR_API_KEY=${k.toLowerCase()}`, `VULTR_API_KEY=${k.slice(0, 30)}`],
  }),
];
