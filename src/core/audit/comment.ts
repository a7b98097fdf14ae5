/**
 * One audit record as a comment of the audit issue, and back. The comment is a hidden, signed marker
 * (delivery id and head SHA: a redelivered webhook finds it and adds nothing), a short line for a
 * person, a call to the notify teams on a critical incident, and the record's JSON in a collapsed block.
 * Repository data (names, logins, refs) is shown only in code spans, so it cannot add links, images or
 * mentions; the only mentions are the teams of the org config's `audit.notify`. Pure.
 */
import { parseJson } from "../bounded-parse.js";
import { codeBlock, codeSpan } from "../report/markdown.js";
import { CATEGORIES, type Category } from "../types.js";
import { categoryTotal, type AuditRecord, type CheckState } from "./record.js";
import { checkRecordSignature, signRecord, type RecordSignature } from "./signature.js";
import { plural } from "../report/plural.js";
import { changeLinks, formatTime, reasonText, recordClassification } from "./words.js";

// `fields=` (one tag per field, signature.ts) is absent from markers written before field tags existed.
const RECORD_MARKER = /^<!-- claude-guard:audit-record v(\d+) delivery=([A-Za-z0-9._:-]{1,100}) head=([0-9a-f]{40,64}) sig=([0-9a-f]{32})(?: fields=([0-9a-f]{8,4096}))? -->/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const CATEGORY_NOUN: Record<Category, [string, string]> = {
  secret: ["secret", "secrets"],
  placeholder: ["placeholder", "placeholders"],
  pii: ["PII finding", "PII findings"],
  policy: ["policy finding", "policy findings"],
};


/** The hidden marker: the record's identity and its signature (the whole record, then each field). */
function recordMarker(record: AuditRecord, key: string): string {
  const signed = signRecord(key, record);
  return `<!-- claude-guard:audit-record v1 delivery=${record.session.id} head=${record.input_summary.head_sha} sig=${signed.record} fields=${signed.fields ?? ""} -->`;
}

function checkText(name: string, state: CheckState): string {
  return state === "failed" ? `${name} **failed**` : `${name} ${state === "passed" ? "passed" : "not run"}`;
}

/**
 * `notify`: teams as `org/team` (from the org config); anything else is dropped, never rendered.
 * `serverUrl`: where the repositories live, for the links to the change and its checks.
 */
export function renderRecordComment(record: AuditRecord, options: { key: string; notify?: readonly string[]; serverUrl?: string }): string {
  const repo = `${record.repository.owner}/${record.repository.name}`;
  const inputSummary = record.input_summary;
  const links = changeLinks(record, options.serverUrl ?? "https://github.com");
  const changeText = inputSummary.type === "pull_request" ? `pull request #${inputSummary.pull_request ?? "?"}` : "push";
  const change = (links ? `[${changeText}](${links.change}) ([checks](${links.checks}))` : changeText) + (inputSummary.type === "push" ? ` to ${codeSpan(inputSummary.ref ?? "?")}` : "");
  const who = record.user ? ` by ${codeSpan(record.user)}${record.team ? ` (${codeSpan(record.team)})` : ""}` : "";
  const found = CATEGORIES.filter((c) => categoryTotal(record, c) > 0).map((c) => {
    const n = categoryTotal(record, c);
    const [one, many] = CATEGORY_NOUN[c];
    return plural(n, one, many);
  });
  const checks = record.policy_checks;
  const lines = [
    recordMarker(record, options.key),
    `**Audit record** · ${codeSpan(repo)} · ${change}${who} · ${formatTime(record.timestamp)}`,
    "",
    `${plural(inputSummary.claude_commits, "Claude commit")}, ${plural(inputSummary.files, "file")}, ${plural(inputSummary.lines_added, "added line")}` +
      ` · ${found.length > 0 ? `findings: ${found.join(", ")}` : "no findings"}` +
      ` · checks: ${checkText("secret scan", checks.secret_scan)}, ${checkText("PII scan", checks.pii_scan)}, ${checkText("skill policy", checks.skill_policy)}` +
      (record.repository.classification ? ` · classification ${codeSpan(record.repository.classification)}` : ""),
  ];
  if (record.incident.critical) {
    const teams = (options.notify ?? []).filter((t) => TEAM.test(t));
    const reasons = record.incident.reasons.map((r) => reasonText(r, recordClassification(record)).toLowerCase()).join("; ");
    lines.push("", `> [!CAUTION]`, `> **Critical incident:** ${reasons}.${teams.length > 0 ? ` cc ${teams.map((t) => `@${t}`).join(" ")}` : ""}`);
  }
  lines.push("", `<details><summary>Record (JSON, schema v${record.version})</summary>`, "", codeBlock(JSON.stringify(record, null, 2), "json"), "", "</details>");
  return lines.join("\n");
}

