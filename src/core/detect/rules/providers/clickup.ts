/**
 * ClickUp credentials: personal API token.
 * Formats from the provider's documentation: https://developer.clickup.com/docs/authentication#personal-token
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "clickup-personal-token",
    title: "ClickUp personal API token",
    provider: "ClickUp",
    severity: "high",
    keywords: ["pk_"],
    regex: /(?<![\w-])(?<secret>pk_[0-9]{6,12}_[A-Z0-9]{32})(?![\w-])/,
    docs: "https://developer.clickup.com/docs/authentication#personal-token",
    remediation: "Regenerate the token in ClickUp > Settings > Apps and keep its replacement in a secret manager.",
    samples: () => ["pk_" + fake.digits(8, "clickup-1") + "_" + fake.upperDigits(32, "clickup-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("clickup_api_token", t), ...withValue(t, 'headers: { Authorization: "%s" }')],
    falsePositives: () => ["pk_live_" + fake.alnum(24, "clickup-stripe"), "pk_" + fake.digits(8, "clickup-fp") + "_" + fake.upperDigits(20, "clickup-short")],
  }),
];
