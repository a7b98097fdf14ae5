/**
 * The `claude-guard` check run: conclusion, title, a summary a reviewer reads in
 * ten seconds, details, annotations and buttons. Pure: the App (and the Action, for its job summary)
 * sends what these functions return. Everything that comes from the repository goes through the
 * escaping helpers of markdown.ts; values appear only as their redacted previews.
 */
import { atOrAbove, CATEGORIES, isFailing, SEVERITIES } from "../types.js";
import type { AuthorshipSignal, Category, FailOn, Finding, ScanReport, Severity, SkipReason, SkippedFile } from "../types.js";
import { fixHint } from "./fix-hints.js";
import { codeBlock, codeSpan, mdLink, mdText, truncate, urlPath, urlSegment, utf8Length, visibleControls } from "./markdown.js";
import { CONFIG_FILE, IGNORE_FILE } from "../files.js";
import { ALLOW_COMMENT, indexRules, metaFor, SEVERITY_ORDER, TOOL_NAME, validationNote, type RuleMeta } from "./meta.js";
import { formatBytes } from "./text.js";
import { plural } from "./plural.js";

export const CHECK_RUN_NAME = TOOL_NAME;
/** GitHub's limit for a check run's `output.summary` and `output.text`, each. */
const MAX_OUTPUT_CHARS = 65_535;
/** GitHub takes at most this many annotations per create or update request. */
const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits for `actions` buttons. */
export const ACTION_LIMITS = { count: 3, label: 20, description: 40, identifier: 20 } as const;
export const ACTION_IDS = { rescan: "rescan", ignoreLines: "ignore-lines" } as const;

/**
 * The budget the renderers fill, counted in UTF-8 bytes (GitHub states its limit in characters; bytes
 * are never fewer, so this is the safe side), with a margin for the final cut note.
 */
const OUTPUT_BUDGET = MAX_OUTPUT_CHARS - 512;
const ANNOTATION_MESSAGE_CHARS = 4000;
const ANNOTATION_TITLE_CHARS = 255;
const TOP_FINDINGS = 10;
const PATHS_PER_SKIP_REASON = 10;
const SIGNALS_PER_COMMIT = 4;

/** The shape of one annotation in the Checks API (`output.annotations[]`). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Only when start_line === end_line (GitHub's rule). */
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunInput {
  /** Findings, scanned counts, skipped (not scanned) files, commits with authorship verdicts. */
  report: ScanReport;
  rules: RuleMeta[];
  failOn: FailOn;
  /** e.g. { value: "restricted", source: "custom property data_classification" }. */
  classification?: { value: string; source: string };
  /** Config problems: they make the conclusion failure and are shown first. */
  configErrors?: string[];
  /** e.g. "PR has more than 250 commits: compare API used", "audit write failed". */
  notes?: string[];
  /**
   * For blob and commit links. `serverUrl` (default https://github.com) is the web host, for GitHub
   * Enterprise Server.
   */
  repository?: { owner: string; repo: string; headSha?: string; serverUrl?: string };
}

type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunOutput {
  conclusion: CheckConclusion;
  /** e.g. "2 secrets, 1 policy violation in 3 Claude commits". */
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  /** Details, Markdown, at most 65,535 characters. */
  text?: string;
  /** All annotations, most severe first; the caller sends them in batches (annotationBatches). */
  annotations: CheckAnnotation[];
  /** At most 3 buttons, within GitHub's length limits. */
  actions: CheckRunAction[];
}


const CATEGORY_LABEL: Record<Category, string> = {
  secret: "Secret",
  placeholder: "Placeholder",
  pii: "Personal data (PII)",
  policy: "Policy",
};

/** How a title counts each category. */
const CATEGORY_NOUN: Record<Category, [string, string]> = {
  secret: ["secret", "secrets"],
  placeholder: ["placeholder", "placeholders"],
  pii: ["PII finding", "PII findings"],
  policy: ["policy violation", "policy violations"],
};

/** Why a file was not scanned; reads both as a group heading and after one path. */
const SKIP_REASON_TEXT: Record<SkipReason, string> = {
  binary: "binary",
  "too-large": "too large to scan",
  truncated: "truncated: GitHub left the patch out or cut it",
  ignored: "ignored by configuration",
  generated: "generated",
  lockfile: "lock file",
  vendored: "vendored code",
  unreadable: "could not be read",
  timeout: "not fully scanned: the per-file time backstop stopped it",
};

