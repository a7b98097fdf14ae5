/**
 * Usage records: one per Claude Code session, written by the hook's `SessionEnd` entry next to the
 * pre-flight records of the same `--audit-log` file, and their summary (`claude-guard usage`). Pure.
 *
 * What a session record counts comes from the session's transcript (JSON Lines Claude Code keeps):
 * - model calls and tokens: each assistant message once (by `message.id`: a streamed message is written
 *   on several lines carrying the same usage), its `usage` fields summed (`input_tokens`, `output_tokens`,
 *   `cache_creation_input_tokens`, `cache_read_input_tokens`); synthetic messages are not model calls;
 * - tool calls by tool name (each `tool_use` block once, by its id); skills from the `Skill` tool's
 *   input and from custom slash commands (`<command-name>`); prompts: the user's own messages (not tool
 *   results, not meta lines);
 * - duration: from the transcript's first to its last timestamp.
 * Never text: the prompts and the assistant's output are only hashed (HMAC-SHA256 with AUDIT_HMAC_KEY,
 * else SHA-256 and the record says so). The hook's decisions come from the pre-flight records of the
 * same session in the log.
 */
import { createHash } from "node:crypto";
import { CONTENT_HASH_PREFIX, hmacHex, keyId } from "./audit/hash.js";
import { languageOf } from "./report/fix-hints.js";

interface SessionUsageRecord {
  version: 1;
  kind: "session-usage";
  /** When the session ended (the hook ran). */
  timestamp: string;
  user_id: string | null;
  team: string | null;
  session_id: string | null;
  /** Why the session ended, as Claude Code says (`clear`, `logout`, `prompt_input_exit`, `other`). */
  end_reason: string | null;
  skill_used: string[];
  input_summary: { type: "prompts"; languages: string[]; lines: number; content_hash: string | null; key_id: string | null };
  output_summary: { type: "assistant-output"; items: number; content_hash: string | null; key_id: string | null };
  tool_calls: Record<string, number>;
  prompts: number;
  tokens_used: { input: number; output: number; cache_creation: number; cache_read: number; total: number };
  model_calls: number;
  /** Model calls by model id. */
  models: Record<string, number>;
  /** The session's duration: its transcript's first to last timestamp; null when unknown. */
  latency_ms: number | null;
  policy_checks: {
    secret_scan: "passed" | "failed" | "not-run";
    pii_scan: "passed" | "failed" | "not-run";
    content_classification: string | null;
    /** The hook's decisions in this session (its pre-flight records in the same log). */
    decisions: { allowed: number; blocked: number; allowed_with_context: number; not_scanned: number };
  };
  hash_note?: string;
  tool: { name: "claude-guard"; version: string };
}

