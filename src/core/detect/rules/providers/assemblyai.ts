/**
 * AssemblyAI API keys (assemblyai.com/docs): 32 hex characters, reported only under a setting that
 * names AssemblyAI.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "assemblyai-api-key",
    title: "AssemblyAI API key",
    provider: "AssemblyAI",
    severity: "high",
    keywords: ["assemblyai", "assembly_ai", "assembly-ai", "aai.settings"],
    regex: new RegExp(`${providerSetting(["assemblyai", "assembly_ai", "assembly-ai", "aai.settings"], CREDENTIAL_KINDS)}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])`),
    docs: "https://www.assemblyai.com/docs/api-reference/overview",
    remediation: "Regenerate the key in the AssemblyAI dashboard, and load it from ASSEMBLYAI_API_KEY.",
    samples: () => [fake.hex(32, "aai-1"), fake.hex(32, "t-aai")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("assemblyai_api_key", a), ...withValue(b, `aai.settings.api_key = "%s"`, `const assemblyAiKey = "%s";`)],
    falsePositives: () => [`ASSEMBLYAI_TRANSCRIPT_ID=${fake.hex(32, "aai-fp")}`, `ASSEMBLYAI_API_KEY=${fake.hex(24, "aai-fp-2")}`],
  }),
];