const SIGNAL_TEXT: Record<AuthorshipSignal["kind"], string> = {
  "co-author-trailer": "co-author trailer",
  "tool-trailer": "tool trailer (Assisted-by, Generated-by)",
  "generated-with-line": "“Generated with” line",
  "session-trailer": "session trailer",
  "bot-author": "bot author",
  "bot-committer": "bot committer",
  "author-email": "author email",
  "branch-name": "branch name",
  "custom-marker": "custom marker (config)",
};


function compareBySeverity(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule)
  );
}

/** Failure at or above failOn (policy included) or on a config error; neutral below; success when clean. */
function checkConclusion(findings: readonly Finding[], failOn: FailOn, configErrors: readonly string[] = []): CheckConclusion {
  if (configErrors.length > 0) return "failure";
  if (findings.some((f) => isFailing(f, failOn))) return "failure";
  return findings.length > 0 ? "neutral" : "success";
}

/** failure for a finding that fails the check, notice for a low one that does not, warning otherwise. */
function annotationLevel(severity: Severity, failOn: FailOn): CheckAnnotation["annotation_level"] {
  if (atOrAbove(severity, failOn)) return "failure";
  return severity === "low" ? "notice" : "warning";
}

/** The commit facts the renderers need, whether the door listed the commits or only counted them. */
interface Scope {
  /** True when commits were read (the App, the Action, `scan --git`); false for a scan of files. */
  commitScan: boolean;
  commits: number;
  claudeCommits: number;
  claude: NonNullable<ScanReport["commits"]>;
}

function scopeOf(report: ScanReport): Scope {
  const listed = report.commits ?? [];
  const claude = listed.filter((c) => c.authorship.isClaude);
  return {
    commitScan: report.commits !== undefined || report.scanned.commits > 0,
    commits: Math.max(report.scanned.commits, listed.length),
    claudeCommits: Math.max(report.scanned.claudeCommits, claude.length),
    claude,
  };
}

function countBy<T extends string>(findings: readonly Finding[], key: (f: Finding) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return counts;
}

function titleFor(findings: readonly Finding[], scope: Scope, configErrors: number, filesScanned: number): string {
  const parts: string[] = [];
  if (configErrors > 0) parts.push(plural(configErrors, "config error"));
  const byCategory = countBy(findings, (f) => f.category);
  const counted = CATEGORIES.filter((c) => byCategory.has(c)).map((c) => {
    const n = byCategory.get(c) ?? 0;
    const [one, many] = CATEGORY_NOUN[c];
    return plural(n, one, many);
  });
  let where: string;
  if (scope.commitScan) where = scope.claudeCommits > 0 ? plural(scope.claudeCommits, "Claude commit") : plural(scope.commits, "commit");
  else where = plural(new Set(findings.map((f) => f.path)).size, "file");
  if (counted.length > 0) parts.push(`${counted.join(", ")} in ${where}`);
  if (parts.length > 0) return parts.join("; ");
  if (scope.commitScan && scope.claudeCommits === 0) return "No Claude-authored commits";
  return scope.commitScan ? `No findings in ${plural(scope.claudeCommits, "Claude commit")}` : `No findings in ${plural(filesScanned, "file")}`;
}

/** Web links into the repository, when the caller said which one; otherwise none. */
class Links {
  private readonly base?: string;
  private readonly head?: string;

