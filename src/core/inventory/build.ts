/**
 * The inventory of Claude's (and other agents') work across an organization's history (issue 15): the
 * doors read commits (a local clone, or the REST API) and hand each repository's facts here; this
 * builds the report every format renders. Every number is counted from those facts, never estimated.
 * Pure: no I/O.
 *
 * A repository's part (`repositoryInventory`) stands alone, so the App's installation baseline writes
 * the same thing; `mergeInventories` rebuilds one report from shards' reports, which is why each
 * repository keeps its Claude changes' metadata (`claude.changes`: sha, author date, login, lines added,
 * skills, off-hours; never content or messages).
 */
import { findAnomalies, weeklyClaudeChanges, type Anomaly, type AnomalyOptions, type ClaudeChangeFact, type WeekTrend } from "../audit/trends.js";
import { detectAuthorship } from "../authorship/index.js";
import { isOffHours } from "../calendar.js";
import type { Classification } from "../config/config.js";
import type { BusinessHoursConfig } from "../config/schema.js";
import { skillOfPath, skillsFromTrailers } from "../policy/agent-config.js";
import { CATEGORIES, SEVERITIES, type Category, type CommitInfo, type Severity } from "../types.js";

export const INVENTORY_SCHEMA = "https://unpkg.com/claude-guard/schema/inventory.v1.json";

/** One Claude-authored commit as the inventory keeps it: metadata and counts, no content. */
export interface ClaudeChange {
  sha: string;
  /** Author date, ISO 8601 (absent when the commit carries none). */
  date?: string;
  /** GitHub login; offline, the login of a noreply address, else the email's local part. */
  login: string;
  linesAdded: number;
  /** Skills named in `Claude-Skill` trailers or whose `.claude/skills/<id>/SKILL.md` it changed. */
  skills: string[];
  /** Outside the business hours of `content.businessHours` (09:00-18:00 Monday to Friday UTC by default). */
  offHours: boolean;
  /** With --scan: findings on the lines it added, by category and severity. */
  findings?: FindingCounts;
}

export interface FindingCounts {
  total: number;
  byCategory: Partial<Record<Category, number>>;
  bySeverity: Partial<Record<Severity, number>>;
}

/** What a door read of one repository. */
export interface RepositoryHistory {
  /** `owner/name`. */
  name: string;
  classification: { value: Classification; source: string };
  /** Commits read (every author). */
  commitsRead: number;
  claude: ClaudeChange[];
  /** Commits other coding agents wrote, by agent id (a commit counts once, under its first agent). */
  otherAgents: Record<string, number>;
  /** Whether the lines Claude added were scanned (--scan). */
  scanned: boolean;
  /** What could not be read, said in the report. */
  notes?: string[];
}

export interface RepositoryInventory {
  name: string;
  classification: Classification;
  classificationSource: string;
  commitsRead: number;
  claude: {
    commits: number;
    linesAdded: number;
    authors: Array<{ login: string; teams: string[]; commits: number }>;
    firstChange: string | null;
    lastChange: string | null;
    offHoursCommits: number;
    /** offHoursCommits / commits (0 without commits), to 4 decimals. */
    offHoursShare: number;
    skills: string[];
    findings?: FindingCounts;
    changes: ClaudeChange[];
  };
  otherAgents: Record<string, number>;
  notes?: string[];
}

export interface InventoryReport {
  $schema: string;
  version: 1;
  source: InventorySource;
  totals: { repositories: number; commitsRead: number; claudeCommits: number; linesAdded: number; otherAgents: Record<string, number>; findings?: FindingCounts };
  repositories: RepositoryInventory[];
  /** Claude's changes per ISO week (the audit issue's trends compute them the same way). */
  weeks: WeekTrend[];
  anomalies: Anomaly[];
}

export interface InventorySource {
  /** `org` (REST API) or `local` (clones). */
  kind: "org" | "local";
  org?: string;
  since?: string;
  until?: string;
  scan: boolean;
  /** `I/N` of a sharded run; absent after a merge. */
  shard?: string;
}

// --- facts from a commit ----------------------------------------------------------------------------

