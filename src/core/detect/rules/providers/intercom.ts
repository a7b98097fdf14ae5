/**
 * Intercom: access tokens (base64 starting `dG9rOj`, "tok:"), read only as the value of an Intercom
 * token or key setting (Intercom's authentication documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "intercom-access-token",
    title: "Intercom access token",
    provider: "Intercom",
    severity: "high",
    keywords: ["intercom"],
    regex: assigned(`${ci("intercom")}[\\w. -]{0,20}?(?:${ci("token")}|${ci("key")})`, "[A-Za-z0-9=_-]{59,70}", "[A-Za-z0-9=_-]"),
    docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication",
    remediation: "Revoke the token (regenerate it in the Developer Hub app's Authentication page) and keep it in a secret store.",
    samples: () => ["dG9rOj" + fake.base64url(54, "intercom") + "="] as const,
    truePositives: ([t]) => [...inSyntaxes("intercom_access_token", t), ...withValue(t, '  intercomToken: "%s",')],
    falsePositives: ([t]) => [`INTERCOM_ACCESS_TOKEN=${t.slice(0, 40)}`, "INTERCOM_APP_ID=abc123"],
  }),
];
