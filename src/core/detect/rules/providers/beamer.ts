/**
 * Beamer credentials: API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.getbeamer.com/api
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "beamer-api-key",
    title: "Beamer API key",
    provider: "Beamer",
    severity: "medium",
    keywords: ["beamer"],
    regex: contextRegex("beamer", null, "b_[A-Za-z0-9_=-]{44}", String.raw`(?![\w=-])`),
    docs: "https://www.getbeamer.com/api",
    remediation: "Delete the key in Beamer > Settings > API and keep its replacement in a secret manager.",
    samples: () => ["b_" + fake.base64url(44, "beamer-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("beamer_api_key", t), ...withValue(t, "beamer_key: '%s'")],
    falsePositives: () => ["BEAMER_PRODUCT_ID=" + fake.alnum(12, "beamer-fp"), "BEAMER_API_KEY=b_" + fake.alnum(20, "beamer-short")],
  }),
];
