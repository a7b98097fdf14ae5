/**
 * Azure OpenAI API keys (learn.microsoft.com/azure/ai-services/openai/reference): classic keys are 32 hex
 * characters, reported only under a setting or call that names Azure OpenAI. The 84-character keys issued
 * since 2024 carry an "ACOG" signature and are azure.ts's (azure-ai-services-key), so one key gives one
 * finding.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ASSIGN, CREDENTIAL_KINDS, ci, defineRule, inSyntaxes, providerSetting, SEP, withValue } from "../kit.js";

/**
 * Code written for the OpenAI SDKs sets an Azure key under OpenAI's own names (`OPENAI_API_KEY`,
 * `openai.api_key`, `apiKey`) and says it is Azure's through the endpoint a few lines away
 * (`https://<resource>.openai.azure.com/`, above or below): the endpoint's host anchors the key.
 */
const KEY_VALUE = "[a-f0-9]{32}";
const ENDPOINT = String.raw`\.openai\.azure\.com`;
const LINES_BETWEEN = String.raw`[^\n]{0,300}\n(?:[^\n]{0,300}\n){0,4}?[^\n]{0,300}?`;
const API_KEY_SETTING = `(?<![A-Za-z0-9])[\\w.-]{0,30}?${ci("api")}${SEP}${ci("key")}${ASSIGN}`;

export const rules: Rule[] = [
  defineRule({
    id: "azure-openai-api-key",
    title: "Azure OpenAI API key",
    provider: "Microsoft Azure",
    severity: "high",
    keywords: ["azure", "openai"],
    // Random 32-hex values score about 3.5-3.9 bits: 3 only drops repeats and words.
    regex: new RegExp(`${providerSetting(["azure_openai", "azure-openai", "azureopenai", "azure.openai"], CREDENTIAL_KINDS)}(?<secret>${KEY_VALUE})(?![A-Za-z0-9_])`),
    nearbyRegex: new RegExp(
      `(?:${ENDPOINT}${LINES_BETWEEN}${API_KEY_SETTING}|${API_KEY_SETTING}(?=${KEY_VALUE}${LINES_BETWEEN}${ENDPOINT}))(?<secret>${KEY_VALUE})(?![A-Za-z0-9_])`,
    ),
    // Both of its forms hold the endpoint's host: most texts that name Azure or OpenAI do not, and the
    // form that starts at the setting is tried at every character.
    nearbyRequires: [new RegExp(ENDPOINT)],
    minEntropy: 3,
    docs: "https://learn.microsoft.com/azure/ai-services/openai/reference",
    remediation: "Regenerate the key in the Azure portal (resource > Keys and Endpoint), switch callers to the other key first, and prefer Microsoft Entra ID authentication.",
    samples: () => [fake.hex(32, "az-1"), fake.hex(32, "t-az")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("azure_openai_api_key", a),
      ...withValue(b, `client = AzureOpenAI(api_key="%s", api_version="2024-06-01")`, `azure_openai_key: "%s"`),
      // OpenAI's names, the Azure endpoint above or below.
      ...withValue(a, `export OPENAI_API_BASE=https://acme-gpt.openai.azure.com/\nexport OPENAI_API_KEY=%s`, `openai.api_key = '%s'\nopenai.api_base = "https://acme.openai.azure.com/"`),
      ...withValue(b, `const openai = new OpenAI({\n  apiKey: "%s",\n  baseURL:\n    "https://acme.openai.azure.com/openai/deployments/chat",\n});`),
    ],
    falsePositives: ([a]) => [
      `AZURE_OPENAI_DEPLOYMENT=${fake.hex(32, "az-fp")}`,
      `AZURE_OPENAI_API_KEY=${fake.alnum(60, "az-fp-2")}`,
      `AZURE_OPENAI_API_KEY=${fake.alnum(84, "az-fp-3")}`,
      // OpenAI's names without an Azure endpoint nearby, or the endpoint too far away.
      `OPENAI_API_KEY=${a}\nOPENAI_API_BASE=https://api.openai.com/v1`,
      `OPENAI_API_BASE=https://acme.openai.azure.com/\na=1\nb=2\nc=3\nd=4\ne=5\nf=6\nOPENAI_API_KEY=${a}`,
      `OPENAI_DEPLOYMENT_ID=${a}\nOPENAI_API_BASE=https://acme.openai.azure.com/`,
    ],
  }),
];
