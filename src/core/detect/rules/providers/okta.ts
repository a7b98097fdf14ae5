/**
 * Okta credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developer.okta.com/docs/guides/create-an-api-token/main/
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, END, SECRET_NAME, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "okta-api-token",
    title: "Okta API token",
    provider: "Okta",
    severity: "critical",
    keywords: ["okta", "ssws"],
    regex: new RegExp(
      String.raw`(?:okta[\w. -]{0,25}?(?:${SECRET_NAME})[\w.-]{0,12}?${ASSIGN}|ssws\s{1,3})(?<secret>00[A-Za-z0-9_-]{40})${END}`,
      "i",
    ),
    docs: "https://developer.okta.com/docs/guides/create-an-api-token/main/",
    remediation: "Revoke the token in Okta Admin > Security > API > Tokens and move automation to OAuth service apps with keys in a secret manager.",
    samples: () => ["00" + fake.base64url(40, "okta-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("okta_api_token", t), ...withValue(t, 'Authorization: SSWS %s', "  okta_client_token: %s", "Okta API token: %s")],
    falsePositives: () => ["OKTA_API_TOKEN=" + "00" + fake.base64url(30, "okta-short"), "OKTA_ORG_URL=https://dev-123456.okta.com"],
  }),
];
