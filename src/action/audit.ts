/**
 * The Action's audit record: the same record as the App's (src/core/audit/record.ts), built from this
 * run. Without `audit-token` (the repository's GITHUB_TOKEN cannot write to the org's audit repository)
 * it goes into the job summary and a JSON file, from which an org can collect it (an artifact, a
 * later job with its own token).
 *
 * Keyed hashes: the record's content_hash is an HMAC. The key comes from the AUDIT_HMAC_KEY
 * environment variable (pass the App's key as a secret to make hashes comparable across doors); without
 * it a one-off random key is used, so the hash cannot be brute-forced back, nor verified later, and the
 * summary says so.
 */
import { randomBytes } from "node:crypto";
import { buildAuditRecord, type AuditRecord, type AuditRecordInput } from "../core/audit/record.js";
import { codeBlock } from "../core/report/markdown.js";

export type { AuditRecord } from "../core/audit/record.js";

export interface AuditKey {
  key: string;
  /** False when AUDIT_HMAC_KEY was not set and a random key stands in. */
  provided: boolean;
}

export function auditKey(env: NodeJS.ProcessEnv): AuditKey {
  const key = env["AUDIT_HMAC_KEY"]?.trim();
  return key ? { key, provided: true } : { key: randomBytes(32).toString("hex"), provided: false };
}

export function actionAuditRecord(input: Omit<AuditRecordInput, "session"> & { runId: string; runAttempt?: string }): AuditRecord {
  // The session of a workflow run: its id and attempt (a re-run is a new session of the same run).
  const id = `${input.runId}.${input.runAttempt ?? "1"}`.replace(/[^A-Za-z0-9._:-]/g, "-").slice(0, 100) || "local";
  const { runId: _runId, runAttempt: _runAttempt, ...rest } = input;
  return buildAuditRecord({ ...rest, session: { type: "workflow-run", id } });
}

/** The record as a job-summary section: a collapsed JSON block (counts and hashes only). */
export function auditMarkdown(record: AuditRecord, file: string | undefined, key: AuditKey, auditTokenNote?: string): string {
  const lines = [
    "### Audit record",
    "",
    `Hashes and counts only, never content. ${file ? `Also written to \`${file}\` (output \`audit-file\`).` : ""}`.trim(),
  ];
  if (!key.provided) lines.push("", "_`content_hash` was made with a one-off key: set `AUDIT_HMAC_KEY` (the App's key, as a secret) to make it verifiable._");
  if (auditTokenNote) lines.push("", auditTokenNote);
  lines.push("", "<details><summary>Record (JSON)</summary>", "", codeBlock(JSON.stringify(record, null, 2), "json"), "", "</details>");
  return lines.join("\n") + "\n";
}

/**
 * SEAM (audit-token): appending the record to the org's audit issue, as the App does, needs the App's
 * audit-issue writer (find the issue by title in `audit.repository`, refuse a public repository, add the
 * record comment, refresh the dashboard). When that lands as a function over a small REST client, call it
 * here with `audit-token`. Until then the record is written locally and the summary says so.
 */
export async function appendToAuditIssue(_record: AuditRecord, _auditToken: string): Promise<{ written: boolean; note: string }> {
  return {
    written: false,
    note: "_`audit-token` is set, but appending to the org audit issue from the Action is not available yet: the record is kept in this summary and the `audit-file` output._",
  };
}
