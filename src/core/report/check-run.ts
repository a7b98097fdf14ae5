/**
 * The `claude-guard` check run: conclusion, title, a summary a reviewer acts on from its first screen
 * (the verdict, then one table row per distinct secret, most severe first; everything else folded),
 * details (the fix once per rule, what each finding adds to its row), annotations and buttons. Pure:
 * the App and the Action send what these functions return. Everything that comes from the repository
 * goes through the escaping helpers of markdown.ts; values appear only as their redacted previews.
 */
import { CATEGORIES, isFailing, SEVERITIES } from "../types.js";
import type { AuthorshipSignal, Category, FailOn, Finding, ScanReport, SkipReason, SkippedFile } from "../types.js";
import { fixHint } from "./fix-hints.js";
import { codeBlock, codeSpan, mdInline, mdLink, mdText, truncate, urlPath, urlSegment, utf8Length, visibleControls } from "./markdown.js";
import { IGNORE_FILE } from "../files.js";
import { ALLOW_COMMENT, indexRules, metaFor, TOOL_NAME, validationNote, type RuleMeta } from "./meta.js";
import { compareFindings, rollUp, type FindingRow } from "./roll-up.js";
import { formatBytes } from "./text.js";
import { plural } from "./plural.js";
import { addToGroup } from "../collections.js";

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
/** Rows shown one by one; past them, the rest is rolled up by rule and file. */
const SINGLE_ROWS = 40;
const PATHS_PER_SKIP_REASON = 10;
const SIGNALS_PER_COMMIT = 4;
/** Line numbers a rolled-up row names before "…". */
const LINES_PER_ROLLED_ROW = 6;

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
  /** e.g. "PR has more than 250 commits: compare API used". Plain text; `code` allowed. Folded in the details. */
  notes?: string[];
  /** What went wrong beside the scan (e.g. "Audit write failed: …"): said on the first screen. Plain text; `code` allowed. */
  warnings?: string[];
  /**
   * For blob and commit links. `serverUrl` (default https://github.com) is the web host, for GitHub
   * Enterprise Server.
   */
  repository?: { owner: string; repo: string; headSha?: string; serverUrl?: string };
  /**
   * Where each finding's line is at the head commit (annotations can only sit there): its line number
   * there, or null when the line is gone (added, then deleted or changed). A finding not in the map is
   * taken as at the head on its own line.
   */
  headLines?: ReadonlyMap<Finding, number | null>;
  /** The web address of claude-guard's `docs/` folder, for links to rule pages; without it pages are named, not linked. */
  docsUrl?: string;
  /** Where every finding can be read when the page is cut, e.g. "the SARIF file `x.sarif`". Plain text; `code` allowed. */
  everyFindingIn?: string;
}

type CheckConclusion = "success" | "failure" | "neutral";

export interface CheckRunAction {
  label: string;
  description: string;
  identifier: string;
}

export interface CheckRunOutput {
  conclusion: CheckConclusion;
  /** What to do, e.g. "2 credentials (1 verified), 3 policy violations: rotate before merge". */
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  /** Details, Markdown, at most 65,535 characters. */
  text?: string;
  /** One per finding whose line is at the head (merged per line), most severe first; the caller sends them in batches (annotationBatches). */
  annotations: CheckAnnotation[];
  /** At most 3 buttons, within GitHub's length limits. */
  actions: CheckRunAction[];
  /** Table rows (distinct findings) and findings the summary's table shows, and the totals. */
  table: { rows: number; rowsShown: number; findings: number; findingsShown: number };
}

