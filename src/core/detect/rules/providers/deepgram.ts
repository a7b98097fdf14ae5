/**
 * Deepgram API keys (developers.deepgram.com): 40 hex characters, reported only under a setting or call
 * that names Deepgram.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "deepgram-api-key",
    title: "Deepgram API key",
    provider: "Deepgram",
    severity: "high",
    keywords: ["deepgram"],
    regex: new RegExp(`${providerSetting(["deepgram"], CREDENTIAL_KINDS)}(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_])`),
    docs: "https://developers.deepgram.com/docs/create-additional-api-keys",
    remediation: "Delete the key in the Deepgram console (API Keys), create a new one and load it from DEEPGRAM_API_KEY.",
    samples: () => [fake.hex(40, "dg-1"), fake.hex(40, "t-dg")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("deepgram_api_key", a), ...withValue(b, `deepgram = DeepgramClient(api_key="%s")`, `DEEPGRAM_TOKEN="%s"`)],
    falsePositives: () => [`DEEPGRAM_PROJECT_ID=${fake.hex(40, "dg-fp")}`, `DEEPGRAM_API_KEY=${fake.hex(32, "dg-fp-2")}`],
  }),
];
