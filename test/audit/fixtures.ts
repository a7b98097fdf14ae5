/**
 * Audit test data built at run time: a Claude change that adds a fake (checksum-valid) GitHub token,
 * a fake email address and ordinary code, scanned by the real scanner, so the record is built from real
 * findings with real redacted previews. Every value that must never reach a record is exported, so a
 * test can look for each one in every byte written.
 */
import { buildAuditRecord, type AuditRecord, type AuditRecordInput } from "../../src/core/audit/index.js";
import { fake } from "../../src/core/detect/fake.js";
import { githubStyleChecksum } from "../../src/core/detect/validate/checksum.js";
import { prepareScan } from "../../src/core/setup.js";
import type { CommitChange, Finding } from "../../src/core/types.js";
import { addedLinesOf } from "../../src/core/added-lines.js";

export const HMAC_KEY = "test-audit-key-" + fake.alnum(24, "audit-key");
export const OTHER_KEY = "other-audit-key-" + fake.alnum(24, "other-key");

export const sha = (n: number): string => n.toString(16).padStart(40, "0");

/** A GitHub classic token whose CRC32 checks out: the scanner reports it as `confirmed`. */
export function confirmedToken(seed: string): string {
  const body = fake.alnum(30, seed);
  return "gh" + "p_" + body + githubStyleChecksum(body);
}

export const SECRET = confirmedToken("audit-secret");
export const BODY_SENTINEL = "Refactor notes: internal-codename-" + fake.lower(12, "body-sentinel");
export const CONTENT_SENTINEL = "const greeting = 'content-sentinel-" + fake.lower(12, "content") + "';";
export const EMAIL = "jane." + fake.lower(8, "email") + "@example.org";

export function claudeChange(n: number, options: { withSecret?: boolean; skills?: string[]; paths?: string[] } = {}): CommitChange {
  const message = [
    `Add feature ${n}`,
    "",
    BODY_SENTINEL,
    "",
    ...(options.skills ?? []).map((s) => `Claude-Skill: ${s}`),
    "Co-Authored-By: Claude <noreply@anthropic.com>",
  ].join("\n");
  const paths = options.paths ?? ["src/feature.ts", "scripts/run.py"];
  const files = paths.map((path, i) =>
    i === 0 && options.withSecret
      ? addedLinesOf(path, [CONTENT_SENTINEL, `const token = "${SECRET}";`, `const contact = "${EMAIL}";`], [1, 2, 3])
      : addedLinesOf(path, [CONTENT_SENTINEL, `x = ${n}`], [1, 2]),
  );
  return {
    commit: { sha: sha(n), message, author: { name: "Jane", email: "jane@example.org", login: "jane-dev" }, committer: { name: "Jane", email: "jane@example.org" } },
    files,
    skipped: [],
  };
}

/** The real scanner over the changes' added lines (the App's own loop, minus skip rules). */
export function scanFindings(changes: readonly CommitChange[]): Finding[] {
  const setup = prepareScan({});
  const out: Finding[] = [];
  for (const change of changes) {
    for (const file of change.files) {
      out.push(...(setup.scanner.scan({ path: file.path, text: file.text, lineNumbers: file.lineNumbers, commit: change.commit.sha }).findings as Finding[]));
    }
  }
  return out;
}

export function recordInput(overrides: Partial<AuditRecordInput> = {}): AuditRecordInput {
  const changes = overrides.changes ?? [claudeChange(1, { withSecret: true, skills: ["code-review/security"] })];
  return {
    timestamp: "2025-03-04T10:00:00.000Z",
    session: { type: "webhook-delivery", id: "delivery-1" },
    repository: { owner: "acme", name: "api" },
    classification: { value: "internal", source: "custom property data_classification" },
    user: "jane-dev",
    change: { type: "pull_request", number: 7 },
    headSha: sha(99),
    changes,
    claudeCommits: changes.length,
    // Scanning is slow-ish (the whole rule set): only when the test did not give findings.
    findings: overrides.findings ?? scanFindings(changes),
    failOn: "high",
    piiScanRan: true,
    skillPolicyRan: false,
    hmacKey: HMAC_KEY,
    tool: { name: "claude-guard", version: "0.1.0" },
    ...overrides,
  };
}

/** A small record for repository `repo`, event `n` (delivery `delivery-<n>`, head sha(n)). */
export function simpleRecord(n: number, repo = `repo-${n}`, overrides: Partial<AuditRecordInput> = {}): AuditRecord {
  const changes = [claudeChange(1000 + n)];
  return buildAuditRecord(
    recordInput({
      session: { type: "webhook-delivery", id: `delivery-${n}` },
      repository: { owner: "acme", name: repo },
      headSha: sha(n),
      timestamp: new Date(Date.UTC(2025, 2, 4, 10, 0, n)).toISOString(),
      changes,
      claudeCommits: 1,
      findings: [],
      ...overrides,
    }),
  );
}
