/**
 * The Action's audit record: the same record as the App's (src/core/audit/record.ts), built from this
 * run. Without `audit-token` (the repository's GITHUB_TOKEN cannot write to the org's audit repository)
 * it goes into the job summary and a JSON file, from which an org can collect it (an artifact, a
 * later job with its own token); with it, it is also appended to the org audit issue (below).
 *
 * Keyed hashes: the record's content_hash is an HMAC. The key comes from the AUDIT_HMAC_KEY
 * environment variable or the `audit-hmac-key` input (pass the App's key as a secret to make hashes comparable across doors); without
 * it a one-off random key is used, so the hash cannot be brute-forced back, nor verified later, and the
 * summary says so.
 */
import { randomBytes } from "node:crypto";
import { buildAuditRecord, type AuditRecord, type AuditRecordInput } from "../core/audit/record.js";
import { exportedRecord, signRecord } from "../core/audit/signature.js";
import { orgFactsOf } from "../core/audit/dashboard.js";
import { ORG_CONFIG_REPO } from "../core/config/load.js";
import { CONFIG_FILE } from "../core/files.js";
import { codeBlock } from "../core/report/markdown.js";
import { AuditIssueWriter, AuditWriteError, checkAuditRepository } from "../github/audit-issue.js";
import { describeApiError, type GitHubClient } from "../github/client.js";
import { loadOrgConfig } from "../github/config.js";

export type { AuditRecord } from "../core/audit/record.js";

interface AuditKey {
  key: string;
  /** False when AUDIT_HMAC_KEY was not set and a random key stands in. */
  provided: boolean;
}

/** AUDIT_HMAC_KEY from the environment, else the `audit-hmac-key` input. */
export function auditKey(env: NodeJS.ProcessEnv, input?: string): AuditKey {
  const key = env["AUDIT_HMAC_KEY"]?.trim() || input?.trim();
  return key ? { key, provided: true } : { key: randomBytes(32).toString("hex"), provided: false };
}

export function actionAuditRecord(input: Omit<AuditRecordInput, "session"> & { runId: string; runAttempt?: string }): AuditRecord {
  // The session of a workflow run: its id and attempt (a re-run is a new session of the same run).
  const id = `${input.runId}.${input.runAttempt ?? "1"}`.replace(/[^A-Za-z0-9._:-]/g, "-").slice(0, 100) || "local";
  const { runId: _runId, runAttempt: _runAttempt, ...rest } = input;
  return buildAuditRecord({ ...rest, session: { type: "workflow-run", id } });
}

/**
 * The audit file's text: the record with its signature, as `audit export` writes it, so that
 * `claude-guard audit verify` accepts it. A one-off key signs nothing anyone could check: then the
 * file holds the bare record, which verify refuses as unsigned.
 */
export function auditFileText(record: AuditRecord, key: AuditKey): string {
  const value = key.provided ? exportedRecord(record, signRecord(key.key, record)) : record;
  return JSON.stringify(value, null, 2) + "\n";
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

type AuditAppendStatus = "written" | "already-recorded" | "no-claude-changes" | "not-configured" | "refused" | "failed";

interface AuditAppendResult {
  status: AuditAppendStatus;
  /** For the job summary (Markdown). */
  note: string;
  issue?: { repository: string; number: number };
}

/**
 * With `audit-token`: appends the record to the org audit issue as the App does (src/app/audit.ts):
 * the audit repository comes from the ORG's config only (`<owner>/.github`, read with the audit token),
 * must be confirmed private or internal by GitHub, and the issue is written by the App's own writer
 * (src/github/audit-issue.ts). Never throws: what happened is a note for the summary, and the scan's
 * result does not depend on it.
 *
 * The writer trusts issues and comments written by a bot and signed with AUDIT_HMAC_KEY: give an App
 * installation token (the claude-guard App's, for one issue shared with the App) and the App's key.
 */
export async function appendToAuditIssue(gh: GitHubClient, owner: string, record: AuditRecord, key: AuditKey, serverUrl?: string): Promise<AuditAppendResult> {
  if (record.input_summary.claude_commits === 0) return { status: "no-claude-changes", note: "_No Claude-authored commit in this change: nothing was appended to the org audit issue._" };
  // A one-off key would sign a marker no later run (nor the App) can verify: nothing is written without the real key.
  if (!key.provided) {
    return {
      status: "refused",
      note: "**Audit record not written to the org audit issue:** `audit-token` is set but `AUDIT_HMAC_KEY` (or the `audit-hmac-key` input) is not. Records carry keyed hashes and are never written without the org's key.",
    };
  }
  try {
    const org = await loadOrgConfig(gh, owner);
    const audit = org.config.audit;
    if (!audit?.repository) {
      return { status: "not-configured", note: `_\`audit-token\` is set, but the org's ${ORG_CONFIG_REPO}/${CONFIG_FILE} names no \`audit.repository\`: nothing was appended to an audit issue._` };
    }
    const repo = { owner, repo: audit.repository };
    const where = `${owner}/${audit.repository}`;
    const visibility = await checkAuditRepository(gh, repo);
    if (!visibility.ok) {
      return {
        status: "refused",
        note: `**Audit record not written:** refused because ${visibility.reason}. Make it private (or internal), or set \`audit.repository\` in the org's ${ORG_CONFIG_REPO}/${CONFIG_FILE}.`,
      };
    }
    const writer = new AuditIssueWriter({
      gh,
      repo,
      key: key.key,
      // Nothing to compare an App id with from a token alone: the signed marker is the proof (authoredByApp).
      identity: {},
      notify: audit.notify,
      orgFacts: orgFactsOf(org.config),
      ...(serverUrl ? { serverUrl } : {}),
    });
    const result = await writer.write(record);
    const issue = { repository: where, number: result.issueNumber };
    return result.outcome === "appended"
      ? { status: "written", note: `Audit record written to ${where}#${result.issueNumber}${record.incident.critical ? " (critical incident: the notify teams were mentioned)" : ""}.`, issue }
      : { status: "already-recorded", note: `Audit record already in ${where}#${result.issueNumber} (a re-run of the same attempt adds nothing twice).`, issue };
  } catch (error) {
    const reason = error instanceof AuditWriteError ? error.message : describeApiError(error);
    return { status: "failed", note: `**Audit write failed:** ${reason}. The scan result is unaffected; the record is kept below and in the \`audit-file\` output.` };
  }
}
