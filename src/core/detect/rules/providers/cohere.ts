/**
 * Cohere API keys (docs.cohere.com): 40 alphanumerics without a prefix, reported only under a setting
 * that names Cohere (or `CO_API_KEY`) and only when random-looking.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "cohere-api-key",
    title: "Cohere API key",
    provider: "Cohere",
    severity: "high",
    keywords: ["cohere", "co_api"],
    regex: new RegExp(`${providerSetting(["cohere", "co_api"], CREDENTIAL_KINDS)}(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    docs: "https://docs.cohere.com/reference/about",
    remediation: "Delete the key in the Cohere dashboard (API Keys), create a new one and load it from CO_API_KEY.",
    samples: () => [fake.alnum(40, "cohere-1"), fake.alnum(40, "t-cohere")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("cohere_api_key", a), ...withValue(b, `co = cohere.Client(api_key="%s")`, `"cohereApiKey": "%s"`, `CO_API_KEY=%s`)],
    falsePositives: () => ["CO_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", `COHERE_MODEL=command-r-plus`, `CO_API_KEY=${fake.alnum(32, "cohere-fp")}`, `COHERE_API_KEY=${"ab".repeat(20)}`],
  }),
];
