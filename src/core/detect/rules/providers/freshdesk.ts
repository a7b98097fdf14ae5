/**
 * Freshdesk credentials: API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developers.freshdesk.com/api/#authentication
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "freshdesk-api-key",
    title: "Freshdesk API key",
    provider: "Freshdesk",
    severity: "high",
    keywords: ["freshdesk"],
    regex: contextRegex("freshdesk", String.raw`api[_.-]?key|key|token|secret`, hasDigit(20) + "[A-Za-z0-9]{20}"),
    minEntropy: 3.2,
    docs: "https://developers.freshdesk.com/api/#authentication",
    remediation: "Reset the key in Freshdesk > Profile settings > View API key and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(18, "freshdesk-1") + "9" + fake.alnum(1, "freshdesk-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("freshdesk_api_key", t), ...withValue(t, "freshdesk_key: '%s'", '"freshdesk_secret": "%s"')],
    falsePositives: () => ["FRESHDESK_DOMAIN=acme.freshdesk.com", "FRESHDESK_API_KEY=" + fake.alnum(32, "freshdesk-long")],
  }),
];
