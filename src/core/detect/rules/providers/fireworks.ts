/**
 * Fireworks AI API keys (docs.fireworks.ai): `fw_` + 20 to 48 alphanumerics.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "fireworks-api-key",
    title: "Fireworks AI API key",
    provider: "Fireworks AI",
    severity: "high",
    keywords: ["fw_"],
    // `fw_` is also a common "firmware" prefix in C: require a digit, which random keys practically
    // always contain and identifiers such as `fw_GetFirmwareImageVersion` do not.
    regex: /(?<![A-Za-z0-9_])(?<secret>fw_(?=[A-Za-z]{0,47}[0-9])[A-Za-z0-9]{20,48})(?![A-Za-z0-9_])/,
    docs: "https://docs.fireworks.ai/api-reference/introduction",
    remediation: "Delete the key in the Fireworks AI account settings (API Keys), create a new one and load it from FIREWORKS_API_KEY.",
    samples: () => ["fw_" + fake.alnum(24, "fw-1").replace(/^./, "3"), "fw_" + fake.alnum(30, "t-fw").replace(/^./, "5")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("fireworks_api_key", a), ...withValue(b, `fireworks.client.api_key = "%s"`)],
    falsePositives: () => ["int fw_GetFirmwareImageVersionNumber(void);", `fw_${fake.alnum(10, "fw-fp")}9`, "fw_" + fake.upper(12, "edge-fw") + fake.lower(12, "edge-fw-2")],
  }),
];