interface SessionContext {
  sessionId?: string;
  endReason?: string;
  user?: string;
  team?: string;
  classification?: string;
  hmacKey?: string;
  version: string;
  now: Date;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const SESSION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const TOOL_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;
const MODEL = /^[A-Za-z0-9._:@/-]{1,100}$/;
const SKILL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
/** A long run of letters and digits is what a token looks like, not a skill id. */
const TOKEN_LIKE = /[A-Za-z0-9]{24,}/;
const REASON = /^[a-z_]{1,40}$/;
/** Claude Code's own slash commands: not skills. */
const BUILT_IN_COMMANDS = new Set(
  "add-dir agents bashes bug clear compact config context cost doctor exit export help hooks ide init install-github-app login logout mcp memory model output-style permissions plugin pr-comments privacy-settings release-notes resume review rewind security-review status statusline terminal-setup todos upgrade usage vim".split(" "),
);
const FILE_KEYS = ["file_path", "notebook_path", "path"];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const count = (n: unknown): number => (typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);
const bump = (map: Map<string, number>, key: string, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

/** The session's numbers from its transcript text (JSON Lines); unreadable lines are skipped. */
function sessionUsageOf(transcript: string): Omit<SessionUsageRecord, "version" | "kind" | "timestamp" | "user_id" | "team" | "session_id" | "end_reason" | "policy_checks" | "tool" | "input_summary" | "output_summary"> & {
  languages: string[];
  lines: number;
  outputItems: number;
  /** What is hashed: never written anywhere. */
  promptText: string;
  outputText: string;
} {
  const usage = new Map<string, { input: number; output: number; cache_creation: number; cache_read: number; model: string | null }>();
  const toolIds = new Set<string>();
  const tools = new Map<string, number>();
  const skills: string[] = [];
  const languages = new Set<string>();
  const prompts: string[] = [];
  const outputs: string[] = [];
  let first: number | undefined;
  let last: number | undefined;
  let anonymous = 0;
  const addSkill = (skill: unknown): void => {
    if (typeof skill !== "string") return;
    const id = skill.trim().replace(/^\//, "");
    if (SKILL_ID.test(id) && !TOKEN_LIKE.test(id) && !skills.includes(id) && skills.length < 50) skills.push(id);
  };
  for (const line of transcript.split("\n")) {
    if (line.trim() === "") continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(entry)) continue;
    const when = typeof entry["timestamp"] === "string" ? Date.parse(entry["timestamp"]) : NaN;
    if (!Number.isNaN(when)) {
      first = first === undefined ? when : Math.min(first, when);
      last = last === undefined ? when : Math.max(last, when);
    }
    const message = entry["message"];
    if (entry["type"] === "assistant" && isObject(message)) {
      const model = typeof message["model"] === "string" ? message["model"] : null;
      const id = typeof message["id"] === "string" ? message["id"] : typeof entry["requestId"] === "string" ? entry["requestId"] : `line-${anonymous++}`;
      const u = isObject(message["usage"]) ? message["usage"] : {};
      // Claude Code's own stand-in messages (`<synthetic>`) are no model call and no output.
      if (model === "<synthetic>") continue;
      const seen = usage.get(id) ?? { input: 0, output: 0, cache_creation: 0, cache_read: 0, model: model && MODEL.test(model) ? model : null };
      // A streamed message repeats its usage on each line: the largest value of each field is the message's.
      seen.input = Math.max(seen.input, count(u["input_tokens"]));
      seen.output = Math.max(seen.output, count(u["output_tokens"]));
      seen.cache_creation = Math.max(seen.cache_creation, count(u["cache_creation_input_tokens"]));
      seen.cache_read = Math.max(seen.cache_read, count(u["cache_read_input_tokens"]));
      usage.set(id, seen);
      const content = Array.isArray(message["content"]) ? message["content"] : [];
      for (const block of content) {
        if (!isObject(block)) continue;
        if (block["type"] === "text" && typeof block["text"] === "string") outputs.push(block["text"]);
        if (block["type"] !== "tool_use") continue;
        const blockId = typeof block["id"] === "string" ? block["id"] : undefined;
        if (blockId !== undefined && toolIds.has(blockId)) continue;
        if (blockId !== undefined) toolIds.add(blockId);
        const name = typeof block["name"] === "string" && TOOL_NAME.test(block["name"]) ? block["name"] : "other";
        bump(tools, name);
        const input = isObject(block["input"]) ? block["input"] : {};
        outputs.push(`${name} ${JSON.stringify(input)}`);
        if (name === "Skill") addSkill(input["skill"] ?? input["command"]);
        for (const key of FILE_KEYS) {
          if (typeof input[key] === "string") {
            const language = languageOf(input[key] as string).id;
            if (language !== "other") languages.add(language);
          }
        }
      }
    } else if (entry["type"] === "user" && isObject(message) && entry["isMeta"] !== true) {
      const content = message["content"];
      const text = typeof content === "string" ? content : Array.isArray(content) && !content.some((b) => isObject(b) && b["type"] === "tool_result") ? content.filter((b) => isObject(b) && b["type"] === "text").map((b) => String((b as Json)["text"] ?? "")).join("\n") : undefined;
      if (text === undefined || text === "" || /^<local-command-(?:stdout|stderr)>/.test(text)) continue;
      const command = /<command-name>\/?([^<\s]+)<\/command-name>/.exec(text)?.[1];
      // A built-in command (`/clear`) talks to Claude Code, not to the model: not a prompt.
      if (command && BUILT_IN_COMMANDS.has(command)) continue;
      if (command) addSkill(command);
      prompts.push(text);
    }
  }
  const calls = [...usage.values()];
  const sum = (f: (u: (typeof calls)[number]) => number) => calls.reduce((n, u) => n + f(u), 0);
  const tokens = { input: sum((u) => u.input), output: sum((u) => u.output), cache_creation: sum((u) => u.cache_creation), cache_read: sum((u) => u.cache_read), total: 0 };
  tokens.total = tokens.input + tokens.output + tokens.cache_creation + tokens.cache_read;
  const models = new Map<string, number>();
  for (const call of calls) bump(models, call.model ?? "unknown");
  return {
    skill_used: skills,
    tool_calls: Object.fromEntries([...tools.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    prompts: prompts.length,
    tokens_used: tokens,
    model_calls: calls.length,
    models: Object.fromEntries([...models.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    latency_ms: first !== undefined && last !== undefined ? last - first : null,
    languages: [...languages].sort(),
    lines: prompts.reduce((n, p) => n + p.split("\n").length, 0),
    outputItems: outputs.length,
    promptText: prompts.map((p, i) => `prompt ${i + 1}\n${p}\n`).join(""),
    outputText: outputs.map((o, i) => `item ${i + 1}\n${o}\n`).join(""),
  };
}

/** The pre-flight records of one session in a log, counted. */
function decisionsOf(log: readonly Json[], sessionId: string | undefined): { decisions: SessionUsageRecord["policy_checks"]["decisions"]; secret: string[]; pii: string[] } {
  const decisions = { allowed: 0, blocked: 0, allowed_with_context: 0, not_scanned: 0 };
  const secret: string[] = [];
  const pii: string[] = [];
  for (const record of log) {
    if (record["kind"] !== "pre-flight" || sessionId === undefined || !isObject(record["session"]) || record["session"]["id"] !== sessionId) continue;
    const hook = isObject(record["hook"]) ? record["hook"] : {};
    if (hook["decision"] === "blocked") decisions.blocked++;
    else if (hook["decision"] === "allowed-with-context") decisions.allowed_with_context++;
    else decisions.allowed++;
    if (hook["not_scanned"] === true) decisions.not_scanned++;
    const checks = isObject(record["policy_checks"]) ? record["policy_checks"] : {};
    if (typeof checks["secret_scan"] === "string") secret.push(checks["secret_scan"]);
    if (typeof checks["pii_scan"] === "string") pii.push(checks["pii_scan"]);
  }
  return { decisions, secret, pii };
}

const checkState = (states: readonly string[]): "passed" | "failed" | "not-run" => (states.includes("failed") ? "failed" : states.includes("passed") ? "passed" : "not-run");

export function buildSessionUsageRecord(transcript: string, log: readonly Json[], ctx: SessionContext): SessionUsageRecord {
  const usage = sessionUsageOf(transcript);
  const key = ctx.hmacKey !== undefined && ctx.hmacKey !== "" ? ctx.hmacKey : undefined;
  const hash = (text: string): string | null => (text === "" ? null : key ? CONTENT_HASH_PREFIX + hmacHex(key, text) : "sha256:" + createHash("sha256").update(text, "utf8").digest("hex"));
  const { decisions, secret, pii } = decisionsOf(log, ctx.sessionId);
  const record: SessionUsageRecord = {
    version: 1,
    kind: "session-usage",
    timestamp: ctx.now.toISOString(),
    user_id: ctx.user && LOGIN.test(ctx.user) ? ctx.user : null,
    team: ctx.team && TEAM.test(ctx.team) ? ctx.team : null,
    session_id: ctx.sessionId && SESSION_ID.test(ctx.sessionId) ? ctx.sessionId : null,
    end_reason: ctx.endReason && REASON.test(ctx.endReason) ? ctx.endReason : null,
    skill_used: usage.skill_used,
    input_summary: { type: "prompts", languages: usage.languages, lines: usage.lines, content_hash: hash(usage.promptText), key_id: key && usage.promptText ? keyId(key) : null },
    output_summary: { type: "assistant-output", items: usage.outputItems, content_hash: hash(usage.outputText), key_id: key && usage.outputText ? keyId(key) : null },
    tool_calls: usage.tool_calls,
    prompts: usage.prompts,
    tokens_used: usage.tokens_used,
    model_calls: usage.model_calls,
    models: usage.models,
    latency_ms: usage.latency_ms,
    policy_checks: { secret_scan: checkState(secret), pii_scan: checkState(pii), content_classification: ctx.classification ?? null, decisions },
    tool: { name: "claude-guard", version: ctx.version },
  };
  if (!key) record.hash_note = "unkeyed SHA-256: set AUDIT_HMAC_KEY for keyed hashes (an unkeyed hash of a short value can be brute-forced)";
  return record;
}

// ---------------------------------------------------------------------------------------------------
// The summary of a log (`claude-guard usage`)

interface UsageRow {
  sessions: number;
  tokens: number;
  model_calls: number;
}

interface UsageSummary {
  version: 1;
  since: string | null;
  sessions: number;
  tokens: number;
  model_calls: number;
  /** Per UTC day of the session's end, per skill, per user (`unknown` when none): sessions and tokens. */
  days: Array<{ day: string } & UsageRow>;
  skills: Array<{ skill: string } & UsageRow>;
  users: Array<{ user: string } & UsageRow>;
  /** The hook's pre-flight decisions in the period. */
  events: { allowed: number; blocked: number; allowed_with_context: number };
  /** Lines of the log that were neither record kind (unreadable, or of another tool). */
  skipped_lines: number;
}

/**
 * Sessions and tokens per day, skill and user, and the hook's decisions, counted a line of the log at a
 * time: a log is read as it streams in (a year of a team's hook events is hundreds of megabytes, and a
 * log held whole took over twice its size in memory).
 */
export class UsageTally {
  private readonly days = new Map<string, UsageRow>();
  private readonly skills = new Map<string, UsageRow>();
  private readonly users = new Map<string, UsageRow>();
  private readonly events = { allowed: 0, blocked: 0, allowed_with_context: 0 };
  private sessions = 0;
  private tokens = 0;
  private modelCalls = 0;
  private skipped = 0;

  constructor(private readonly since?: Date) {}

  /** One line of the log (without its "\n"). */
  add(line: string): void {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      this.skipped++;
      return;
    }
    if (!isObject(record) || typeof record["timestamp"] !== "string" || Number.isNaN(Date.parse(record["timestamp"]))) {
      this.skipped++;
      return;
    }
    if (this.since && Date.parse(record["timestamp"]) < this.since.getTime()) return;
    if (record["kind"] === "pre-flight") {
      const decision = isObject(record["hook"]) ? record["hook"]["decision"] : undefined;
      if (decision === "blocked") this.events.blocked++;
      else if (decision === "allowed-with-context") this.events.allowed_with_context++;
      else this.events.allowed++;
      return;
    }
    if (record["kind"] !== "session-usage") {
      this.skipped++;
      return;
    }
    const n = isObject(record["tokens_used"]) ? count(record["tokens_used"]["total"]) : 0;
    const calls = count(record["model_calls"]);
    this.sessions++;
    this.tokens += n;
    this.modelCalls += calls;
    addUsage(this.days, new Date(record["timestamp"]).toISOString().slice(0, 10), n, calls);
    addUsage(this.users, typeof record["user_id"] === "string" ? record["user_id"] : "unknown", n, calls);
    const used = Array.isArray(record["skill_used"]) ? record["skill_used"].filter((s): s is string => typeof s === "string") : [];
    for (const skill of used.length > 0 ? new Set(used) : ["(none)"]) addUsage(this.skills, skill, n, calls);
  }

  /** A line that could not be read whole (longer than any record): counted as skipped. */
  skipLine(): void {
    this.skipped++;
  }

  summary(): UsageSummary {
    const rows = <K extends string>(map: Map<string, UsageRow>, name: K, order: "key" | "tokens") =>
      [...map.entries()]
        .sort(([a, x], [b, y]) => (order === "tokens" ? y.tokens - x.tokens || y.sessions - x.sessions : 0) || (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, row]) => ({ [name]: key, ...row }) as { [P in K]: string } & UsageRow);
    return {
      version: 1,
      since: this.since ? this.since.toISOString() : null,
      sessions: this.sessions,
      tokens: this.tokens,
      model_calls: this.modelCalls,
      days: rows(this.days, "day", "key"),
      skills: rows(this.skills, "skill", "tokens"),
      users: rows(this.users, "user", "tokens"),
      events: { ...this.events },
      skipped_lines: this.skipped,
    };
  }
}

function addUsage(map: Map<string, UsageRow>, key: string, n: number, calls: number): void {
  const row = map.get(key) ?? { sessions: 0, tokens: 0, model_calls: 0 };
  row.sessions++;
  row.tokens += n;
  row.model_calls += calls;
  map.set(key, row);
}

export function renderUsageMarkdown(summary: UsageSummary): string {
  const lines = [
    "# Claude Code usage",
    "",
    `${summary.sessions} ${summary.sessions === 1 ? "session" : "sessions"}, ${summary.tokens} tokens, ${summary.model_calls} model calls${summary.since ? ` since ${summary.since.slice(0, 10)}` : ""}. ` +
      `Hook events: ${summary.events.blocked} blocked, ${summary.events.allowed} allowed, ${summary.events.allowed_with_context} allowed with context.`,
    "",
  ];
  const table = <R extends UsageRow>(title: string, head: string, list: readonly R[], name: (row: R) => string) => {
    if (list.length === 0) return;
    lines.push(`## ${title}`, "", `| ${head} | Sessions | Tokens | Model calls |`, "| --- | ---: | ---: | ---: |");
    for (const row of list) lines.push(`| ${name(row).replace(/\|/g, "\\|")} | ${row.sessions} | ${row.tokens} | ${row.model_calls} |`);
    lines.push("");
  };
  table("Per day (UTC)", "Day", summary.days, (r) => r.day);
  table("Per skill", "Skill", summary.skills, (r) => r.skill);
  table("Per user", "User", summary.users, (r) => r.user);
  if (summary.skipped_lines > 0) lines.push(`${summary.skipped_lines} lines of the log were not usage or pre-flight records and were skipped.`, "");
  return lines.join("\n");
}
