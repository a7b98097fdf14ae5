/**
 * GitLab: personal, project, group, deploy, runner, SCIM, CI job, trigger, incoming email, Kubernetes
 * agent, OAuth application, feature flag and feed tokens, each with its own prefix, and the session
 * cookie. Formats from GitLab's token documentation: the routable formats end in a CRC-32 of the rest,
 * checked offline by `validate`.
 */
import type { Example, Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import { crc32 } from "../../validate/checksum.js";
import { defineRule, escapeRegex, inSyntaxes, withValue } from "../kit.js";
import { keyed } from "./keyed.js";

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
  /** The variable the examples set the token in. */
  setting: string;
  /** Lines where this kind of token is used. */
  lines: (t: string) => Example[];
}): Rule {
  const { prefix } = opts;
  const escaped = escapeRegex(prefix);
  return defineRule({
    id: opts.id,
    title: opts.title,
    provider: "GitLab",
    severity: opts.severity ?? "high",
    keywords: [prefix.toLowerCase()],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${escaped}(?:${ROUTABLE}|${opts.classic}))(?![A-Za-z0-9_-])`),
    // A value with the prefix and neither format (cut short, padded, another alphabet) is a broken copy.
    // Classic bodies up to two characters over the documented length are in use: they stay tokens.
    owns: { prefixes: [prefix], shape: { chars: "A-Za-z0-9_.-", length: [prefix.length + 20, prefix.length + 320], exact: `${escaped}(?:${ROUTABLE}|${opts.classic.replace(/\{(\d+)\}$/, (_, n: string) => `{${n},${Number(n) + 2}}`)})` } },
    validate: gitlabChecksum,
    docs: GITLAB_DOCS,
    remediation: opts.remediation,
    samples: () => [prefix + opts.classicSample(opts.id), gitlabRoutable(prefix, opts.id + "-routable")] as const,
    truePositives: ([classic, routable]) => [...inSyntaxes(opts.setting, routable), ...inSyntaxes(opts.setting, classic, ["env"]), ...opts.lines(classic)],
    falsePositives: ([classic]) => [`GITLAB_TOKEN=${classic.slice(0, prefix.length + 10)}`, `const notAToken = "x${classic}";`, `const prefixOnly = "${prefix}";`],
  });
}

const b64url20 = (seed: string) => fake.base64url(20, seed);

export const rules: Rule[] = [
  defineRule({
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
    // The cookie as sent, name included: the value is a header fragment, not a setting's value.
    truePositives: ([t]) => withValue(t, 'curl -H "Cookie: %s" https://gitlab.example.com/api/v4/user', "GITLAB_COOKIE=%s", '  "cookie": "%s; path=/",'),
    falsePositives: ([t]) => [t.slice(0, 30), 'cookie_name = "_gitlab_session="'],
  }),
  gitlabRule({
    id: "gitlab-pat",
    title: "GitLab personal, project or group access token",
    prefix: "glpat-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Revoke the token (User settings > Access tokens, or the project's/group's Access tokens) and keep its replacement in CI/CD variables or a secret store.",
    setting: "gitlab_token",
    lines: (t) => withValue(t, 'curl --header "PRIVATE-TOKEN: %s" https://gitlab.com/api/v4/projects'),
  }),
  gitlabRule({
    id: "gitlab-deploy-token",
    title: "GitLab deploy token",
    prefix: "gldt-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Revoke the deploy token in Settings > Repository > Deploy tokens and create a new one stored as a masked CI/CD variable.",
    setting: "ci_deploy_password",
    lines: (t) => withValue(t, "docker login -u gitlab+deploy-token-1 -p %s registry.gitlab.com"),
  }),
  gitlabRule({
    id: "gitlab-runner-authentication-token",
    title: "GitLab runner authentication token",
    prefix: "glrt-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "high",
    remediation: "Reset the runner's authentication token (or delete the runner) in the runner's settings and re-register it.",
    setting: "runner_token",
    lines: (t) => withValue(t, '  token = "%s"', "gitlab-runner register --url https://gitlab.com --token %s"),
  }),
  gitlabRule({
    id: "gitlab-runner-registered-token",
    title: "GitLab runner authentication token (obtained with a registration token)",
    prefix: "glrtr-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Delete the runner in the GitLab UI (which revokes its token) and register a new one.",
    setting: "runner_token",
    lines: (t) => withValue(t, '  token = "%s"'),
  }),
  gitlabRule({
    id: "gitlab-runner-registration-token",
    title: "GitLab runner registration token (legacy)",
    prefix: "GR1348941",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Reset the registration token in the project's/group's CI/CD > Runners settings and move to runner authentication tokens.",
    setting: "registration_token",
    lines: (t) => withValue(t, "gitlab-runner register --registration-token %s"),
  }),
  gitlabRule({
    id: "gitlab-scim-token",
    title: "GitLab SCIM token",
    prefix: "glsoat-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    remediation: "Reset the SCIM token in the group's SAML SSO settings and update the identity provider with the new one.",
    setting: "gitlab_scim_token",
    lines: (t) => withValue(t, "Authorization: Bearer %s"),
  }),
  gitlabRule({
    id: "gitlab-ci-job-token",
    title: "GitLab CI/CD job token",
    prefix: "glcbt-",
    classic: "[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}",
    classicSample: (seed) => fake.alnum(2, seed) + "_" + fake.base64url(20, seed + "-b"),
    severity: "medium",
    remediation: "Job tokens expire with the job; find how it was printed or persisted (logs, artifacts) and stop it, and restrict the job token's allowlist.",
    setting: "ci_job_token",
    lines: (t) => withValue(t, 'curl --header "JOB-TOKEN: %s" https://gitlab.com/api/v4/jobs'),
  }),
  gitlabRule({
    id: "gitlab-pipeline-trigger-token",
    title: "GitLab pipeline trigger token",
    prefix: "glptt-",
    classic: "[a-f0-9]{40}",
    classicSample: (seed) => fake.hex(40, seed),
    remediation: "Revoke the trigger token in Settings > CI/CD > Pipeline trigger tokens and create a new one stored as a masked variable.",
    setting: "trigger_token",
    lines: (t) => withValue(t, "curl -X POST -F token=%s -F ref=main https://gitlab.com/api/v4/projects/1/trigger/pipeline"),
  }),
  gitlabRule({
    id: "gitlab-incoming-mail-token",
    title: "GitLab incoming email token",
    prefix: "glimt-",
    classic: "[A-Za-z0-9_-]{25}",
    classicSample: (seed) => fake.base64url(25, seed),
    severity: "medium",
    remediation: "Reset the incoming email token in User settings > Access tokens, which changes the user's issue-by-email addresses.",
    setting: "incoming_email_token",
    lines: (t) => withValue(t, "GITLAB_INCOMING_TOKEN=%s"),
  }),
  gitlabRule({
    id: "gitlab-kubernetes-agent-token",
    title: "GitLab agent for Kubernetes token",
    prefix: "glagent-",
    classic: "[A-Za-z0-9_-]{50}",
    classicSample: (seed) => fake.base64url(50, seed),
    remediation: "Revoke the agent token in Operate > Kubernetes clusters, create a new one and store it as a Kubernetes secret.",
    setting: "token",
    lines: (t) => withValue(t, "helm upgrade --install agent gitlab/gitlab-agent --set config.token=%s"),
  }),
  gitlabRule({
    id: "gitlab-oauth-app-secret",
    title: "GitLab OAuth application secret",
    prefix: "gloas-",
    classic: "[A-Za-z0-9_-]{64}",
    classicSample: (seed) => fake.base64url(64, seed),
    remediation: "Renew the application's secret in its Applications settings and keep it in a secret store.",
    setting: "gitlab_client_secret",
    lines: (t) => withValue(t, '  "client_secret": "%s",'),
  }),
  gitlabRule({
    id: "gitlab-feature-flags-client-token",
    title: "GitLab feature flags client token",
    prefix: "glffct-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "medium",
    remediation: "Reset the instance ID token in Deploy > Feature flags > Configure and update the Unleash clients.",
    setting: "unleash_instance_id",
    lines: (t) => withValue(t, 'unleash = UnleashClient(url, app_name="prod", instance_id="%s")'),
  }),
  gitlabRule({
    id: "gitlab-feed-token",
    title: "GitLab feed token",
    prefix: "glft-",
    classic: "[A-Za-z0-9_-]{20}",
    classicSample: b64url20,
    severity: "medium",
    remediation: "Reset the feed token in User settings > Access tokens; it exposes the user's RSS/calendar feeds.",
    setting: "gitlab_feed_token",
    lines: (t) => withValue(t, 'const feed = "https://gitlab.com/dashboard/issues.atom?feed_token=%s";'),
  }),
  // Tokens created before GitLab 14.5 carry no prefix: 20 characters, read only as the value of a
  // setting whose name says GitLab and a credential word (`GITLAB_TOKEN`, `gitlab_secret`).
  ...keyed([
    {
      id: "gitlab-legacy-access-token",
      provider: "GitLab",
      kind: "access token (legacy, no prefix)",
      names: ["gitlab"],
      value: { alphabet: "alnum", extra: "_-", length: 20 },
      credentialWord: true,
      docs: GITLAB_DOCS,
    },
  ]),
];
