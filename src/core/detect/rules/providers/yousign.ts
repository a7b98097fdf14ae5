/**
 * Yousign credentials: API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developers.yousign.com/docs/set-up-your-account
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "yousign-api-key",
    title: "Yousign API key",
    provider: "Yousign",
    severity: "high",
    keywords: ["yousign"],
    regex: contextRegex("yousign", String.raw`api[_.-]?key|key|token`, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://developers.yousign.com/docs/set-up-your-account",
    remediation: "Delete the key in Yousign > Developers > API keys and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(30, "yousign-1") + "81"] as const,
    truePositives: ([t]) => [...inSyntaxes("yousign_api_key", t), ...withValue(t, "yousign_key: '%s'")],
    falsePositives: () => ["YOUSIGN_WORKSPACE_ID=" + fake.uuid("yousign-fp"), "YOUSIGN_API_KEY=${YOUSIGN_API_KEY}"],
  }),
];
