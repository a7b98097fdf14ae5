/**
 * DeepSeek API keys (api-docs.deepseek.com): `sk-` + 32 hex characters; the prefix is shared, so the
 * key is reported only under a setting or call that names DeepSeek.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "deepseek-api-key",
    title: "DeepSeek API key",
    provider: "DeepSeek",
    severity: "high",
    keywords: ["deepseek"],
    regex: new RegExp(`${providerSetting(["deepseek"], CREDENTIAL_KINDS)}(?<secret>sk-[a-f0-9]{32})(?![A-Za-z0-9_])`),
    docs: "https://api-docs.deepseek.com/",
    remediation: "Delete the key in the DeepSeek platform (API keys), create a new one and load it from DEEPSEEK_API_KEY.",
    samples: () => ["sk-" + fake.hex(32, "ds-1"), "sk-" + fake.hex(32, "t-ds")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("deepseek_api_key", a), ...withValue(b, `llm = ChatDeepSeek(api_key="%s", model="deepseek-chat")`, `"deepseekApiKey": "%s"`)],
    falsePositives: () => [`DEEPSEEK_API_KEY=sk-${fake.hex(20, "ds-fp")}`, `OPENAI_API_KEY=sk-${fake.hex(32, "ds-fp-2")}`],
  }),
];
