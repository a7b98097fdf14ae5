/**
 * A provider's prefix with a dummy body (`xoxb-XXXX…`, `sk-ant-api03-your-key-here`, `ghp_<token>`,
 * `sk_live_YOUR_SECRET_KEY`): documentation and templates showing where a credential goes. The
 * provider rules refuse such bodies (they do not have the format's length or alphabet); this rule
 * reports them as placeholders named with the provider's rule, so a template is never silently
 * dropped and the reviewer sees which credential it stands for. Real-looking bodies are left to the
 * provider rules (their own checks classify repetitive values).
 */
import type { RawMatch, Rule } from "../../rule.js";
import { defineRule } from "../kit.js";

/** Prefix (a regex source, case-sensitive) -> the rule that reports real values of that format. */
const PREFIXES: ReadonlyArray<readonly [prefix: string, ruleId: string, title: string]> = [
  ["xoxb-", "slack-bot-token", "Slack bot token"],
  ["xoxp-", "slack-user-token", "Slack user token"],
  ["xox[sc]-", "slack-session-token", "Slack session token"],
  ["xoxa-", "slack-workspace-token", "Slack workspace token"],
  ["xapp-", "slack-app-token", "Slack app-level token"],
  ["sk-ant-admin01-", "anthropic-admin-key", "Anthropic admin API key"],
  ["sk-ant-(?:api03-)?", "anthropic-api-key", "Anthropic API key"],
  ["sk-(?:proj|svcacct|admin)-", "openai-project-key", "OpenAI API key"],
  ["ghp_", "github-pat-classic", "GitHub personal access token"],
  ["gho_", "github-oauth-token", "GitHub OAuth token"],
  ["ghs_", "github-installation-token", "GitHub installation token"],
  ["github_pat_", "github-pat-fine-grained", "GitHub fine-grained personal access token"],
  ["sk_live_", "stripe-secret-key", "Stripe secret key"],
  ["rk_live_", "stripe-restricted-key", "Stripe restricted key"],
  ["sk_test_", "stripe-test-key", "Stripe test key"],
  ["glpat-", "gitlab-pat", "GitLab personal access token"],
  ["npm_", "npm-access-token", "npm access token"],
  ["hf_", "huggingface-access-token", "Hugging Face access token"],
  ["pypi-", "pypi-api-token", "PyPI API token"],
  ["SG\\.", "sendgrid-api-key", "SendGrid API key"],
  ["AKIA", "aws-access-key-id", "AWS access key ID"],
  ["AIza", "gcp-api-key", "Google API key"],
  ["dop_v1_", "digitalocean-pat", "DigitalOcean personal access token"],
  ["lin_api_", "linear-api-key", "Linear API key"],
  // A bare "SK" starts many words: only a body of the SID's 32 characters.
  ["SK(?=[A-Za-z0-9_.*<>{}$…-]{32}(?![A-Za-z0-9_.*<>{}$…-]))", "twilio-api-key", "Twilio API key SID"],
];

const KEYWORDS = ["xoxb-", "xoxp-", "xoxs-", "xoxc-", "xoxa-", "xapp-", "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-admin-", "ghp_", "gho_", "ghs_", "github_pat_", "sk_live_", "rk_live_", "sk_test_", "glpat-", "npm_", "hf_", "pypi-", "sg.", "akia", "aiza", "dop_v1_", "lin_api_", "sk"];

const TOKEN = String.raw`[A-Za-z0-9_.*<>{}$…-]{3,160}`;
const CANDIDATE = new RegExp(`(?<![A-Za-z0-9_-])(?:${PREFIXES.map(([p]) => `(${p})`).join("|")})${TOKEN}`, "g");

/**
 * A body that shows where a credential goes rather than being one: a stand-in's marks, or one character
 * eight times in a row. Two patterns: a back-reference in the first would make V8 run all of it slower.
 */
const DUMMY = /<[^<>]{1,60}>|\{\{?[^{}]{1,60}\}\}?|\$\{[^{}]{1,60}\}|your|example|placeholder|replace|insert|redacted|dummy|sample|changeme|(?:^|[_-])(?:here|token|key|secret)(?:$|[_-])|[xX*.]{4,}|…|0123456|1234567|abcdefg/i;
const ONE_CHARACTER_RUN = /(.)\1{7,}/i;

function findDummyValues(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  // An exec loop, not matchAll (a copy of the pattern and an iterator a call) nor an array of the groups
  // a match: most texts are a real token's line, whose every match has a real body.
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let group = 0;
    while (group + 1 < m.length && m[group + 1] === undefined) group++;
    const prefix = m[group + 1] as string;
    const body = m[0].slice(prefix.length).replace(/[.…]+$/, (tail) => (tail.length >= 3 || tail === "…" ? tail : ""));
    if (!DUMMY.test(body) && !ONE_CHARACTER_RUN.test(body)) continue;
    const [, ruleId, title] = PREFIXES[group] as readonly [string, string, string];
    out.push({
      secret: prefix + body,
      index: m.index,
      ruleId,
      title,
      category: "placeholder",
      severity: "medium",
      message: `${title}: a placeholder in the format's place (its body is a dummy, not a credential). Keep the real value in an environment variable or a secret store when it is filled in.`,
    });
  }
  return out;
}

export const rules: Rule[] = [
  defineRule({
    id: "provider-placeholder",
    title: "Provider credential placeholder",
    provider: "placeholder",
    category: "placeholder",
    severity: "medium",
    keywords: KEYWORDS,
    reports: [...new Map(PREFIXES.map(([, id, title]) => [id, { id, title }])).values()],
    find: (text) => findDummyValues(text),
    // A provider's rank: over the name-based and carrier rules that would report the same template.
    priority: 2,
    docs: "https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password",
    remediation: "A template value: make sure the real credential is read from an environment variable or a secret store, never written here.",
    samples: () => [] as const,
    // Each placeholder is reported under the id of the provider rule whose format it stands in for.
    truePositives: () => [
      ["SLACK_BOT_TOKEN=xoxb-your-bot-token", "xoxb-your-bot-token", "slack-bot-token"],
      ["ANTHROPIC_API_KEY=sk-ant-api03-your-key-here", "sk-ant-api03-your-key-here", "anthropic-api-key"],
      ["STRIPE_KEY=sk_live_<your-secret-key>", "sk_live_<your-secret-key>", "stripe-secret-key"],
      ["OPENAI_API_KEY=sk-proj-<your-key>", "sk-proj-<your-key>", "openai-project-key"],
      ["GITHUB_TOKEN=ghp_<your-token>", "ghp_<your-token>", "github-pat-classic"],
      ["GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-xxxxxxxxxxxxxxxxxxxx", "gitlab-pat"],
    ],
    falsePositives: () => ["const prefix = 'xoxb-';", "see https://example.com/ghp_docs"],
  }),
];
