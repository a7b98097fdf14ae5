/**
 * Content classification: what the lines a change added say about how sensitive it is, compared with the
 * repository's classification. Pure.
 *
 * A "change" is one file as one commit changed it (with `scan --git` and in the App), or one file as it
 * is (plain `scan`). Its signals, each giving a classification; the highest wins:
 * - path: the globs of `content.paths` in the config (`"**\/payments/**": confidential`), picomatch
 *   syntax as `paths.ignore`; several matching globs give several signals.
 * - PII found in the added lines (category `pii`), by rule (see PII_CLASSIFICATION):
 *   - `restricted`: payment card numbers (cardholder data under PCI DSS), health identifiers (NHS
 *     number) and government identity numbers (US SSN, Canadian SIN, BSN, Aadhaar, personnummer, CPF,
 *     DNI/NIE, codice fiscale, henkilötunnus): regulated data whose leak enables fraud or identity theft;
 *   - `confidential`: bank account numbers (IBAN), and any custom `pii` rule of the config;
 *   - `internal`: email addresses and phone numbers in data files (contact details: personal data, but
 *     the kind an internal repository may hold; a public repository may not).
 * - secrets (category `secret`, unless the format's own check failed): `confidential`, since a credential
 *   opens systems whose data is at least confidential. A secret counts toward the change's
 *   classification but does not by itself raise `content-above-classification`: the secret is already a
 *   finding of its own that fails the check and asks for rotation, and one problem must not be counted
 *   twice. Placeholders give no signal.
 *
 * A change whose classification is above the repository's yields one `content-above-classification`
 * finding (severity high), at the line of its strongest signal, naming every signal above the repository.
 *
 * Business hours (`content.businessHours`): in a `restricted` repository, a Claude-authored commit whose
 * author date falls outside the configured days and hours (in the configured time zone) yields one
 * `outside-business-hours` finding (severity low: a note for review, never blocking; see isFailing).
 */
import picomatch from "picomatch";
import { CLASSIFICATIONS, type BusinessHoursConfig, type Classification, type Weekday } from "../config/config.js";
import { fingerprint } from "../report/redact.js";
import type { CommitInfo, Finding } from "../types.js";

export const CONTENT_ABOVE_CLASSIFICATION = "content-above-classification";
export const OUTSIDE_BUSINESS_HOURS = "outside-business-hours";

export const CONTENT_RULE_TITLES = {
  [CONTENT_ABOVE_CLASSIFICATION]: "Content classified above the repository's classification",
  [OUTSIDE_BUSINESS_HOURS]: "Change made outside business hours in a restricted repository",
} as const;

/** The classification each built-in PII rule's findings give a change. Other `pii` rules: confidential. */
export const PII_CLASSIFICATION: Readonly<Record<string, Classification>> = {
  "payment-card-number": "restricted",
  "uk-nhs-number": "restricted",
  "us-ssn": "restricted",
  "ca-sin": "restricted",
  "nl-bsn": "restricted",
  "in-aadhaar": "restricted",
  "se-personnummer": "restricted",
  "br-cpf": "restricted",
  "es-dni": "restricted",
  "it-codice-fiscale": "restricted",
  "fi-hetu": "restricted",
  iban: "confidential",
  "email-address": "internal",
  "phone-number": "internal",
};
const DEFAULT_PII_CLASSIFICATION: Classification = "confidential";
const SECRET_CLASSIFICATION: Classification = "confidential";

const rank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);

export interface ContentSignal {
  kind: "path" | "pii" | "secret";
  classification: Classification;
  /** For people: `path matches content.paths "**\/payments/**"`, `a Payment card number (line 3)`. */
  description: string;
  line: number;
  /** Whether this signal may raise content-above-classification on its own (secrets may not). */
  raises: boolean;
}

export interface ChangeContent {
  path: string;
  commit?: string;
  /** The highest signal's classification; undefined when there is no signal. */
  classification?: Classification;
  signals: ContentSignal[];
}

/** One scanned change: a file with the lines it added (`firstLine`: the first of them). */
export interface ScannedChange {
  path: string;
  commit?: string;
  firstLine: number;
}

/** `content.paths`, compiled once: path -> the globs (and their classifications) that match it. */
export function compileContentPaths(paths: Readonly<Record<string, Classification>>): (path: string) => Array<{ glob: string; classification: Classification }> {
  const compiled = Object.entries(paths).map(([glob, classification]) => ({ glob, classification, match: picomatch(glob, { dot: true }) }));
  return (path) => compiled.filter((c) => c.match(path)).map(({ glob, classification }) => ({ glob, classification }));
}

