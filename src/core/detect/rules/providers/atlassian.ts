/**
 * Atlassian credentials: API token; API token (legacy 24-character); Jira and Confluence Data Center
 * personal access tokens.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name;
 * Data Center tokens by their structure (base64 of a 12-digit token id, `:` and random bytes).
 * Formats from the provider's documentation: https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/,
 * https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html
 */
import type { RawMatch, Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { isAtlassianDataCenterToken } from "../../validate/structure.js";

/** 44 base64 characters on their own (a Bitbucket `BBDC-` token's body belongs to the Bitbucket rule). */
const DATA_CENTER_CANDIDATE = /(?<![A-Za-z0-9+/-])(?<!BBDC-)[MNO][A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])/g;

function findDataCenterTokens(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  // A token is 44 characters: a shorter text (most lines the word "token" selects) holds none.
  if (text.length < 44) return out;
  DATA_CENTER_CANDIDATE.lastIndex = 0;
  for (let m = DATA_CENTER_CANDIDATE.exec(text); m !== null; m = DATA_CENTER_CANDIDATE.exec(text)) {
    if (isAtlassianDataCenterToken(m[0])) out.push({ secret: m[0], index: m.index, validation: { status: "confirmed", check: "token structure" } });
  }
  return out;
}

/** A fake Data Center token: base64 of a 12-digit id, `:` and 20 random characters. */
function dataCenterToken(seed: string): string {
  return toBase64(fake.digits(12, seed).replace(/^0/, "4") + ":" + fake.alnum(20, seed + "-body"));
}

export const rules: Rule[] = [
  defineRule({
    id: "atlassian-api-token",
    title: "Atlassian API token",
    provider: "Atlassian",
    severity: "high",
    keywords: ["atatt3"],
    // ATATT3xFfGF0 + random + "=" + 8 upper-case hex (192 characters in all).
    regex: /(?<![\w-])(?<secret>ATATT3[A-Za-z0-9_=-]{150,220}=[0-9A-F]{8})(?![\w=-])/,
    docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    remediation: "Revoke the token at id.atlassian.com > Security > API tokens, create a new one and keep it in a secret manager or CI secret.",
    samples: () => {
      const t = "ATATT3" + "xFfGF0" + fake.base64url(171, "atl-1") + "=" + fake.hexUpper(8, "atl-1c");
      const t2 = "ATATT3" + "xFfGF0" + fake.base64url(171, "atl-2") + "=" + fake.hexUpper(8, "atl-2c");
      return [t, t2] as const;
    },
    truePositives: ([t, t2]) => [...inSyntaxes("atlassian_api_token", t), ...withValue(t, 'const JIRA_TOKEN = "%s";'), ...withValue(t2, "  jira_token: %s")],
    falsePositives: () => [
      "ATLASSIAN_API_TOKEN=${{ secrets.ATLASSIAN_API_TOKEN }}",
      'token = "ATATT3' + "xFfGF0" + fake.base64url(40, "atl-short") + '"',
      "ATATT3" + fake.base64url(180, "atl-nosum"),
    ],
  }),
  defineRule({
    id: "atlassian-api-token-legacy",
    title: "Atlassian API token (legacy 24-character)",
    provider: "Atlassian",
    severity: "high",
    keywords: ["atlassian", "jira", "confluence"],
    regex: contextRegex("atlassian|jira|confluence", String.raw`api[_.-]?token|token|password|secret|api[_.-]?key`, hasDigit(24) + "[A-Za-z0-9]{24}"),
    minEntropy: 3.2,
    docs: "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/",
    remediation: "Revoke the token at id.atlassian.com > Security > API tokens and store its replacement in a secret manager.",
    samples: () => [fake.alnum(21, "atl-leg-1") + "7" + fake.alnum(2, "atl-leg-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("jira_api_token", t), ...withValue(t, 'confluence_password: "%s"', "ATLASSIAN_TOKEN = '%s'")],
    falsePositives: () => [
      "JIRA_API_TOKEN=os.environ['JIRA_API_TOKEN']",
      'jira_project_key = "' + fake.alnum(24, "atl-fp") + '"',
      'JIRA_TOKEN="' + fake.alnum(30, "atl-long") + '"',
    ],
  }),
  defineRule({
    id: "atlassian-data-center-pat",
    title: "Jira / Confluence Data Center personal access token",
    provider: "Atlassian",
    severity: "high",
    keywords: ["jira", "confluence", "atlassian", "token", "bearer"],
    find: findDataCenterTokens,
    // Under a Jira or Confluence setting, 44 base64 characters are what a server issues: a value a few
    // characters off (cut, padded, its first letter changed) is a broken copy.
    owns: { names: ["jira", "confluence"], shape: { chars: "A-Za-z0-9+/=", length: [44, 44], exact: "[MNO][A-Za-z0-9+/]{43}" } },
    docs: "https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html",
    remediation: "Revoke the token under Profile > Personal Access Tokens on the Jira or Confluence server and keep its replacement in a secret store.",
    samples: () => [dataCenterToken("dc-pat-1"), dataCenterToken("dc-pat-2")] as const,
    truePositives: ([t, u]) => [...inSyntaxes("jira_token", t), ...withValue(u, "confluence_b=%s", 'curl -H "Authorization: Bearer %s" https://jira.acme.internal/rest/api/2/myself')],
    falsePositives: ([t]) => [
      `jira_token: ${fake.base64(44, "dc-random").replace(/^./, "N")}`,
      `jira_token: ${t}AAAA`,
      `jira_token: ${t.toUpperCase()}`,
    ],
  }),
];
