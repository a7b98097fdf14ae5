/**
 * Dynatrace credentials: API token.
 * Formats from the provider's documentation: https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "dynatrace-api-token",
    title: "Dynatrace API token",
    provider: "Dynatrace",
    severity: "high",
    keywords: ["dt0c01."],
    regex: /(?<![\w.-])(?<secret>dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})(?![\w-])/,
    docs: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
    remediation: "Revoke the token in Dynatrace > Access tokens and keep its replacement in a secret manager.",
    samples: () => ["dt0c01." + fake.upperDigits(24, "dt-1") + "." + fake.upperDigits(64, "dt-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("dt_api_token", t), ...withValue(t, 'Authorization: Api-Token %s')],
    falsePositives: () => ["dt0c01." + fake.upperDigits(24, "dt-fp") + "." + fake.upperDigits(20, "dt-short"), "DT_API_TOKEN=${DT_API_TOKEN}"],
  }),
];
