/**
 * The baseline (`.claude-guard-baseline.json`): the findings a repository had when a team adopted
 * claude-guard, recorded so that scans fail only on new ones. It says "known, not fixed yet"; the ignore
 * file says "not a secret". Entries carry the finding's fingerprint (rule, path and the line with the
 * value masked: nothing of the value) and, for people reading the file, its rule and path; no line
 * numbers, so that moving code does not churn the file. Sorted, so its diffs review well.
 * Policy findings are never baselined: they are fixed in the configuration, not lived with.
 */
import { BoundedParseError, FILE_LIMITS, parseJson } from "./bounded-parse.js";
import type { Finding } from "./types.js";

interface BaselineEntry {
  fingerprint: string;
  rule: string;
  path: string;
}

export interface Baseline {
  version: 1;
  /** When the file was written (kept when an update adds nothing). */
  generatedAt: string;
  entries: BaselineEntry[];
}

/** Thrown for a baseline file that cannot be used; the message names the file and what is wrong. */
export class BaselineError extends Error {}

const FINGERPRINT = /^[a-f0-9]{32}$/;

/**
 * What a baseline may hold: a baseline of an old repository can list many thousands of findings. The
 * length goes with the entries (~130 characters each, written by renderBaseline): at 16 MiB, as for
 * config files, `claude-guard baseline` wrote files of 135,000+ findings that `scan --baseline` refused.
 */
const BASELINE_LIMITS = { ...FILE_LIMITS, maxChars: 160 * 1024 * 1024, maxEntries: 1_000_000, maxValues: 4_000_000 };

/** Reads a baseline file's text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = parseJson(text, BASELINE_LIMITS).value;
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    throw new BaselineError(`${file}${error.line !== undefined ? `:${error.line}` : ""} is not a baseline: ${error.reason}`);
  }
  const bad = (what: string) => new BaselineError(`${file} is not a claude-guard baseline: ${what} (write one with \`claude-guard baseline\`)`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw bad("it does not hold a JSON object");
  const record = data as Record<string, unknown>;
  if (record["version"] !== 1) throw bad(`its version is ${JSON.stringify(record["version"])}, and this claude-guard reads version 1`);
  if (!Array.isArray(record["findings"])) throw bad("it has no `findings` list");
  const entries = record["findings"].map((item: unknown, i) => {
    const entry = item as Record<string, unknown> | null;
    if (typeof entry !== "object" || entry === null || typeof entry["fingerprint"] !== "string" || !FINGERPRINT.test(entry["fingerprint"])) {
      throw bad(`findings[${i}] has no fingerprint of 32 hex characters`);
    }
    return { fingerprint: entry["fingerprint"], rule: String(entry["rule"] ?? ""), path: String(entry["path"] ?? "") };
  });
  return { version: 1, generatedAt: typeof record["generatedAt"] === "string" ? record["generatedAt"] : "", entries };
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const unique = new Map(entries.map((e) => [e.fingerprint, e]));
  return [...unique.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
}

/**
 * The file's text: 2-space JSON, entries sorted by path, rule and fingerprint, each fingerprint once.
 * Throws when it would hold more than parseBaseline reads back: a baseline that cannot be used is not
 * written.
 */
export function renderBaseline(baseline: Baseline): string {
  const findings = sortEntries(baseline.entries).map((e) => ({ fingerprint: e.fingerprint, rule: e.rule, path: e.path }));
  const tooMany = (what: string) =>
    new BaselineError(`${findings.length} findings make a baseline of ${what}, more than one can hold (${BASELINE_LIMITS.maxEntries} findings, ${BASELINE_LIMITS.maxChars / 1024 / 1024} MiB): nothing was written. Record narrower paths, or leave generated dumps out with paths.ignore.`);
  if (findings.length > BASELINE_LIMITS.maxEntries) throw tooMany(`${findings.length} entries`);
  const text = JSON.stringify({ version: 1, generatedAt: baseline.generatedAt, findings }, null, 2) + "\n";
  if (text.length > BASELINE_LIMITS.maxChars) throw tooMany(`${Math.ceil(text.length / 1024 / 1024)} MiB`);
  return text;
}

/** The entries for a scan's findings (policy findings left out). */
export function baselineEntries(findings: readonly Finding[]): BaselineEntry[] {
  return sortEntries(findings.filter((f) => f.category !== "policy").map((f) => ({ fingerprint: f.fingerprint, rule: f.rule, path: f.path })));
}

/** A scan's findings split: those the baseline records (counted apart, never failing) and the rest. */
export function splitBaselined(findings: readonly Finding[], baseline: Pick<Baseline, "entries">): { fresh: Finding[]; baselined: Finding[] } {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const finding of findings) (finding.category !== "policy" && known.has(finding.fingerprint) ? baselined : fresh).push(finding);
  return { fresh, baselined };
}

/**
 * `baseline --update`: the old entries plus today's new findings. An entry whose file this scan read
 * and no longer has the finding is dropped (fixed, or the line changed), as detect-secrets trims its
 * baseline; entries of files the scan did not read are kept.
 */
export function updateBaseline(old: Baseline, findings: readonly Finding[], scannedPaths: ReadonlySet<string>, now: string): { baseline: Baseline; added: number; removed: number } {
  const found = baselineEntries(findings);
  const foundIds = new Set(found.map((e) => e.fingerprint));
  const oldIds = new Set(old.entries.map((e) => e.fingerprint));
  const kept = old.entries.filter((e) => foundIds.has(e.fingerprint) || !scannedPaths.has(e.path));
  const added = found.filter((e) => !oldIds.has(e.fingerprint));
  const removed = old.entries.length - kept.length;
  const changed = added.length > 0 || removed > 0;
  return { baseline: { version: 1, generatedAt: changed ? now : old.generatedAt, entries: [...kept, ...added] }, added: added.length, removed };
}
