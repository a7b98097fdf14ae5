/**
 * OpenRouter API keys (openrouter.ai/docs/api-reference/authentication): `sk-or-v1-` + 64 hex characters.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "openrouter-api-key",
    title: "OpenRouter API key",
    provider: "OpenRouter",
    severity: "high",
    keywords: ["sk-or-v1-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
    docs: "https://openrouter.ai/docs/api-reference/authentication",
    remediation: "Delete the key in OpenRouter (Keys), create a new one with a credit limit, and load it from OPENROUTER_API_KEY.",
    samples: () => ["sk-or-v1-" + fake.hex(64, "or-1"), "sk-or-v1-" + fake.hex(64, "t-or")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("openrouter_api_key", a), ...withValue(b, `-H "Authorization: Bearer %s"`)],
    falsePositives: () => [`sk-or-v1-${fake.hex(40, "or-fp")}`, `sk-or-v2-${fake.hex(64, "or-fp-2")}`],
  }),
];
