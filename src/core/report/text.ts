import { CATEGORIES, type Finding, type ScanReport, type Severity, type SkipReason, type SkippedFile } from "../types.js";
import { IGNORE_FILE } from "../files.js";
import { fixSentences, ALLOW_COMMENT, indexRules, metaFor, SEVERITY_ORDER, type RuleMeta } from "./meta.js";
import { plural } from "./plural.js";
import { addToGroup } from "../collections.js";

export interface TextOptions {
  /** ANSI colours: the caller decides (TTY, NO_COLOR, FORCE_COLOR); the renderer does no I/O. */
  color: boolean;
  /** Rule metadata, for the "how to fix" hints of the rules that have findings. */
  rules?: readonly RuleMeta[];
  /** `quiet`: the summary line only; `verbose`: also the Claude commits with their evidence. */
  detail?: "quiet" | "normal" | "verbose";
  /** With --git: whose commits were scanned (the summary says what it counts). */
  authors?: "claude" | "all";
  /** Lines are kept within this many columns (paths shortened in the middle, text wrapped). */
  columns?: number;
}

/** A terminal's width when the caller does not know better. */
const TEXT_COLUMNS = 120;

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

/** Display width in code points, colours left out (good enough for alignment: values are mostly ASCII). */
function width(text: string): number {
  // The only escapes in a line are the renderer's own colours (clean() escapes the repository's).
  // eslint-disable-next-line no-control-regex
  return Array.from(text.replace(/\x1b\[[0-9;]*m/g, "")).length;
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

/** The text cut to `max` columns, the cut marked with `…` at the end. */
function cutEnd(text: string, max: number): string {
  if (width(text) <= max) return text;
  return Array.from(text).slice(0, Math.max(0, max - 1)).join("") + "…";
}

/** A path cut to `max` columns in the middle (the file name and the top folder stay readable). */
function cutMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return "…";
  const tail = Math.ceil((max - 1) * 0.6);
  return chars.slice(0, max - 1 - tail).join("") + "…" + chars.slice(chars.length - tail).join("");
}

/** Words wrapped to `max` columns, each line after the first indented by `indent`. */
function wrap(text: string, first: string, indent: string, max: number): string[] {
  const out: string[] = [];
  let line = first;
  let lineHasWord = false;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = lineHasWord ? `${line} ${word}` : line + word;
    if (width(candidate) > max && lineHasWord) {
      out.push(line);
      line = indent + word;
    } else line = candidate;
    lineHasWord = true;
  }
  out.push(line);
  // A single word longer than the line (a URL) is cut rather than allowed to overflow.
  return out.map((l) => cutEnd(l, max));
}

/** Most severe first, then by file and position. */
function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
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

/** What the offline check said, in a word or two (secrets only: a test card's passing check proves nothing). */
function checkWord(f: Finding): string {
  if (f.category !== "secret" || !f.validation) return "";
  if (f.validation.status === "confirmed") return "verified";
  if (f.validation.status === "failed") return "check failed";
  return "";
}

