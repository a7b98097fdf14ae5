/**
 * The inventory as Markdown (tables and Mermaid charts GitHub renders) and as CSV (one row per
 * repository, for spreadsheets). The JSON is the report itself (schema/inventory.v1.json). Pure.
 */
import { CLASSIFICATIONS } from "../config/config.js";
import { CATEGORIES, SEVERITIES } from "../types.js";
import { NO_TEAM, type WeekTrend } from "../audit/trends.js";
import { pieChart, xyChart } from "../report/mermaid.js";
import type { FindingCounts, InventoryReport } from "./build.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
/** Mermaid strings are double-quoted; a quote inside would end them. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "-");

function findingsText(counts: FindingCounts | undefined): string {
  if (!counts) return "-";
  if (counts.total === 0) return "0";
  const byCategory = CATEGORIES.filter((c) => counts.byCategory[c]).map((c) => `${c} ${counts.byCategory[c]}`);
  const bySeverity = SEVERITIES.filter((s) => counts.bySeverity[s]).map((s) => `${s} ${counts.bySeverity[s]}`);
  return `${counts.total} (${byCategory.join(", ")}; ${bySeverity.join(", ")})`;
}

const agentsText = (agents: Record<string, number>) =>
  Object.entries(agents)
    .map(([agent, n]) => `${agent} ${n}`)
    .join(", ") || "-";

/** The keys a weekly breakdown has, in a fixed order (classifications in their own order, the rest by name). */
function seriesKeys(weeks: readonly WeekTrend[], pick: (w: WeekTrend) => Record<string, number>, order?: readonly string[]): string[] {
  const keys = new Set(weeks.flatMap((w) => Object.keys(pick(w))));
  if (order) return order.filter((k) => keys.has(k));
  return [...keys].sort((a, b) => (a === NO_TEAM ? 1 : b === NO_TEAM ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

function breakdown(heading: string, weeks: readonly WeekTrend[], pick: (w: WeekTrend) => Record<string, number>, order?: readonly string[]): string[] {
  const keys = seriesKeys(weeks, pick, order);
  if (keys.length === 0) return [];
  const totals = keys.map((k) => [k, weeks.reduce((sum, w) => sum + (pick(w)[k] ?? 0), 0)] as [string, number]);
  return [
    `### Claude commits per week by ${heading}`,
    "",
    ...pieChart(totals, `Claude commits by ${heading}`),
    "",
    `| Week | ${keys.map(cell).join(" | ")} |`,
    `|---|${keys.map(() => "---:").join("|")}|`,
    ...weeks.map((w) => `| ${w.week} | ${keys.map((k) => String(pick(w)[k] ?? 0)).join(" | ")} |`),
    "",
  ];
}

export function renderInventoryMarkdown(report: InventoryReport): string {
  const { totals, source } = report;
  const scope = source.kind === "org" ? `organization ${source.org ?? ""}` : "local clones";
  const period = source.since || source.until ? ` from ${source.since ?? "the start"} to ${source.until ?? "now"}` : "";
  const lines: string[] = [
    `# Claude Code inventory: ${scope}`,
    "",
    `${totals.repositories} repositories${period}${source.shard ? ` (shard ${source.shard})` : ""}: ${totals.commitsRead} commits read, ` +
      `${totals.claudeCommits} by Claude adding ${totals.linesAdded} lines; other agents: ${agentsText(totals.otherAgents)}.` +
      (totals.findings ? ` Findings on the lines Claude added: ${findingsText(totals.findings)}.` : ""),
    "",
    "## Repositories",
    "",
    "| Repository | Classification | Claude commits | Lines added | Authors (teams) | First change | Last change | Off hours | Skills | Other agents |" + (source.scan ? " Findings |" : ""),
    "|---|---|---:|---:|---|---|---|---:|---|---|" + (source.scan ? "---|" : ""),
  ];
  for (const r of report.repositories) {
    const authors = r.claude.authors.map((a) => `${a.login} ${a.commits}${a.teams.length > 0 ? ` (${a.teams.join(", ")})` : ""}`).join(", ") || "-";
    lines.push(
      `| ${cell(r.name)} | ${r.classification} (${cell(r.classificationSource)}) | ${r.claude.commits} | ${r.claude.linesAdded} | ${cell(authors)} | ${day(r.claude.firstChange)} | ${day(r.claude.lastChange)} | ` +
        `${r.claude.offHoursCommits} (${percent(r.claude.offHoursShare)}) | ${cell(r.claude.skills.join(", ") || "-")} | ${cell(agentsText(r.otherAgents))} |` +
        (source.scan ? ` ${findingsText(r.claude.findings)} |` : ""),
    );
  }
  const notes = report.repositories.flatMap((r) => (r.notes ?? []).map((note) => `- ${r.name}: ${note}`));
  if (notes.length > 0) lines.push("", "Not read in full:", "", ...notes);
  lines.push("", "## Claude commits per ISO week (author date, UTC)", "");
  if (report.weeks.length === 0) lines.push("No Claude commit with a date.", "");
  else {
    lines.push(
      ...xyChart({ title: "Claude commits per ISO week", xLabels: report.weeks.map((w) => w.week), yTitle: "Claude commits", series: [{ kind: "bar", values: report.weeks.map((w) => w.claudeCommits) }] }),
      "",
    );
    lines.push(...breakdown("team", report.weeks, (w) => w.byTeam));
    lines.push(...breakdown("classification", report.weeks, (w) => w.byClassification, CLASSIFICATIONS));
    lines.push(...breakdown("repository", report.weeks, (w) => w.byRepository));
  }
  lines.push("## Anomalies", "");
  if (report.anomalies.length === 0) lines.push("None.");
  else for (const a of report.anomalies) lines.push(`- **${cell(a.kind)}** in ${cell(a.repository)}: ${cell(a.reason)}`);
  return lines.join("\n") + "\n";
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per repository; lists inside a cell are separated by `;`. */
export function renderInventoryCsv(report: InventoryReport): string {
  const header = [
    "repository",
    "classification",
    "classification_source",
    "commits_read",
    "claude_commits",
    "lines_added",
    "authors",
    "teams",
    "first_change",
    "last_change",
    "off_hours_commits",
    "off_hours_share",
    "skills",
    "other_agents",
    ...(report.source.scan ? ["findings", ...CATEGORIES.map((c) => `findings_${c}`), ...SEVERITIES.map((s) => `findings_${s}`)] : []),
  ];
  const rows = report.repositories.map((r) => [
    r.name,
    r.classification,
    r.classificationSource,
    r.commitsRead,
    r.claude.commits,
    r.claude.linesAdded,
    r.claude.authors.map((a) => `${a.login}:${a.commits}`).join(";"),
    [...new Set(r.claude.authors.flatMap((a) => a.teams))].sort().join(";"),
    r.claude.firstChange ?? "",
    r.claude.lastChange ?? "",
    r.claude.offHoursCommits,
    r.claude.offHoursShare,
    r.claude.skills.join(";"),
    Object.entries(r.otherAgents)
      .map(([agent, n]) => `${agent}:${n}`)
      .join(";"),
    ...(report.source.scan
      ? [r.claude.findings?.total ?? 0, ...CATEGORIES.map((c) => r.claude.findings?.byCategory[c] ?? 0), ...SEVERITIES.map((s) => r.claude.findings?.bySeverity[s] ?? 0)]
      : []),
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