  constructor(repository: CheckRunInput["repository"]) {
    if (!repository || !repository.owner || !repository.repo) return;
    const server = repository.serverUrl && /^https?:\/\/[^\s()<>\]["'`]+$/.test(repository.serverUrl) ? repository.serverUrl.replace(/\/+$/, "") : "https://github.com";
    this.base = `${server}/${urlSegment(repository.owner)}/${urlSegment(repository.repo)}`;
    if (repository.headSha && /^[0-9a-f]{7,64}$/i.test(repository.headSha)) this.head = repository.headSha;
  }

  /**
   * `path:line` as a code span, then a link to the line at the head commit when possible. The path is
   * never inside the link text, so a crafted name has nothing to break out of.
   */
  location(path: string, line: number, options: { inTable?: boolean } = {}): string {
    const n = Math.max(1, Math.trunc(line) || 1);
    const label = codeSpan(`${path}:${n}`, { max: 120, inTable: options.inTable });
    if (!this.base || !this.head) return label;
    return `${label} ${mdLink(`L${n}`, `${this.base}/blob/${this.head}/${urlPath(path)}#L${n}`)}`;
  }

  /** A line of a file: "line 12", linked when possible. */
  line(path: string, line: number): string {
    const label = `line ${Math.max(1, Math.trunc(line))}`;
    if (!this.base || !this.head) return label;
    return mdLink(label, `${this.base}/blob/${this.head}/${urlPath(path)}#L${Math.max(1, Math.trunc(line))}`);
  }

  commit(sha: string): string {
    const label = codeSpan(sha.slice(0, 7), { max: 7 });
    if (!this.base || !/^[0-9a-f]{7,64}$/i.test(sha)) return label;
    return mdLink(label, `${this.base}/commit/${sha}`);
  }
}

/**
 * Items of a list, as many as fit in `cap` bytes, then one line saying how many were left out: a cut
 * list always says so.
 */
function fitItems(items: readonly string[], cap: number, more: (left: number) => string): string[] {
  const out: string[] = [];
  let used = 0;
  const reserve = 400;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const size = utf8Length(item) + 1;
    const isLast = i === items.length - 1;
    if (used + size + (isLast ? 0 : reserve) > cap) {
      out.push(more(items.length - i));
      break;
    }
    out.push(item);
    used += size;
  }
  return out;
}

/** The last resort: cut at a line boundary within the budget and say so. Sections are sized so this rarely runs. */
function clampOutput(markdown: string, what: string): string {
  if (utf8Length(markdown) <= OUTPUT_BUDGET) return markdown;
  const lines = markdown.split("\n");
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = utf8Length(line) + 1;
    if (used + size > OUTPUT_BUDGET - 300) break;
    kept.push(line);
    used += size;
  }
  kept.push("", `_… ${what} was cut here to stay within GitHub's limit of ${MAX_OUTPUT_CHARS.toLocaleString("en-US")} characters: see the annotations and the SARIF report._`);
  return kept.join("\n");
}

function verdictLine(
  conclusion: CheckConclusion,
  findings: readonly Finding[],
  failOn: FailOn,
  scope: Scope,
  configErrors: number,
  skipped: number,
  filesScanned: number,
): string {
  const blocking = findings.filter((f) => isFailing(f, failOn)).length;
  const threshold = failOn === "none" ? "`none` (nothing fails)" : `\`${failOn}\``;
  const where = !scope.commitScan
    ? `in ${plural(filesScanned, "file")}`
    : scope.claudeCommits > 0
      ? `in the lines added by ${plural(scope.claudeCommits, "Claude-authored commit")}`
      : `in the lines added by ${plural(scope.commits, "commit")}`;
  const notScanned = skipped > 0 ? ` ${plural(skipped, "file was", "files were")} not scanned (see *Not scanned*).` : "";
  if (conclusion === "failure") {
    const reasons: string[] = [];
    if (configErrors > 0) reasons.push(`the claude-guard configuration has ${plural(configErrors, "error")} (listed below)`);
    if (blocking > 0) reasons.push(`${plural(blocking, "finding is", "findings are")} at or above ${threshold}, the fail-on level, ${where}`);
    const fix = blocking > 0 ? " Fix them, or suppress false positives, to pass." : "";
    return `❌ **Failure:** ${reasons.join("; and ")}.${fix}${notScanned}`;
  }
  if (conclusion === "neutral") {
    return `⚠️ **Neutral:** ${plural(findings.length, "finding")} ${where}, all below the fail-on level ${threshold}: worth a look, but they do not fail the check.${notScanned}`;
  }
  if (scope.commitScan && scope.claudeCommits === 0) {
    return `✅ **Success: no Claude-authored commits** in this change (${plural(scope.commits, "commit")} checked), so there was nothing to scan.${notScanned}`;
  }
  return `✅ **Success:** no secrets, placeholders, personal data or policy violations ${where}.${notScanned}`;
}