interface ParsedRecordComment {
  deliveryId: string;
  headSha: string;
  record: AuditRecord;
  /** True when the marker's signature matches the record under the given key. */
  signed: boolean;
  /** The marker's signature, as `audit export` carries it on each line. */
  signature: RecordSignature;
}

/**
 * The record in a comment body, or undefined when the body is not a well-formed record comment.
 * `key`: the signature is checked with it (`signed`); a caller that trusts records decides with it.
 */
export function parseRecordComment(body: string, key: string): ParsedRecordComment | undefined {
  const marker = RECORD_MARKER.exec(body);
  if (!marker || marker[1] !== "1") return undefined;
  const json = jsonBlock(body);
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    // Bounded, and a record holding a prototype key is refused rather than read.
    value = parseJson(json).value;
  } catch {
    return undefined;
  }
  if (!isAuditRecord(value)) return undefined;
  const deliveryId = marker[2] as string;
  const headSha = marker[3] as string;
  if (value.session.id !== deliveryId || value.input_summary.head_sha !== headSha) return undefined;
  const signature: RecordSignature = { record: marker[4] as string, ...(marker[5] ? { fields: marker[5] } : {}) };
  return { deliveryId, headSha, record: value, signed: checkRecordSignature(key, value as unknown as Record<string, unknown>, signature).valid, signature };
}

/** The first fenced `json` block, closed by a fence of the same length (codeBlock may lengthen it). */
export function jsonBlock(body: string): string | undefined {
  const lines = body.split("\n");
  const start = lines.findIndex((l) => /^`{3,}json$/.test(l));
  if (start === -1) return undefined;
  const fence = (lines[start] as string).slice(0, -"json".length);
  const end = lines.findIndex((l, i) => i > start && l === fence);
  return end === -1 ? undefined : lines.slice(start + 1, end).join("\n");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;
const isState = (v: unknown): v is CheckState => v === "passed" || v === "failed" || v === "not-run";
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === "string";

/**
 * Structural check of a parsed record, field by field (what the dashboard reads): a malformed or older
 * comment is skipped rather than breaking the rebuild.
 */
export function isAuditRecord(value: unknown): value is AuditRecord {
  if (!isObject(value) || value["version"] !== 1 || typeof value["timestamp"] !== "string" || Number.isNaN(Date.parse(value["timestamp"]))) return false;
  if (!isStringOrNull(value["user"]) || !isStringOrNull(value["team"])) return false;
  const session = value["session"];
  if (!isObject(session) || typeof session["id"] !== "string" || (session["type"] !== "webhook-delivery" && session["type"] !== "workflow-run")) return false;
  const repo = value["repository"];
  if (!isObject(repo) || typeof repo["owner"] !== "string" || typeof repo["name"] !== "string" || !isStringOrNull(repo["classification"])) return false;
  if (!Array.isArray(value["skills_used"]) || !value["skills_used"].every((s) => typeof s === "string")) return false;
  const input = value["input_summary"];
  if (!isObject(input) || (input["type"] !== "pull_request" && input["type"] !== "push") || typeof input["head_sha"] !== "string") return false;
  if (!isCount(input["claude_commits"]) || !isCount(input["files"]) || !isCount(input["lines_added"])) return false;
  if (!Array.isArray(input["commits"]) || !input["commits"].every((s) => typeof s === "string")) return false;
  if (input["pull_request"] !== null && !isCount(input["pull_request"])) return false;
  if (!isStringOrNull(input["ref"])) return false;
  const output = value["output_summary"];
  if (!isObject(output) || !isCount(output["findings_total"]) || !isObject(output["findings"])) return false;
  for (const category of CATEGORIES) {
    const row = output["findings"][category];
    if (!isObject(row) || !["critical", "high", "medium", "low"].every((s) => isCount(row[s]))) return false;
  }
  const checks = value["policy_checks"];
  if (!isObject(checks) || !isState(checks["secret_scan"]) || !isState(checks["pii_scan"]) || !isState(checks["skill_policy"])) return false;
  const incident = value["incident"];
  if (!isObject(incident) || typeof incident["critical"] !== "boolean" || !Array.isArray(incident["reasons"])) return false;
  return true;
}
