/**
 * Render credentials: API key.
 * Formats from the provider's documentation: https://render.com/docs/api#1-create-an-api-key
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "render-api-key",
    title: "Render API key",
    provider: "Render",
    severity: "high",
    keywords: ["rnd_"],
    regex: /(?<![\w-])(?<secret>rnd_[A-Za-z0-9]{32})(?![\w-])/,
    docs: "https://render.com/docs/api#1-create-an-api-key",
    remediation: "Revoke the key in Render > Account Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => ["rnd_" + fake.alnum(32, "rnd-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("render_api_key", t), ...withValue(t, 'Authorization: Bearer %s')],
    falsePositives: () => ["rnd_" + fake.alnum(20, "rnd-short"), "grnd_" + fake.alnum(32, "rnd-embedded")],
  }),
];
