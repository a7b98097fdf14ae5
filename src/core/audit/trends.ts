/**
 * Trends and anomalies of Claude's work, from per-commit facts: the audit issue reads them from its
 * records (changeFactsFromRecords), the inventory from the commit list of each repository. Both feed the
 * same functions, so a week or an anomaly means the same thing in both. Pure; deterministic (no clock).
 *
 * - Weeks are ISO 8601 weeks (`2026-W48`, Monday to Sunday) of each commit's author date in UTC. A
 *   commit counts once, under its repository, its classification and its first team.
 * - Business hours: `content.businessHours` when set, else 09:00-18:00 Monday to Friday, UTC.
 * - Anomalies (thresholds under `audit.anomalies`; defaults below), each with the numbers that made it:
 *   - `weekly-spike`: a repository's Claude changes in a week are more than `min` (3) and more than
 *     `factor` (3) times its mean over the `baselineWeeks` (4) weeks before, empty weeks counting as 0;
 *   - `first-restricted-change`: the first Claude change seen in a repository classified `restricted`;
 *   - `off-hours-burst`: `commits` (3) or more Claude commits of one repository outside business hours
 *     within `hours` (24) hours: one anomaly per burst, however many commits it holds;
 *   - `new-skill`: the first time a skill is seen anywhere in the organization;
 *   - `skill-outside-teams`: a skill whose `skills:` policy names teams, used in a change by someone in
 *     none of them (or whose team is unknown).
 */
import type { ANOMALY_KINDS, AnomalyConfig, BusinessHoursConfig, GuardConfig } from "../config/config.js";
import { businessHoursOrDefault, isoWeek as isoWeekOf, isOffHours } from "../calendar.js";
import { matchSkillPattern, type SkillsPolicy } from "../policy/skills-policy.js";
import type { AuditRecord } from "./record.js";
import { formatTime } from "./words.js";
import { addToGroup } from "../collections.js";

type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** One Claude-authored commit, as the audit records and the inventory both know it. No content. */
export interface ClaudeChangeFact {
  /** `owner/name`. */
  repository: string;
  classification: string | null;
  /** The commit SHA; undefined when only the count of a change's commits is known. */
  sha?: string;
  /** The commit's author date, ISO 8601. */
  date: string;
  login: string | null;
  /** The author's teams (`org/team` or slugs), first the one the commit counts under; [] when unknown. */
  teams: readonly string[];
  /** Skill ids the commit (or its change) used. */
  skills: readonly string[];
}

export interface Anomaly {
  kind: AnomalyKind;
  repository: string;
  /** Why, in words, with the numbers. */
  reason: string;
  /** The ISO week it belongs to. */
  week: string;
  /** The commit date that raised it (a burst: its last commit), ISO 8601. */
  at: string;
}

export interface WeekTrend {
  /** `2026-W48`. */
  week: string;
  /** Monday 00:00 UTC of the week, ISO 8601. */
  start: string;
  claudeCommits: number;
  /** Commits by first team (`no team` when none is known), repository and classification (`unclassified`). */
  byTeam: Record<string, number>;
  byRepository: Record<string, number>;
  byClassification: Record<string, number>;
}

export interface AnomalyOptions {
  thresholds: Omit<AnomalyConfig, "ignore">;
  ignore: readonly AnomalyKind[];
  businessHours: BusinessHoursConfig;
  skills: SkillsPolicy;
}

export const NO_TEAM = "no team";
export const UNCLASSIFIED = "unclassified";
const DAY_MS = 24 * 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const DEFAULT_THRESHOLDS: AnomalyOptions["thresholds"] = { weeklySpike: { min: 3, factor: 3, baselineWeeks: 4 }, offHoursBurst: { commits: 3, hours: 24 } };

/** The anomaly options a config gives (defaults where it says nothing). */
export function anomalyOptionsOf(config: Pick<GuardConfig, "skills" | "content" | "audit">): AnomalyOptions {
  const set = config.audit?.anomalies;
  return {
    thresholds: { weeklySpike: set?.weeklySpike ?? DEFAULT_THRESHOLDS.weeklySpike, offHoursBurst: set?.offHoursBurst ?? DEFAULT_THRESHOLDS.offHoursBurst },
    ignore: set?.ignore ?? [],
    businessHours: businessHoursOrDefault(config.content.businessHours),
    skills: config.skills,
  };
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
function isoWeekStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
}

/** `2026-W48` for an instant (dates here are already known to be readable). */
const isoWeek = (when: string | number): string => isoWeekOf(typeof when === "number" ? new Date(when).toISOString() : when) ?? "";

const validDate = (fact: ClaudeChangeFact): boolean => !Number.isNaN(Date.parse(fact.date));
const byDate = (a: ClaudeChangeFact, b: ClaudeChangeFact): number => a.date.localeCompare(b.date) || (a.sha ?? "").localeCompare(b.sha ?? "") || a.repository.localeCompare(b.repository);
const count = (map: Record<string, number>, key: string): void => {
  map[key] = (map[key] ?? 0) + 1;
};

