/**
 * Cerebras Cloud API keys (inference-docs.cerebras.ai): `csk-` + 48 lower-case alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "cerebras-api-key",
    title: "Cerebras Cloud API key",
    provider: "Cerebras",
    severity: "high",
    keywords: ["csk-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>csk-[a-z0-9]{48})(?![A-Za-z0-9_-])/,
    docs: "https://inference-docs.cerebras.ai/quickstart",
    remediation: "Delete the key in Cerebras Cloud (API Keys), create a new one and load it from CEREBRAS_API_KEY.",
    samples: () => ["csk-" + fake.lowerDigits(48, "csk-1"), "csk-" + fake.lowerDigits(48, "t-csk")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("cerebras_api_key", a), ...withValue(b, `client = Cerebras(api_key="%s")`)],
    falsePositives: () => [`CEREBRAS_API_KEY=csk-${fake.lowerDigits(20, "csk-fp")}`, `xcsk-${fake.lowerDigits(48, "csk-fp-2")}`],
  }),
];