/** Who wrote a commit, per the core's authorship detection: Claude, another agent, or a person. */
export function commitAgent(commit: CommitInfo, markers: string[]): { claude: boolean; otherAgent?: string } {
  const verdict = detectAuthorship(commit, { markers });
  if (verdict.isClaude) return { claude: true };
  return verdict.agents[0] ? { claude: false, otherAgent: verdict.agents[0] } : { claude: false };
}

/** The skills a commit shows: its `Claude-Skill` trailers and the skills whose SKILL.md it touched, sorted. */
function skillsOfCommit(message: string, paths: readonly string[]): string[] {
  const skills = new Set(skillsFromTrailers(message));
  for (const path of paths) {
    const skill = skillOfPath(path);
    if (skill) skills.add(skill);
  }
  return [...skills].sort();
}

/** A Claude change's facts: `paths` are the files it touched, `linesAdded` counted by the door's reader. */
export function claudeChange(commit: CommitInfo, login: string, linesAdded: number, paths: readonly string[], hours: BusinessHoursConfig): ClaudeChange {
  return {
    sha: commit.sha,
    ...(commit.date ? { date: commit.date } : {}),
    login,
    linesAdded,
    skills: skillsOfCommit(commit.message, paths),
    offHours: commit.date ? isOffHours(commit.date, hours) === true : false,
  };
}

export function countFindings(findings: ReadonlyArray<{ category: Category; severity: Severity }>): FindingCounts {
  const counts: FindingCounts = { total: 0, byCategory: {}, bySeverity: {} };
  for (const f of findings) addCount(counts, f, 1);
  return counts;
}

function addCount(into: FindingCounts, f: { category: Category; severity: Severity }, n: number): void {
  into.total += n;
  into.byCategory[f.category] = (into.byCategory[f.category] ?? 0) + n;
  into.bySeverity[f.severity] = (into.bySeverity[f.severity] ?? 0) + n;
}

function sumFindings(all: ReadonlyArray<FindingCounts | undefined>): FindingCounts {
  const sum: FindingCounts = { total: 0, byCategory: {}, bySeverity: {} };
  for (const counts of all) {
    if (!counts) continue;
    sum.total += counts.total;
    for (const c of CATEGORIES) if (counts.byCategory[c]) sum.byCategory[c] = (sum.byCategory[c] ?? 0) + (counts.byCategory[c] as number);
    for (const s of SEVERITIES) if (counts.bySeverity[s]) sum.bySeverity[s] = (sum.bySeverity[s] ?? 0) + (counts.bySeverity[s] as number);
  }
  return sum;
}

// --- building ---------------------------------------------------------------------------------------

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedRecord = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => byName(a, b)));

/** One repository's part of the report; `teamsOf` gives a login's teams (`org/slug`; empty offline). */
export function repositoryInventory(history: RepositoryHistory, teamsOf: (login: string) => readonly string[]): RepositoryInventory {
  const changes = [...history.claude].sort((a, b) => byName(a.date ?? "", b.date ?? "") || byName(a.sha, b.sha));
  const authors = new Map<string, number>();
  for (const change of changes) authors.set(change.login, (authors.get(change.login) ?? 0) + 1);
  const dated = changes.filter((c) => c.date !== undefined).map((c) => c.date as string);
  const offHoursCommits = changes.filter((c) => c.offHours).length;
  const skills = new Set(changes.flatMap((c) => c.skills));
  return {
    name: history.name,
    classification: history.classification.value,
    classificationSource: history.classification.source,
    commitsRead: history.commitsRead,
    claude: {
      commits: changes.length,
      linesAdded: changes.reduce((sum, c) => sum + c.linesAdded, 0),
      authors: [...authors]
        .sort(([a, n], [b, m]) => m - n || byName(a, b))
        .map(([login, commits]) => ({ login, teams: [...teamsOf(login)].sort(byName), commits })),
      firstChange: dated.length > 0 ? dated.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) : null,
      lastChange: dated.length > 0 ? dated.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : null,
      offHoursCommits,
      offHoursShare: changes.length > 0 ? Math.round((offHoursCommits / changes.length) * 10_000) / 10_000 : 0,
      skills: [...skills].sort(byName),
      ...(history.scanned ? { findings: sumFindings(changes.map((c) => c.findings)) } : {}),
      changes,
    },
    otherAgents: sortedRecord(history.otherAgents),
    ...(history.notes && history.notes.length > 0 ? { notes: history.notes } : {}),
  };
}

