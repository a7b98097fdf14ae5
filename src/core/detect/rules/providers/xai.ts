/**
 * xAI (Grok) API keys (docs.x.ai): `xai-` + 80 alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "xai-api-key",
    title: "xAI (Grok) API key",
    provider: "xAI",
    severity: "high",
    keywords: ["xai-"],
    owns: { prefixes: ["xai-"] },
    regex: /(?<![A-Za-z0-9_-])(?<secret>xai-[A-Za-z0-9]{80})(?![A-Za-z0-9_-])/,
    docs: "https://docs.x.ai/docs/overview",
    remediation: "Delete the key in the xAI console (API Keys), create a new one and load it from XAI_API_KEY.",
    samples: () => ["xai-" + fake.alnum(80, "xai-1"), "xai-" + fake.alnum(80, "t-xai")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("xai_api_key", a), ...withValue(b, `client = Client(api_key="%s")`)],
    falsePositives: () => [`XAI_API_KEY=xai-${fake.alnum(40, "xai-fp")}`, `model: "xai-grok-beta"`],
  }),
];
