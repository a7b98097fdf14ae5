/**
 * Tableau personal access tokens (Tableau Cloud and Server): a token name the user picks and a secret
 * of two parts, the base64 of 16 random bytes and 32 letters and digits, joined by `:`. The secret's
 * shape is its own: it is reported wherever it stands. Format from Tableau's documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "tableau-personal-access-token-secret",
    title: "Tableau personal access token secret",
    provider: "Tableau",
    severity: "high",
    keywords: ["==:"],
    regex: /(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{21}[AQgw]==:[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
    docs: "https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm",
    remediation: "Revoke the token in Tableau (My Account Settings > Personal Access Tokens, or by a site admin), create a new one and keep it in a secret store.",
    samples: () => [fake.base64(21, "tableau-1") + "Q==:" + fake.alnum(32, "tableau-1b"), fake.base64(21, "tableau-2") + "g==:" + fake.alnum(32, "tableau-2b")] as const,
    truePositives: ([s, t]) => [
      ...inSyntaxes("tableau_pat_secret", s),
      ...withValue(t, "tableau_auth = TSC.PersonalAccessTokenAuth('ci-token', '%s', site_id='acme')", "%s"),
    ],
    falsePositives: ([s]) => [`TABLEAU_PAT_SECRET=${s.slice(0, -1)}`, `TABLEAU_PAT_SECRET=${s.replace("==:", "==")}`],
  }),
];
