/** Plain data shared by every part of claude-guard. Nothing here does I/O. */

export type Severity = "critical" | "high" | "medium" | "low";
export type Category = "secret" | "placeholder" | "pii" | "policy";
/** Every category, in the order reports list them. */
export const CATEGORIES: readonly Category[] = ["secret", "placeholder", "pii", "policy"];

/** Severity order, highest first; `none` is only meaningful as a fail-on threshold. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
export type FailOn = Severity | "none";

function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

function atOrAbove(severity: Severity, threshold: FailOn): boolean {
  return threshold !== "none" && severityRank(severity) >= severityRank(threshold);
}

/**
 * What an offline check could say about a matched value:
 * `confirmed`: the format's own checksum or structure holds (a real credential is likely);
 * `failed`: it does not (a typo, a truncated or fake value: not a confirmed credential);
 * `unchecked`: the format carries nothing to check.
 */
type ValidationStatus = "confirmed" | "failed" | "unchecked";
export interface Validation {
  status: ValidationStatus;
  /** What was checked, e.g. "CRC32 checksum", "JWT header and payload". */
  check?: string;
  /** A short human note, never containing the value. */
  note?: string;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  path: string;
  /** 1-based line in the file as it is after the change. */
  line: number;
  /** 1-based column of the value's first character. */
  column: number;
  /** 1-based column just past the value (for annotations and SARIF regions). */
  endColumn: number;
  commit?: string;
  /** Stable id from rule, path and the line with the value masked (see redact.ts): nothing of the value. */
  fingerprint: string;
  /** Never the whole value: see redact.ts. */
  redacted: string;
  message: string;
  /** Short title of the rule, e.g. "GitHub personal access token (classic)". */
  title: string;
  validation?: Validation;
}

/** `timeout`: the per-file wall-clock backstop stopped the scan of the file; findings up to there are reported. */
export type SkipReason = "binary" | "too-large" | "truncated" | "ignored" | "generated" | "lockfile" | "vendored" | "unreadable" | "timeout";

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  commit?: string;
  detail?: string;
}

/**
 * Why a scan saw less than it was asked to, beyond the files it skipped: `shallow`, a shallow clone whose
 * history stops inside the range (the commits before the cut are not there to read).
 */
export interface IncompleteScan {
  reason: "shallow";
  /** For humans: where it stops and what to do about it. */
  detail: string;
}

/** A commit as every door hands it to the core. */
export interface CommitInfo {
  sha: string;
  /** Full message: subject, body and trailers. */
  message: string;
  author: { name: string; email: string; login?: string };
  committer: { name: string; email: string; login?: string };
  parents?: string[];
  /** ISO 8601 */
  date?: string;
}

/**
 * The lines one commit added to one file, with their line numbers in the new file. Held as one text,
 * the lines joined by "\n" (no line holds one): what the engine scans, so a reader builds it once and
 * no array of a string per line is made (see linesOf in core/added-lines.ts for a door that wants them).
 */
export interface AddedLines {
  path: string;
  text: string;
  /** lineNumbers[i] is the new-file line number of the text's line i: one per line, none for a file without any. */
  lineNumbers: number[];
}

export interface CommitChange {
  commit: CommitInfo;
  files: AddedLines[];
  skipped: SkippedFile[];
}

/** Why a commit was attributed to a coding agent: one entry per signal found. */
export type AuthorshipSignalKind =
  | "co-author-trailer"
  | "tool-trailer"
  | "generated-with-line"
  | "session-trailer"
  | "bot-author"
  | "bot-committer"
  | "author-email"
  | "branch-name"
  | "custom-marker";

export interface AuthorshipSignal {
  kind: AuthorshipSignalKind;
  /** Which agent profile the signal belongs to, e.g. "claude", "copilot", "cursor". */
  agent: string;
  /** What matched, quoted from the metadata (a trailer line, an author), for a human to judge. */
  evidence: string;
  /** strong: a marker the tool writes itself; weak: a hint (a branch name, a custom marker). */
  strength: "strong" | "weak";
}

export interface AuthorshipVerdict {
  /** True when Claude (Claude Code, claude-code-action) is among the agents that wrote the commit. */
  isClaude: boolean;
  /** Agents with at least one signal, e.g. ["claude"]. */
  agents: string[];
  signals: AuthorshipSignal[];
}

/** What a scan produced, in the shape every report renderer takes. */
export interface ScanReport {
  version: 1;
  tool: { name: string; version: string };
  scanned: {
    files: number;
    bytes: number;
    commits: number;
    claudeCommits: number;
    skipped: SkippedFile[];
    /** Present when the scan could not read all it was asked to (every format says so). */
    incomplete?: IncompleteScan[];
    /**
     * With --git: commits read that other coding agents wrote, by agent id (`copilot: 2`); a commit
     * counts once, under its first agent, and Claude's commits are not in it.
     */
    otherAgents?: Record<string, number>;
    /** Findings an allow comment or the ignore file suppressed (the CLI counts them in its summary). */
    suppressed?: number;
    /** With a baseline: findings it records, listed in `baselined` and not in `findings`. */
    baselined?: number;
  };
  findings: Finding[];
  /** With a baseline: the findings it records (known, not fixed yet); they do not fail the scan. */
  baselined?: Finding[];
  /** With --git: the commits that were scanned because of their authorship, and why. */
  commits?: Array<{ sha: string; subject: string; author: string; authorship: AuthorshipVerdict }>;
}

/**
 * Does this finding fail a check (and the CLI's exit status)? At or above the threshold; and a policy
 * violation of medium or more fails whatever the threshold (a violated policy fails the check),
 * unless checks are switched off with `none`. Low policy notes (work outside business hours) never do.
 */
export function isFailing(finding: Pick<Finding, "severity" | "category">, failOn: FailOn): boolean {
  if (failOn === "none") return false;
  if (finding.category === "policy" && finding.severity !== "low") return true;
  return atOrAbove(finding.severity, failOn);
}
