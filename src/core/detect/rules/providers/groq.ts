/**
 * Groq API keys (console.groq.com/docs/quickstart): `gsk_` + 52 alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "groq-api-key",
    title: "Groq API key",
    provider: "Groq",
    severity: "high",
    keywords: ["gsk_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_])/,
    docs: "https://console.groq.com/docs/quickstart",
    remediation: "Delete the key in the GroqCloud console (API Keys), create a new one and load it from GROQ_API_KEY.",
    samples: () => ["gsk_" + fake.alnum(52, "gsk-1"), "gsk_" + fake.alnum(52, "t-groq")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("groq_api_key", a), ...withValue(b, `const groq = new Groq({ apiKey: "%s" });`)],
    falsePositives: () => [`GROQ_API_KEY=gsk_${fake.alnum(40, "gsk-fp")}`, `gsk_${fake.alnum(60, "gsk-fp-2")}`],
  }),
];