/**
 * Claude commits per ISO week, oldest first, from the first week with a commit to the last (or the last
 * `limit` weeks up to the last), empty weeks included as zeros.
 */
export function weeklyClaudeChanges(facts: readonly ClaudeChangeFact[], limit?: number): WeekTrend[] {
  const dated = facts.filter(validDate);
  if (dated.length === 0) return [];
  const byWeek = new Map<number, WeekTrend>();
  for (const fact of dated) {
    const start = isoWeekStart(Date.parse(fact.date));
    const row = byWeek.get(start) ?? emptyWeek(start);
    row.claudeCommits++;
    count(row.byTeam, fact.teams[0] ?? NO_TEAM);
    count(row.byRepository, fact.repository);
    count(row.byClassification, fact.classification ?? UNCLASSIFIED);
    byWeek.set(start, row);
  }
  const starts = [...byWeek.keys()];
  const last = Math.max(...starts);
  const first = limit === undefined ? Math.min(...starts) : Math.max(Math.min(...starts), last - (limit - 1) * WEEK_MS);
  const out: WeekTrend[] = [];
  // Step by a week plus half a day, then back to Monday: a UTC week is always 7 days, this keeps it so.
  for (let start = first; start <= last; start = isoWeekStart(start + WEEK_MS + DAY_MS / 2)) out.push(byWeek.get(start) ?? emptyWeek(start));
  return out;
}

function emptyWeek(start: number): WeekTrend {
  return { week: isoWeek(start), start: new Date(start).toISOString(), claudeCommits: 0, byTeam: {}, byRepository: {}, byClassification: {} };
}

/** Every anomaly the facts show, oldest first. */
export function findAnomalies(facts: readonly ClaudeChangeFact[], options: AnomalyOptions): Anomaly[] {
  const sorted = facts.filter(validDate).sort(byDate);
  const byRepo = new Map<string, ClaudeChangeFact[]>();
  for (const fact of sorted) addToGroup(byRepo, fact.repository, fact);
  const out: Anomaly[] = [];
  for (const [repository, list] of byRepo) {
    out.push(...weeklySpikes(repository, list, options.thresholds.weeklySpike));
    const restricted = list.find((f) => f.classification === "restricted");
    if (restricted) {
      out.push({
        kind: "first-restricted-change",
        repository,
        reason: `First Claude change in ${repository}, classified restricted: ${commitWords(restricted)} on ${timeWords(restricted.date)}.`,
        week: isoWeek(restricted.date),
        at: restricted.date,
      });
    }
    out.push(...offHoursBursts(repository, list, options));
  }
  out.push(...skillAnomalies(sorted, options.skills));
  const ignored = new Set(options.ignore);
  return out.filter((a) => !ignored.has(a.kind)).sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind) || a.repository.localeCompare(b.repository));
}

function weeklySpikes(repository: string, list: readonly ClaudeChangeFact[], spike: AnomalyOptions["thresholds"]["weeklySpike"]): Anomaly[] {
  const perWeek = new Map<number, { n: number; last: string }>();
  for (const fact of list) {
    const start = isoWeekStart(Date.parse(fact.date));
    const row = perWeek.get(start) ?? { n: 0, last: fact.date };
    row.n++;
    row.last = fact.date;
    perWeek.set(start, row);
  }
  const out: Anomaly[] = [];
  for (const [start, { n, last }] of perWeek) {
    if (n <= spike.min) continue;
    let before = 0;
    for (let i = 1; i <= spike.baselineWeeks; i++) before += perWeek.get(isoWeekStart(start - i * WEEK_MS + DAY_MS / 2))?.n ?? 0;
    const mean = before / spike.baselineWeeks;
    if (n <= spike.factor * mean) continue;
    const from = isoWeek(start - spike.baselineWeeks * WEEK_MS + DAY_MS / 2);
    const to = isoWeek(start - WEEK_MS + DAY_MS / 2);
    out.push({
      kind: "weekly-spike",
      repository,
      reason:
        `${n} Claude changes in ${repository} in ${isoWeek(start)}, against a mean of ${round(mean)} a week over the ${spike.baselineWeeks} weeks before (${from} to ${to}, ${before} in all): ` +
        `more than ${spike.min} and more than ${spike.factor} times that mean.`,
      week: isoWeek(start),
      at: last,
    });
  }
  return out;
}

