/** The SARIF tests' fixtures: previews only (what redact() would show), built at run time; never a whole credential. */
import { fake } from "../../src/core/detect/fake.js";
import type { RuleMeta } from "../../src/core/report/index.js";
import type { Finding, ScanReport } from "../../src/core/types.js";

export const RULES: RuleMeta[] = [
  {
    id: "github-pat-classic",
    title: "GitHub personal access token (classic)",
    provider: "GitHub",
    category: "secret",
    severity: "critical",
    docs: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github",
    remediation: "Revoke it under Settings > Developer settings > Personal access tokens",
  },
  { id: "aws-access-key-id", title: "AWS access key ID", provider: "AWS", category: "secret", severity: "high" },
  { id: "email-address", title: "Email address", provider: "generic", category: "pii", severity: "medium" },
  { id: "unused-rule", title: "A rule with no findings", provider: "generic", category: "secret", severity: "low" },
];

let counter = 0;
export function finding(overrides: Partial<Finding> = {}): Finding {
  counter++;
  return {
    rule: "github-pat-classic",
    category: "secret",
    severity: "critical",
    path: "src/config.ts",
    line: 12,
    column: 7,
    endColumn: 47,
    fingerprint: fake.hex(32, `fp-${counter}`),
    redacted: "gh" + "p_…" + fake.alnum(4, `tail-${counter}`),
    message: "GitHub personal access token (classic)",
    title: "GitHub personal access token (classic)",
    ...overrides,
  };
}

export function report(findings: Finding[]): ScanReport {
  return {
    version: 1,
    tool: { name: "claude-guard", version: "0.1.0" },
    scanned: { files: 3, bytes: 4096, commits: 0, claudeCommits: 0, skipped: [] },
    findings,
  };
}

export function fullReport(): ScanReport {
  return report([
    finding({ commit: "a".repeat(40) }),
    finding({
      rule: "aws-access-key-id",
      severity: "high",
      path: "deploy/my scripts/run ü.sh",
      line: 3,
      column: 1,
      endColumn: 21,
      redacted: "AK" + "IA…" + fake.upper(4, "aws"),
      message: "AWS access key ID",
      title: "AWS access key ID",
      validation: { status: "failed", check: "checksum", note: "not a confirmed credential" },
    }),
    finding({
      rule: "email-address",
      category: "pii",
      severity: "medium",
      path: "docs/日本語/readme#1.md",
      redacted: "j…m",
      message: "Email address",
      title: "Email address",
    }),
    finding({ rule: "config-rule", category: "policy", severity: "low", path: "a\\b.txt", title: "Custom rule", message: "Custom rule" }),
    finding({ path: "src/config.ts", line: 40 }),
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const parse = (text: string): Json => JSON.parse(text);

