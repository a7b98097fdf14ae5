/**
 * The audit issue's body: a dashboard rebuilt from every record comment (never from a counter held in
 * memory, so any replica that rebuilds after the last write produces the complete body). It opens with
 * what needs action (incidents still present in the latest scan of their change), then charts GitHub
 * renders (Mermaid), a short table per repository and per team, and the compliance mapping folded away.
 * Deterministic: the same records and controls give the same body, byte for byte (ages are counted to
 * the newest record, not to a clock), which is what lets the App skip writing a body that did not
 * change. Pure.
 */
import { CLASSIFICATIONS, DEFAULT_CONFIG, type GuardConfig } from "../config/config.js";
import { codeSpan, utf8Length } from "../report/markdown.js";
import { pieChart, xyChart } from "../report/mermaid.js";
import { CATEGORIES, type Category } from "../types.js";
import { signature, signatureMatches } from "./hash.js";
import { renderComplianceSection, type GovernanceControls } from "./compliance.js";
import { categoryTotal, policyViolations, recordKey, type AuditRecord } from "./record.js";
import { anomalyOptionsOf, changeFactsFromRecords, findAnomalies, NO_TEAM, UNCLASSIFIED, weeklyClaudeChanges, type Anomaly, type AnomalyOptions, type WeekTrend } from "./trends.js";
import { changeLinks, formatAge, formatDay, formatTime, reasonText, recordClassification } from "./words.js";
import { addToGroup } from "../collections.js";

export const AUDIT_ISSUE_TITLE = "claude-guard audit trail";
export const AUDIT_LABEL = "claude-guard-audit";
/** GitHub's limit for an issue body is 65,536 characters; bytes are never fewer. */
const BODY_BUDGET = 60_000;
/** Rows of "Needs action" (the rest are counted), teams listed, weeks charted. */
const MAX_INCIDENTS = 25;
const MAX_TEAMS = 15;
const CHART_WEEKS = 12;
const WEEK_MS = 7 * 24 * 3_600_000;

const ISSUE_MARKER = /^<!-- claude-guard:audit-issue v1 org=([A-Za-z0-9-]{1,39}) sig=([0-9a-f]{32}) -->/;

function issueSignedText(org: string): string {
  return `audit-issue:v1\n${org.toLowerCase()}`;
}

export function issueMarker(org: string, key: string): string {
  return `<!-- claude-guard:audit-issue v1 org=${org} sig=${signature(key, issueSignedText(org))} -->`;
}

/** Does this body carry the audit issue's marker for `org`, signed with `key`? */
export function hasIssueMarker(body: string | null | undefined, org: string, key: string): boolean {
  const match = ISSUE_MARKER.exec(body ?? "");
  return Boolean(match && (match[1] as string).toLowerCase() === org.toLowerCase() && signatureMatches(key, issueSignedText(org), match[2] as string));
}

/** Records in comment order with redeliveries (same key) counted once: the oldest comment wins. */
function uniqueRecords(records: readonly AuditRecord[]): AuditRecord[] {
  const seen = new Set<string>();
  const out: AuditRecord[] = [];
  for (const record of records) {
    const key = recordKey(record);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
  }
  return out;
}

interface RepositorySummary {
  repository: string;
  classification: string | null;
  events: number;
  /** Distinct Claude commits scanned (a re-scan of a pull request counts its commits once). */
  claudeCommits: number;
  /** Findings of the latest scan of each change (a pull request's latest push; every push). */
  findings: Record<Category, number>;
  openViolations: number;
  lastEvent: { timestamp: string; user: string | null };
}

/** A change whose latest scan is still an incident. */
interface OpenIncident {
  record: AuditRecord;
  /** When the change was first recorded as an incident. */
  since: string;
}

interface TeamSummary {
  team: string;
  changes: number;
  claudeCommits: number;
  findings: number;
  incidents: number;
}