/**
 * Each Claude change as the trends and anomalies take it: its repository, classification, author date,
 * login, teams (the first by name is the one it counts under) and skills. Undated changes are left out.
 */
function changeFacts(repositories: readonly RepositoryInventory[]): ClaudeChangeFact[] {
  return repositories.flatMap((repository) => {
    const teams = new Map(repository.claude.authors.map((a) => [a.login, a.teams]));
    return repository.claude.changes.flatMap((change) =>
      change.date ? [{ repository: repository.name, classification: repository.classification, sha: change.sha, date: change.date, login: change.login, teams: teams.get(change.login) ?? [], skills: change.skills }] : [],
    );
  });
}

/** The report from its repositories' parts (sorted by name): weeks and anomalies from the audit trends' module. */
function assemble(source: InventorySource, repositories: RepositoryInventory[], anomalies: AnomalyOptions): InventoryReport {
  const sorted = [...repositories].sort((a, b) => byName(a.name, b.name));
  const otherAgents: Record<string, number> = {};
  for (const r of sorted) for (const [agent, n] of Object.entries(r.otherAgents)) otherAgents[agent] = (otherAgents[agent] ?? 0) + n;
  return {
    $schema: INVENTORY_SCHEMA,
    version: 1,
    source,
    totals: {
      repositories: sorted.length,
      commitsRead: sorted.reduce((sum, r) => sum + r.commitsRead, 0),
      claudeCommits: sorted.reduce((sum, r) => sum + r.claude.commits, 0),
      linesAdded: sorted.reduce((sum, r) => sum + r.claude.linesAdded, 0),
      otherAgents: sortedRecord(otherAgents),
      ...(source.scan ? { findings: sumFindings(sorted.map((r) => r.claude.findings)) } : {}),
    },
    repositories: sorted,
    weeks: weeklyClaudeChanges(changeFacts(sorted)),
    anomalies: findAnomalies(changeFacts(sorted), anomalies),
  };
}

interface InventoryOptions {
  source: InventorySource;
  teamsOf: (login: string) => readonly string[];
  /** The anomalies' thresholds, business hours and skills policy: anomalyOptionsOf(the org's config). */
  anomalies: AnomalyOptions;
}

export function buildInventory(histories: readonly RepositoryHistory[], options: InventoryOptions): InventoryReport {
  const repositories = histories.map((h) => repositoryInventory(h, options.teamsOf));
  return assemble(options.source, repositories, options.anomalies);
}

/**
 * One report from the reports of a sharded run: repositories side by side (a repository in two shards
 * is an error: the shards overlap), then the weekly series and the anomalies recomputed from them.
 */
export function mergeInventories(reports: readonly InventoryReport[], anomalies: AnomalyOptions): InventoryReport {
  const seen = new Map<string, number>();
  const repositories: RepositoryInventory[] = [];
  reports.forEach((report, i) => {
    for (const repository of report.repositories) {
      const earlier = seen.get(repository.name);
      if (earlier !== undefined) throw new Error(`${repository.name} is in reports ${earlier + 1} and ${i + 1}: the shards overlap`);
      seen.set(repository.name, i);
      repositories.push(repository);
    }
  });
  const first = reports[0]?.source ?? { kind: "org" as const, scan: false };
  const { shard: _shard, ...source } = first;
  source.scan = reports.every((r) => r.source.scan);
  return assemble(source, repositories, anomalies);
}

/**
 * Whether a repository belongs to shard `index` (1-based) of `count`: by a hash of its lower-cased name,
 * so every job of a matrix agrees without talking to the others and a repository added later does not
 * move the others between shards.
 */
export function inShard(name: string, index: number, count: number): boolean {
  let hash = 0x811c9dc5;
  for (const char of name.toLowerCase()) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1 === index;
}
