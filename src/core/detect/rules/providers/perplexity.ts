/**
 * Perplexity API keys (docs.perplexity.ai): `pplx-` + 48 alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "perplexity-api-key",
    title: "Perplexity API key",
    provider: "Perplexity",
    severity: "high",
    keywords: ["pplx-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
    docs: "https://docs.perplexity.ai/guides/getting-started",
    remediation: "Delete the key in Perplexity's API settings, generate a new one and load it from PERPLEXITY_API_KEY.",
    samples: () => ["pplx-" + fake.alnum(48, "pplx-1"), "pplx-" + fake.alnum(48, "t-pplx")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("perplexity_api_key", a), ...withValue(b, `headers = {"Authorization": "Bearer %s"}`)],
    falsePositives: () => [`pplx-${fake.alnum(30, "pplx-fp")}`, `pplx-7b-online`],
  }),
];