function countsTable(findings: readonly Finding[], failOn: FailOn): string[] {
  const header = SEVERITIES.map((s) => (atOrAbove(s, failOn) ? `${s[0]?.toUpperCase()}${s.slice(1)} ⛔` : `${s[0]?.toUpperCase()}${s.slice(1)}`));
  const rows = [`| Category | ${header.join(" | ")} | Total |`, `| :-- | ${SEVERITIES.map(() => "--:").join(" | ")} | --: |`];
  const cell = (n: number) => (n === 0 ? "·" : String(n));
  for (const category of CATEGORIES) {
    const inCategory = findings.filter((f) => f.category === category);
    const bySeverity = countBy(inCategory, (f) => f.severity);
    rows.push(`| ${CATEGORY_LABEL[category]} | ${SEVERITIES.map((s) => cell(bySeverity.get(s) ?? 0)).join(" | ")} | ${cell(inCategory.length)} |`);
  }
  const totals = countBy(findings, (f) => f.severity);
  rows.push(`| **Total** | ${SEVERITIES.map((s) => `**${cell(totals.get(s) ?? 0)}**`).join(" | ")} | **${findings.length}** |`);
  return rows;
}

function signalLine(signal: AuthorshipSignal): string {
  const agent = signal.agent === "claude" ? "" : `${mdText(signal.agent, 30)}, `;
  return `  - ${SIGNAL_TEXT[signal.kind] ?? mdText(signal.kind, 40)} (${agent}${signal.strength}): ${codeSpan(signal.evidence, { max: 200 })}`;
}

function commitItems(scope: Scope, links: Links): string[] {
  return scope.claude.map((commit) => {
    const lines = [`- ${links.commit(commit.sha)} ${mdText(commit.subject, 100)} · by ${mdText(commit.author, 80)}`];
    const signals = commit.authorship.signals.filter((s) => s.agent === "claude");
    const shown = (signals.length > 0 ? signals : commit.authorship.signals).slice(0, SIGNALS_PER_COMMIT);
    for (const signal of shown) lines.push(signalLine(signal));
    const hidden = commit.authorship.signals.length - shown.length;
    if (hidden > 0) lines.push(`  - and ${plural(hidden, "more signal")}`);
    return lines.join("\n");
  });
}

function skippedGroups(skipped: readonly SkippedFile[]): Array<[SkipReason, SkippedFile[]]> {
  const groups = new Map<SkipReason, SkippedFile[]>();
  for (const skip of skipped) {
    const group = groups.get(skip.reason);
    if (group) group.push(skip);
    else groups.set(skip.reason, [skip]);
  }
  // Files that may hold unscanned additions come first: they matter most to a reviewer.
  const priority: SkipReason[] = ["truncated", "too-large", "unreadable", "binary", "generated", "vendored", "lockfile", "ignored"];
  return [...groups.entries()].sort(([a], [b]) => priority.indexOf(a) - priority.indexOf(b));
}

function skipDetail(skip: SkippedFile): string {
  const extra = [skip.detail ? mdText(skip.detail, 100) : "", skip.commit ? `commit ${codeSpan(skip.commit.slice(0, 7), { max: 7 })}` : ""].filter(Boolean);
  return extra.length > 0 ? ` (${extra.join("; ")})` : "";
}

/** Not scanned, by reason: the counts always; the paths as far as `cap` allows. Never hidden. */
function notScannedSection(skipped: readonly SkippedFile[], cap: number): string[] {
  if (skipped.length === 0) return [];
  const groups = skippedGroups(skipped);
  const lines = [`### Not scanned (${plural(skipped.length, "file")})`];
  const perGroup = Math.max(400, Math.floor(cap / groups.length) - 200);
  for (const [reason, files] of groups) {
    const paths = files.slice(0, PATHS_PER_SKIP_REASON).map((s) => `${codeSpan(s.path, { max: 120 })}${skipDetail(s)}`);
    // The "and N more" counts every file of the reason that is not listed, whether the cap or the byte budget cut it.
    const listed = fitItems(paths, perGroup, () => "").filter((item) => item !== "");
    const more = files.length > listed.length ? [`and ${files.length - listed.length} more`] : [];
    lines.push(`- **${SKIP_REASON_TEXT[reason] ?? mdText(reason, 30)}** (${files.length}): ${[...listed, ...more].join(", ")}`);
  }
  lines.push("", "_Lines in these files were not checked: review them by hand, or scan them with the CLI (`claude-guard scan --git`)._");
  return lines;
}