interface DashboardSummary {
  repositories: RepositorySummary[];
  totals: Omit<RepositorySummary, "repository" | "classification" | "lastEvent"> & { repositories: number; criticalIncidents: number; lastEvent?: { timestamp: string; user: string | null; repository: string } };
  /** Every record that was an incident, newest first. */
  incidents: AuditRecord[];
  /** Incidents the latest scan of their change still shows, newest first. */
  open: OpenIncident[];
  teams: TeamSummary[];
  /** Findings of the latest scan of each change, by the week (Monday, UTC) of that scan. */
  weeks: Array<{ start: number; findings: Record<Category, number> }>;
  /** Findings of the latest scan of each change, by the classification of what it touched. */
  byClassification: Array<[string, number]>;
}

/** A pull request is one change across its pushes; each push is a change of its own. */
function changeKey(record: AuditRecord): string {
  const input = record.input_summary;
  const repo = `${record.repository.owner}/${record.repository.name}`.toLowerCase();
  return input.type === "pull_request" ? `${repo}#pr:${input.pull_request}` : `${repo}#push:${input.ref}@${input.head_sha}`;
}

const byTime = (a: AuditRecord, b: AuditRecord): number => a.timestamp.localeCompare(b.timestamp) || recordKey(a).localeCompare(recordKey(b));
const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

/** Monday 00:00 UTC of the week holding `ms`. */
function weekStart(ms: number): number {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

export function summarise(recordsInCommentOrder: readonly AuditRecord[]): DashboardSummary {
  const records = uniqueRecords(recordsInCommentOrder).sort(byTime);
  const byRepo = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const repo = `${record.repository.owner}/${record.repository.name}`;
    addToGroup(byRepo, repo, record);
  }
  const repositories: RepositorySummary[] = [];
  for (const [repository, list] of [...byRepo.entries()].sort(([a], [b]) => byName(a, b))) {
    const commits = new Set<string>();
    let extraCommits = 0;
    const latest = new Map<string, AuditRecord>();
    for (const record of list) {
      record.input_summary.commits.forEach((sha) => commits.add(sha));
      // A record keeps at most 100 SHAs: the rest are counted as they come.
      extraCommits += Math.max(0, record.input_summary.claude_commits - record.input_summary.commits.length);
      latest.set(changeKey(record), record);
    }
    const findings = { secret: 0, placeholder: 0, pii: 0, policy: 0 };
    let openViolations = 0;
    for (const record of latest.values()) {
      for (const c of CATEGORIES) findings[c] += categoryTotal(record, c);
      openViolations += policyViolations(record);
    }
    const last = list[list.length - 1] as AuditRecord;
    repositories.push({
      repository,
      classification: last.repository.classification,
      events: list.length,
      claudeCommits: commits.size + extraCommits,
      findings,
      openViolations,
      lastEvent: { timestamp: last.timestamp, user: last.user },
    });
  }

  // The latest scan of each change, and when each change first became an incident.
  const latestByChange = new Map<string, AuditRecord>();
  const firstIncident = new Map<string, string>();
  for (const record of records) {
    const key = changeKey(record);
    latestByChange.set(key, record);
    if (record.incident.critical && !firstIncident.has(key)) firstIncident.set(key, record.timestamp);
  }
  const latest = [...latestByChange.values()].sort(byTime);
  const open = latest
    .filter((r) => r.incident.critical)
    .reverse()
    .map((record) => ({ record, since: firstIncident.get(changeKey(record)) ?? record.timestamp }));

  const teams = new Map<string, TeamSummary>();
  for (const record of latest) {
    const team = record.team ?? "";
    const row = teams.get(team) ?? { team, changes: 0, claudeCommits: 0, findings: 0, incidents: 0 };
    row.changes++;
    row.claudeCommits += record.input_summary.claude_commits;
    row.findings += record.output_summary.findings_total;
    if (record.incident.critical) row.incidents++;
    teams.set(team, row);
  }

  const weeks = new Map<number, Record<Category, number>>();
  const classes = new Map<string, number>();
  for (const record of latest) {
    const week = weekStart(Date.parse(record.timestamp));
    const row = weeks.get(week) ?? { secret: 0, placeholder: 0, pii: 0, policy: 0 };
    for (const c of CATEGORIES) row[c] += categoryTotal(record, c);
    weeks.set(week, row);
    const level = recordClassification(record) ?? "unclassified";
    classes.set(level, (classes.get(level) ?? 0) + record.output_summary.findings_total);
  }
  const newestWeek = records.length > 0 ? weekStart(Date.parse((records[records.length - 1] as AuditRecord).timestamp)) : 0;
  const firstWeek = Math.max(newestWeek - (CHART_WEEKS - 1) * WEEK_MS, Math.min(newestWeek, ...weeks.keys()));
  const weekRows: DashboardSummary["weeks"] = [];
  if (records.length > 0) {
    // Weeks step by calendar days (a UTC week is always 7 days), empty ones shown as zeros.
    for (let start = firstWeek; start <= newestWeek; start = weekStart(start + WEEK_MS + 12 * 3_600_000)) {
      weekRows.push({ start, findings: weeks.get(start) ?? { secret: 0, placeholder: 0, pii: 0, policy: 0 } });
    }
  }

  const sum = (f: (r: RepositorySummary) => number) => repositories.reduce((n, r) => n + f(r), 0);
  const lastRecord = records[records.length - 1];
  const incidents = records.filter((r) => r.incident.critical).reverse();
  return {
    repositories,
    totals: {
      repositories: repositories.length,
      events: records.length,
      claudeCommits: sum((r) => r.claudeCommits),
      findings: { secret: sum((r) => r.findings.secret), placeholder: sum((r) => r.findings.placeholder), pii: sum((r) => r.findings.pii), policy: sum((r) => r.findings.policy) },
      openViolations: sum((r) => r.openViolations),
      criticalIncidents: incidents.length,
      ...(lastRecord ? { lastEvent: { timestamp: lastRecord.timestamp, user: lastRecord.user, repository: `${lastRecord.repository.owner}/${lastRecord.repository.name}` } } : {}),
    },
    incidents,
    open,
    teams: [...teams.values()].sort((a, b) => b.findings - a.findings || b.changes - a.changes || byName(a.team, b.team)),
    weeks: weekRows,
    byClassification: [...classes.entries()].filter(([, n]) => n > 0).sort(([a, x], [b, y]) => y - x || byName(a, b)),
  };
}

