/**
 * Together AI API keys (docs.together.ai): `tgp_v1_` keys, and the legacy 64-hex-character keys, which
 * have no prefix and are reported only under a setting that names Together.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "together-api-key",
    title: "Together AI API key",
    provider: "Together AI",
    severity: "high",
    keywords: ["tgp_v1_"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>tgp_v1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    docs: "https://docs.together.ai/reference/authentication-1",
    remediation: "Revoke the key in Together AI settings (API Keys), create a new one and load it from TOGETHER_API_KEY.",
    samples: () => ["tgp_v1_" + fake.alnum(43, "tgp-1"), "tgp_v1_" + fake.base64url(43, "t-tgp")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("together_api_key", a), ...withValue(b, `client = Together(api_key="%s")`)],
    falsePositives: () => [`TOGETHER_API_KEY=tgp_v1_${fake.base64url(30, "tgp-fp")}`, `tgp_v2_${fake.base64url(43, "tgp-fp-2")}`],
  }),
  defineRule({
    id: "together-legacy-api-key",
    title: "Together AI API key (legacy hex)",
    provider: "Together AI",
    severity: "high",
    keywords: ["together"],
    regex: new RegExp(`${providerSetting(["together"], CREDENTIAL_KINDS)}(?<secret>[a-f0-9]{64})(?![A-Za-z0-9_])`),
    docs: "https://docs.together.ai/reference/authentication-1",
    remediation: "Revoke the key in Together AI settings (API Keys), create a new one and load it from TOGETHER_API_KEY.",
    samples: () => [fake.hex(64, "tg-1"), fake.hex(64, "t-tg")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("together_api_key", a), ...withValue(b, `together.api_key = "%s"`, `export TOGETHER_API_KEY=%s`)],
    falsePositives: () => [`TOGETHER_API_KEY=${fake.hex(40, "tg-fp")}`, `const togetherHash = "${fake.hex(64, "tg-fp-2")}";`],
  }),
];
