/**
 * ElevenLabs API keys (elevenlabs.io/docs/api-reference/authentication): `sk_` + 48 hex characters, and
 * legacy 32-hex-character keys, reported only under a setting that names ElevenLabs or `xi-api-key`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "elevenlabs-api-key",
    title: "ElevenLabs API key",
    provider: "ElevenLabs",
    severity: "high",
    keywords: ["sk_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>sk_[a-f0-9]{48})(?![A-Za-z0-9_])/,
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
    remediation: "Delete the key in ElevenLabs (Developers > API Keys), create a new one and load it from ELEVENLABS_API_KEY.",
    samples: () => ["sk_" + fake.hex(48, "el-1"), "sk_" + fake.hex(48, "t-el")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("elevenlabs_api_key", a), ...withValue(b, `client = ElevenLabs(api_key="%s")`)],
    falsePositives: () => [`sk_${fake.hex(32, "el-fp")}`, `sk_live_${fake.hex(48, "el-fp-2")}`],
  }),
  defineRule({
    id: "elevenlabs-legacy-api-key",
    title: "ElevenLabs API key (legacy hex)",
    provider: "ElevenLabs",
    severity: "high",
    keywords: ["elevenlabs", "eleven_labs", "xi-api", "xi_api"],
    regex: new RegExp(`${providerSetting(["elevenlabs", "eleven_labs", "xi-api", "xi_api"], CREDENTIAL_KINDS)}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])`),
    docs: "https://elevenlabs.io/docs/api-reference/authentication",
    remediation: "Delete the key in ElevenLabs (Developers > API Keys), create a new one and load it from ELEVENLABS_API_KEY.",
    samples: () => [fake.hex(32, "el-legacy-1"), fake.hex(32, "t-el-legacy")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("elevenlabs_api_key", a), ...withValue(b, `headers = {"xi-api-key": "%s"}`, `elevenlabs.api_key = '%s'`)],
    falsePositives: () => [`ELEVENLABS_VOICE_ID=${fake.hex(32, "el-fp")}`, `ELEVENLABS_API_KEY=${fake.hex(20, "el-fp-2")}`],
  }),
];