/** An agent id as people write it: `copilot` -> `Copilot`. */
function agentName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** What the --git scan read and which commits' lines it scanned, in words that say what they count. */
function commitScope(report: ScanReport, authors: "claude" | "all"): string {
  const { commits, claudeCommits } = report.scanned;
  const others = Object.entries(report.scanned.otherAgents ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const otherTotal = others.reduce((n, [, c]) => n + c, 0);
  const unmarked = Math.max(0, commits - claudeCommits - otherTotal);
  const parts = others.map(([agent, n]) => `${n} by ${clean(agentName(agent))}`);
  if (unmarked > 0) parts.push(`${unmarked} with no agent marker`);
  if (authors === "all") return `${plural(commits, "commit")} scanned (${[`${claudeCommits} by Claude`, ...parts].join(", ")})`;
  return `Claude's ${claudeCommits} of ${plural(commits, "commit")} scanned${parts.length > 0 ? ` (the rest: ${parts.join(", ")})` : ""}`;
}

/**
 * A terminal report that fits the screen: one line per finding (severity, file:line, rule, preview,
 * commit), then how to fix each rule once, what was skipped, and a summary line. `verbose` adds the
 * Claude commits with the markers that attributed them; `quiet` prints the summary line alone.
 */
export function renderText(report: ScanReport, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const columns = Math.max(60, options.columns ?? TEXT_COLUMNS);
  const detail = options.detail ?? "normal";
  const lines: string[] = [];
  const { findings } = report;
  const { skipped } = report.scanned;
  const incomplete = report.scanned.incomplete ?? [];
  const section = (title: string) => {
    if (lines.length > 0) lines.push("");
    lines.push(paint(ANSI.bold, title));
  };

  if (detail !== "quiet") {
    if (findings.length > 0) renderFindings(findings, options, columns, paint, lines);

    if (detail === "verbose" && report.commits) {
      const claude = report.commits.filter((c) => c.authorship.isClaude);
      section(claude.length === 0 ? "No Claude-authored commit in the scanned range." : `Claude-authored commits (${claude.length}), with the markers that attributed them`);
      for (const commit of claude) {
        const agents = commit.authorship.agents.join(", ");
        const head = `  ${clean(commit.sha.slice(0, 7))}  `;
        const who = ` (${clean(commit.author)}; ${clean(agents)})`;
        const subject = cutEnd(clean(commit.subject), Math.max(10, columns - width(head) - width(who)));
        lines.push(`  ${paint(ANSI.yellow, clean(commit.sha.slice(0, 7)))}  ${subject}` + paint(ANSI.dim, cutEnd(who, columns - width(head) - width(subject))));
        for (const signal of commit.authorship.signals) {
          const label = `           ${signal.kind} [${signal.agent}, ${signal.strength}]: `;
          lines.push(paint(ANSI.dim, label) + cutEnd(clean(signal.evidence), Math.max(10, columns - width(label))));
        }
      }
    }

    // Skipped files are always accounted for: a scan that looked at less than asked must say so.
    if (skipped.length > 0) {
      section(`Skipped ${plural(skipped.length, "file")} (${skipCounts(skipped)})`);
      const listed = skipped.slice(0, MAX_SKIPPED_LISTED);
      const pathWidth = Math.min(Math.floor(columns / 2), Math.max(...listed.map((s) => width(clean(s.path)))));
      for (const skip of listed) {
        const why = SKIP_REASON_TEXT[skip.reason] ?? skip.reason;
        const extra = [skip.detail ? clean(skip.detail) : "", skip.commit ? `commit ${clean(skip.commit.slice(0, 7))}` : ""].filter(Boolean).join("; ");
        const path = pad(cutMiddle(clean(skip.path), pathWidth), pathWidth);
        lines.push(`  ${path}  ${paint(ANSI.dim, cutEnd(why + (extra ? ` (${extra})` : ""), columns - 4 - pathWidth))}`);
      }
      if (skipped.length > listed.length) lines.push(paint(ANSI.dim, `  … and ${skipped.length - listed.length} more (the JSON report lists them all)`));
    }

    // A scan that could not read all it was asked to says so next to its verdict.
    if (incomplete.length > 0) {
      if (lines.length > 0) lines.push("");
      lines.push(paint(ANSI.bold + ANSI.yellow, "Incomplete scan"));
      for (const gap of incomplete) lines.push(...wrap(clean(gap.detail), `  ${gap.reason}: `, "    ", columns));
    }
    if (lines.length > 0) lines.push("");
  }

  // The summary: the verdict, then what was scanned; wrapped at a separator when it would not fit,
  // except with --quiet, whose one line is meant for scripts and logs.
  const summaryColumns = detail === "quiet" ? Infinity : columns;
  const verdict = findings.length === 0 ? "No findings" : `${plural(findings.length, "finding")} (${severityCounts(findings)})`;
  const worst = findings.length === 0 ? undefined : findings.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a)).severity;
  const parts: string[] = [];
  if (report.commits !== undefined || report.scanned.commits > 0) parts.push(commitScope(report, options.authors ?? "claude"));
  parts.push(`${plural(report.scanned.files, "file")}, ${formatBytes(report.scanned.bytes)}${parts.length > 0 ? "" : " scanned"}`);
  if (skipped.length > 0) parts.push(`${skipped.length} skipped`);
  // What was found but is not listed: suppressed (allow comments, the ignore file) and baselined.
  if (report.scanned.suppressed !== undefined) parts.push(`${report.scanned.suppressed} suppressed`);
  if (report.scanned.baselined !== undefined) parts.push(`${report.scanned.baselined} baselined`);
  if (incomplete.length > 0) parts.push("incomplete");
  let summary = paint(worst ? SEVERITY_COLOR[worst] : ANSI.green, verdict);
  let used = width(verdict);
  for (const part of parts) {
    if (used + 3 + width(part) > summaryColumns) {
      summary += "\n  " + part;
      used = 2 + width(part);
    } else {
      summary += ` · ${part}`;
      used += 3 + width(part);
    }
  }
  lines.push(summary);
  return lines.join("\n") + "\n";
}

