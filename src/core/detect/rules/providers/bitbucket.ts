/**
 * Bitbucket Cloud: app passwords (`ATBB` + 32 characters) and repository, project or workspace access
 * tokens (Atlassian's `ATCTT3xFfGN0` family, ending in "=" and 8 hex characters). Formats from
 * Atlassian's Bitbucket Cloud documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "bitbucket-app-password",
    title: "Bitbucket app password",
    provider: "Bitbucket",
    severity: "high",
    keywords: ["atbb"],
    regex: /(?<![A-Za-z0-9_])(?<secret>ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    remediation: "Revoke the app password in Personal Bitbucket settings > App passwords and move to a scoped API token kept in a secret store.",
    samples: () => ["ATBB" + fake.alnum(24, "atbb") + fake.hexUpper(8, "atbb-crc")] as const,
    truePositives: ([p]) => [...inSyntaxes("bitbucket_app_password", p), ...withValue(p, "git clone https:" + "//jdoe:%s@bitbucket.org/acme/app.git")],
    falsePositives: ([p]) => [`BITBUCKET_APP_PASSWORD=${p.slice(0, 30)}`, `const x = "${p}7";`],
  }),
  defineRule({
    id: "bitbucket-access-token",
    title: "Bitbucket repository, project or workspace access token",
    provider: "Bitbucket",
    severity: "high",
    keywords: ["atctt3xffgn0"],
    // Atlassian token family: a fixed prefix, a long base64url body, "=" and 8 upper-case hex characters.
    regex: /(?<![A-Za-z0-9_-])(?<secret>ATCTT3xFfGN0[A-Za-z0-9_-]{100,300}=[A-F0-9]{8})(?![A-Za-z0-9_=-])/,
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/",
    remediation: "Revoke the access token in the repository's, project's or workspace's Access tokens settings and keep its replacement in a secret store.",
    samples: () => ["ATCTT3xFfGN0" + fake.base64url(170, "bb-access") + "=" + fake.hexUpper(8, "bb-crc")] as const,
    truePositives: ([t]) => [...inSyntaxes("bitbucket_token", t), ...withValue(t, 'curl -H "Authorization: Bearer %s" https://api.bitbucket.org/2.0/repositories/acme')],
    falsePositives: ([t]) => [`BITBUCKET_TOKEN=${t.slice(0, 80)}`, `BITBUCKET_TOKEN=${t.slice(0, -9)}`],
  }),
];
