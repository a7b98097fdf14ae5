/**
 * A record's signature, made when the record is written (the audit issue comment's marker) and carried
 * with it wherever it goes (`audit export` lines, the Action's audit file), so that `audit verify` can
 * tell a record the App wrote from one edited afterwards, and say which field was edited.
 *
 * - `record`: HMAC (AUDIT_HMAC_KEY) over the whole record in its canonical form: 128 bits, the proof.
 * - `fields`: one short HMAC tag (32 bits) per field of RECORD_FIELD_PATHS, in that order: not a proof
 *   on its own (the record signature is), but what lets verify name the field that changed.
 *
 * The canonical form is the record's fields in the order buildAuditRecord writes them (RECORD_FIELD_PATHS),
 * whatever order a file holds them in (`jq -S` reorders keys; that is not an edit), with any field the
 * schema does not know appended where it stands, so that adding one breaks the signature. Pure.
 */
import { CATEGORIES, SEVERITIES } from "../types.js";
import { hmacHex, signature as shortSignature, signatureMatches } from "./hash.js";
import type { AuditRecord } from "./record.js";

/** Every field of a version 1 record, in the order the record is built (record.ts) and signed. */
const RECORD_FIELD_PATHS: readonly string[] = [
  "$schema",
  "version",
  "timestamp",
  "user",
  "team",
  "session.type",
  "session.id",
  "repository.owner",
  "repository.name",
  "repository.classification",
  "repository.classification_source",
  "skills_used",
  "input_summary.type",
  "input_summary.pull_request",
  "input_summary.ref",
  "input_summary.head_sha",
  "input_summary.claude_commits",
  "input_summary.commits",
  "input_summary.files",
  "input_summary.languages",
  "input_summary.lines_added",
  "input_summary.content_hash",
  "input_summary.key_id",
  "output_summary.findings_total",
  ...CATEGORIES.flatMap((category) => SEVERITIES.map((severity) => `output_summary.findings.${category}.${severity}`)),
  "output_summary.conclusion",
  "policy_checks.secret_scan",
  "policy_checks.pii_scan",
  "policy_checks.skill_policy",
  "policy_checks.content_classification",
  "incident.critical",
  "incident.reasons",
  "tool.name",
  "tool.version",
  // Added after the first records were signed: their field tags cover the fields above only.
  "input_summary.commit_dates",
];
/** Field tags of records signed before `input_summary.commit_dates` existed cover this many fields. */
const FIRST_FIELD_COUNT = RECORD_FIELD_PATHS.length - 1;

const FIELD_TAG_CHARS = 8;
const RECORD_SIGNATURE = /^[0-9a-f]{32}$/;
const FIELD_TAGS = new RegExp(`^(?:[0-9a-f]{${FIELD_TAG_CHARS * FIRST_FIELD_COUNT}}|[0-9a-f]{${FIELD_TAG_CHARS * RECORD_FIELD_PATHS.length}})$`);

export interface RecordSignature {
  /** The whole record's signature (the comment marker's `sig=`). */
  record: string;
  /** One tag per RECORD_FIELD_PATHS entry, concatenated; absent on records written before field tags. */
  fields?: string;
}

type Template = { [key: string]: Template | null };
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The nested shape of RECORD_FIELD_PATHS: `null` marks a field (a leaf). */
const TEMPLATE: Template = (() => {
  const root: Template = {};
  for (const path of RECORD_FIELD_PATHS) {
    const parts = path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Template;
    node[parts[parts.length - 1] as string] = null;
  }
  return root;
})();

function ordered(value: unknown, template: Template | null, path: string, added: string[]): unknown {
  if (template === null || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(template)) {
    if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = ordered(value[key], template[key] as Template | null, `${path}${key}.`, added);
  }
  for (const key of Object.keys(value)) {
    if (Object.prototype.hasOwnProperty.call(template, key)) continue;
    out[key] = value[key];
    added.push(`${path}${key}`);
  }
  return out;
}

/** The record in its canonical field order, and the fields it holds that a version 1 record has not. */
function canonicalRecord(record: AuditRecord | Record<string, unknown>): { record: Record<string, unknown>; added: string[] } {
  const added: string[] = [];
  return { record: ordered(record, TEMPLATE, "", added) as Record<string, unknown>, added };
}

/** What the record signature covers: the marker's delivery id and head SHA, then the canonical record. */
function signedRecordText(record: AuditRecord | Record<string, unknown>): string {
  const canonical = canonicalRecord(record).record;
  const session = canonical["session"] as { id?: unknown } | undefined;
  const input = canonical["input_summary"] as { head_sha?: unknown } | undefined;
  return `audit-record:v1\n${String(session?.id)}\n${String(input?.head_sha)}\n${JSON.stringify(canonical)}`;
}

function fieldValue(record: Record<string, unknown>, path: string): unknown {
  let node: unknown = record;
  for (const part of path.split(".")) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

function fieldTag(key: string, path: string, value: unknown): string {
  const text = value === undefined ? "\u0000absent" : JSON.stringify(value);
  return hmacHex(key, `audit-field:v1\n${path}\n${text}`).slice(0, FIELD_TAG_CHARS);
}

export function signRecord(key: string, record: AuditRecord): RecordSignature {
  const fields = RECORD_FIELD_PATHS.map((path) => fieldTag(key, path, fieldValue(record as unknown as Record<string, unknown>, path))).join("");
  return { record: shortSignature(key, signedRecordText(record)), fields };
}

interface SignatureCheck {
  /** The record signature matches: the record is what the key's holder signed. */
  valid: boolean;
  /** Fields whose value is not the signed one (only known with field tags). */
  changed: string[];
  /** Fields a version 1 record has not (they break the signature too). */
  added: string[];
  /** Every field tag differs: the record was signed with another key (or rewritten whole). */
  otherKey: boolean;
  /** Field tags were there to compare. */
  fieldsKnown: boolean;
}

export function checkRecordSignature(key: string, record: Record<string, unknown>, signature: RecordSignature): SignatureCheck {
  const valid = RECORD_SIGNATURE.test(signature.record) && signatureMatches(key, signedRecordText(record), signature.record);
  const added = canonicalRecord(record).added;
  if (signature.fields === undefined || !FIELD_TAGS.test(signature.fields)) return { valid, changed: [], added, otherKey: false, fieldsKnown: false };
  const changed: string[] = [];
  const tagged = RECORD_FIELD_PATHS.slice(0, signature.fields.length / FIELD_TAG_CHARS);
  tagged.forEach((path, i) => {
    const tag = (signature.fields as string).slice(i * FIELD_TAG_CHARS, (i + 1) * FIELD_TAG_CHARS);
    if (tag !== fieldTag(key, path, fieldValue(record, path))) changed.push(path);
  });
  const otherKey = !valid && changed.length === tagged.length;
  return { valid, changed: otherKey ? [] : changed, added, otherKey, fieldsKnown: true };
}

/** A signature as a marker or an export line carries it; undefined when it is not one. */
export function parseRecordSignature(value: unknown): RecordSignature | undefined {
  if (!isPlainObject(value) || typeof value["record"] !== "string" || !RECORD_SIGNATURE.test(value["record"])) return undefined;
  if (value["fields"] === undefined) return { record: value["record"] };
  if (typeof value["fields"] !== "string" || !FIELD_TAGS.test(value["fields"])) return undefined;
  return { record: value["record"], fields: value["fields"] };
}

/** The record as `audit export` writes it (one JSON line): its fields, then its signature. */
export function exportedRecord(record: AuditRecord, signature: RecordSignature): Record<string, unknown> {
  return { ...canonicalRecord(record).record, signature };
}