/** The content classification of one change from its path and the findings the scan made in it. */
export function classifyChange(change: ScannedChange, findings: readonly Finding[], matchPaths: ReturnType<typeof compileContentPaths>): ChangeContent {
  const signals: ContentSignal[] = [];
  for (const { glob, classification } of matchPaths(change.path)) {
    signals.push({ kind: "path", classification, description: `its path matches content.paths ${JSON.stringify(glob)} (${classification})`, line: change.firstLine, raises: true });
  }
  // One signal per kind of data, with every line it was found on (a CSV of cards is one signal, not 500).
  const grouped = new Map<string, { kind: "pii" | "secret"; classification: Classification; what: string; lines: number[] }>();
  for (const f of findings) {
    if (f.path !== change.path || f.commit !== change.commit) continue;
    let kind: "pii" | "secret";
    let classification: Classification;
    if (f.category === "pii") {
      kind = "pii";
      classification = PII_CLASSIFICATION[f.rule] ?? DEFAULT_PII_CLASSIFICATION;
    } else if (f.category === "secret" && f.validation?.status !== "failed") {
      kind = "secret";
      classification = SECRET_CLASSIFICATION;
    } else continue;
    const what = f.title || f.rule;
    const key = `${kind}\0${what}`;
    const group = grouped.get(key) ?? { kind, classification, what, lines: [] };
    group.lines.push(f.line);
    grouped.set(key, group);
  }
  for (const g of grouped.values()) {
    // Each line once, dropped after the sort: looking each finding's line up in the list was quadratic
    // (0.37 s for a CSV of 52,000 phone numbers, and growing with the square).
    g.lines.sort((x, y) => x - y);
    g.lines = g.lines.filter((line, i) => i === 0 || line !== g.lines[i - 1]);
    const shown = g.lines.length > 5 ? `${g.lines.slice(0, 5).join(", ")} and ${g.lines.length - 5} more` : g.lines.join(", ");
    const where = `${g.lines.length === 1 ? "line" : "lines"} ${shown}`;
    const description = g.kind === "pii" ? `it adds personal data: ${g.what} on ${where} (${g.classification})` : `it adds a credential: ${g.what} on ${where} (${g.classification})`;
    signals.push({ kind: g.kind, classification: g.classification, description, line: g.lines[0] ?? change.firstLine, raises: g.kind === "pii" });
  }
  const content: ChangeContent = { path: change.path, signals };
  if (change.commit) content.commit = change.commit;
  const top = signals.reduce<Classification | undefined>((best, s) => (best === undefined || rank(s.classification) > rank(best) ? s.classification : best), undefined);
  if (top) content.classification = top;
  return content;
}

/** The `content-above-classification` finding for a change, if its content is above the repository's. */
export function contentAboveFinding(content: ChangeContent, repository: { name: string; classification: Classification; source?: string }): Finding | undefined {
  const above = content.signals.filter((s) => s.raises && rank(s.classification) > rank(repository.classification));
  if (above.length === 0) return undefined;
  // The strongest signal first; among equals, personal data before paths (it is the more concrete).
  above.sort((a, b) => rank(b.classification) - rank(a.classification) || (a.kind === b.kind ? a.line - b.line : a.kind === "pii" ? -1 : 1));
  const strongest = above[0] as ContentSignal;
  const level = strongest.classification;
  const subject = content.commit ? `Commit ${content.commit.slice(0, 12)} changes ${content.path}` : `${content.path}`;
  const where = `${repository.name} is classified ${repository.classification}${repository.source ? ` (from ${repository.source})` : ""}`;
  const fix =
    strongest.kind === "pii"
      ? "Remove the personal data (use generated values in tests) and purge it from the git history"
      : "Move this content to a repository classified for it";
  const finding: Finding = {
    rule: CONTENT_ABOVE_CLASSIFICATION,
    category: "policy",
    severity: "high",
    path: content.path,
    line: strongest.line,
    column: 1,
    endColumn: 2,
    fingerprint: fingerprint(CONTENT_ABOVE_CLASSIFICATION, content.path, `${level}:${above.map((s) => s.kind).sort().join(",")}`),
    redacted: level,
    message:
      `${subject}, whose content is classified ${level}: ${above.map((s) => s.description).join("; ")}. But ${where}, ` +
      `and content may not sit in a repository classified below it. ${fix}; if the repository really holds ${level} data, ` +
      `have its classification raised (the custom property, or \`classification\` in the config) rather than keeping the content here.`,
    title: CONTENT_RULE_TITLES[CONTENT_ABOVE_CLASSIFICATION],
  };
  if (content.commit) finding.commit = content.commit;
  return finding;
}

/**
 * The `content-above-classification` findings of the changes (one per change at most). Only the signals
 * that can raise one are worked out: paths and personal data, as a secret never does. A change with
 * neither costs nothing, however many credentials were found in it (a secret-dense tree has thousands).
 */