function offHoursBursts(repository: string, list: readonly ClaudeChangeFact[], options: AnomalyOptions): Anomaly[] {
  const { commits: min, hours } = options.thresholds.offHoursBurst;
  const off = list.filter((f) => isOffHours(f.date, options.businessHours) === true);
  const window = hours * 3_600_000;
  const out: Anomaly[] = [];
  let i = 0;
  while (i < off.length) {
    // The commits within `hours` of the burst's first one; the next burst starts after them.
    let j = i;
    while (j < off.length && Date.parse((off[j] as ClaudeChangeFact).date) - Date.parse((off[i] as ClaudeChangeFact).date) <= window) j++;
    if (j - i < min) {
      i++;
      continue;
    }
    const first = off[i] as ClaudeChangeFact;
    const last = off[j - 1] as ClaudeChangeFact;
    const people = [...new Set(off.slice(i, j).map((f) => f.login).filter((l): l is string => l !== null))];
    out.push({
      kind: "off-hours-burst",
      repository,
      reason:
        `${j - i} Claude commits in ${repository} outside business hours (${hoursWords(options.businessHours)}) within ${hours} hours, from ${timeWords(first.date)} to ${timeWords(last.date)}` +
        `${people.length > 0 ? ` (by ${people.map(loginWords).join(", ")})` : ""}: ${min} or more make a burst.`,
      week: isoWeek(last.date),
      at: last.date,
    });
    i = j;
  }
  return out;
}

function skillAnomalies(sorted: readonly ClaudeChangeFact[], skills: SkillsPolicy): Anomaly[] {
  const out: Anomaly[] = [];
  const seen = new Set<string>();
  const flagged = new Set<string>();
  for (const fact of sorted) {
    for (const skill of fact.skills) {
      const id = skill.toLowerCase();
      if (!seen.has(id)) {
        seen.add(id);
        out.push({
          kind: "new-skill",
          repository: fact.repository,
          reason: `Skill \`${skill}\` seen for the first time: ${commitWords(fact)} in ${fact.repository} on ${timeWords(fact.date)}.`,
          week: isoWeek(fact.date),
          at: fact.date,
        });
      }
      const match = matchSkillPattern(skill, skills);
      const allowed = match?.policy.teams;
      if (!match || !allowed) continue;
      const slugs = allowed.map(teamSlug);
      if (fact.teams.some((t) => slugs.includes(teamSlug(t)))) continue;
      const key = `${fact.repository}\n${id}\n${fact.login ?? ""}`;
      if (flagged.has(key)) continue;
      flagged.add(key);
      out.push({
        kind: "skill-outside-teams",
        repository: fact.repository,
        reason:
          `Skill \`${skill}\` may only be run by ${allowed.length > 0 ? allowed.map((t) => `\`${t}\``).join(", ") : "no team"} (\`skills."${match.pattern}".teams\`), but ${commitWords(fact)} in ${fact.repository} on ${timeWords(fact.date)} ` +
          `used it${fact.teams.length > 0 ? `, and ${fact.login ? loginWords(fact.login) : "its author"} is in ${fact.teams.map((t) => `\`${t}\``).join(", ")}` : ", and no team is known for its author"}.`,
        week: isoWeek(fact.date),
        at: fact.date,
      });
    }
  }
  return out;
}

/** `acme/platform` and `platform` name the same team (one org). */
const teamSlug = (team: string): string => team.trim().toLowerCase().replace(/^@/, "").split("/").pop() ?? "";
const round = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));
/** In a code span: a login in the audit issue must not mention (and notify) its owner. */
const loginWords = (login: string): string => `\`@${login}\``;
const commitWords = (fact: ClaudeChangeFact): string => `${fact.sha ? `commit ${fact.sha.slice(0, 7)}` : "a commit"}${fact.login ? ` by ${loginWords(fact.login)}` : ""}`;
const timeWords = (iso: string): string => formatTime(iso);
const hoursWords = (h: BusinessHoursConfig): string => `${h.days.join(", ")} ${h.start}-${h.end} ${h.timezone}`;

/**
 * The facts the audit records hold: each Claude commit once per repository (a pull request scanned
 * again lists its commits again), dated by its author date when the record has it, else by the scan.
 * Commits a record counts but does not list (more than it keeps) are counted once per change.
 */
export function changeFactsFromRecords(records: readonly AuditRecord[]): ClaudeChangeFact[] {
  const facts = new Map<string, ClaudeChangeFact>();
  const unlisted = new Map<string, ClaudeChangeFact[]>();
  for (const record of [...records].sort((a, b) => a.timestamp.localeCompare(b.timestamp))) {
    const repository = `${record.repository.owner}/${record.repository.name}`;
    const base = {
      repository,
      classification: record.repository.classification,
      login: record.user,
      teams: record.team ? [record.team] : [],
      skills: record.skills_used,
    };
    const input = record.input_summary;
    input.commits.forEach((sha, i) => {
      const key = `${repository.toLowerCase()}@${sha}`;
      if (!facts.has(key)) facts.set(key, { ...base, sha, date: input.commit_dates?.[i] ?? record.timestamp });
    });
    const extra = Math.max(0, input.claude_commits - input.commits.length);
    const change = input.type === "pull_request" ? `${repository.toLowerCase()}#${input.pull_request}` : `${repository.toLowerCase()}@${input.head_sha}`;
    if (extra > (unlisted.get(change)?.length ?? 0)) unlisted.set(change, Array.from({ length: extra }, () => ({ ...base, date: record.timestamp })));
  }
  return [...facts.values(), ...[...unlisted.values()].flat()];
}
