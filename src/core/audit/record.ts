/**
 * The audit record: one per scanned Claude-authored change (a pull request event or a push), with the
 * fields of the governance framework (timestamp, user, team, session, repository and classification,
 * skills used, input summary, output summary, policy checks). Pure.
 *
 * What a record may hold is decided here, field by field: counts, identifiers (logins, SHAs, rule
 * categories), names of languages and skills, and keyed hashes. It never holds a secret, a redacted
 * preview, a file path, a line of content or any part of a commit message (a skill name read from a
 * `Claude-Skill:` trailer is kept only when it looks like a skill id, not like a token).
 * The JSON Schema of this shape is schema/audit-record.v1.json; the two change together.
 */
import { skillsFromTrailers } from "../policy/agent-config.js";
import { compileGlobs } from "../glob.js";
import { CLASSIFICATIONS, type Classification } from "../config/schema.js";
import { linesOf } from "../added-lines.js";
import { isFailing, SEVERITIES, type Category, type CommitChange, type FailOn, type Finding, type Severity } from "../types.js";
import { contentHash, keyId } from "./hash.js";

const AUDIT_RECORD_VERSION = 1;
const AUDIT_RECORD_SCHEMA = "https://unpkg.com/claude-guard/schema/audit-record.v1.json";
/** Commit SHAs kept in a record (the count is always exact): enough to tell re-scans apart. */
export const MAX_RECORD_COMMITS = 100;
const MAX_SKILLS = 20;

export type CheckState = "passed" | "failed" | "not-run";
/**
 * Why a record is a critical incident: a verified credential (its checksum or structure checked offline),
 * or a critical finding in a confidential or restricted repository (or content). Records written by
 * earlier versions may say `restricted-policy-violation` (any policy violation in restricted code).
 */
export type IncidentReason = "confirmed-credential" | "critical-in-confidential-or-restricted" | "restricted-policy-violation";
const SENSITIVE: readonly string[] = ["confidential", "restricted"];
type SessionType = "webhook-delivery" | "workflow-run";

export interface AuditRecord {
  $schema: string;
  version: 1;
  /** ISO 8601, when the scan completed. */
  timestamp: string;
  /** GitHub login that opened the pull request or pushed; null when unknown. */
  user: string | null;
  /** `org/team` the user belongs to, from the org's team membership; null when none is known. */
  team: string | null;
  session: { type: SessionType; id: string };
  repository: { owner: string; name: string; classification: string | null; classification_source: string | null };
  /** Skill ids the change used (`Claude-Skill:` trailers) or added or edited (`.claude/skills`, `.claude/commands`). */
  skills_used: string[];
  input_summary: {
    type: "pull_request" | "push";
    pull_request: number | null;
    ref: string | null;
    head_sha: string;
    claude_commits: number;
    /** The Claude commits' SHAs (at most MAX_RECORD_COMMITS). */
    commits: string[];
    files: number;
    languages: string[];
    lines_added: number;
    /** `hmac-sha256:<hex>` over the canonical added lines (hash.ts). */
    content_hash: string;
    /** Which key made content_hash (keyId), for verification after a rotation. */
    key_id: string;
    /** Each listed commit's author date (ISO 8601, UTC), same order as `commits`; null when unknown. Absent in older records. */
    commit_dates?: Array<string | null>;
  };
  output_summary: {
    findings_total: number;
    /** Counts by category, then severity; every cell present (zeros included). */
    findings: Record<Category, Record<Severity, number>>;
    conclusion: "success" | "neutral" | "failure";
  };
  policy_checks: {
    secret_scan: CheckState;
    pii_scan: CheckState;
    skill_policy: CheckState;
    /** The highest classification of what the change touched (repository, or `content.paths`). */
    content_classification: string | null;
  };
  incident: { critical: boolean; reasons: IncidentReason[] };
  tool: { name: string; version: string };
}

