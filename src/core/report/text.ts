import type { Finding, ScanReport, Severity, SkipReason, SkippedFile } from "../types.js";
import { IGNORE_FILE } from "../files.js";
import { fixSentences, ALLOW_COMMENT, indexRules, SEVERITY_ORDER, validationNote, type RuleMeta } from "./meta.js";
import { plural } from "./plural.js";

export interface TextOptions {
  /** ANSI colours: the caller decides (TTY, NO_COLOR, FORCE_COLOR); the renderer does no I/O. */
  color: boolean;
  /** Rule metadata, for the "how to fix" hints of the rules that have findings. */
  rules?: readonly RuleMeta[];
}

/* The few escape codes needed; no dependency for them. */
const ANSI = {
  reset: "\x1b[0m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  red: "\x1b[31m",
  green: "\x1b[32m",
  yellow: "\x1b[33m",
  cyan: "\x1b[36m",
  boldRed: "\x1b[1;31m",
} as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: ANSI.boldRed,
  high: ANSI.red,
  medium: ANSI.yellow,
  low: ANSI.cyan,
};

const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  binary: "binary file",
  "too-large": "too large",
  truncated: "truncated: only the first part was scanned",
  ignored: "ignored by configuration",
  generated: "generated file",
  lockfile: "lock file",
  vendored: "vendored code",
  unreadable: "could not be read",
  timeout: "not fully scanned: the per-file time backstop stopped it",
};

/** At most this many skipped files are listed one by one; the counts by reason are always shown. */
const MAX_SKIPPED_LISTED = 20;

