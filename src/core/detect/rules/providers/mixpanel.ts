/**
 * Mixpanel credentials: API secret / service account secret.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "mixpanel-api-secret",
    title: "Mixpanel API secret / service account secret",
    provider: "Mixpanel",
    severity: "high",
    keywords: ["mixpanel"],
    regex: contextRegex("mixpanel", String.raw`api[_.-]?secret|secret`, String.raw`[a-f0-9]{32}|` + hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts",
    remediation: "Rotate the secret in Mixpanel > Project / Organization settings and keep its replacement in a secret manager.",
    samples: () => [fake.hex(32, "mixpanel-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("mixpanel_api_secret", t), ...withValue(t, "mixpanel_secret: '%s'")],
    falsePositives: () => ["MIXPANEL_TOKEN=" + fake.hex(32, "mixpanel-fp"), "MIXPANEL_API_SECRET=${MIXPANEL_API_SECRET}"],
  }),
];