export interface AuditRecordInput {
  timestamp: string;
  session: { type: SessionType; id: string };
  repository: { owner: string; name: string };
  classification?: { value: string; source: string };
  user?: string;
  team?: string;
  change: { type: "pull_request"; number: number } | { type: "push"; ref: string };
  headSha: string;
  /** The Claude-authored commits with the lines they added (the scanner's input). */
  changes: readonly CommitChange[];
  /** The count of Claude commits (merge commits included, whose lines are not read). */
  claudeCommits: number;
  findings: readonly Pick<Finding, "category" | "severity" | "validation">[];
  failOn: FailOn;
  /** Config errors make the check fail whatever the findings. */
  configErrorCount?: number;
  /** Whether a PII detector ran, and whether a skill/agent policy was evaluated. */
  piiScanRan: boolean;
  skillPolicyRan: boolean;
  /** The org config's `content.paths` (glob -> classification). */
  contentPaths?: Readonly<Record<string, string>>;
  hmacKey: string;
  tool: { name: string; version: string };
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SKILL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
/** A long run of letters and digits is what a token looks like, not a skill id. */
const TOKEN_LIKE = /[A-Za-z0-9]{24,}/;
const SESSION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export function buildAuditRecord(input: AuditRecordInput): AuditRecord {
  if (!SHA.test(input.headSha)) throw new Error("audit record: head SHA is not a commit SHA");
  if (!SESSION_ID.test(input.session.id)) throw new Error("audit record: session id has unexpected characters");
  const files = new Set<string>();
  const languages = new Set<string>();
  let linesAdded = 0;
  for (const change of input.changes) {
    for (const file of change.files) {
      if (file.lineNumbers.length === 0) continue;
      files.add(file.path);
      linesAdded += file.lineNumbers.length;
      const language = languageOf(file.path);
      if (language) languages.add(language);
    }
  }
  const findings = emptyMatrix();
  for (const finding of input.findings) findings[finding.category][finding.severity]++;
  const count = (category: Category) => SEVERITIES.reduce((sum, s) => sum + findings[category][s], 0);
  const policyViolations = input.findings.filter((f) => f.category === "policy" && f.severity !== "low").length;

  const repoClassification = input.classification?.value ?? null;
  const contentClassification = highestClassification([repoClassification, ...touchedClassifications(files, input.contentPaths)]);
  const reasons: IncidentReason[] = [];
  if (input.findings.some((f) => f.category === "secret" && f.validation?.status === "confirmed")) reasons.push("confirmed-credential");
  const sensitive = [repoClassification, contentClassification].some((c) => c !== null && SENSITIVE.includes(c));
  if (sensitive && input.findings.some((f) => f.severity === "critical")) reasons.push("critical-in-confidential-or-restricted");

  const failing = input.findings.some((f) => isFailing(f as Pick<Finding, "category" | "severity">, input.failOn)) || (input.configErrorCount ?? 0) > 0;
  const conclusion = failing ? "failure" : input.findings.length > 0 ? "neutral" : "success";

  const skills: string[] = [];
  for (const change of input.changes) {
    for (const skill of [...skillsFromTrailers(change.commit.message), ...skillsInFiles(change)]) {
      if (SKILL_ID.test(skill) && !TOKEN_LIKE.test(skill) && !skills.includes(skill) && skills.length < MAX_SKILLS) skills.push(skill);
    }
  }

  const listed = input.changes.filter((c) => SHA.test(c.commit.sha)).slice(0, MAX_RECORD_COMMITS);
  return {
    $schema: AUDIT_RECORD_SCHEMA,
    version: AUDIT_RECORD_VERSION,
    timestamp: new Date(input.timestamp).toISOString(),
    user: input.user && LOGIN.test(input.user) ? input.user : null,
    team: input.team && TEAM.test(input.team) ? input.team : null,
    session: { type: input.session.type, id: input.session.id },
    repository: {
      owner: input.repository.owner,
      name: input.repository.name,
      classification: repoClassification,
      classification_source: input.classification ? input.classification.source.slice(0, 100) : null,
    },
    skills_used: skills,
    input_summary: {
      type: input.change.type,
      pull_request: input.change.type === "pull_request" ? input.change.number : null,
      ref: input.change.type === "push" ? input.change.ref.slice(0, 255) : null,
      head_sha: input.headSha,
      claude_commits: input.claudeCommits,
      commits: listed.map((c) => c.commit.sha),
      files: files.size,
      languages: [...languages].sort(),
      lines_added: linesAdded,
      content_hash: contentHash(input.hmacKey, input.changes),
      key_id: keyId(input.hmacKey),
      commit_dates: listed.map((c) => authorDate(c.commit.date)),
    },
    output_summary: { findings_total: input.findings.length, findings, conclusion },
    policy_checks: {
      secret_scan: count("secret") > 0 ? "failed" : "passed",
      pii_scan: !input.piiScanRan ? "not-run" : count("pii") > 0 ? "failed" : "passed",
      skill_policy: policyViolations > 0 ? "failed" : input.skillPolicyRan ? "passed" : "not-run",
      content_classification: contentClassification,
    },
    incident: { critical: reasons.length > 0, reasons },
    tool: { name: input.tool.name, version: input.tool.version },
  };
}

const SKILL_FILE = /^(?:.*\/)?\.claude\/skills\/(.+)\/SKILL\.md$/;
const COMMAND_FILE = /^(?:.*\/)?\.claude\/commands\/(.+)\.md$/;
/** `name:` in the front matter (its first lines), as Claude Code reads a skill's id. */
const FRONT_MATTER_NAME = /^name:\s*["']?([^"'\s#]+)["']?\s*$/;

/**
 * The skills and slash commands whose files a change added lines to: the id Claude Code gives them
 * (front matter `name`, else the folder or file path), as the skill policy names them.
 */
function skillsInFiles(change: CommitChange): string[] {
  const out: string[] = [];
  for (const file of change.files) {
    if (file.lineNumbers.length === 0) continue;
    const match = SKILL_FILE.exec(file.path) ?? COMMAND_FILE.exec(file.path);
    if (!match) continue;
    const lines = linesOf(file);
    const named = lines.findIndex((line, i) => (file.lineNumbers[i] ?? Infinity) <= 10 && FRONT_MATTER_NAME.test(line.trim()));
    out.push(named >= 0 ? (FRONT_MATTER_NAME.exec((lines[named] as string).trim())?.[1] as string) : (match[1] as string));
  }
  return out;
}

/** An author date as UTC ISO 8601 (what weekly trends count by); null when there is none or it cannot be read. */
function authorDate(date: string | undefined): string | null {
  const ms = date ? Date.parse(date) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The record's identity: a redelivered webhook has the same delivery id and head SHA. */
export function recordKey(record: Pick<AuditRecord, "session" | "input_summary">): string {
  return `${record.session.id}@${record.input_summary.head_sha}`;
}

function emptyMatrix(): Record<Category, Record<Severity, number>> {
  const row = () => ({ critical: 0, high: 0, medium: 0, low: 0 });
  return { secret: row(), placeholder: row(), pii: row(), policy: row() };
}

export function categoryTotal(record: AuditRecord, category: Category): number {
  const row = record.output_summary.findings[category];
  return SEVERITIES.reduce((sum, s) => sum + (row?.[s] ?? 0), 0);
}

/** Policy violations a record reports (low policy notes, such as work outside business hours, are not). */
export function policyViolations(record: AuditRecord): number {
  const row = record.output_summary.findings.policy;
  return row.critical + row.high + row.medium;
}

function touchedClassifications(paths: ReadonlySet<string>, contentPaths: Readonly<Record<string, string>> | undefined): string[] {
  if (!contentPaths) return [];
  const out: string[] = [];
  for (const [glob, level] of Object.entries(contentPaths)) {
    const matches = compileGlobs([glob]);
    for (const path of paths) {
      if (matches(path)) {
        out.push(level);
        break;
      }
    }
  }
  return out;
}

function highestClassification(values: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  for (const value of values) {
    if (value === null) continue;
    const rank = CLASSIFICATIONS.indexOf(value as Classification);
    if (best === null || rank > CLASSIFICATIONS.indexOf(best as Classification)) best = value;
  }
  return best;
}

const LANGUAGES: Record<string, string> = {
  ts: "TypeScript", tsx: "TypeScript", mts: "TypeScript", cts: "TypeScript",
  js: "JavaScript", jsx: "JavaScript", mjs: "JavaScript", cjs: "JavaScript",
  py: "Python", rb: "Ruby", go: "Go", rs: "Rust", java: "Java", kt: "Kotlin", kts: "Kotlin", scala: "Scala",
  swift: "Swift", m: "Objective-C", c: "C", h: "C", cc: "C++", cpp: "C++", cxx: "C++", hpp: "C++",
  cs: "C#", fs: "F#", php: "PHP", pl: "Perl", r: "R", lua: "Lua", dart: "Dart", ex: "Elixir", exs: "Elixir",
  erl: "Erlang", clj: "Clojure", hs: "Haskell", ml: "OCaml", sql: "SQL", sh: "Shell", bash: "Shell", zsh: "Shell",
  ps1: "PowerShell", tf: "HCL", hcl: "HCL", yml: "YAML", yaml: "YAML", json: "JSON", toml: "TOML", xml: "XML",
  html: "HTML", css: "CSS", scss: "SCSS", vue: "Vue", svelte: "Svelte", md: "Markdown", mdx: "Markdown",
  ipynb: "Jupyter Notebook", gradle: "Gradle", proto: "Protocol Buffers", graphql: "GraphQL", sol: "Solidity",
};
const LANGUAGE_FILES: Record<string, string> = { dockerfile: "Dockerfile", makefile: "Makefile", gemfile: "Ruby", rakefile: "Ruby", jenkinsfile: "Groovy" };

/** The language of a path, from its extension or well-known file name; undefined when unknown. */
export function languageOf(path: string): string | undefined {
  const name = (path.split("/").pop() ?? "").toLowerCase();
  if (LANGUAGE_FILES[name]) return LANGUAGE_FILES[name];
  if (name.startsWith(".env")) return "Dotenv";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? LANGUAGES[name.slice(dot + 1)] : undefined;
}