export interface OrgFacts {
  /** `audit.repository` is configured (true whenever the App writes). */
  auditRepository: boolean;
  keyedHashes: boolean;
  /** The org config has `skills:` entries. */
  skillsConfigured: boolean;
  /** The org config has `content.paths` entries. */
  contentPathsConfigured: boolean;
  failOn: string;
  notifyTeams: number;
  /** Thresholds, business hours and skill teams for the anomalies (defaults when absent). */
  anomalies?: AnomalyOptions;
}

/** What the org's config says about its controls, for an audit issue written under it. */
export function orgFactsOf(config: Pick<GuardConfig, "skills" | "content" | "failOn" | "audit">): OrgFacts {
  return {
    auditRepository: Boolean(config.audit?.repository),
    keyedHashes: true,
    skillsConfigured: Object.keys(config.skills).length > 0,
    contentPathsConfigured: Object.keys(config.content.paths).length > 0,
    failOn: config.failOn,
    notifyTeams: config.audit?.notify.length ?? 0,
    anomalies: anomalyOptionsOf(config),
  };
}

/** The controls, from the org config and what the latest record of each repository says. */
export function deriveControls(recordsInCommentOrder: readonly AuditRecord[], org: OrgFacts): GovernanceControls {
  const records = uniqueRecords(recordsInCommentOrder).sort(byTime);
  const latestByRepo = new Map<string, AuditRecord>();
  for (const r of records) latestByRepo.set(`${r.repository.owner}/${r.repository.name}`.toLowerCase(), r);
  const latest = [...latestByRepo.values()];
  const newest = records[records.length - 1];
  return {
    auditTrail: org.auditRepository && records.length > 0,
    keyedHashes: org.keyedHashes,
    secretScan: true,
    piiScan: newest ? newest.policy_checks.pii_scan !== "not-run" : false,
    classification: latest.length > 0 && latest.every((r) => r.repository.classification !== null),
    skillPolicy: org.skillsConfigured || latest.some((r) => r.policy_checks.skill_policy !== "not-run"),
    contentClassification: org.contentPathsConfigured,
    enforcement: org.failOn !== "none",
    incidentNotify: org.notifyTeams > 0,
  };
}