function fixCell(finding: Finding): string {
  const hint = fixHint(finding);
  if (!hint.snippet) return mdText(hint.lead, 80);
  return `${finding.category === "secret" ? "rotate, then use " : "use "}${codeSpan(hint.snippet, { max: 80, inTable: true })}`;
}

function topFindingsSection(findings: readonly Finding[], links: Links, rules: Map<string, RuleMeta>, cap: number): string[] {
  const others = findings.filter((f) => f.category !== "policy").sort(compareBySeverity);
  if (others.length === 0) return [];
  const top = others.slice(0, TOP_FINDINGS);
  const rows = top.map((f) => {
    // The finding's own title first: a family rule titles each match ("Placeholder password" vs "Hardcoded password").
    const title = f.title || metaFor(f, rules).title || f.rule;
    return `| ${f.severity} | ${mdText(title, 80)} | ${links.location(f.path, f.line, { inTable: true })} | ${codeSpan(f.redacted, { max: 40, inTable: true })} | ${fixCell(f)} |`;
  });
  const heading = top.length < others.length ? `### Top findings (${top.length} of ${others.length})` : `### Findings (${others.length})`;
  const listed = fitItems(rows, cap - 400, (left) => `| … | and ${left} more | | | |`);
  return [heading, "| Severity | Finding | Where | Value (redacted) | Fix |", "| :-- | :-- | :-- | :-- | :-- |", ...listed];
}

function policySection(findings: readonly Finding[], links: Links, cap: number): string[] {
  const policy = findings.filter((f) => f.category === "policy").sort(compareBySeverity);
  if (policy.length === 0) return [];
  const items = policy.map((f) => `- **${f.severity}** ${links.location(f.path, f.line)}: ${mdText(f.message || f.title, 400)}`);
  return [`### Policy violations (${policy.length})`, ...fitItems(items, cap, (left) => `- … and ${left} more policy violations: see the details and annotations`)];
}

function renderSummary(input: CheckRunInput, conclusion: CheckConclusion, scope: Scope, links: Links, rules: Map<string, RuleMeta>): string {
  const { report, failOn } = input;
  const findings = report.findings;
  const configErrors = input.configErrors ?? [];
  const notes = input.notes ?? [];
  const skipped = report.scanned.skipped;
  const blocks: string[][] = [];

  blocks.push([verdictLine(conclusion, findings, failOn, scope, configErrors.length, skipped.length, report.scanned.files)]);

  // Config errors come first: until they are fixed the scan may not be the one the org configured.
  if (configErrors.length > 0) {
    const items = configErrors.map((e) => `- ${mdText(e, 500)}`);
    blocks.push([`### Configuration errors (${configErrors.length})`, ...fitItems(items, 8_000, (left) => `- … and ${left} more configuration errors`)]);
  }
  // A history the scan could not read (a shallow clone): said before anything else it found.
  const incomplete = report.scanned.incomplete ?? [];
  if (incomplete.length > 0) {
    blocks.push([`### Incomplete scan`, ...incomplete.map((gap) => `- **${gap.reason}**: ${mdText(gap.detail, 500)}`)]);
  }
  if (notes.length > 0) {
    const items = notes.map((n) => `- ${mdText(n, 400)}`);
    blocks.push(["**Notes**", ...fitItems(items, 4_000, (left) => `- … and ${left} more notes`)]);
  }

  if (findings.length > 0) blocks.push(countsTable(findings, failOn));

  // Scope: what was looked at, against which threshold and classification.
  const nothingToScan = scope.commitScan && scope.claudeCommits === 0 && findings.length === 0;
  const scopeParts: string[] = [];
  if (scope.commitScan) scopeParts.push(`${plural(scope.claudeCommits, "Claude-authored commit")} of ${scope.commits}`);
  scopeParts.push(`${plural(report.scanned.files, "file")} (${formatBytes(report.scanned.bytes)}) scanned`);
  scopeParts.push(failOn === "none" ? "fail-on `none`" : `fails on \`${failOn}\` and above`);
  const classification = input.classification
    ? `**Classification:** ${codeSpan(input.classification.value, { max: 60 })}, from ${mdText(input.classification.source, 120)}.`
    : "**Classification:** not set (no custom property value and no `classification` in the config).";
  // With nothing scanned, "0 files scanned" is noise: the verdict already said why.
  blocks.push(nothingToScan ? [classification] : [scopeParts.join(" · "), "", classification]);

  if (nothingToScan) {
    blocks.push([
      "claude-guard scans the lines that Claude Code added. It recognises a commit by the markers Claude Code writes: " +
        "a `Co-Authored-By: Claude` trailer, the “Generated with Claude Code” line, a `Claude-Session` trailer, or the `claude[bot]` author " +
        "(plus any `authorship.markers` in the config). None of the commits in this change carries one.",
    ]);
  }

  const policy = policySection(findings, links, 8_000);
  if (scope.claude.length > 0) {
    const heading = `### Claude-authored commits (${scope.claudeCommits} of ${scope.commits})`;
    blocks.push([heading, ...fitItems(commitItems(scope, links), 14_000, (left) => `- … and ${plural(left, "more Claude commit")}`)]);
  }
  const notScanned = notScannedSection(skipped, 12_000);
  if (policy.length > 0) blocks.push(policy);
  if (notScanned.length > 0) blocks.push(notScanned);

  // Whatever is left of the budget goes to the top findings.
  const used = utf8Length(blocks.map((b) => b.join("\n")).join("\n\n"));
  const footer = findings.length > 0
    ? [
        `**How to fix:** each finding (above, in the details and in its annotation on the file) says what replaces the value in its file's language. ` +
          `**False positive?** Add a \`${ALLOW_COMMENT}\` comment on its line, or its fingerprint on its own line to \`${IGNORE_FILE}\` at the repository root ` +
          `(the **Show ignore lines** button lists them).`,
      ]
    : [];
  const top = topFindingsSection(findings, links, rules, OUTPUT_BUDGET - used - 1_500);
  if (top.length > 0) blocks.push(top);
  if (footer.length > 0) blocks.push(footer);

  return clampOutput(blocks.map((b) => b.join("\n")).join("\n\n") + "\n", "The summary");
}