/**
 * Paths, messages and commit metadata come from the scanned repository, so a crafted file name could
 * carry escape sequences that rewrite the terminal, or bidi controls that reorder what is shown.
 * Those characters are printed as visible escapes instead.
 */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu, (ch) => {
    const code = ch.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Display width in code points (good enough for alignment: values are mostly ASCII). */
function width(text: string): number {
  return Array.from(text).length;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}


export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${units[unit]}`;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule);
}

/** Findings by file, files in path order, findings by position. */
function groupByFile(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.path);
    if (group) group.push(finding);
    else groups.set(finding.path, [finding]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, group]) => [path, [...group].sort(compareFindings)]);
}

function severityCounts(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const finding of findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  return (Object.keys(SEVERITY_ORDER) as Severity[])
    .filter((severity) => counts.has(severity))
    .map((severity) => `${counts.get(severity)} ${severity}`)
    .join(", ");
}

function skipCounts(skipped: readonly SkippedFile[]): string {
  const counts = new Map<string, number>();
  for (const skip of skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  return [...counts.entries()].map(([reason, count]) => `${count} ${reason}`).join(", ");
}

/** A readable terminal report: findings by file, notes, Claude commits, skipped files and a summary. */
export function renderText(report: ScanReport, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  const { findings } = report;
  const groups = groupByFile(findings);

  // Findings, aligned across all files so that the columns line up over the whole report.
  if (findings.length > 0) {
    const rows = findings.map((f) => ({
      loc: `${f.line}:${f.column}`,
      rule: clean(f.rule),
      redacted: clean(f.redacted),
    }));
    const locWidth = Math.max(...rows.map((r) => width(r.loc)));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    const ruleWidth = Math.max(...rows.map((r) => width(r.rule)));
    const redactedWidth = Math.max(...rows.map((r) => width(r.redacted)));
    const messageIndent = " ".repeat(2 + locWidth + 2 + sevWidth + 2 + ruleWidth + 2 + redactedWidth + 2);

    for (const [path, group] of groups) {
      if (lines.length > 0) lines.push("");
      lines.push(paint(ANSI.bold, clean(path)));
      for (const f of group) {
        const sev = paint(SEVERITY_COLOR[f.severity], pad(f.severity, sevWidth));
        const commit = f.commit ? paint(ANSI.dim, `  (commit ${clean(f.commit.slice(0, 7))})`) : "";
        lines.push(
          `  ${pad(`${f.line}:${f.column}`, locWidth)}  ${sev}  ${pad(clean(f.rule), ruleWidth)}  ` +
            `${pad(clean(f.redacted), redactedWidth)}  ${clean(f.message || f.title)}${commit}`,
        );
        const note = validationNote(f.validation);
        if (note) lines.push(messageIndent + paint(ANSI.dim, `↳ ${clean(note)}`));
      }
    }

    // How to fix: the rule's own advice when the caller passed rule metadata, and the general steps.
    lines.push("");
    lines.push(paint(ANSI.bold, "How to fix"));
    const byId = indexRules(options.rules);
    const seen = new Set<string>();
    for (const f of findings) {
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      const rule = byId.get(f.rule);
      if (rule?.remediation) lines.push(`  ${clean(f.rule)}: ${clean(rule.remediation)}`);
      if (rule?.docs) lines.push(paint(ANSI.dim, `  ${clean(f.rule)}: format documented at ${clean(rule.docs)}`));
    }
    const categories = new Set(findings.map((f) => f.category));
    for (const category of ["secret", "placeholder", "pii", "policy"] as const) {
      if (categories.has(category)) lines.push(`  ${category}: ${fixSentences(category).join(" ")}`);
    }
    lines.push(
      paint(
        ANSI.dim,
        `  To suppress a false positive: a \`${ALLOW_COMMENT}\` comment on the line, or the finding's fingerprint ` +
          `(see --format json) on its own line in ${IGNORE_FILE}.`,
      ),
    );
  }

  // With --git: which commits were scanned because of their authorship, and the evidence for each.
  if (report.commits) {
    if (lines.length > 0) lines.push("");
    const claude = report.commits.filter((c) => c.authorship.isClaude).length;
    if (report.commits.length === 0) {
      lines.push(paint(ANSI.bold, "No Claude-authored commits in the scanned range."));
    } else {
      lines.push(paint(ANSI.bold, `Commits scanned (${report.commits.length}, ${claude} by Claude)`));
      for (const commit of report.commits) {
        const agents = commit.authorship.agents.length > 0 ? commit.authorship.agents.join(", ") : "no agent marker";
        lines.push(
          `  ${paint(ANSI.yellow, clean(commit.sha.slice(0, 7)))}  ${clean(commit.subject)}  ` +
            paint(ANSI.dim, `(${clean(commit.author)}; ${clean(agents)})`),
        );
        for (const signal of commit.authorship.signals) {
          lines.push(
            paint(ANSI.dim, `           ${signal.kind} [${signal.agent}, ${signal.strength}]: `) + clean(signal.evidence),
          );
        }
      }
    }
  }

  // Skipped files are always accounted for: a scan that looked at less than asked must say so.
  const { skipped } = report.scanned;
  if (skipped.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push(paint(ANSI.bold, `Skipped ${plural(skipped.length, "file")} (${skipCounts(skipped)})`));
    const listed = skipped.slice(0, MAX_SKIPPED_LISTED);
    const pathWidth = Math.max(...listed.map((s) => width(clean(s.path))));
    for (const skip of listed) {
      const why = SKIP_REASON_TEXT[skip.reason] ?? skip.reason;
      const extra = [skip.detail ? clean(skip.detail) : "", skip.commit ? `commit ${clean(skip.commit.slice(0, 7))}` : ""]
        .filter(Boolean)
        .join("; ");
      lines.push(`  ${pad(clean(skip.path), pathWidth)}  ${paint(ANSI.dim, why + (extra ? ` (${extra})` : ""))}`);
    }
    if (skipped.length > listed.length) {
      lines.push(paint(ANSI.dim, `  … and ${skipped.length - listed.length} more (the JSON report lists them all)`));
    }
  }

  // A scan that could not read all it was asked to says so next to its verdict.
  const incomplete = report.scanned.incomplete ?? [];
  if (incomplete.length > 0) {
    if (lines.length > 0) lines.push("");
    lines.push(paint(ANSI.bold + ANSI.yellow, "Incomplete scan"));
    for (const gap of incomplete) lines.push(`  ${paint(ANSI.yellow, gap.reason)}: ${clean(gap.detail)}`);
  }

  // The summary line.
  if (lines.length > 0) lines.push("");
  const scanned = `${plural(report.scanned.files, "file")}, ${formatBytes(report.scanned.bytes)} scanned`;
  const commits =
    report.commits !== undefined || report.scanned.commits > 0
      ? ` · ${plural(report.scanned.commits, "commit")} (${report.scanned.claudeCommits} by Claude)`
      : "";
  const skippedPart = ` · ${skipped.length} skipped${incomplete.length > 0 ? " · incomplete" : ""}`;
  if (findings.length === 0) {
    lines.push(paint(ANSI.green, "No findings") + ` · ${scanned}${commits}${skippedPart}`);
  } else {
    const head = `${plural(findings.length, "finding")} (${severityCounts(findings)}) in ${plural(groups.length, "file")}`;
    const worst = findings.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a)).severity;
    lines.push(paint(SEVERITY_COLOR[worst], head) + ` · ${scanned}${commits}${skippedPart}`);
  }
  return lines.join("\n") + "\n";
}
