/**
 * GitHub: personal access tokens (classic `ghp_` and fine-grained `github_pat_`), OAuth and GitHub App
 * user tokens (`gho_`, `ghu_`), installation tokens (`ghs_`), refresh tokens (`ghr_`) and OAuth / App
 * client secrets. Formats from GitHub's token format documentation: the classic formats end in a
 * CRC-32 of their random part, checked offline by `validate`. (GitHub App private keys are PEM blocks:
 * see private-keys.ts. Azure Repos uses Azure DevOps tokens: see azure.ts.)
 */
import type { Example, Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import { githubStyleChecksum, hasGithubStyleChecksum } from "../../validate/checksum.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

const CRC = "CRC32 checksum";

/**
 * GitHub's classic token formats: prefix, 30 random base62 characters, then base62(CRC-32 of those 30)
 * in 6 characters. Longer values of a prefix (newer variable-length formats) carry nothing to check.
 */
function githubChecksum(prefix: string): (secret: string) => Validation {
  return (secret) => {
    const body = secret.slice(prefix.length);
    if (body.length !== 36 || !/^[A-Za-z0-9]+$/.test(body)) return { status: "unchecked" };
    return hasGithubStyleChecksum(body)
      ? { status: "confirmed", check: CRC }
      : { status: "failed", check: CRC, note: "the last 6 characters are not the checksum of the first 30" };
  };
}

/** A fake classic GitHub token with a valid checksum. */
function githubToken(prefix: string, seed: string): string {
  const body = fake.alnum(30, seed);
  return prefix + body + githubStyleChecksum(body);
}

/** The same token with one random character changed: its checksum no longer matches. */
function tamper(token: string): string {
  const i = token.length - 10;
  const c = token[i] === "A" ? "B" : "A";
  return token.slice(0, i) + c + token.slice(i + 1);
}

const GITHUB_DOCS = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats";

/** A classic token rule: `setting` names the variable its examples are set in, `lines` adds its own. */
function githubClassic(id: string, title: string, prefix: string, remediation: string, setting: string, lines: (t: string) => Example[]): Rule {
  return defineRule({
    id,
    title,
    provider: "GitHub",
    severity: "high",
    keywords: [prefix],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
    validate: githubChecksum(prefix),
    docs: GITHUB_DOCS,
    remediation,
    samples: () => [githubToken(prefix, id), tamper(githubToken(prefix, id + "-2"))] as const,
    // A token whose checksum fails (a typo, or a value edited by hand) is still reported.
    truePositives: ([t, typo]) => [...inSyntaxes(setting, t), ...lines(t), ...withValue(typo, "GH_TOKEN=%s")],
    falsePositives: ([t]) => [`GITHUB_TOKEN=${t.slice(0, 30)}`, `const notAToken = "x${t}";`, `const longer = "${t}Q";`, "GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}"],
  });
}

export const rules: Rule[] = [
  githubClassic(
    "github-pat-classic",
    "GitHub personal access token (classic)",
    "gh" + "p_",
    "Delete the token under Settings > Developer settings > Personal access tokens, then use a fine-grained token or a GitHub App kept in a secret store.",
    "github_token",
    (t) => withValue(t, "git remote set-url origin https:" + "//%s@github.com/acme/app.git", '  token: "%s"'),
  ),
  githubClassic(
    "github-oauth-token",
    "GitHub OAuth access token",
    "gh" + "o_",
    "Revoke the token (the OAuth app's settings, or DELETE /applications/{client_id}/token) and store user tokens encrypted, outside the code.",
    "oauth_token",
    (t) => withValue(t, 'headers: { Authorization: "token %s" },'),
  ),
  githubClassic(
    "github-user-to-server-token",
    "GitHub App user access token",
    "gh" + "u_",
    "Revoke the token (DELETE /applications/{client_id}/token or the user's authorized apps) and keep user tokens encrypted, outside the code.",
    "access_token",
    (t) => withValue(t, 'curl -H "Authorization: Bearer %s" https://api.github.com/user'),
  ),
  defineRule({
    id: "github-installation-token",
    title: "GitHub App installation access token",
    provider: "GitHub",
    severity: "high",
    keywords: ["gh" + "s_"],
    // Classic 40-character tokens (with a checksum) and the stateless format rolled out in 2026:
    // "ghs_" + the app id + "_" + a JWT (about 520 characters).
    regex: new RegExp(
      `(?<![A-Za-z0-9_])(?<secret>${"gh" + "s_"}(?:[A-Za-z0-9]{36}(?![A-Za-z0-9_.-])|[0-9]{1,12}[_.][A-Za-z0-9_-]{10,600}\\.[A-Za-z0-9_-]{10,1500}(?:\\.[A-Za-z0-9_-]{10,1000})?))(?![A-Za-z0-9_.-])`,
    ),
    validate: githubChecksum("gh" + "s_"),
    docs: "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app",
    remediation: "Revoke it (DELETE /installation/token); installation tokens expire within an hour, so mint them at run time and never commit them.",
    samples: () =>
      [
        githubToken("gh" + "s_", "ghs"),
        "gh" + "s_" + fake.digits(7, "app-id") + "_" + "eyJ" + fake.base64url(40, "jwt-h") + ".eyJ" + fake.base64url(300, "jwt-p") + "." + fake.base64url(86, "jwt-s"),
      ] as const,
    truePositives: ([t, stateless]) => [
      ...inSyntaxes("github_token", t),
      ...withValue(t, "git clone https:" + "//x-access-token:%s@github.com/acme/app.git"),
      ...inSyntaxes("token", stateless),
    ],
    falsePositives: ([t]) => [`GITHUB_TOKEN=${t.slice(0, 38)}`, `const id = "${"gh" + "s_"}123_notajwt";`],
  }),
  defineRule({
    id: "github-refresh-token",
    title: "GitHub App refresh token",
    provider: "GitHub",
    severity: "high",
    keywords: ["gh" + "r_"],
    // Refresh tokens are 76 characters after the prefix in GitHub's documentation; 36-character ones
    // carry the classic checksum.
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${"gh" + "r_"}(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36}))(?![A-Za-z0-9_])`),
    validate: githubChecksum("gh" + "r_"),
    exampleValues: ["gh" + "r_" + "1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498"],
    docs: "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
    remediation: "Revoke the user's authorization of the app (or DELETE /applications/{client_id}/grant) and store refresh tokens encrypted, outside the code.",
    samples: () => ["gh" + "r_" + fake.alnum(76, "ghr"), githubToken("gh" + "r_", "ghr-short")] as const,
    truePositives: ([long, short]) => [...inSyntaxes("refresh_token", long), ...inSyntaxes("github_refresh_token", short, ["env", "yaml"])],
    falsePositives: ([long]) => [`  "refresh_token": "${long.slice(0, 60)}",`, `const x = "${long}Z";`],
  }),
  defineRule({
    id: "github-pat-fine-grained",
    title: "GitHub fine-grained personal access token",
    provider: "GitHub",
    severity: "high",
    keywords: ["github_pat_"],
    // github_pat_<22>_<59>: 82 characters after the prefix, the underscore at the 23rd.
    regex: /(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9_]{82})(?![A-Za-z0-9_])/,
    docs: GITHUB_DOCS,
    remediation: "Delete the token under Settings > Developer settings > Fine-grained tokens and keep its replacement in a secret store.",
    samples: () => ["github_pat_" + fake.alnum(22, "fg-a") + "_" + fake.alnum(59, "fg-b")] as const,
    truePositives: ([t]) => [...inSyntaxes("github_token", t), ...withValue(t, 'octokit = new Octokit({ auth: "%s" });')],
    falsePositives: ([t]) => [`GITHUB_TOKEN=${t.slice(0, 70)}`, `const prefix = "github_pat_";`],
  }),
  defineRule({
    id: "github-oauth-client-secret",
    title: "GitHub OAuth / GitHub App client secret",
    provider: "GitHub",
    severity: "high",
    // Every match names a client secret (the setting's own words, rarer than "github" on a line), whatever
    // stands between it and the GitHub name (`GH_APP_CLIENT_SECRET`).
    keywords: ["clientsecret", "client_secret", "client-secret", "client.secret"],
    // 40 hex characters with no prefix: only as the value of a GitHub client secret setting.
    regex: assigned(`(?:${ci("github")}|${ci("gh")})[\\w. -]{0,20}?${ci("client")}${SEP}${ci("secret")}`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
    remediation: "Generate a new client secret in the app's settings, delete the old one, and keep it in a secret store.",
    samples: () => [fake.hex(40, "gh-client-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("github_client_secret", s), ...withValue(s, "  githubClientSecret: '%s',", "GH_APP_CLIENT_SECRET=%s", "gh-oauth.client-secret: %s")],
    falsePositives: ([s]) => [`GITHUB_CLIENT_ID=${s}`, `GITHUB_CLIENT_SECRET=${s.slice(0, 32)}`, `const commit = "${s}";`],
  }),
];
