/**
 * Azure OpenAI API keys (learn.microsoft.com/azure/ai-services/openai/reference): classic keys are 32 hex
 * characters, reported only under a setting or call that names Azure OpenAI. The 84-character keys issued
 * since 2024 carry an "ACOG" signature and are azure.ts's (azure-ai-services-key), so one key gives one
 * finding.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "azure-openai-api-key",
    title: "Azure OpenAI API key",
    provider: "Microsoft Azure",
    severity: "high",
    keywords: ["azure"],
    // Random 32-hex values score about 3.5-3.9 bits: 3 only drops repeats and words.
    regex: new RegExp(`${providerSetting(["azure_openai", "azure-openai", "azureopenai", "azure.openai"], CREDENTIAL_KINDS)}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])`),
    minEntropy: 3,
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference",
    remediation: "Regenerate the key in the Azure portal (resource > Keys and Endpoint), switch callers to the other key first, and prefer Microsoft Entra ID authentication.",
    samples: () => [fake.hex(32, "az-1"), fake.hex(32, "t-az")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("azure_openai_api_key", a), ...withValue(b, `client = AzureOpenAI(api_key="%s", api_version="2024-06-01")`, `azure_openai_key: "%s"`)],
    falsePositives: () => [`AZURE_OPENAI_DEPLOYMENT=${fake.hex(32, "az-fp")}`, `AZURE_OPENAI_API_KEY=${fake.alnum(60, "az-fp-2")}`, `AZURE_OPENAI_API_KEY=${fake.alnum(84, "az-fp-3")}`],
  }),
];
