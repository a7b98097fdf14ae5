/**
 * Bitbucket Cloud: app passwords (`ATBB` + 32 characters) and repository, project or workspace access
 * tokens (Atlassian's `ATCTT3xFfGN0` family, ending in "=" and 8 hex characters). Bitbucket Data Center:
 * HTTP access tokens, `BBDC-` and 44 base64 characters encoding a 12-digit token id, `:` and random
 * bytes. Formats from Atlassian's Bitbucket Cloud and Data Center documentation.
 */
import type { RawMatch, Rule } from "../../rule.js";
import { fake, toBase64 } from "../../fake.js";
import { classifyPlaceholder } from "../../placeholder.js";
import { isAtlassianDataCenterToken } from "../../validate/structure.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const DATA_CENTER_TOKEN = /(?<![A-Za-z0-9_-])BBDC-([A-Za-z0-9+/]{30,60})(?![A-Za-z0-9+/=_-])/g;

/** Well-formed tokens, and dummy ones (`BBDC-AAAA…`) as placeholders; other `BBDC-` strings are not tokens. */
function findDataCenterTokens(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of text.matchAll(DATA_CENTER_TOKEN)) {
    const body = m[1] as string;
    if (isAtlassianDataCenterToken(body)) out.push({ secret: m[0], index: m.index ?? 0, validation: { status: "confirmed", check: "token structure" } });
    else if (classifyPlaceholder(body).placeholder) out.push({ secret: m[0], index: m.index ?? 0, category: "placeholder" });
  }
  return out;
}

function dataCenterToken(seed: string): string {
  return "BBDC-" + toBase64(fake.digits(12, seed).replace(/^0/, "7") + ":" + fake.alnum(20, seed + "-body"));
}

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
  defineRule({
    id: "bitbucket-data-center-http-access-token",
    title: "Bitbucket Data Center HTTP access token",
    provider: "Bitbucket",
    severity: "high",
    keywords: ["bbdc-"],
    find: findDataCenterTokens,
    docs: "https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html",
    remediation: "Revoke the token in the user's, project's or repository's HTTP access tokens settings and keep its replacement in a secret store.",
    samples: () => [dataCenterToken("bbdc-1"), dataCenterToken("bbdc-2")] as const,
    truePositives: ([t, u]) => [...inSyntaxes("bitbucket_token", t), ...withValue(u, "%s", "git clone https:" + "//ci:%s@git.acme.internal/scm/proj/repo.git")],
    falsePositives: ([t]) => [`BITBUCKET_TOKEN=BBDC-${fake.base64(44, "bbdc-random")}`, `BITBUCKET_TOKEN=${t.toUpperCase()}`, "BBDC-1234"],
  }),
];
