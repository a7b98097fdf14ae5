/**
 * Snyk credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.snyk.io/snyk-api/authentication-for-api
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, END, UUID, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "snyk-api-token",
    title: "Snyk API token",
    provider: "Snyk",
    severity: "high",
    keywords: ["snyk"],
    // Also `snyk auth <token>`, the CLI's login command.
    regex: new RegExp(String.raw`(?:snyk[\w. -]{0,25}?(?:api[_.-]?token|token|api[_.-]?key|key)[\w.-]{0,12}?${ASSIGN}|snyk\s{1,3}auth\s{1,3})(?<secret>${UUID})${END}`, "i"),
    docs: "https://docs.snyk.io/snyk-api/authentication-for-api",
    remediation: "Revoke the token in Snyk > Account settings (or the service account) and give CI its replacement as SNYK_TOKEN from a secret.",
    samples: () => [fake.uuid("snyk-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("snyk_token", t), ...withValue(t, "snyk auth %s", "snyk_api_key: '%s'")],
    falsePositives: () => ["SNYK_ORG_ID=" + fake.uuid("snyk-fp"), "SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}"],
  }),
];