interface DashboardInput {
  org: string;
  key: string;
  records: readonly AuditRecord[];
  controls: GovernanceControls;
  /** Where the records' repositories live, for links (default https://github.com). */
  serverUrl?: string;
  /** For the anomalies: the org config's (orgFactsOf); the defaults when absent. */
  anomalies?: AnomalyOptions;
}

/** Claude changes per week (author dates) and the anomalies of the charted weeks, newest first. */
interface Trends {
  weeks: WeekTrend[];
  anomalies: Anomaly[];
}

function trendsOf(records: readonly AuditRecord[], options: AnomalyOptions): Trends {
  const facts = changeFactsFromRecords(uniqueRecords(records));
  const weeks = weeklyClaudeChanges(facts, CHART_WEEKS);
  const since = weeks[0]?.week ?? "";
  // Anomalies are found over every record (a spike needs the weeks before), shown for the charted weeks.
  const anomalies = findAnomalies(facts, options).filter((a) => a.week >= since).reverse();
  return { weeks, anomalies };
}

export function renderDashboard(input: DashboardInput): string {
  const summary = summarise(input.records);
  const trends = trendsOf(input.records, input.anomalies ?? anomalyOptionsOf(DEFAULT_CONFIG));
  let shown = summary.repositories;
  let body = renderBody(input, summary, trends, shown);
  // Too many repositories for one issue body: keep the most recently active, say how many are left out.
  while (utf8Length(body) > BODY_BUDGET && shown.length > 1) {
    const keep = Math.max(1, Math.floor(shown.length * 0.8));
    shown = [...shown].sort((a, b) => b.lastEvent.timestamp.localeCompare(a.lastEvent.timestamp) || a.repository.localeCompare(b.repository)).slice(0, keep);
    shown.sort((a, b) => byName(a.repository, b.repository));
    body = renderBody(input, summary, trends, shown);
  }
  return body;
}

const CATEGORY_WORDS: Record<Category, [string, string]> = {
  secret: ["secret", "secrets"],
  placeholder: ["placeholder", "placeholders"],
  pii: ["personal data", "personal data"],
  policy: ["policy", "policy"],
};
const CHART_COLORS: Record<Category, [string, string]> = { secret: ["#cf222e", "red"], placeholder: ["#bf8700", "yellow"], pii: ["#8250df", "purple"], policy: ["#0969da", "blue"] };