function findingDetail(f: Finding, links: Links, rules: Map<string, RuleMeta>): string {
  const meta = metaFor(f, rules);
  const hint = fixHint(f);
  const head = [
    `**${f.severity}**`,
    `${mdText(f.title || meta.title || f.rule, 100)} (${codeSpan(f.rule, { max: 60 })})`,
    links.line(f.path, f.line),
    ...(f.category !== "policy" ? [`value ${codeSpan(f.redacted, { max: 40 })}`] : []),
    ...(f.commit ? [`commit ${links.commit(f.commit)}`] : []),
  ].join(" · ");
  const lines = [`- ${head}`];
  if (f.message && f.message !== (f.title || meta.title)) lines.push(`  ${mdText(f.message, 400)}`);
  const note = validationNote(f.validation);
  if (note) lines.push(`  _${mdText(note, 200)}_`);
  const remediation = meta.remediation ? ` ${mdText(meta.remediation, 300)}.`.replace(/\.\.$/, ".") : "";
  const fix = hint.snippet
    ? `${mdText(hint.lead, 300)}: ${codeSpan(hint.snippet, { max: 120 })}${hint.note ? ` (${mdText(hint.note, 200)})` : ""}.`
    : `${mdText(hint.lead, 300)}.`;
  lines.push(`  **Fix:** ${fix}${f.category === "secret" || f.category === "placeholder" ? remediation : ""}`);
  // A policy finding is about the change as a whole: only its fingerprint can accept it.
  const inline = hint.language.allow && f.category !== "policy" ? `Add ${codeSpan(hint.language.allow)} at the end of the line, or add` : "Add";
  lines.push(`  **False positive?** ${inline} ${codeSpan(f.fingerprint, { max: 64 })} on its own line to \`${IGNORE_FILE}\`.`);
  return lines.join("\n");
}

/** Files ordered by their worst finding, then by path; findings in a file by line. */
function findingsByFile(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort(compareBySeverity)) {
    const group = groups.get(f.path);
    if (group) group.push(f);
    else groups.set(f.path, [f]);
  }
  return [...groups.entries()].map(([path, group]): [string, Finding[]] => [path, group.sort((a, b) => a.line - b.line || a.column - b.column)]);
}

