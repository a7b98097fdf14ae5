/**
 * Amplitude credentials: secret key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://amplitude.com/docs/apis/authentication
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "amplitude-secret-key",
    title: "Amplitude secret key",
    provider: "Amplitude",
    severity: "high",
    keywords: ["amplitude"],
    regex: contextRegex("amplitude", String.raw`secret[_.-]?key|api[_.-]?secret|secret`, "[a-f0-9]{32}"),
    docs: "https://amplitude.com/docs/apis/authentication",
    remediation: "Rotate the project's secret key in Amplitude > Settings > Projects and keep its replacement in a secret manager.",
    samples: () => [fake.hex(32, "amplitude-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("amplitude_secret_key", t), ...withValue(t, "amplitude_api_secret: '%s'")],
    falsePositives: () => ["AMPLITUDE_API_KEY=" + fake.hex(32, "amplitude-fp"), "AMPLITUDE_SECRET_KEY=${AMPLITUDE_SECRET_KEY}"],
  }),
];