const CATEGORY_LABEL: Record<Category, string> = {
  secret: "Secret",
  placeholder: "Placeholder",
  pii: "Personal data (PII)",
  policy: "Policy",
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

/** Failure at or above failOn (policy included) or on a config error; neutral below; success when clean. */
function checkConclusion(findings: readonly Finding[], failOn: FailOn, configErrors: readonly string[] = []): CheckConclusion {
  if (configErrors.length > 0) return "failure";
  if (findings.some((f) => isFailing(f, failOn))) return "failure";
  return findings.length > 0 ? "neutral" : "success";
}

/** failure for a finding that fails the check, notice for a low one that does not, warning otherwise. */
function annotationLevel(finding: Finding, failOn: FailOn): CheckAnnotation["annotation_level"] {
  if (isFailing(finding, failOn)) return "failure";
  return finding.severity === "low" ? "notice" : "warning";
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

const isVerified = (f: Finding): boolean => f.category === "secret" && f.validation?.status === "confirmed";

/**
 * The title says what to do: "2 credentials (1 verified), 3 policy violations: rotate before merge".
 * Credentials count distinct secrets (table rows); verified = its checksum or structure checked offline.
 */
function titleFor(rows: readonly FindingRow[], conclusion: CheckConclusion, failOn: FailOn, scope: Scope, configErrors: number, filesScanned: number): string {
  const rowsOf = (category: Category) => rows.filter((r) => (r.findings[0] as Finding).category === category);
  const parts: string[] = [];
  if (configErrors > 0) parts.push(plural(configErrors, "config error"));
  const secrets = rowsOf("secret");
  if (secrets.length > 0) {
    const verified = secrets.filter((r) => r.findings.some(isVerified)).length;
    parts.push(`${plural(secrets.length, "credential")}${verified > 0 ? ` (${verified} verified)` : ""}`);
  }
  const placeholders = rowsOf("placeholder").length;
  if (placeholders > 0) parts.push(plural(placeholders, "placeholder"));
  const pii = rowsOf("pii").length;
  if (pii > 0) parts.push(plural(pii, "personal data finding"));
  const policy = rowsOf("policy");
  const violations = policy.filter((r) => (r.findings[0] as Finding).severity !== "low").length;
  if (violations > 0) parts.push(plural(violations, "policy violation"));
  if (policy.length > violations) parts.push(plural(policy.length - violations, "policy note"));

  if (parts.length === 0) {
    if (scope.commitScan && scope.claudeCommits === 0) return "No Claude-authored commits";
    return scope.commitScan ? `No findings in ${plural(scope.claudeCommits, "Claude commit")}` : `No findings in ${plural(filesScanned, "file")}`;
  }
  const failing = rows.flatMap((r) => r.findings).filter((f) => isFailing(f, failOn));
  let todo: string;
  if (failing.some((f) => f.category === "secret")) todo = "rotate before merge";
  else if (failing.length > 0) todo = "fix before merge";
  else if (configErrors > 0) todo = "fix the configuration";
  else todo = conclusion === "neutral" ? "review, does not block" : "review";
  return `${parts.join(", ")}: ${todo}`;
}

/** Web links into the repository, when the caller said which one; otherwise none. */
class Links {
  private readonly base?: string;
  private readonly head?: string;
  private readonly docs?: string;

  constructor(repository: CheckRunInput["repository"], docsUrl: string | undefined) {
    const safeUrl = (url: string | undefined) => (url && /^https?:\/\/[^\s()<>\]["'`]+$/.test(url) ? url.replace(/\/+$/, "") : undefined);
    const docs = safeUrl(docsUrl);
    if (docs) this.docs = docs;
    if (!repository || !repository.owner || !repository.repo) return;
    const server = safeUrl(repository.serverUrl) ?? "https://github.com";
    this.base = `${server}/${urlSegment(repository.owner)}/${urlSegment(repository.repo)}`;
    if (repository.headSha && /^[0-9a-f]{7,64}$/i.test(repository.headSha)) this.head = repository.headSha;
  }

  /**
   * `path:line` as one link to the line in the commit that added it (else at the head). The label is a
   * code span, which binds tighter than the link's brackets, so a crafted path has nothing to break out of.
   */
  addedAt(path: string, line: number, commit: string | undefined, options: { inTable?: boolean } = {}): string {
    const n = Math.max(1, Math.trunc(line) || 1);
    const label = codeSpan(`${path}:${n}`, { max: 120, inTable: options.inTable });
    const at = commit && /^[0-9a-f]{7,64}$/i.test(commit) ? commit : this.head;
    if (!this.base || !at) return label;
    return mdLink(label, `${this.base}/blob/${at}/${urlPath(path)}#L${n}`);
  }

  commit(sha: string): string {
    const label = codeSpan(sha.slice(0, 7), { max: 7 });
    if (!this.base || !/^[0-9a-f]{7,64}$/i.test(sha)) return label;
    return mdLink(label, `${this.base}/commit/${sha}`);
  }

  /** The rule's page in claude-guard's docs: a URL when the docs' address is known, else the page's path. */
  rulePage(ruleId: string): { url?: string; path: string } {
    const path = `docs/rules/${urlSegment(ruleId)}.md`;
    return this.docs ? { url: `${this.docs}/rules/${urlSegment(ruleId)}.md`, path } : { path };
  }
}

/**
 * Items of a list, as many as fit in `cap` bytes, then one line saying how many were left out: a cut
 * list always says so. `shown` counts the items kept.
 */
function fit(items: readonly string[], cap: number, more: (left: number, shown: number) => string): { lines: string[]; shown: number } {
  const lines: string[] = [];
  let used = 0;
  const reserve = 400;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    const size = utf8Length(item) + 1;
    const isLast = i === items.length - 1;
    if (used + size + (isLast ? 0 : reserve) > cap) {
      lines.push(more(items.length - i, i));
      return { lines, shown: i };
    }
    lines.push(item);
    used += size;
  }
  return { lines, shown: items.length };
}

function fitItems(items: readonly string[], cap: number, more: (left: number) => string): string[] {
  return fit(items, cap, more).lines;
}

/** The last resort: cut at a line boundary within the budget and say so. Sections are sized so this rarely runs. */
function clampOutput(markdown: string, what: string, elsewhere: string): string {
  if (utf8Length(markdown) <= OUTPUT_BUDGET) return markdown;
  const lines = markdown.split("\n");
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = utf8Length(line) + 1;
    if (used + size > OUTPUT_BUDGET - 600) break;
    kept.push(line);
    used += size;
  }
  kept.push("", `_… ${what} was cut here to stay within GitHub's limit of ${MAX_OUTPUT_CHARS.toLocaleString("en-US")} characters: ${elsewhere}._`);
  return kept.join("\n");
}

function verdictLine(conclusion: CheckConclusion, title: string, findings: readonly Finding[], failOn: FailOn, scope: Scope, filesScanned: number): string {
  const where = !scope.commitScan
    ? `in ${plural(filesScanned, "file")}`
    : scope.claudeCommits > 0
      ? `in the lines ${plural(scope.claudeCommits, "Claude-authored commit")} added (${plural(filesScanned, "file")})`
      : `in the lines ${plural(scope.commits, "commit")} added`;
  if (conclusion === "failure") {
    const blocking = findings.filter((f) => isFailing(f, failOn)).length;
    const why = blocking > 0 ? ` ${plural(blocking, "finding fails", "findings fail")} the check (at or above \`${failOn}\`, or a policy violation).` : "";
    return `❌ **${mdText(title, 200)}.**${why}`;
  }
  if (conclusion === "neutral") {
    return `⚠️ **${mdText(title, 200)}.** ${plural(findings.length, "finding")}, all below the fail-on level ${failOn === "none" ? "(`none`: nothing fails)" : `\`${failOn}\``}.`;
  }
  if (scope.commitScan && scope.claudeCommits === 0) {
    return `✅ **No Claude-authored commits** in this change (${plural(scope.commits, "commit")} checked): nothing to scan.`;
  }
  return `✅ **No findings** ${where}.`;
}

/** A few words of fix for a table cell: "rotate, then `process.env.X`". */
function fixCell(f: Finding): string {
  const hint = fixHint(f);
  if (hint.snippet && f.category === "secret") return `rotate, then ${codeSpan(hint.snippet, { max: 60, inTable: true })}`;
  if (hint.snippet) return `use ${codeSpan(hint.snippet, { max: 60, inTable: true })}`;
  return mdText(hint.lead.charAt(0).toLowerCase() + hint.lead.slice(1), 90);
}

interface TableContext {
  links: Links;
  rules: Map<string, RuleMeta>;
  headLine: (f: Finding) => number | null;
}

function titleOf(f: Finding, rules: Map<string, RuleMeta>): string {
  // The finding's own title first: a family rule titles each match ("Placeholder password" vs "Hardcoded password").
  return f.title || metaFor(f, rules).title || f.rule;
}

function rowCells(row: FindingRow, ctx: TableContext): string {
  const lead = row.findings[0] as Finding;
  const titles = [...new Set(row.findings.map((f) => titleOf(f, ctx.rules)))];
  const places = new Set(row.findings.map((f) => `${f.path}\0${f.commit ?? ""}`)).size;
  const what =
    titles.map((t) => mdText(t, 80)).join(" + ") +
    (row.findings.some(isVerified) ? " · verified" : "") +
    (places > 1 ? ` · ${places} places` : "");
  const gone = ctx.headLine(lead) === null ? " (gone at the head)" : "";
  const others = row.findings.length > titles.length ? ` +${row.findings.length - titles.length} more` : "";
  const where = `${ctx.links.addedAt(lead.path, lead.line, lead.commit, { inTable: true })}${gone}${others}`;
  const commit = lead.commit ? ctx.links.commit(lead.commit) : "—";
  return `| ${lead.severity} | ${what} | ${where} | ${commit} | ${fixCell(lead)} |`;
}

/** Rows past the single ones, rolled up by rule and file: "AWS access key ID ×12", the lines listed. */
function rolledRows(rows: readonly FindingRow[], ctx: TableContext): Array<{ cells: string; findings: number }> {
  const groups = new Map<string, Finding[]>();
  for (const f of rows.flatMap((r) => r.findings).sort(compareFindings)) {
    const key = `${f.rule}\0${f.path}`;
    addToGroup(groups, key, f);
  }
  return [...groups.values()].map((group) => {
    const lead = group[0] as Finding;
    const byLine = [...group].sort((a, b) => a.line - b.line);
    const first = byLine[0] as Finding;
    const lines = byLine.slice(1, LINES_PER_ROLLED_ROW).map((f) => String(f.line));
    const more = byLine.length > LINES_PER_ROLLED_ROW ? ", …" : "";
    const where = `${ctx.links.addedAt(first.path, first.line, first.commit, { inTable: true })}${lines.length > 0 ? ` and lines ${lines.join(", ")}${more}` : ""}`;
    const commits = [...new Set(group.map((f) => f.commit).filter((c): c is string => Boolean(c)))];
    const commit = commits.length === 1 ? ctx.links.commit(commits[0] as string) : commits.length === 0 ? "—" : `${commits.length} commits`;
    const what = `${mdText(titleOf(lead, ctx.rules), 60)} ×${group.length}${group.some(isVerified) ? " · verified" : ""}`;
    return { cells: `| ${lead.severity} | ${what} | ${where} | ${commit} | ${fixCell(lead)} |`, findings: group.length };
  });
}

const TABLE_HEAD = ["| Severity | What | Where (added) | Commit | Fix |", "| :-- | :-- | :-- | :-- | :-- |"];

/** The findings table: single rows, then roll-ups by rule and file, cut (and said so) at the byte cap. */
function findingsTable(rows: readonly FindingRow[], ctx: TableContext, cap: number, elsewhere: string): { lines: string[]; rowsShown: number; findingsShown: number } {
  const single = rows.slice(0, SINGLE_ROWS).map((row) => ({ cells: rowCells(row, ctx), findings: row.findings.length }));
  const rolled = rows.length > SINGLE_ROWS ? rolledRows(rows.slice(SINGLE_ROWS), ctx) : [];
  const all = [...single, ...rolled];
  const total = rows.reduce((n, r) => n + r.findings.length, 0);
  const { lines, shown: shownRows } = fit(
    all.map((r) => r.cells),
    cap - 600,
    (left, shown) => {
      const findingsLeft = all.slice(shown).reduce((n, r) => n + r.findings, 0);
      return `| … | **${plural(left, "more row")} (${plural(findingsLeft, "finding")}) cut here** to stay within GitHub's ${MAX_OUTPUT_CHARS.toLocaleString("en-US")}-character limit | | | |`;
    },
  );
  const shownFindings = all.slice(0, shownRows).reduce((n, r) => n + r.findings, 0);
  const out = [...TABLE_HEAD, ...lines];
  if (rolled.length > 0 && shownRows > single.length) {
    out.push("", `_The first ${plural(single.length, "row")} show one secret each; the ${plural(Math.min(rolled.length, shownRows - single.length), "row")} after them roll up the other ${plural(total - single.reduce((n, r) => n + r.findings, 0), "finding")} by rule and file._`);
  }
  if (shownFindings < total) out.push("", `_Not in this table: ${plural(total - shownFindings, "finding")}. ${mdInline(elsewhere, 300)}._`);
  return { lines: out, rowsShown: shownRows, findingsShown: shownFindings };
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
  const priority: SkipReason[] = ["truncated", "too-large", "unreadable", "timeout", "binary", "generated", "vendored", "lockfile", "ignored"];
  return [...groups.entries()].sort(([a], [b]) => priority.indexOf(a) - priority.indexOf(b));
}