function renderDetails(input: CheckRunInput, links: Links, rules: Map<string, RuleMeta>): string | undefined {
  const findings = input.report.findings;
  const skipped = input.report.scanned.skipped;
  if (findings.length === 0 && skipped.length === 0) return undefined;

  // The full list of files not scanned is kept to a share of the budget; findings get the rest.
  const skippedLines = skipped.map((s) => `- ${codeSpan(s.path, { max: 200 })}: ${SKIP_REASON_TEXT[s.reason] ?? mdText(s.reason, 30)}${skipDetail(s)}`);
  const skippedBlock = skipped.length > 0
    ? [`## Not scanned (${plural(skipped.length, "file")})`, ...fitItems(skippedLines, findings.length > 0 ? 12_000 : OUTPUT_BUDGET - 1_000, (left) => `- … and ${left} more files not scanned (the summary counts them all by reason)`)]
    : [];
  const budget = OUTPUT_BUDGET - utf8Length(skippedBlock.join("\n")) - 1_000;

  const out: string[] = [];
  if (findings.length > 0) {
    out.push(`## Findings (${findings.length})`);
    let used = utf8Length(out[0] as string);
    let shown = 0;
    let cut = false;
    for (const [path, group] of findingsByFile(findings)) {
      const heading = `### ${codeSpan(path, { max: 200 })} (${group.length})`;
      const entries: string[] = [];
      let size = utf8Length(heading) + 2;
      for (const f of group) {
        const entry = findingDetail(f, links, rules);
        const entrySize = utf8Length(entry) + 1;
        if (used + size + entrySize > budget - 400) {
          cut = true;
          break;
        }
        entries.push(entry);
        size += entrySize;
      }
      if (entries.length > 0) {
        out.push("", heading, ...entries);
        used += size;
        shown += entries.length;
      }
      if (cut) break;
    }
    if (shown < findings.length) {
      const left = findings.length - shown;
      out.push("", `_… and ${plural(left, "more finding")}: see the annotations on the files (all of them are annotated) or the SARIF report (\`claude-guard scan --format sarif\`). The most severe are listed first._`);
    }
  }
  if (skippedBlock.length > 0) out.push("", ...skippedBlock);
  return clampOutput(out.join("\n") + "\n", "The details");
}

function annotationFor(f: Finding, failOn: FailOn, rules: Map<string, RuleMeta>): CheckAnnotation | undefined {
  // GitHub rejects an annotation without a path; the summary and details still show the finding.
  if (!f.path) return undefined;
  const meta = metaFor(f, rules);
  const hint = fixHint(f);
  const line = Math.max(1, Math.trunc(f.line) || 1);
  const startColumn = Math.max(1, Math.trunc(f.column) || 1);
  // Finding.endColumn is just past the value; GitHub's end_column is the last column covered.
  const endColumn = Math.max(startColumn, Math.trunc(f.endColumn) - 1);
  const note = validationNote(f.validation);
  const parts = [
    `${(f.message || f.title || meta.title || f.rule).trim()}`,
    ...(f.category !== "policy" ? [`Value (redacted): ${f.redacted}`] : []),
    ...(note ? [`Check: ${note}`] : []),
    ...(f.commit ? [`Added in commit ${f.commit.slice(0, 12)}.`] : []),
    `How to fix: ${hint.sentence}${(f.category === "secret" || f.category === "placeholder") && meta.remediation ? ` ${meta.remediation.trim().replace(/\.?$/, ".")}` : ""}`,
    f.category === "policy"
      ? "Exception? A policy violation cannot be suppressed from the change it judges: ask the security team to change the policy in the org's " + CONFIG_FILE + "."
      : `False positive? ${hint.language.allow ? `Add "${hint.language.allow}" at the end of line ${line}, or add` : "Add"} the fingerprint ${f.fingerprint} on its own line to ${IGNORE_FILE} at the repository root.`,
  ];
  return {
    path: f.path,
    start_line: line,
    end_line: line,
    start_column: startColumn,
    end_column: endColumn,
    annotation_level: annotationLevel(f.severity, failOn),
    title: truncate(visibleControls(`${f.title || meta.title || f.rule} (${f.severity} ${f.category})`), ANNOTATION_TITLE_CHARS),
    // Plain text (GitHub does not render Markdown here); each part kept on its own line.
    message: truncate(parts.map(visibleControls).join("\n"), ANNOTATION_MESSAGE_CHARS),
    raw_details:
      f.category === "policy"
        ? `Fingerprint: ${f.fingerprint}\nPolicy findings are not suppressed by ${IGNORE_FILE}: the policy is changed in the org's config.`
        : `Fingerprint: ${f.fingerprint}\nTo suppress this finding, add this line to ${IGNORE_FILE}:\n${ignoreLine(f)}`,
  };
}

