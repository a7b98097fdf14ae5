/**
 * Stability AI API keys (platform.stability.ai): `sk-` + 48 alphanumerics; the prefix is shared, so the
 * key is reported only under a setting or call that names Stability.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "stability-api-key",
    title: "Stability AI API key",
    provider: "Stability AI",
    severity: "high",
    keywords: ["stability"],
    regex: new RegExp(`${providerSetting(["stability"], CREDENTIAL_KINDS)}(?<secret>sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_])`),
    docs: "https://platform.stability.ai/docs/getting-started/authentication",
    remediation: "Delete the key in the Stability AI platform (Account > API Keys), create a new one and load it from STABILITY_API_KEY.",
    samples: () => ["sk-" + fake.alnum(48, "stab-1"), "sk-" + fake.alnum(48, "t-stab")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("stability_api_key", a), ...withValue(b, `stability_api = client.StabilityInference(key="%s")`, `STABILITY_KEY=%s`)],
    falsePositives: () => [`STABILITY_API_KEY=sk-${fake.alnum(20, "stab-fp")}`, `stability_level = "sk-${fake.alnum(48, "stab-fp-2")}"`],
  }),
];