/** `3 secrets, 1 policy`, or `none`. */
function findingWords(findings: Record<Category, number>): string {
  const parts = CATEGORIES.filter((c) => findings[c] > 0).map((c) => `${findings[c]} ${CATEGORY_WORDS[c][findings[c] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

const recordFindings = (record: AuditRecord): Record<Category, number> => ({
  secret: categoryTotal(record, "secret"),
  placeholder: categoryTotal(record, "placeholder"),
  pii: categoryTotal(record, "pii"),
  policy: categoryTotal(record, "policy"),
});

/** A Mermaid string: quotes and anything that could end the block are left out. */

const ANOMALY_WORDS: Record<Anomaly["kind"], string> = {
  "weekly-spike": "Weekly spike",
  "first-restricted-change": "First change in a restricted repository",
  "off-hours-burst": "Burst outside business hours",
  "new-skill": "New skill",
  "skill-outside-teams": "Skill used outside its teams",
};
/** Series colours (Mermaid's palette) and their names for the legend line. */
const SERIES_COLORS: Array<[string, string]> = [
  ["#0969da", "blue"],
  ["#1a7f37", "green"],
  ["#bf8700", "yellow"],
  ["#8250df", "purple"],
  ["#cf222e", "red"],
  ["#bc4c00", "orange"],
  ["#57606a", "grey"],
];
const CLASSIFICATION_COLORS: Record<string, [string, string]> = {
  public: ["#1a7f37", "green"],
  internal: ["#0969da", "blue"],
  confidential: ["#bc4c00", "orange"],
  restricted: ["#cf222e", "red"],
  [UNCLASSIFIED]: ["#57606a", "grey"],
};
/** Teams charted one by one; the rest share one line. */
const MAX_TEAM_SERIES = 6;
const OTHER_TEAMS = "other teams";

/** A table cell: pipes escaped, code spans kept. */
const tableText = (text: string): string => text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

/** Claude changes per week by team and by classification: two line charts, their legends and the numbers. */
function renderTrendCharts(weeks: readonly WeekTrend[]): string[] {
  if (weeks.length === 0) return [];
  const totals = (pick: (w: WeekTrend) => Record<string, number>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const week of weeks) for (const [k, n] of Object.entries(pick(week))) out.set(k, (out.get(k) ?? 0) + n);
    return out;
  };
  const teamTotals = [...totals((w) => w.byTeam).entries()].sort(([a, x], [b, y]) => y - x || byName(a, b));
  const named = teamTotals.length > MAX_TEAM_SERIES ? teamTotals.slice(0, MAX_TEAM_SERIES - 1).map(([k]) => k) : teamTotals.map(([k]) => k);
  const teamSeries: Array<{ name: string; color: [string, string]; values: number[] }> = named.map((team, i) => ({
    name: team,
    color: SERIES_COLORS[i % SERIES_COLORS.length] as [string, string],
    values: weeks.map((w) => w.byTeam[team] ?? 0),
  }));
  if (named.length < teamTotals.length) {
    teamSeries.push({ name: OTHER_TEAMS, color: SERIES_COLORS[SERIES_COLORS.length - 1] as [string, string], values: weeks.map((w) => Object.entries(w.byTeam).filter(([k]) => !named.includes(k)).reduce((n, [, v]) => n + v, 0)) });
  }
  const classTotals = totals((w) => w.byClassification);
  const classSeries = [...CLASSIFICATIONS, UNCLASSIFIED]
    .filter((c) => (classTotals.get(c) ?? 0) > 0)
    .map((c) => ({ name: c, color: CLASSIFICATION_COLORS[c] as [string, string], values: weeks.map((w) => w.byClassification[c] ?? 0) }));

  const chart = (title: string, series: typeof teamSeries): string[] => [
    ...xyChart({
      title,
      xLabels: weeks.map((w) => w.week),
      yTitle: "Claude changes",
      series: series.map((s) => ({ kind: "line", values: s.values })),
      palette: series.map((s) => s.color[0]),
    }),
    "",
  ];
  const legend = (series: typeof teamSeries): string => series.map((s) => `${s.name === NO_TEAM || s.name === OTHER_TEAMS || s.name === UNCLASSIFIED ? s.name : codeSpan(s.name)} (${s.color[1]})`).join(", ");
  const lines = ["## Claude changes per week", ""];
  // One week is no trend: its numbers alone.
  if (weeks.length > 1) {
    lines.push(...chart("By team", teamSeries), `Lines: ${legend(teamSeries)}.`, "");
    lines.push(...chart("By classification", classSeries), `Lines: ${legend(classSeries)}.`, "");
  }
  const words = (series: typeof teamSeries, i: number): string =>
    series
      .filter((s) => (s.values[i] as number) > 0)
      .map((s) => `${s.name === NO_TEAM || s.name === OTHER_TEAMS || s.name === UNCLASSIFIED ? s.name : codeSpan(s.name)} ${s.values[i]}`)
      .join(", ");
  for (const [i, week] of weeks.entries()) {
    lines.push(`- ${week.week}: ${week.claudeCommits}${week.claudeCommits > 0 ? ` (${words(teamSeries, i)}; ${words(classSeries, i)})` : ""}`);
  }
  lines.push(
    "",
    "Each Claude commit counts once, in the ISO week of its author date (UTC; the scan's time for records written before author dates were kept), under its author's team and its repository's classification.",
    "",
  );
  return lines;
}

function renderBody(input: DashboardInput, summary: DashboardSummary, trends: Trends, shown: RepositorySummary[]): string {
  const t = summary.totals;
  const serverUrl = input.serverUrl ?? "https://github.com";
  const newest = t.lastEvent ? Date.parse(t.lastEvent.timestamp) : 0;
  const lines: string[] = [issueMarker(input.org, input.key), "# claude-guard audit trail", ""];
  if (t.lastEvent) {
    lines.push(
      `${t.repositories} ${t.repositories === 1 ? "repository" : "repositories"}, ${t.events} scanned ${t.events === 1 ? "change" : "changes"}, ${t.claudeCommits} Claude ${t.claudeCommits === 1 ? "commit" : "commits"}` +
        ` · latest scan ${formatTime(t.lastEvent.timestamp)} in ${codeSpan(t.lastEvent.repository)}.`,
    );
  } else lines.push("No Claude-authored change has been scanned yet.");
  lines.push("");

  // --- Needs action -----------------------------------------------------------------------------------
  const needed = summary.open.length + trends.anomalies.length;
  lines.push(`## Needs action${needed > 0 ? ` (${needed})` : ""}`, "");
  if (needed === 0) {
    lines.push("Nothing: no open incident (a verified credential, or a critical finding in a confidential or restricted repository) and no anomaly.");
  } else if (summary.open.length > 0) {
    lines.push("| Incident | Repository | Change | Age | Owner team |", "| --- | --- | --- | --- | --- |");
    for (const { record, since } of summary.open.slice(0, MAX_INCIDENTS)) {
      const links = changeLinks(record, serverUrl);
      const input_ = record.input_summary;
      const label = input_.type === "pull_request" ? `#${input_.pull_request}` : `push ${input_.head_sha.slice(0, 7)}`;
      const change = links ? `[${label}](${links.change}) · [checks](${links.checks})` : label;
      const what = record.incident.reasons.map((r, i) => (i === 0 ? reasonText(r, recordClassification(record)) : reasonText(r, recordClassification(record)).toLowerCase())).join(", ") || "Critical incident";
      const found = findingWords(recordFindings(record));
      const repo = `${codeSpan(`${record.repository.owner}/${record.repository.name}`, { inTable: true })}${record.repository.classification ? ` (${codeSpan(record.repository.classification, { inTable: true })})` : ""}`;
      lines.push(`| **${what}**: ${found} | ${repo} | ${change} | ${formatAge(newest - Date.parse(since))} | ${record.team ? codeSpan(record.team, { inTable: true }) : "unknown"} |`);
    }
    if (summary.open.length > MAX_INCIDENTS) lines.push("", `… and ${summary.open.length - MAX_INCIDENTS} older ones (see the record comments).`);
    lines.push(
      "",
      `An incident is a verified credential (its checksum or structure checked offline: rotate it) or a critical finding in a confidential or restricted repository. It stays listed while the latest scan of its change still finds it. Ages are counted to the latest scan (${formatTime(t.lastEvent?.timestamp ?? new Date(0).toISOString())}).`,
    );
  }
  if (trends.anomalies.length > 0) {
    if (summary.open.length > 0) lines.push("");
    lines.push("| Anomaly | Repository | Why | Week |", "| --- | --- | --- | --- |");
    for (const anomaly of trends.anomalies.slice(0, MAX_INCIDENTS)) {
      lines.push(`| **${ANOMALY_WORDS[anomaly.kind]}** | ${codeSpan(anomaly.repository, { inTable: true })} | ${tableText(anomaly.reason)} | ${anomaly.week} |`);
    }
    if (trends.anomalies.length > MAX_INCIDENTS) lines.push("", `… and ${trends.anomalies.length - MAX_INCIDENTS} older ones.`);
    lines.push(
      "",
      `Anomalies of the charted weeks, newest first, from the Claude commits' author dates: thresholds and business hours come from \`audit.anomalies\` and \`content.businessHours\` in the org's config. Review each; they block nothing.`,
    );
  }
  lines.push("");

  // --- Charts -----------------------------------------------------------------------------------------
  const charted = CATEGORIES.filter((c) => summary.weeks.some((w) => w.findings[c] > 0));
  if (charted.length > 0) {
    lines.push("## Findings per week", "");
    lines.push(
      ...xyChart({
        xLabels: summary.weeks.map((w) => formatDay(w.start).replace(/, \d{4}$/, "")),
        yTitle: "Findings",
        series: charted.map((c) => ({ kind: "line", values: summary.weeks.map((w) => w.findings[c]) })),
        palette: charted.map((c) => CHART_COLORS[c][0]),
      }),
      "",
      `Lines: ${charted.map((c) => `${CATEGORY_WORDS[c][1]} (${CHART_COLORS[c][1]})`).join(", ")}. Each change counts with its latest scan, in the week of that scan (weeks start on Monday, UTC).`,
      "",
    );
  }
  if (summary.byClassification.length > 0) {
    lines.push("## Findings by classification", "", ...pieChart(summary.byClassification), "");
  }
  lines.push(...renderTrendCharts(trends.weeks));

  // --- Repositories and teams ---------------------------------------------------------------------------
  lines.push("## Repositories", "");
  if (summary.repositories.length === 0) lines.push("None yet.");
  else {
    lines.push("| Repository | Claude commits | Findings (latest scans) | Last scan |", "| --- | ---: | --- | --- |");
    for (const r of shown) {
      const repo = `${codeSpan(r.repository, { inTable: true })} · ${r.classification ? codeSpan(r.classification, { inTable: true }) : "unclassified"}`;
      const violations = r.openViolations > 0 ? ` (**${r.openViolations} open policy ${r.openViolations === 1 ? "violation" : "violations"}**)` : "";
      const who = r.lastEvent.user ? ` by ${codeSpan(r.lastEvent.user, { inTable: true })}` : "";
      lines.push(`| ${repo} | ${r.claudeCommits} | ${findingWords(r.findings)}${violations} | ${formatTime(r.lastEvent.timestamp)}${who} |`);
    }
    if (shown.length < summary.repositories.length) lines.push("", `${summary.repositories.length - shown.length} less recently active repositories are not listed here (the totals include them).`);
    lines.push("", `Findings in all: ${findingWords(t.findings)}; ${t.openViolations} open policy ${t.openViolations === 1 ? "violation" : "violations"}. Each change counts with its latest scan; Claude commits count once however often they were scanned.`);
  }
  if (summary.teams.length > 0) {
    lines.push("", "## Teams", "", "| Team | Changes | Claude commits | Findings | Incidents |", "| --- | ---: | ---: | ---: | ---: |");
    for (const team of summary.teams.slice(0, MAX_TEAMS)) {
      lines.push(`| ${team.team ? codeSpan(team.team, { inTable: true }) : "no team known"} | ${team.changes} | ${team.claudeCommits} | ${team.findings} | ${team.incidents} |`);
    }
    if (summary.teams.length > MAX_TEAMS) lines.push("", `… and ${summary.teams.length - MAX_TEAMS} more teams.`);
    lines.push("", "The team is the author's team in the organization, from GitHub's team membership when the change was scanned.");
  }

  lines.push(
    "",
    "<details><summary>Compliance mapping and governance maturity</summary>",
    "",
    renderComplianceSection(input.controls),
    "",
    "</details>",
    "",
    "---",
    `<sub>Rebuilt by claude-guard from the record comments below (one per scanned change, each holding its signed JSON record); edits to this body are overwritten. ${summary.incidents.length} critical ${summary.incidents.length === 1 ? "incident" : "incidents"} recorded in all.</sub>`,
    "",
  );
  return lines.join("\n");
}
