/**
 * Salesforce credentials: access token / session ID.
 * Formats from the provider's documentation: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "salesforce-access-token",
    title: "Salesforce access token / session ID",
    provider: "Salesforce",
    severity: "high",
    keywords: ["00d"],
    // <org id, 00D + 12-15 characters>!<session part>: the "!" makes the shape specific on its own.
    regex: /(?<![\w-])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,120})(?![\w.-])/,
    docs: "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm",
    remediation: "Revoke the session (Setup > Session Management, or the OAuth revoke endpoint) and obtain short-lived tokens at run time.",
    samples: () => ["00D" + fake.alnum(15, "sf-1") + "!AQ" + fake.alnum(10, "sf-1b") + "." + fake.base64url(84, "sf-1c").replace(/-/g, "x")] as const,
    truePositives: ([t]) => [...inSyntaxes("salesforce_access_token", t), ...withValue(t, "sf.Connection({ accessToken: '%s' })")],
    falsePositives: () => ["00D" + fake.alnum(15, "sf-fp") + " is our org id", "00D" + fake.alnum(15, "sf-fp2") + "!" + fake.alnum(20, "sf-short")],
  }),
];
