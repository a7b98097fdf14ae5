/**
 * SettleMint credentials: access token.
 * Formats from the provider's documentation:
 * - https://console.settlemint.com/documentation/platform-components/security-and-authentication/application-access-tokens
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "settlemint-access-token",
    title: "SettleMint access token",
    provider: "SettleMint",
    severity: "high",
    keywords: ["sm_aat_", "sm_pat_", "sm_sat_"],
    // Application (aat), personal (pat) and service (sat) access tokens.
    regex: /(?<![A-Za-z0-9_-])(?<secret>sm_[aps]at_[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    docs: "https://console.settlemint.com/documentation/platform-components/security-and-authentication/application-access-tokens",
    remediation: "Delete the access token in the SettleMint console and create a new one kept in a secret store.",
    samples: () => ["sm_pat_" + fake.lowerDigits(16, "settlemint")] as const,
    truePositives: ([k]) => [...inSyntaxes("settlemint_access_token", k), ...withValue(k, 'token := "%s"')],
    falsePositives: () => ["sm_pat_" + fake.lowerDigits(10, "sm-short"), "sm_xat_" + fake.lowerDigits(16, "sm-bad")],
  }),
];
