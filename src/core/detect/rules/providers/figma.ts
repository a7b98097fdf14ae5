/**
 * Figma credentials: personal access token.
 * Formats from the provider's documentation: https://www.figma.com/developers/api#access-tokens
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "figma-personal-access-token",
    title: "Figma personal access token",
    provider: "Figma",
    severity: "high",
    keywords: ["figd_"],
    regex: /(?<![\w-])(?<secret>figd_[A-Za-z0-9_-]{38,45})(?![\w-])/,
    docs: "https://www.figma.com/developers/api#access-tokens",
    remediation: "Revoke the token in Figma > Settings > Security > Personal access tokens and keep its replacement in a secret manager.",
    samples: () => ["figd_" + fake.base64url(40, "figd-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("figma_token", t), ...withValue(t, '"X-Figma-Token": "%s"')],
    falsePositives: () => ["figd_" + fake.alnum(20, "figd-short"), "FIGMA_TOKEN=${FIGMA_TOKEN}"],
  }),
];
