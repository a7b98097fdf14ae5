/**
 * The optional local audit trail of pre-flight decisions: one JSON line per hook event, in a file the
 * user names (`--audit-log FILE` or `CLAUDE_GUARD_AUDIT_LOG`), so a team can collect pre-flight
 * evidence next to the org's audit issue.
 *
 * The record follows the org audit record (src/core/audit/record.ts, version 1) field by field where a
 * field applies to a hook event (timestamp, user, team, session, input summary with `content_hash` and
 * `key_id`, output summary as category x severity counts, policy checks, incident, tool), and adds a
 * `hook` block (event, tool, decision). It holds counts, rule ids and hashes: never a prompt, a command,
 * file content, a path, a secret or a preview of one. The org module itself is not imported: it loads
 * the config schema, which the hook keeps off its start-up path; its hashing (hash.ts) is reused.
 *
 * Hashes are HMAC-SHA256 with `AUDIT_HMAC_KEY` when it is set, as in the App. Without a key the hash is
 * a plain SHA-256 and the record says so (`content_hash` starts with `sha256:`, `key_id` is null,
 * `hash_note` explains): a short password could be brute-forced back from an unkeyed hash.
 */
import { createHash } from "node:crypto";
import { CONTENT_HASH_PREFIX, hmacHex, keyId } from "../core/audit/hash.js";
import { CATEGORIES, SEVERITIES, type Category, type Severity } from "../core/types.js";
import type { HookDecision } from "./decide.js";

export const HOOK_AUDIT_RECORD_VERSION = 1;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SESSION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface HookAuditRecord {
  version: 1;
  kind: "pre-flight";
  timestamp: string;
  user: string | null;
  team: string | null;
  session: { type: "claude-code-session"; id: string | null };
  hook: { event: string; tool: string | null; decision: "allowed" | "blocked" | "allowed-with-context"; not_scanned: boolean };
  input_summary: {
    type: "prompt" | "tool_input" | "tool_output" | "other";
    languages: string[];
    pieces: number;
    lines: number;
    bytes: number;
    /** `hmac-sha256:<hex>` (keyed) or `sha256:<hex>` (unkeyed) over the scanned texts; null when nothing was scanned. */
    content_hash: string | null;
    key_id: string | null;
  };
  output_summary: {
    findings_total: number;
    findings: Record<Category, Record<Severity, number>>;
    /** Rule ids of the findings (identifiers, not content). */
    rules: string[];
    blocking: number;
  };
  policy_checks: {
    secret_scan: "passed" | "failed" | "not-run";
    pii_scan: "passed" | "failed" | "not-run";
    content_classification: string | null;
  };
  incident: { critical: boolean; reasons: Array<"confirmed-credential"> };
  hash_note?: string;
  tool: { name: "claude-guard"; version: string };
}

export interface AuditContext {
  sessionId?: string;
  classification?: string;
  hmacKey?: string;
  user?: string;
  team?: string;
  version: string;
  now?: Date;
}

export function buildHookAuditRecord(decision: HookDecision, ctx: AuditContext): HookAuditRecord {
  const all = [...decision.blocking, ...decision.reported].map((l) => l.finding);
  const findings = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(SEVERITIES.map((s) => [s, 0]))])) as Record<Category, Record<Severity, number>>;
  for (const f of all) findings[f.category][f.severity]++;
  const scanned = decision.notScanned === undefined;
  const key = ctx.hmacKey !== undefined && ctx.hmacKey !== "" ? ctx.hmacKey : undefined;
  const bytes = decision.texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  const lines = decision.texts.reduce((n, t) => n + (t === "" ? 0 : t.split("\n").length), 0);
  const canonical = decision.texts.map((t, i) => `piece ${i + 1}\n${t}\n`).join("");
  const record: HookAuditRecord = {
    version: HOOK_AUDIT_RECORD_VERSION,
    kind: "pre-flight",
    timestamp: (ctx.now ?? new Date()).toISOString(),
    user: ctx.user && LOGIN.test(ctx.user) ? ctx.user : null,
    team: ctx.team && TEAM.test(ctx.team) ? ctx.team : null,
    session: { type: "claude-code-session", id: ctx.sessionId && SESSION_ID.test(ctx.sessionId) ? ctx.sessionId : null },
    hook: {
      event: decision.event.slice(0, 40),
      tool: decision.tool !== undefined ? decision.tool.slice(0, 80) : null,
      decision: decision.verdict === "block" ? "blocked" : decision.verdict === "context" ? "allowed-with-context" : "allowed",
      not_scanned: !scanned,
    },
    input_summary: {
      type: !scanned ? "other" : decision.event === "UserPromptSubmit" ? "prompt" : decision.event === "PostToolUse" ? "tool_output" : "tool_input",
      languages: decision.language !== undefined && scanned ? [decision.language] : [],
      pieces: decision.texts.length,
      lines,
      bytes,
      content_hash: !scanned ? null : key ? CONTENT_HASH_PREFIX + hmacHex(key, canonical) : "sha256:" + createHash("sha256").update(canonical, "utf8").digest("hex"),
      key_id: key && scanned ? keyId(key) : null,
    },
    output_summary: {
      findings_total: all.length,
      findings,
      rules: [...new Set(all.map((f) => f.rule).filter((r) => RULE_ID.test(r)))].sort(),
      blocking: decision.blocking.length,
    },
    policy_checks: {
      secret_scan: !scanned ? "not-run" : all.some((f) => f.category === "secret") ? "failed" : "passed",
      pii_scan: !scanned ? "not-run" : all.some((f) => f.category === "pii") ? "failed" : "passed",
      content_classification: ctx.classification ?? null,
    },
    incident: { critical: all.some((f) => f.category === "secret" && f.validation?.status === "confirmed"), reasons: [] },
    tool: { name: "claude-guard", version: ctx.version },
  };
  if (record.incident.critical) record.incident.reasons.push("confirmed-credential");
  if (!key && scanned) record.hash_note = "unkeyed SHA-256: set AUDIT_HMAC_KEY for keyed hashes (an unkeyed hash of a short value can be brute-forced)";
  return record;
}
