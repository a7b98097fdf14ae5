/**
 * Hex.pm API keys (hex.pm/docs/publish): 32 hex characters without a prefix, reported only under a
 * setting that names Hex and a key.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "hex-api-key",
    title: "Hex.pm API key",
    provider: "Hex",
    severity: "high",
    keywords: ["hex_api", "hexpm", "hex.pm"],
    regex: new RegExp(`${providerSetting(["hex_api", "hexpm", "hex.pm"], ["key"], false)}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])`),
    docs: "https://hex.pm/docs/publish",
    remediation: "Revoke the key (`mix hex.user key revoke` or on hex.pm), create one with the least permissions, and keep it in a CI secret.",
    samples: () => [fake.hex(32, "hex-1"), fake.hex(32, "hex-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("hex_api_key", a), ...withValue(b, `env: { HEXPM_KEY: "%s" }`)],
    falsePositives: () => [`HEX_API_KEY=\${{ secrets.HEX_API_KEY }}`, `HEX_API_KEY=${fake.hex(40, "hex-3")}`],
  }),
];
