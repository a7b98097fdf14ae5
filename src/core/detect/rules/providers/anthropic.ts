/**
 * Anthropic credentials (docs.anthropic.com): `sk-ant-api03-` API keys and `sk-ant-admin01-` Admin API
 * keys (93 URL-safe characters, then `AA`), and `sk-ant-oat01-` Claude Code OAuth tokens issued by
 * `claude setup-token` for CI.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "anthropic-api-key",
    title: "Anthropic API key",
    provider: "Anthropic",
    severity: "high",
    keywords: ["sk-ant-api03-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    docs: "https://docs.anthropic.com/en/api/overview#authentication",
    remediation: "Revoke the key in the Anthropic Console (Settings > API keys), create a new one, and load it from a secret manager or environment variable.",
    samples: () => ["sk-ant-api03-" + fake.base64url(93, "ant-1") + "AA", "sk-ant-api03-" + fake.base64url(93, "ant-2") + "AA"] as const,
    truePositives: ([a, b]) => [...inSyntaxes("anthropic_api_key", a), ...withValue(b, `client = anthropic.Anthropic(api_key="%s")`, `x-api-key: %s`)],
    falsePositives: ([a]) => [
      `ANTHROPIC_API_KEY=sk-ant-api03-${fake.base64url(93, "ant-3")}QQ`,
      `ANTHROPIC_API_KEY=sk-ant-api03-${fake.base64url(60, "ant-4")}AA`,
      "ANTHROPIC_API_KEY=sk-ant-api03-...",
      // Followed by more key characters.
      `${a}x`,
      "sk-ant-admin01-" + a.slice("sk-ant-api03-".length),
    ],
  }),
  defineRule({
    id: "anthropic-admin-key",
    title: "Anthropic Admin API key",
    provider: "Anthropic",
    // Manages the organization: members, workspaces and every API key.
    severity: "critical",
    keywords: ["sk-ant-admin01-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
    docs: "https://docs.anthropic.com/en/api/administration-api",
    remediation: "Revoke the Admin key in the Anthropic Console (Settings > Admin keys) at once and keep admin keys out of application code entirely.",
    samples: () => ["sk-ant-admin01-" + fake.base64url(93, "ant-admin-1") + "AA", "sk-ant-admin01-" + fake.base64url(93, "ant-admin-2") + "AA"] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("anthropic_admin_key", a),
      ...withValue(b, `curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: %s"`),
    ],
    falsePositives: ([a]) => [
      `sk-ant-admin01-${fake.base64url(93, "ant-admin-3")}`,
      `sk-ant-admin02-${fake.base64url(93, "ant-admin-4")}AA`,
      "sk-ant-api03-" + a.slice("sk-ant-admin01-".length),
    ],
  }),
  defineRule({
    id: "anthropic-oauth-token",
    title: "Claude Code OAuth token",
    provider: "Anthropic",
    severity: "high",
    keywords: ["sk-ant-oat01-"],
    // Issued by `claude setup-token` for CI (CLAUDE_CODE_OAUTH_TOKEN): 95 URL-safe characters.
    regex: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-oat01-[A-Za-z0-9_-]{95})(?![A-Za-z0-9_-])/,
    docs: "https://docs.anthropic.com/en/docs/claude-code/github-actions",
    remediation: "Sign out the token's sessions from claude.ai account settings, issue a new one with `claude setup-token`, and store it as a CI secret.",
    samples: () => ["sk-ant-oat01-" + fake.base64url(95, "ant-oat-1"), "sk-ant-oat01-" + fake.base64url(95, "ant-oat-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("claude_code_oauth_token", a), ...withValue(b, `claude_code_oauth_token: "%s"`, `export CLAUDE_CODE_OAUTH_TOKEN=%s`)],
    falsePositives: () => [
      `CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-${fake.base64url(40, "ant-oat-3")}`,
      "claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}",
    ],
  }),
];
