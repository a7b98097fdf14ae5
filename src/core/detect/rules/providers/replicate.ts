/**
 * Replicate API tokens (replicate.com/docs/topics/security/api-tokens): `r8_` + 37 alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "replicate-api-token",
    title: "Replicate API token",
    provider: "Replicate",
    severity: "high",
    keywords: ["r8_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9_])/,
    docs: "https://replicate.com/docs/topics/security/api-tokens",
    remediation: "Disable the token on Replicate (Account > API tokens), create a new one and load it from REPLICATE_API_TOKEN.",
    samples: () => ["r8_" + fake.alnum(37, "r8-1"), "r8_" + fake.alnum(37, "t-r8")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("replicate_api_token", a), ...withValue(b, `replicate.Client(api_token="%s")`)],
    falsePositives: () => [`REPLICATE_API_TOKEN=r8_${fake.alnum(20, "r8-fp")}`, `var r8_${fake.alnum(37, "r8-fp-2")}_x = 1;`],
  }),
];
