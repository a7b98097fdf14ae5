/**
 * Code hosting and CI credentials: GitHub, GitLab, Bitbucket, Gitea/Forgejo, Travis CI, CircleCI,
 * Buildkite and Drone. (GitHub App private keys are PEM blocks: see private-keys.ts. Azure Repos uses
 * Azure DevOps tokens: see cloud.ts.)
 *
 * GitHub's classic formats and GitLab's routable formats embed a CRC-32, checked offline by `validate`.
 * Example values are generated at run time (fake.ts) so that no realistic secret sits in this file.
 */
import type { Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, define, line } from "./kit.js";

export { exampleSecrets } from "./kit.js";
import { crc32, githubStyleChecksum, hasGithubStyleChecksum } from "../../validate/checksum.js";

// ---------------------------------------------------------------------------------------------------
// GitHub

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

function githubClassic(
  id: string,
  title: string,
  prefix: string,
  remediation: string,
  lines: (t: string) => string[],
): Rule {
  const literal = prefix; // e.g. "ghp_"
  return define({
    id,
    title,
    provider: "GitHub",
    severity: "high",
    keywords: [literal],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${literal}[A-Za-z0-9]{36})(?![A-Za-z0-9_])`),
    validate: githubChecksum(literal),
    docs: GITHUB_DOCS,
    remediation,
    samples: () => [githubToken(literal, id), tamper(githubToken(literal, id + "-2"))] as const,
    truePositives: ([t, typo]) => [...lines(t), line.env("GH_TOKEN", typo)],
    falsePositives: ([t]) => [
      line.env("GITHUB_TOKEN", t.slice(0, 30)),
      `const notAToken = "x${t}";`,
      `const longer = "${t}Q";`,
      "GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}",
    ],
  });
}

const githubRules: Rule[] = [
  githubClassic(
    "github-pat-classic",
    "GitHub personal access token (classic)",
    "gh" + "p_",
    "Delete the token under Settings > Developer settings > Personal access tokens, then use a fine-grained token or a GitHub App kept in a secret store.",
    (t) => [line.env("GITHUB_TOKEN", t), `git remote set-url origin https:` + `//${t}` + `@github.com/acme/app.git`, `  token: "${t}"`],
  ),
  githubClassic(
    "github-oauth-token",
    "GitHub OAuth access token",
    "gh" + "o_",
    "Revoke the token (the OAuth app's settings, or DELETE /applications/{client_id}/token) and store user tokens encrypted, outside the code.",
    (t) => [`headers: { Authorization: "token ${t}" },`, line.json("oauth_token", t)],
  ),
  githubClassic(
    "github-user-to-server-token",
    "GitHub App user access token",
    "gh" + "u_",
    "Revoke the token (DELETE /applications/{client_id}/token or the user's authorized apps) and keep user tokens encrypted, outside the code.",
    (t) => [line.json("access_token", t), `curl -H "Authorization: Bearer ${t}" https://api.github.com/user`],
  ),
  define({
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
    truePositives: ([t, stateless]) => [line.env("GITHUB_TOKEN", t), `git clone https:` + `//x-access-token:${t}` + `@github.com/acme/app.git`, line.json("token", stateless)],
    falsePositives: ([t]) => [line.env("GITHUB_TOKEN", t.slice(0, 38)), `const id = "${"gh" + "s_"}123_notajwt";`],
  }),
  define({
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
    truePositives: ([long, short]) => [line.json("refresh_token", long), line.env("GITHUB_REFRESH_TOKEN", short)],
    falsePositives: ([long]) => [line.json("refresh_token", long.slice(0, 60)), `const x = "${long}Z";`],
  }),
  define({
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
    truePositives: ([t]) => [line.env("GITHUB_TOKEN", t), `octokit = new Octokit({ auth: "${t}" });`],
    falsePositives: ([t]) => [line.env("GITHUB_TOKEN", t.slice(0, 70)), `const prefix = "github_pat_";`],
  }),
  define({
    id: "gitlab-session-cookie",
    title: "GitLab session cookie",
    provider: "GitLab",
    severity: "high",
    keywords: ["_gitlab_session="],
    // The signed-in session: whoever holds it acts as the user until it expires.
    regex: /(?<secret>_gitlab_session=[0-9a-zA-Z]{32})(?![0-9a-zA-Z])/,
    docs: "https://docs.gitlab.com/ee/user/profile/active_sessions.html",
    remediation: "Revoke the session under User Settings > Active sessions (or sign out everywhere) and never paste cookies into code or logs.",
    samples: () => ["_gitlab_session=" + fake.hex(32, "gl-session")] as const,
    truePositives: ([t]) => [`curl -H "Cookie: ${t}" https://gitlab.example.com/api/v4/user`, line.env("GITLAB_COOKIE", t)],
    falsePositives: ([t]) => [t.slice(0, 30), 'cookie_name = "_gitlab_session="'],
  }),
  define({
    id: "github-oauth-client-secret",
    title: "GitHub OAuth / GitHub App client secret",
    provider: "GitHub",
    severity: "high",
    keywords: ["github", "gh_client", "ghclient"],
    // 40 hex characters with no prefix: only as the value of a GitHub client secret setting.
    regex: assigned(`(?:${ci("github")}|${ci("gh")})[\\w.-]{0,20}?${ci("client")}${SEP}${ci("secret")}`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
    remediation: "Generate a new client secret in the app's settings, delete the old one, and keep it in a secret store.",
    samples: () => [fake.hex(40, "gh-client-secret")] as const,
    truePositives: ([s]) => [line.env("GITHUB_CLIENT_SECRET", s), `  githubClientSecret: '${s}',`],
    falsePositives: ([s]) => [line.env("GITHUB_CLIENT_ID", s), line.env("GITHUB_CLIENT_SECRET", s.slice(0, 32)), `const commit = "${s}";`],
  }),
];

// ---------------------------------------------------------------------------------------------------
// GitLab

/**
 * GitLab's routable token format: prefix + base64url payload + "." + 2-char version + "." + the payload
 * length (2 base-36 chars) + CRC-32 (7 base-36 chars) of everything before it, prefix included.
 */
const ROUTABLE = String.raw`[A-Za-z0-9_-]{27,300}(?:\.[0-9a-z]{2})?\.[0-9a-z]{9}`;

function gitlabChecksum(secret: string): Validation {
  if (!secret.includes(".")) return { status: "unchecked" };
  const check = "CRC32 checksum";
  const expected = crc32(secret.slice(0, -7)).toString(36).padStart(7, "0");
  return expected === secret.slice(-7)
    ? { status: "confirmed", check }
    : { status: "failed", check, note: "the last 7 characters are not the CRC-32 of the rest" };
}

/** A fake routable GitLab token with a valid checksum. */
function gitlabRoutable(prefix: string, seed: string): string {
  const payload = fake.base64url(38, seed);
  const head = `${prefix}${payload}.01.${payload.length.toString(36).padStart(2, "0")}`;
  return head + crc32(head).toString(36).padStart(7, "0");
}

const GITLAB_DOCS = "https://docs.gitlab.com/security/tokens/#token-prefixes";

function gitlabRule(opts: {
  id: string;
  title: string;
  prefix: string;
  /** The body of the classic (non-routable) format, as a regex. */
  classic: string;
  /** A fake classic body. */
  classicSample: (seed: string) => string;
  severity?: Rule["severity"];
  remediation: string;
  lines: (t: string) => string[];
}): Rule {
  const { prefix } = opts;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  return define({
    id: opts.id,
    title: opts.title,
    provider: "GitLab",
    severity: opts.severity ?? "high",
    keywords: [prefix.toLowerCase()],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${escaped}(?:${ROUTABLE}|${opts.classic}))(?![A-Za-z0-9_-])`),
    validate: gitlabChecksum,
    docs: GITLAB_DOCS,
    remediation: opts.remediation,
    samples: () => [prefix + opts.classicSample(opts.id), gitlabRoutable(prefix, opts.id + "-routable")] as const,
    truePositives: ([classic, routable]) => [...opts.lines(classic), line.env("GITLAB_TOKEN", routable)],
    falsePositives: ([classic]) => [line.env("GITLAB_TOKEN", classic.slice(0, prefix.length + 10)), `const notAToken = "x${classic}";`, `const prefixOnly = "${prefix}";`],
  });
}

const b64url20 = (seed: string) => fake.base64url(20, seed);

const gitlabRules: Rule[] = [
  gitlabRule({
    id: "gitlab-pat",
    title: "GitLab personal, project or group access token",
    prefix: "glpat-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Revoke the token (User settings > Access tokens, or the project's/group's Access tokens) and keep its replacement in CI/CD variables or a secret store.",
    lines: (t) => [line.env("GITLAB_TOKEN", t), `curl --header "PRIVATE-TOKEN: ${t}" https://gitlab.com/api/v4/projects`],
  }),
  gitlabRule({
    id: "gitlab-deploy-token",
    title: "GitLab deploy token",
    prefix: "gldt-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Revoke the deploy token in Settings > Repository > Deploy tokens and create a new one stored as a masked CI/CD variable.",
    lines: (t) => [line.env("CI_DEPLOY_PASSWORD", t), `docker login -u gitlab+deploy-token-1 -p ${t} registry.gitlab.com`],
  }),
  gitlabRule({
    id: "gitlab-runner-authentication-token",
    title: "GitLab runner authentication token",
    prefix: "glrt-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "high",
    remediation: "Reset the runner's authentication token (or delete the runner) in the runner's settings and re-register it.",
    lines: (t) => [`  token = "${t}"`, `gitlab-runner register --url https://gitlab.com --token ${t}`],
  }),
  gitlabRule({
    id: "gitlab-runner-registered-token",
    title: "GitLab runner authentication token (obtained with a registration token)",
    prefix: "glrtr-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Delete the runner in the GitLab UI (which revokes its token) and register a new one.",
    lines: (t) => [`  token = "${t}"`, line.env("RUNNER_TOKEN", t)],
  }),
  gitlabRule({
    id: "gitlab-runner-registration-token",
    title: "GitLab runner registration token (legacy)",
    prefix: "GR1348941",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Reset the registration token in the project's/group's CI/CD > Runners settings and move to runner authentication tokens.",
    lines: (t) => [`gitlab-runner register --registration-token ${t}`, line.env("REGISTRATION_TOKEN", t)],
  }),
  gitlabRule({
    id: "gitlab-scim-token",
    title: "GitLab SCIM token",
    prefix: "glsoat-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Reset the SCIM token in the group's SAML SSO settings and update the identity provider with the new one.",
    lines: (t) => [line.env("GITLAB_SCIM_TOKEN", t), `Authorization: Bearer ${t}`],
  }),
  gitlabRule({
    id: "gitlab-ci-job-token",
    title: "GitLab CI/CD job token",
    prefix: "glcbt-",
    classic: "[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}",
    classicSample: (seed) => fake.alnum(2, seed) + "_" + fake.base64url(20, seed + "-b"),
    severity: "medium",
    remediation: "Job tokens expire with the job; find how it was printed or persisted (logs, artifacts) and stop it, and restrict the job token's allowlist.",
    lines: (t) => [`curl --header "JOB-TOKEN: ${t}" https://gitlab.com/api/v4/jobs`, line.env("CI_JOB_TOKEN", t)],
  }),
  gitlabRule({
    id: "gitlab-pipeline-trigger-token",
    title: "GitLab pipeline trigger token",
    prefix: "glptt-",
    classic: "[a-f0-9]{40}",
    classicSample: (seed) => fake.hex(40, seed),
    remediation: "Revoke the trigger token in Settings > CI/CD > Pipeline trigger tokens and create a new one stored as a masked variable.",
    lines: (t) => [`curl -X POST -F token=${t} -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline`, line.env("TRIGGER_TOKEN", t)],
  }),
  gitlabRule({
    id: "gitlab-incoming-mail-token",
    title: "GitLab incoming email token",
    prefix: "glimt-",
    classic: "[A-Za-z0-9_-]{25}",
    classicSample: (seed) => fake.base64url(25, seed),
    severity: "medium",
    remediation: "Reset the incoming email token in User settings > Access tokens, which changes the user's issue-by-email addresses.",
    lines: (t) => [line.json("incoming_email_token", t), line.env("GITLAB_INCOMING_TOKEN", t)],
  }),
  gitlabRule({
    id: "gitlab-kubernetes-agent-token",
    title: "GitLab agent for Kubernetes token",
    prefix: "glagent-",
    classic: "[A-Za-z0-9_-]{50}",
    classicSample: (seed) => fake.base64url(50, seed),
    remediation: "Revoke the agent token in Operate > Kubernetes clusters, create a new one and store it as a Kubernetes secret.",
    lines: (t) => [`helm upgrade --install agent gitlab/gitlab-agent --set config.token=${t}`, line.yaml("token", t)],
  }),
  gitlabRule({
    id: "gitlab-oauth-app-secret",
    title: "GitLab OAuth application secret",
    prefix: "gloas-",
    classic: "[A-Za-z0-9_-]{64}",
    classicSample: (seed) => fake.base64url(64, seed),
    remediation: "Renew the application's secret in its Applications settings and keep it in a secret store.",
    lines: (t) => [line.env("GITLAB_CLIENT_SECRET", t), line.json("client_secret", t)],
  }),
  gitlabRule({
    id: "gitlab-feature-flags-client-token",
    title: "GitLab feature flags client token",
    prefix: "glffct-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "medium",
    remediation: "Reset the instance ID token in Deploy > Feature flags > Configure and update the Unleash clients.",
    lines: (t) => [`unleash = UnleashClient(url, app_name="prod", instance_id="${t}")`, line.env("UNLEASH_INSTANCE_ID", t)],
  }),
  gitlabRule({
    id: "gitlab-feed-token",
    title: "GitLab feed token",
    prefix: "glft-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "medium",
    remediation: "Reset the feed token in User settings > Access tokens; it exposes the user's RSS/calendar feeds.",
    lines: (t) => [`const feed = "https://gitlab.com/dashboard/issues.atom?feed_token=${t}";`, line.env("GITLAB_FEED_TOKEN", t)],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Bitbucket, Gitea/Forgejo, CI services

const otherRules: Rule[] = [
  define({
    id: "bitbucket-app-password",
    title: "Bitbucket app password",
    provider: "Bitbucket",
    severity: "high",
    keywords: ["atbb"],
    regex: /(?<![A-Za-z0-9_])(?<secret>ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    docs: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
    remediation: "Revoke the app password in Personal Bitbucket settings > App passwords and move to a scoped API token kept in a secret store.",
    samples: () => ["ATBB" + fake.alnum(24, "atbb") + fake.hexUpper(8, "atbb-crc")] as const,
    truePositives: ([p]) => [line.env("BITBUCKET_APP_PASSWORD", p), `git clone https:` + `//jdoe:${p}` + `@bitbucket.org/acme/app.git`],
    falsePositives: ([p]) => [line.env("BITBUCKET_APP_PASSWORD", p.slice(0, 30)), `const x = "${p}7";`],
  }),
  define({
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
    truePositives: ([t]) => [`curl -H "Authorization: Bearer ${t}" https://api.bitbucket.org/2.0/repositories/acme`, line.env("BITBUCKET_TOKEN", t)],
    falsePositives: ([t]) => [line.env("BITBUCKET_TOKEN", t.slice(0, 80)), line.env("BITBUCKET_TOKEN", t.slice(0, -9))],
  }),
  define({
    id: "gitea-access-token",
    title: "Gitea / Forgejo access token",
    provider: "Gitea",
    severity: "high",
    keywords: ["gitea", "forgejo", "codeberg"],
    regex: assigned(`(?:${ci("gitea")}|${ci("forgejo")}|${ci("codeberg")})[\\w.-]{0,20}?(?:${ci("token")}|${ci("pat")}|${ci("password")})`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens",
    remediation: "Delete the token in Settings > Applications on the Gitea/Forgejo instance and keep its replacement in a secret store.",
    samples: () => [fake.hex(40, "gitea")] as const,
    truePositives: ([t]) => [line.env("GITEA_TOKEN", t), line.yaml("forgejo_token", t)],
    falsePositives: ([t]) => [line.env("GITEA_SHA", t), line.env("GITEA_TOKEN", t.slice(0, 30))],
  }),
  define({
    id: "travis-ci-api-token",
    title: "Travis CI API token",
    provider: "Travis CI",
    severity: "high",
    keywords: ["travis"],
    regex: assigned(`${ci("travis")}[\\w.-]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[A-Za-z0-9_-]{22}", "[A-Za-z0-9_-]"),
    docs: "https://docs.travis-ci.com/user/triggering-builds/",
    remediation: "Regenerate the token in Travis CI's account settings and keep it in a secret store.",
    samples: () => [fake.base64url(22, "travis")] as const,
    truePositives: ([t]) => [line.env("TRAVIS_TOKEN", t), line.json("travis_api_token", t)],
    falsePositives: ([t]) => [line.env("TRAVIS_TOKEN", t.slice(0, 16)), line.env("TRAVIS_BUILD_ID", t)],
  }),
  define({
    id: "circleci-personal-token",
    title: "CircleCI personal API token",
    provider: "CircleCI",
    severity: "high",
    keywords: ["ccipat_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    docs: "https://circleci.com/docs/managing-api-tokens/",
    remediation: "Delete the token in User settings > Personal API tokens and keep its replacement in a secret store.",
    samples: () => ["CCIPAT_" + fake.alnum(22, "ccipat") + "_" + fake.hex(40, "ccipat-b")] as const,
    truePositives: ([t]) => [`  headers: { "Circle-Token": "${t}" },`, line.env("CIRCLECI_TOKEN", t)],
    falsePositives: ([t]) => [line.env("CIRCLECI_TOKEN", t.slice(0, 40)), `const prefix = "CCIPAT_";`],
  }),
  define({
    id: "circleci-project-token",
    title: "CircleCI project API token",
    provider: "CircleCI",
    severity: "high",
    keywords: ["cciprj_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    docs: "https://circleci.com/docs/managing-api-tokens/#creating-a-project-api-token",
    remediation: "Delete the token in Project settings > API permissions and keep its replacement in a secret store.",
    samples: () => ["CCIPRJ_" + fake.alnum(22, "cciprj") + "_" + fake.hex(40, "cciprj-b")] as const,
    truePositives: ([t]) => [line.env("CIRCLE_PROJECT_TOKEN", t), `curl -u ${t}: https://circleci.com/api/v2/project/gh/acme/app/pipeline`],
    falsePositives: ([t]) => [line.env("CIRCLE_PROJECT_TOKEN", t.replace(/_[a-f0-9]{40}$/, "")), `const s = "CCIPRJ_${fake.alnum(22, "x")}";`],
  }),
  define({
    id: "circleci-api-token-legacy",
    title: "CircleCI API token (unprefixed format)",
    provider: "CircleCI",
    severity: "high",
    keywords: ["circle"],
    regex: assigned(`${ci("circle")}(?:${ci("ci")})?[\\w.-]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://circleci.com/docs/managing-api-tokens/",
    remediation: "Delete the token in User settings > Personal API tokens and keep its replacement in a secret store.",
    samples: () => [fake.hex(40, "circle-legacy")] as const,
    truePositives: ([t]) => [line.env("CIRCLECI_TOKEN", t), `  "circle-token": "${t}",`],
    falsePositives: ([t]) => [line.env("CIRCLE_SHA1", t), line.env("CIRCLECI_TOKEN", t.slice(0, 36))],
  }),
  define({
    id: "buildkite-api-token",
    title: "Buildkite API access token",
    provider: "Buildkite",
    severity: "high",
    keywords: ["bkua_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>bkua_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    docs: "https://buildkite.com/docs/apis/managing-api-tokens",
    remediation: "Revoke the token in Personal settings > API access tokens and keep its replacement in a secret store.",
    samples: () => ["bkua_" + fake.hex(40, "bkua")] as const,
    truePositives: ([t]) => [line.env("BUILDKITE_API_TOKEN", t), `curl -H "Authorization: Bearer ${t}" https://api.buildkite.com/v2/user`],
    falsePositives: ([t]) => [line.env("BUILDKITE_API_TOKEN", t.slice(0, 30)), line.env("BUILDKITE_API_TOKEN", "bkua_" + fake.alnum(40, "not-hex").replace(/[0-9a-f]/g, "Z"))],
  }),
  define({
    id: "drone-ci-token",
    title: "Drone CI personal token",
    provider: "Drone",
    severity: "high",
    keywords: ["drone"],
    regex: assigned(`${ci("drone")}[\\w.-]{0,20}?${ci("token")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://docs.drone.io/cli/setup/",
    remediation: "Rotate the token from the Drone user interface (Account > Token) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "drone")] as const,
    truePositives: ([t]) => [line.shell("DRONE_TOKEN", t), line.yaml("drone_token", t)],
    falsePositives: ([t]) => [line.env("DRONE_TOKEN", t.slice(0, 20)), line.env("DRONE_COMMIT", t)],
  }),
];

export const rules: Rule[] = [...githubRules, ...gitlabRules, ...otherRules];