function skipDetail(skip: SkippedFile): string {
  const extra = [skip.detail ? mdText(skip.detail, 100) : "", skip.commit ? `commit ${codeSpan(skip.commit.slice(0, 7), { max: 7 })}` : ""].filter(Boolean);
  return extra.length > 0 ? ` (${extra.join("; ")})` : "";
}

/** One line: how many files were not scanned, by reason. */
function notScannedLine(skipped: readonly SkippedFile[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const reasons = skippedGroups(skipped).map(([reason, files]) => `${files.length} ${SKIP_REASON_TEXT[reason] ?? mdText(reason, 30)}`);
  return `⚠️ **${plural(skipped.length, "file was", "files were")} not scanned** (${reasons.join("; ")}): review ${skipped.length === 1 ? "it" : "them"} by hand, or with \`claude-guard scan --git\`.`;
}

/** Not scanned, by reason: the counts always; the paths as far as `cap` allows. */
function notScannedList(skipped: readonly SkippedFile[], cap: number): string[] {
  const groups = skippedGroups(skipped);
  const lines: string[] = [];
  const perGroup = Math.max(400, Math.floor(cap / Math.max(1, groups.length)) - 200);
  for (const [reason, files] of groups) {
    const paths = files.slice(0, PATHS_PER_SKIP_REASON).map((s) => `${codeSpan(s.path, { max: 120 })}${skipDetail(s)}`);
    // The "and N more" counts every file of the reason that is not listed, whether the cap or the byte budget cut it.
    const listed = fitItems(paths, perGroup, () => "").filter((item) => item !== "");
    const more = files.length > listed.length ? [`and ${files.length - listed.length} more`] : [];
    lines.push(`- **${SKIP_REASON_TEXT[reason] ?? mdText(reason, 30)}** (${files.length}): ${[...listed, ...more].join(", ")}`);
  }
  return lines;
}

function folded(summary: string, body: readonly string[]): string[] {
  return ["<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}

function renderSummary(input: CheckRunInput, conclusion: CheckConclusion, title: string, scope: Scope, rows: readonly FindingRow[], ctx: TableContext, elsewhere: string) {
  const { report, failOn } = input;
  const findings = report.findings;
  const configErrors = input.configErrors ?? [];
  const blocks: string[][] = [[verdictLine(conclusion, title, findings, failOn, scope, report.scanned.files)]];

  // Config errors come first: until they are fixed the scan may not be the one the org configured.
  if (configErrors.length > 0) {
    const items = configErrors.map((e) => `- ${mdInline(e, 500)}`);
    blocks.push([`**Configuration errors (${configErrors.length})**`, ...fitItems(items, 8_000, (left) => `- … and ${left} more configuration errors`)]);
  }
  // What the scan could not see is said on the first screen, even on a clean run.
  for (const gap of report.scanned.incomplete ?? []) blocks.push([`⚠️ **Incomplete history** (${mdText(gap.reason, 30)}): ${mdText(gap.detail, 500)}`]);
  for (const warning of input.warnings ?? []) blocks.push([`⚠️ ${mdInline(warning, 500)}`]);
  const notScanned = notScannedLine(report.scanned.skipped);
  if (notScanned) blocks.push([notScanned]);

  let table = { rowsShown: 0, findingsShown: 0 };
  if (rows.length > 0) {
    const used = utf8Length(blocks.map((b) => b.join("\n")).join("\n\n"));
    const rendered = findingsTable(rows, ctx, OUTPUT_BUDGET - used - 400, elsewhere);
    blocks.push(rendered.lines);
    table = { rowsShown: rendered.rowsShown, findingsShown: rendered.findingsShown };
  }
  const summary = clampOutput(blocks.map((b) => b.join("\n")).join("\n\n") + "\n", "The summary", mdInline(elsewhere, 300));
  return { summary, table };
}

/** Per category and severity, one line: "Secret 2 (1 critical, 1 high) · Policy 3 (3 high)". */
function countsLine(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const category of CATEGORIES) {
    const inCategory = findings.filter((f) => f.category === category);
    if (inCategory.length === 0) continue;
    const bySeverity = SEVERITIES.map((s) => [s, inCategory.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    parts.push(`${CATEGORY_LABEL[category]} ${inCategory.length} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(", ")})`);
  }
  return parts.join(" · ");
}

/** Scope, classification, notes, counts and how Claude's commits were recognised: folded in the details. */
function scopeSection(input: CheckRunInput, scope: Scope, links: Links): string[] {
  const { report, failOn } = input;
  const body: string[] = [];
  const scopeParts: string[] = [];
  if (scope.commitScan) scopeParts.push(`${plural(scope.claudeCommits, "Claude-authored commit")} of ${scope.commits}`);
  scopeParts.push(`${plural(report.scanned.files, "file")} (${formatBytes(report.scanned.bytes)}) scanned`);
  scopeParts.push(failOn === "none" ? "fail-on `none`" : `fails on \`${failOn}\` and above`);
  body.push(scopeParts.join(" · "));
  if (input.classification) body.push("", `Classification: ${codeSpan(input.classification.value, { max: 60 })}, from ${mdInline(input.classification.source, 160)}.`);
  if (report.findings.length > 0) body.push("", `Findings by category: ${countsLine(report.findings)}.`);
  const notes = input.notes ?? [];
  if (notes.length > 0) body.push("", ...fitItems(notes.map((n) => `- ${mdInline(n, 400)}`), 4_000, (left) => `- … and ${left} more notes`));
  if (scope.commitScan && scope.claudeCommits === 0) {
    body.push(
      "",
      "claude-guard scans the lines Claude Code added. It recognises a commit by the markers Claude Code writes: " +
        "a `Co-Authored-By: Claude` trailer, the “Generated with Claude Code” line, a `Claude-Session` trailer, or the `claude[bot]` author " +
        "(plus any `authorship.markers` in the config). None of the commits in this change carries one.",
    );
  }
  if (scope.claude.length > 0) {
    body.push("", `How Claude's commits were recognised (${scope.claudeCommits} of ${scope.commits}):`, ...fitItems(commitItems(scope, links), 14_000, (left) => `- … and ${plural(left, "more Claude commit")}`));
  }
  return folded("Scope, notes and Claude's commits", body);
}

/** What a finding adds to its table row in the details: the check's note, a policy's whole message, its fingerprint. */
function findingLine(f: Finding, ctx: TableContext, blockSnippet: string | undefined): string {
  const parts: string[] = [ctx.links.addedAt(f.path, f.line, f.commit)];
  if (f.category !== "policy") parts.push(`value ${codeSpan(f.redacted, { max: 40 })}`);
  const note = validationNote(f.validation);
  if (note) parts.push(mdText(note, 200));
  const hint = fixHint(f);
  if (hint.snippet && hint.snippet !== blockSnippet) parts.push(`use ${codeSpan(hint.snippet, { max: 120 })}`);
  if (f.category !== "policy") parts.push(`fingerprint ${codeSpan(f.fingerprint, { max: 64 })}`);
  const line = `- ${parts.join(" · ")}`;
  // A policy message says what was allowed, by which policy key, and what to change: kept whole.
  return f.category === "policy" ? `${line}\n  ${mdInline(f.message || f.title, 2_000)}` : line;
}

function ruleLink(ruleId: string, links: Links): string {
  const page = links.rulePage(ruleId);
  return page.url ? mdLink(codeSpan(page.path), page.url) : codeSpan(page.path);
}

/** The fix, once per rule, then each finding's own facts; most severe rule first. */
function renderDetails(input: CheckRunInput, scope: Scope, ctx: TableContext, elsewhere: string): string {
  const findings = [...input.report.findings].sort(compareFindings);
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) addToGroup(byRule, f.rule, f);
  const scopeBlock = scopeSection(input, scope, ctx.links);
  const skipped = input.report.scanned.skipped;
  const skippedBlock = skipped.length > 0 ? folded(`Files not scanned (${skipped.length})`, notScannedList(skipped, 12_000)) : [];
  let budget = OUTPUT_BUDGET - utf8Length([...scopeBlock, ...skippedBlock].join("\n")) - 1_500;

  const out: string[] = [];
  let shown = 0;
  if (findings.length > 0) out.push("## How to fix");
  for (const [rule, group] of byRule) {
    const lead = group[0] as Finding;
    const meta = metaFor(lead, ctx.rules);
    const hint = fixHint(lead);
    const fix = hint.snippet
      ? `${mdText(hint.lead, 300)}: ${codeSpan(hint.snippet, { max: 120 })}${hint.note ? ` (${mdText(hint.note, 200)})` : ""}.`
      : `${mdText(hint.lead, 300)}.`;
    const remediation = meta.remediation && lead.category !== "policy" ? ` ${mdInline(meta.remediation.trim().replace(/\.?$/, "."), 400)}` : "";
    const known = ctx.rules.has(rule) ? ` Rule: ${ruleLink(rule, ctx.links)}.` : "";
    const heading = [`### ${mdText(titleOf(lead, ctx.rules), 100)} (${codeSpan(rule, { max: 60 })}, ${plural(group.length, "finding")})`, `${fix}${remediation}${known}`];
    const items = group.map((f) => findingLine(f, ctx, hint.snippet));
    const headSize = utf8Length(heading.join("\n")) + 2;
    if (budget - headSize < 600) break;
    const listed = fit(items, budget - headSize, (left) => `- … and ${plural(left, "more finding")} of this rule`);
    out.push("", ...heading, ...listed.lines);
    shown += listed.shown;
    budget -= headSize + utf8Length(listed.lines.join("\n")) + 1;
  }
  if (shown < findings.length) out.push("", `_The details of ${plural(findings.length - shown, "finding")} were cut to stay within GitHub's limit. ${mdInline(elsewhere, 300)}._`);
  if (findings.some((f) => f.category !== "policy")) {
    out.push(
      "",
      `**False positive?** Add a \`${ALLOW_COMMENT}\` comment on the line, or the finding's fingerprint on its own line to \`${IGNORE_FILE}\` at the repository root ` +
        `(the **Show ignore lines** button lists them). A real secret must be rotated: deleting the line leaves it in the Git history.`,
    );
  }
  if (findings.some((f) => f.category === "policy")) {
    out.push("", `**Policy violations** are not suppressed by \`${ALLOW_COMMENT}\` or \`${IGNORE_FILE}\`: change the line named above, or have the security team change the policy in the org's config.`);
  }
  out.push("", ...scopeBlock);
  if (skippedBlock.length > 0) out.push("", ...skippedBlock);
  return clampOutput(out.join("\n").replace(/^\n+/, "") + "\n", "The details", mdInline(elsewhere, 300));
}

/** One annotation per finding whose line is at the head: a short plain-text message and the rule's page. */
function annotationFor(f: Finding, headLine: number, failOn: FailOn, ctx: TableContext): CheckAnnotation | undefined {
  // GitHub rejects an annotation without a path; the summary and details still show the finding.
  if (!f.path) return undefined;
  const hint = fixHint(f);
  const title = titleOf(f, ctx.rules);
  const line = Math.max(1, Math.trunc(headLine) || 1);
  const startColumn = Math.max(1, Math.trunc(f.column) || 1);
  // Finding.endColumn is just past the value; GitHub's end_column is the last column covered.
  const endColumn = Math.max(startColumn, Math.trunc(f.endColumn) - 1);
  const page = ctx.rules.has(f.rule) ? ctx.links.rulePage(f.rule) : undefined;
  const note = validationNote(f.validation);
  const parts =
    f.category === "policy"
      ? [(f.message || title).trim()]
      : [
          `${title}: ${f.redacted}${f.commit ? `, added in ${f.commit.slice(0, 7)}` : ""}.${note ? ` ${note.charAt(0).toUpperCase()}${note.slice(1)}.` : ""}`,
          `Fix: ${hint.sentence}`,
        ];
  if (page) parts.push(`Rule: ${page.url ?? `${page.path} in claude-guard`}`);
  const annotation: CheckAnnotation = {
    path: f.path,
    start_line: line,
    end_line: line,
    start_column: startColumn,
    end_column: endColumn,
    annotation_level: annotationLevel(f, failOn),
    title: truncate(visibleControls(`${title} (${f.severity})`), ANNOTATION_TITLE_CHARS),
    // Plain text (GitHub does not render Markdown here); each part kept on its own line.
    message: truncate(parts.map(visibleControls).join("\n"), ANNOTATION_MESSAGE_CHARS),
  };
  if (f.category !== "policy") {
    annotation.raw_details = `False positive? ${hint.language.allow ? `Add "${hint.language.allow}" at the end of the line, or add` : "Add"} this line to ${IGNORE_FILE}:\n${ignoreLine(f)}`;
  }
  return annotation;
}

const LEVEL_ORDER: Record<CheckAnnotation["annotation_level"], number> = { failure: 0, warning: 1, notice: 2 };

/** Findings on one line of one file share one annotation: one cause, one box on the line. */
function mergeByLine(annotations: readonly CheckAnnotation[]): CheckAnnotation[] {
  const byLine = new Map<string, CheckAnnotation[]>();
  for (const a of annotations) {
    const key = `${a.path}\0${a.start_line}`;
    addToGroup(byLine, key, a);
  }
  return [...byLine.values()].map((group) => {
    if (group.length === 1) return group[0] as CheckAnnotation;
    const lead = group[0] as CheckAnnotation;
    const level = group.map((a) => a.annotation_level).sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b])[0] as CheckAnnotation["annotation_level"];
    const details = group.map((a) => a.raw_details).filter((d): d is string => Boolean(d));
    const merged: CheckAnnotation = {
      path: lead.path,
      start_line: lead.start_line,
      end_line: lead.end_line,
      annotation_level: level,
      title: truncate(`${group.length} findings: ${group.map((a) => a.title ?? "").join("; ")}`, ANNOTATION_TITLE_CHARS),
      message: truncate(group.map((a) => a.message).join("\n\n"), ANNOTATION_MESSAGE_CHARS),
    };
    if (details.length > 0) merged.raw_details = truncate(details.join("\n\n"), ANNOTATION_MESSAGE_CHARS);
    return merged;
  });
}

/** Everything the `claude-guard` check run shows, from one scan. */
export function renderCheckRun(input: CheckRunInput): CheckRunOutput {
  const findings = input.report.findings;
  const configErrors = input.configErrors ?? [];
  const rules = indexRules(input.rules);
  const scope = scopeOf(input.report);
  const links = new Links(input.repository, input.docsUrl);
  const headLine = (f: Finding): number | null => (input.headLines?.has(f) ? (input.headLines.get(f) ?? null) : f.line);
  const ctx: TableContext = { links, rules, headLine };
  const conclusion = checkConclusion(findings, input.failOn, configErrors);
  const rows = rollUp(findings, rules);
  const title = titleFor(rows, conclusion, input.failOn, scope, configErrors.length, input.report.scanned.files);
  // Where a cut page sends the reader: never to a report this door does not make.
  const elsewhere = input.everyFindingIn ?? "`claude-guard scan --git --format json` on a clone lists every finding";
  const { summary, table } = renderSummary(input, conclusion, title, scope, rows, ctx, elsewhere);
  const annotations = mergeByLine(
    [...findings]
      .sort(compareFindings)
      .flatMap((f) => {
        const line = headLine(f);
        // Annotations can only sit on the head commit: a line gone there has its row in the table only.
        const annotation = line === null ? undefined : annotationFor(f, line, input.failOn, ctx);
        return annotation ? [annotation] : [];
      }),
  );
  const clean = findings.length === 0 && configErrors.length === 0;
  return {
    conclusion,
    title: truncate(title, 200),
    summary,
    // A clean run's page is its one line; the scope and notes stay one click away.
    text: renderDetails(input, scope, ctx, elsewhere),
    annotations,
    actions: actionsFor(findings),
    table: { rows: rows.length, rowsShown: clean ? 0 : table.rowsShown, findings: findings.length, findingsShown: table.findingsShown },
  };
}

/** The buttons: Re-scan always; Show ignore lines when there is something to ignore. */
function actionsFor(findings: readonly Finding[]): CheckRunAction[] {
  const actions: CheckRunAction[] = [{ label: "Re-scan", description: "Scan this commit again", identifier: ACTION_IDS.rescan }];
  if (findings.some((f) => f.category !== "policy")) {
    actions.push({ label: "Show ignore lines", description: `Fingerprints for ${IGNORE_FILE}`, identifier: ACTION_IDS.ignoreLines });
  }
  return actions;
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