const CATEGORY_PLURAL = { secret: "Secrets", placeholder: "Placeholders", pii: "Personal data", policy: "Policy" } as const;

type Paint = (code: string, text: string) => string;

/** One aligned line per finding, then "How to fix" once per rule. */
function renderFindings(findings: readonly Finding[], options: TextOptions, columns: number, paint: Paint, lines: string[]): void {
  const sorted = [...findings].sort(compareFindings);
  const rows = sorted.map((f) => ({
    f,
    loc: `${clean(f.path)}:${f.line}`,
    rule: cutEnd(clean(f.rule), 34),
    preview: cutEnd(clean(f.redacted), 22),
    commit: f.commit ? clean(f.commit.slice(0, 7)) : "",
    check: checkWord(f),
  }));
  // Widest by a loop, not Math.max(...): a report can hold more findings than V8 allows arguments.
  const col = (pick: (r: (typeof rows)[number]) => string) => rows.reduce((widest, r) => Math.max(widest, width(pick(r))), 0);
  const sevWidth = sorted.reduce((widest, f) => Math.max(widest, f.severity.length), 0);
  const ruleWidth = col((r) => r.rule);
  const previewWidth = col((r) => r.preview);
  const commitWidth = col((r) => r.commit);
  const checkWidth = col((r) => r.check);
  // Everything but the location has its width; the location gets what is left of the line.
  const fixed = 2 + sevWidth + 2 + 2 + ruleWidth + 2 + previewWidth + (commitWidth ? 2 + commitWidth : 0) + (checkWidth ? 2 + checkWidth : 0);
  const locWidth = Math.max(12, Math.min(col((r) => r.loc), columns - fixed));
  for (const r of rows) {
    const line = r.f.line.toString();
    const loc = width(r.loc) <= locWidth ? r.loc : `${cutMiddle(clean(r.f.path), Math.max(1, locWidth - line.length - 1))}:${line}`;
    let text = `  ${paint(SEVERITY_COLOR[r.f.severity], pad(r.f.severity, sevWidth))}  ${pad(loc, locWidth)}  ${pad(r.rule, ruleWidth)}  ${pad(r.preview, previewWidth)}`;
    if (commitWidth) text += `  ${paint(ANSI.dim, pad(r.commit, commitWidth))}`;
    if (r.check) text += `  ${paint(r.check === "verified" ? ANSI.boldRed : ANSI.dim, r.check)}`;
    lines.push(text.trimEnd());
  }

  // How to fix: once per rule, most severe rule first. Policy findings carry their own remediation.
  lines.push("", paint(ANSI.bold, "How to fix"));
  const byId = indexRules(options.rules);
  const byRule = new Map<string, Finding[]>();
  for (const f of sorted) addToGroup(byRule, f.rule, f);
  for (const [ruleId, list] of byRule) {
    const meta = metaFor(list[0] as Finding, byId);
    lines.push(`  ${paint(ANSI.bold, clean(ruleId))}${paint(ANSI.dim, cutEnd(`  ${clean(meta.title)}, ${plural(list.length, "finding")}`, Math.max(0, columns - 2 - width(clean(ruleId)))))}`);
    if (meta.category === "policy" || (list[0] as Finding).category === "policy") {
      // A policy message names the setting, the rule that forbids it and the line to change.
      const messages = [...new Set(list.map((f) => clean(f.message)))];
      for (const message of messages.slice(0, 3)) lines.push(...wrap(message, "    ", "    ", columns));
      if (messages.length > 3) lines.push(paint(ANSI.dim, `    … and ${messages.length - 3} more like these (--format json lists each)`));
    } else {
      const advice = meta.remediation ? clean(meta.remediation) : (fixSentences(meta.category)[0] as string);
      lines.push(...wrap(advice, "    ", "    ", columns));
    }
  }
  // The steps every finding of a category shares, once.
  const categories = new Set(findings.map((f) => f.category));
  for (const category of CATEGORIES) {
    if (category === "policy" || !categories.has(category)) continue;
    lines.push(...wrap(fixSentences(category)[0] as string, `  ${paint(ANSI.bold, CATEGORY_PLURAL[category])}: `, "    ", columns));
  }
  if ([...categories].some((c) => c !== "policy")) {
    lines.push(
      ...wrap(
        `A false positive: a \`${ALLOW_COMMENT}\` comment on its line, or its fingerprint (--format json) on a line of ${IGNORE_FILE}.`,
        "  ",
        "    ",
        columns,
      ).map((l) => paint(ANSI.dim, l)),
    );
  }
}