export function contentAboveFindings(
  changes: readonly ScannedChange[],
  findings: readonly Finding[],
  contentPaths: Readonly<Record<string, Classification>>,
  repository: { name: string; classification: Classification; source?: string },
): Finding[] {
  const matchPaths = compileContentPaths(contentPaths);
  const byPath = Object.keys(contentPaths).length > 0;
  // Each change sees only its own file's personal data: indexed once, not searched per change (a tree of
  // thousands of files with thousands of findings would cost their product).
  const piiByChange = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.category !== "pii") continue;
    const key = `${f.path}\0${f.commit ?? ""}`;
    const list = piiByChange.get(key);
    if (list) list.push(f);
    else piiByChange.set(key, [f]);
  }
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const pii = piiByChange.get(`${change.path}\0${change.commit ?? ""}`);
    if (!pii && !byPath) continue;
    const finding = contentAboveFinding(classifyChange(change, pii ?? [], matchPaths), repository);
    if (!finding) continue;
    const key = `${finding.fingerprint}\0${finding.commit ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Business hours

const WEEKDAY_NAMES: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/**
 * A formatter of the weekday and HH:MM in each time zone, made once: making one costs ~50 µs and memory
 * outside V8's heap that is freed only when its wrapper is collected, so one a commit took an inventory
 * of 4,000 of Claude's commits 0.5 s and 170 MB. Zones are a config's (the schema checks each): a few.
 */
const LOCAL_TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();
const MAX_LOCAL_TIME_FORMATS = 64;

function localTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = LOCAL_TIME_FORMATS.get(timeZone);
  if (!format) {
    if (LOCAL_TIME_FORMATS.size >= MAX_LOCAL_TIME_FORMATS) LOCAL_TIME_FORMATS.clear();
    format = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    LOCAL_TIME_FORMATS.set(timeZone, format);
  }
  return format;
}

/** The weekday and HH:MM of an instant in a time zone. */
function localTime(date: Date, timeZone: string): { day: Weekday; time: string } {
  const parts = localTimeFormat(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = get("weekday").toLowerCase().slice(0, 3) as Weekday;
  return { day, time: `${get("hour").padStart(2, "0")}:${get("minute").padStart(2, "0")}` };
}

/** Whether an ISO date falls outside the hours; undefined when the date cannot be read. */
export function isOutsideBusinessHours(iso: string, hours: BusinessHoursConfig): { outside: boolean; day: Weekday; time: string } | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const { day, time } = localTime(date, hours.timezone);
  const inDays = hours.days.includes(day);
  // HH:MM strings compare in time order; `end` is exclusive (24:00 allowed).
  const inHours = time >= hours.start && time < hours.end;
  return { outside: !(inDays && inHours), day, time };
}

interface CommitForHours {
  commit: CommitInfo;
  /** Where to point the finding: the first file (and line) the commit added lines to. */
  path?: string;
  line?: number;
}

/**
 * `outside-business-hours` findings for Claude-authored commits of a restricted repository. Nothing when
 * the repository is not restricted, when no hours are configured, or for a commit without a date or
 * without a file to point at.
 */
export function businessHoursFindings(commits: readonly CommitForHours[], hours: BusinessHoursConfig | undefined, repository: { name: string; classification: Classification }): Finding[] {
  if (!hours || repository.classification !== "restricted") return [];
  const out: Finding[] = [];
  const dayList = hours.days.map((d) => d.charAt(0).toUpperCase() + d.slice(1)).join(", ");
  for (const { commit, path, line } of commits) {
    if (!commit.date || !path) continue;
    const when = isOutsideBusinessHours(commit.date, hours);
    if (!when?.outside) continue;
    out.push({
      rule: OUTSIDE_BUSINESS_HOURS,
      category: "policy",
      severity: "low",
      path,
      line: line ?? 1,
      column: 1,
      endColumn: 2,
      commit: commit.sha,
      fingerprint: fingerprint(OUTSIDE_BUSINESS_HOURS, path, commit.sha),
      redacted: `${when.day} ${when.time}`,
      message:
        `Claude-authored commit ${commit.sha.slice(0, 12)} was made on ${WEEKDAY_NAMES[when.day]} at ${when.time} (${hours.timezone}), outside the business hours of content.businessHours ` +
        `(${dayList} ${hours.start}-${hours.end}), and ${repository.name} is classified restricted. Changes to restricted repositories made when nobody is around to watch are flagged for review: ` +
        `have a person check this commit. This note does not block the merge.`,
      title: CONTENT_RULE_TITLES[OUTSIDE_BUSINESS_HOURS],
    });
  }
  return out;
}
