/**
 * Zendesk credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "zendesk-api-token",
    title: "Zendesk API token",
    provider: "Zendesk",
    severity: "high",
    keywords: ["zendesk"],
    regex: contextRegex("zendesk", String.raw`api[_.-]?token|token|api[_.-]?key|key|secret`, hasDigit(40) + "[A-Za-z0-9]{40}"),
    minEntropy: 3.5,
    docs: "https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API",
    remediation: "Delete the token in Zendesk Admin Center > Apps and integrations > Zendesk API and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(38, "zendesk-1") + "5" + fake.alnum(1, "zendesk-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("zendesk_api_token", t), ...withValue(t, "zendesk_token: '%s'")],
    falsePositives: () => ["ZENDESK_SUBDOMAIN=acme", "ZENDESK_API_TOKEN=" + fake.alnum(30, "zendesk-short")],
  }),
];
