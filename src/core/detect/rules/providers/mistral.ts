/**
 * Mistral AI API keys (docs.mistral.ai): 32 alphanumerics without a prefix, reported only under a
 * setting or call that names Mistral and only when random-looking.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "mistral-api-key",
    title: "Mistral AI API key",
    provider: "Mistral AI",
    severity: "high",
    keywords: ["mistral"],
    regex: new RegExp(`${providerSetting(["mistral"], CREDENTIAL_KINDS)}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_])`),
    minEntropy: 3.5,
    docs: "https://docs.mistral.ai/getting-started/quickstart/",
    remediation: "Revoke the key in Mistral's La Plateforme (API Keys), create a new one and load it from MISTRAL_API_KEY.",
    samples: () => [fake.alnum(32, "mistral-1"), fake.alnum(32, "t-mistral")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("mistral_api_key", a), ...withValue(b, `client = Mistral(api_key="%s")`, `os.environ["MISTRAL_API_KEY"] = "%s"`, `MISTRAL_KEY=%s`)],
    falsePositives: () => [`MISTRAL_API_KEY=os.environ["MISTRAL_API_KEY"]`, `mistral_model = "mistral-large-latest"`, `MISTRAL_API_KEY=${fake.alnum(40, "mistral-fp")}`, `MISTRAL_MODEL_ID=${fake.alnum(32, "edge-m")}`],
  }),
];
