/**
 * Salesforce credentials: access token / session ID (`00D` org id + `!` + token), connected app consumer
 * secrets (64 upper-case hex characters, under a Salesforce setting) and OAuth refresh tokens (`5Aep861`
 * + about 80 characters). The consumer key (`3MVG9...`) is the app's client id, not reported alone.
 * Formats from the provider's documentation: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm
 * and the OAuth flow examples (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm).
 */
import type { Rule } from "../../rule.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";
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
  defineRule({
    id: "salesforce-consumer-secret",
    title: "Salesforce connected app consumer secret",
    provider: "Salesforce",
    severity: "high",
    keywords: ["salesforce", "sfdc"],
    // 64 upper-case hex characters with no prefix: read only as the value of a Salesforce setting.
    regex: assigned(`(?:${ci("salesforce")}|${ci("sfdc")})[\\w. -]{0,20}?(?:${ci("consumer")}${SEP}|${ci("client")}${SEP})?${ci("secret")}`, "[0-9A-F]{64}", "[A-Za-z0-9]"),
    docs: "https://help.salesforce.com/s/articleView?id=sf.connected_app_rotate_consumer_details.htm",
    remediation: "Rotate the consumer key and secret of the connected app (Setup > App Manager > Manage Consumer Details) and keep them in a secret store.",
    samples: () => [fake.hexUpper(64, "sf-cs")] as const,
    truePositives: ([k]) => [...inSyntaxes("salesforce_consumer_secret", k), ...withValue(k, '  "sfdcClientSecret": "%s",')],
    falsePositives: ([k]) => [`SALESFORCE_CONSUMER_SECRET=${k.slice(0, 40)}`, `SALESFORCE_CONSUMER_KEY=${k}`, `const digest = "${k}";`],
  }),
  defineRule({
    id: "salesforce-refresh-token",
    title: "Salesforce OAuth refresh token",
    provider: "Salesforce",
    severity: "high",
    keywords: ["5aep861"],
    regex: /(?<![\w.])(?<secret>5Aep861[A-Za-z0-9._]{75,90})(?![\w.])/,
    // `5Aep861` and a body of another length is a cut or padded copy.
    owns: { prefixes: ["5Aep861"], shape: { chars: "A-Za-z0-9._", length: [82, 97], exact: "5Aep861[A-Za-z0-9._]{75,90}" } },
    docs: "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm",
    remediation: "Revoke the refresh token (Setup > Connected Apps OAuth Usage, or the OAuth revoke endpoint) and store new tokens in a secret store.",
    samples: () => ["5Aep861" + fake.alnum(40, "sf-rt") + "_" + fake.alnum(40, "sf-rt2")] as const,
    truePositives: ([t]) => [...inSyntaxes("salesforce_refresh_token", t), ...withValue(t, "refresh_token=%s&grant_type=refresh_token")],
    falsePositives: ([t]) => [`SALESFORCE_REFRESH_TOKEN=${t.slice(0, 30)}`, `SALESFORCE_REFRESH_TOKEN=${t}${fake.alnum(20, "sf-long")}`],
  }),
];
