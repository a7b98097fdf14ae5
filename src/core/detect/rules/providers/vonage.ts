/**
 * Vonage (formerly Nexmo): API secrets, 16 letters and digits with no prefix, read only as the value
 * of a Vonage / Nexmo secret setting (Vonage's authentication documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "vonage-api-secret",
    title: "Vonage (Nexmo) API secret",
    provider: "Vonage",
    severity: "high",
    keywords: ["vonage", "nexmo"],
    regex: assigned(`(?:${ci("vonage")}|${ci("nexmo")})[\\w. -]{0,20}?(?:${ci("secret")}|${ci("token")})`, "[A-Za-z0-9]{16}", "[A-Za-z0-9]"),
    docs: "https://developer.vonage.com/en/getting-started/concepts/authentication",
    remediation: "Rotate the API secret in the Vonage dashboard (API Settings) and keep it in a secret store.",
    samples: () => [fake.alnum(16, "vonage")] as const,
    truePositives: ([s]) => [...inSyntaxes("vonage_api_secret", s), ...withValue(s, '  "nexmoApiSecret": "%s",'), ...withValue(s, "nexmo token - '%s'")],
    falsePositives: ([s]) => [`VONAGE_API_KEY=${s.slice(0, 8)}`, `VONAGE_API_SECRET=${s.slice(0, 10)}`],
  }),
];