/** The buttons: Re-scan always; Show ignore lines when there is something to ignore. */
function actionsFor(findings: readonly Finding[]): CheckRunAction[] {
  const actions: CheckRunAction[] = [{ label: "Re-scan", description: "Scan this commit again", identifier: ACTION_IDS.rescan }];
  if (findings.length > 0) {
    actions.push({ label: "Show ignore lines", description: `Fingerprints for ${IGNORE_FILE}`, identifier: ACTION_IDS.ignoreLines });
  }
  return actions;
}

/** Everything the `claude-guard` check run shows, from one scan. */
export function renderCheckRun(input: CheckRunInput): CheckRunOutput {
  const findings = input.report.findings;
  const configErrors = input.configErrors ?? [];
  const rules = indexRules(input.rules);
  const scope = scopeOf(input.report);
  const links = new Links(input.repository);
  const conclusion = checkConclusion(findings, input.failOn, configErrors);
  const annotations = [...findings]
    .sort(compareBySeverity)
    .map((f) => annotationFor(f, input.failOn, rules))
    .filter((a): a is CheckAnnotation => a !== undefined);
  const text = renderDetails(input, links, rules);
  return {
    conclusion,
    title: truncate(titleFor(findings, scope, configErrors.length, input.report.scanned.files), 200),
    summary: renderSummary(input, conclusion, scope, links, rules),
    ...(text !== undefined ? { text } : {}),
    annotations,
    actions: actionsFor(findings),
  };
}

/** Annotations in request-sized batches (GitHub takes 50 per create/update call), in order. */
export function annotationBatches(annotations: CheckAnnotation[], size = ANNOTATIONS_PER_REQUEST): CheckAnnotation[][] {
  const step = Math.max(1, Math.trunc(size));
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += step) batches.push(annotations.slice(i, i + step));
  return batches;
}

/** One `.claude-guard-ignore` line: the fingerprint, then a comment saying what it silences. */
function ignoreLine(f: Finding): string {
  // The comment must stay on one line: a newline in a crafted path would start a new entry.
  return `${f.fingerprint}  # ${visibleControls(f.rule)} at ${visibleControls(truncate(f.path, 200))}:${f.line}`;
}

/**
 * What the "Show ignore lines" button shows: `.claude-guard-ignore` lines for the given findings, one a
 * fingerprint (deduplicated), ordered by path and line. Plain text; see renderIgnoreLinesMarkdown for
 * a check run's output.
 */
export function renderIgnoreLines(findings: Finding[]): string {
  const seen = new Set<string>();
  const sorted = [...findings].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.rule.localeCompare(b.rule));
  const lines = [
    `# ${IGNORE_FILE}: one finding fingerprint a line; '#' starts a comment.`,
    "# Keep only the lines of false positives and accepted test values: a real secret must be rotated, not ignored.",
  ];
  for (const f of sorted) {
    // Policy findings are judged by the org's policy, not silenced from the repository.
    if (f.category === "policy") continue;
    const key = f.fingerprint.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(ignoreLine(f));
  }
  return lines.join("\n") + "\n";
}

/** The ignore lines as Markdown for a check run's `output.text`: a code block, cut to GitHub's limit with a note. */
export function renderIgnoreLinesMarkdown(findings: Finding[]): string {
  const all = renderIgnoreLines(findings).trimEnd().split("\n");
  const intro = [
    `### Lines for \`${IGNORE_FILE}\``,
    `Copy the lines of false positives into \`${IGNORE_FILE}\` at the repository root, or add a \`${ALLOW_COMMENT}\` comment on the line itself.`,
  ];
  const body: string[] = [];
  let used = utf8Length(intro.join("\n")) + 200;
  let i = 0;
  for (; i < all.length; i++) {
    const line = all[i] as string;
    if (used + utf8Length(line) + 1 > OUTPUT_BUDGET - 400) break;
    body.push(line);
    used += utf8Length(line) + 1;
  }
  const out = [...intro, codeBlock(body.join("\n"))];
  if (i < all.length) out.push(`_… and ${plural(all.length - i, "more line")}: run \`claude-guard scan --format json\` for every fingerprint._`);
  return out.join("\n\n") + "\n";
}
