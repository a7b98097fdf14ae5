/**
 * ReadMe credentials: API key.
 * Formats from the provider's documentation: https://docs.readme.com/main/reference/intro/authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "readme-api-key",
    title: "ReadMe API key",
    provider: "ReadMe",
    severity: "high",
    keywords: ["rdme_"],
    regex: /(?<![\w-])(?<secret>rdme_[a-z0-9]{70})(?![\w-])/,
    docs: "https://docs.readme.com/main/reference/intro/authentication",
    remediation: "Revoke the key in ReadMe > Project > API Keys and give CI its replacement as RDME_API_KEY from a secret.",
    samples: () => ["rdme_" + fake.lowerDigits(70, "rdme-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("rdme_api_key", t), ...withValue(t, "rdme openapi --key=%s")],
    falsePositives: () => ["rdme_" + fake.lowerDigits(40, "rdme-short"), "RDME_API_KEY=${{ secrets.RDME_API_KEY }}"],
  }),
];
