/**
 * Usage records: the hook's SessionEnd entry reads a transcript it is given (built here, in Claude
 * Code's JSON Lines shape) and writes one record of counts and hashes; `claude-guard usage` sums a log.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { addHookEntries, removeHookEntries } from "../../src/hook/install.js";
import { runHook, type HookIO } from "../../src/hook/run.js";
import { fake } from "../../src/core/detect/fake.js";
import { githubToken } from "../fixtures/hook/events.js";

let work: string;
let project: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-usage-"));
  project = join(work, "project");
  mkdirSync(join(project, ".git"), { recursive: true });
  mkdirSync(join(project, ".github"), { recursive: true });
  writeFileSync(join(project, ".github", "claude-guard.yml"), "classification: confidential\n");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRET = githubToken("usage-transcript");
const SENTINEL = "prompt-sentinel-" + fake.lower(12, "usage-sentinel");
const OUTPUT_SENTINEL = "output-sentinel-" + fake.lower(12, "usage-output");
const KEY = "usage-key-" + fake.alnum(32, "usage-key");

const assistant = (id: string, at: string, usage: Record<string, number>, content: unknown[], model = "claude-sonnet-4-5") =>
  JSON.stringify({ type: "assistant", timestamp: at, requestId: `req-${id}`, message: { id, model, role: "assistant", content, usage } });
const user = (at: string, content: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ type: "user", timestamp: at, message: { role: "user", content }, ...extra });

/** A session: 3 prompts (one a custom slash command), 3 model calls (one streamed over two lines), 4 tool calls. */
function transcript(): string {
  return [
    JSON.stringify({ type: "summary", summary: "not counted" }),
    user("2026-12-01T10:00:00.000Z", `Please fix the login bug ${SENTINEL}\nthe token is ${SECRET}`),
    user("2026-12-01T10:00:00.500Z", "Caveat: local commands follow", { isMeta: true }),
    // Streamed: the same message on two lines, the usage repeated (output tokens grown).
    assistant("msg-1", "2026-12-01T10:00:05.000Z", { input_tokens: 100, output_tokens: 10, cache_creation_input_tokens: 1000, cache_read_input_tokens: 0 }, [{ type: "text", text: OUTPUT_SENTINEL }]),
    assistant("msg-1", "2026-12-01T10:00:06.000Z", { input_tokens: 100, output_tokens: 40, cache_creation_input_tokens: 1000, cache_read_input_tokens: 0 }, [
      { type: "tool_use", id: "tu-1", name: "Edit", input: { file_path: "/p/src/login.ts", old_string: "a", new_string: SENTINEL } },
    ]),
    user("2026-12-01T10:00:07.000Z", [{ type: "tool_result", tool_use_id: "tu-1", content: `edited ${SENTINEL}` }]),
    assistant("msg-2", "2026-12-01T10:01:00.000Z", { input_tokens: 5, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 2000 }, [
      { type: "tool_use", id: "tu-2", name: "Bash", input: { command: `echo ${SECRET}` } },
      { type: "tool_use", id: "tu-3", name: "Bash", input: { command: "npm test" } },
      { type: "tool_use", id: "tu-4", name: "Skill", input: { skill: "deploy/prod" } },
    ]),
    assistant("synthetic-1", "2026-12-01T10:01:01.000Z", { input_tokens: 0, output_tokens: 0 }, [{ type: "text", text: "No response requested." }], "<synthetic>"),
    user("2026-12-01T10:02:00.000Z", "<command-name>/review-pr</command-name>\n<command-message>review-pr</command-message>"),
    user("2026-12-01T10:02:01.000Z", "<local-command-stdout>done</local-command-stdout>"),
    user("2026-12-01T10:02:30.000Z", [{ type: "text", text: "thanks" }]),
    user("2026-12-01T10:03:00.000Z", "<command-name>/clear</command-name>"),
    assistant("msg-3", "2026-12-01T10:05:00.000Z", { input_tokens: 7, output_tokens: 3 }, [{ type: "text", text: "Done." }], "claude-haiku-4-5"),
    "{ a line that is not JSON",
  ].join("\n");
}

async function hook(stdin: string, env: NodeJS.ProcessEnv, options: Parameters<typeof runHook>[0] = {}) {
  const out = { stdout: "", stderr: "" };
  const io: HookIO = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { CLAUDE_GUARD_CACHE_DIR: join(work, "cache"), ...env },
    cwd: project,
    readStdin: async () => stdin,
  };
  return { code: await runHook(options, io), ...out };
}

describe("the SessionEnd usage record", () => {
  it("counts tokens, model calls, tools, skills and prompts from the transcript, and the session's hook decisions, without its text", async () => {
    const path = join(work, "session.jsonl");
    writeFileSync(path, transcript());
    const log = join(work, "logs", "audit.jsonl");
    mkdirSync(join(work, "logs"), { recursive: true });
    const preflight = (session: string, decision: string, secret: string) => JSON.stringify({ version: 1, kind: "pre-flight", timestamp: "2026-12-01T10:00:01.000Z", session: { type: "claude-code-session", id: session }, hook: { event: "PreToolUse", decision }, policy_checks: { secret_scan: secret, pii_scan: "passed" } });
    writeFileSync(log, [preflight("s-1", "blocked", "failed"), preflight("s-1", "allowed", "passed"), preflight("s-1", "allowed-with-context", "passed"), preflight("other", "blocked", "failed")].join("\n") + "\n");

    const event = JSON.stringify({ hook_event_name: "SessionEnd", session_id: "s-1", transcript_path: path, cwd: project, reason: "prompt_input_exit" });
    const r = await hook(event, { AUDIT_HMAC_KEY: KEY, CLAUDE_GUARD_AUDIT_USER: "jane-dev", CLAUDE_GUARD_AUDIT_TEAM: "acme/web" }, { auditLog: log });
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(5);
    const record = JSON.parse(lines[4] as string) as Record<string, unknown>;
    expect(record).toMatchObject({
      version: 1,
      kind: "session-usage",
      user_id: "jane-dev",
      team: "acme/web",
      session_id: "s-1",
      end_reason: "prompt_input_exit",
      skill_used: ["deploy/prod", "review-pr"],
      tool_calls: { Bash: 2, Edit: 1, Skill: 1 },
      prompts: 3,
      // msg-1 once (its largest usage), msg-2, msg-3; the synthetic message is no model call.
      tokens_used: { input: 112, output: 63, cache_creation: 1000, cache_read: 2000, total: 3175 },
      model_calls: 3,
      models: { "claude-haiku-4-5": 1, "claude-sonnet-4-5": 2 },
      latency_ms: 300_000,
      input_summary: { type: "prompts", languages: ["typescript"], lines: 5, key_id: expect.stringMatching(/^[0-9a-f]{16}$/) },
      output_summary: { type: "assistant-output", items: 6 },
      policy_checks: { secret_scan: "failed", pii_scan: "passed", content_classification: "confidential", decisions: { allowed: 1, blocked: 1, allowed_with_context: 1, not_scanned: 0 } },
    });
    const promptText = [`Please fix the login bug ${SENTINEL}\nthe token is ${SECRET}`, "<command-name>/review-pr</command-name>\n<command-message>review-pr</command-message>", "thanks"]
      .map((p, i) => `prompt ${i + 1}\n${p}\n`)
      .join("");
    expect((record["input_summary"] as { content_hash: string }).content_hash).toBe("hmac-sha256:" + createHmac("sha256", KEY).update(promptText).digest("hex"));
    expect(record).not.toHaveProperty("hash_note");
    // Never the transcript's text: no prompt, no secret, no output, no command, no path.
    const written = readFileSync(log, "utf8");
    for (const text of [SECRET, SECRET.slice(4, 20), SENTINEL, OUTPUT_SENTINEL, "npm test", "login.ts", "Please fix"]) expect(written).not.toContain(text);
  });

  it("writes nothing without an audit log, and a missing transcript gives a record of zeros with an unkeyed-hash note", async () => {
    const event = JSON.stringify({ hook_event_name: "SessionEnd", session_id: "s-2", transcript_path: join(work, "missing.jsonl"), cwd: project });
    expect(await hook(event, {})).toEqual({ code: 0, stdout: "", stderr: "" });
    const log = join(work, "empty-session.jsonl");
    expect((await hook(event, { CLAUDE_GUARD_AUDIT_LOG: log })).code).toBe(0);
    const record = JSON.parse(readFileSync(log, "utf8")) as Record<string, unknown>;
    expect(record).toMatchObject({ session_id: "s-2", prompts: 0, model_calls: 0, tokens_used: { total: 0 }, latency_ms: null, input_summary: { content_hash: null } });
    expect(record["hash_note"]).toMatch(/unkeyed SHA-256/);
  });
});

describe("hook install --audit-log", () => {
  it("registers a SessionEnd entry with the audit log, and takes it away when installed again without one", () => {
    const command = "node /opt/claude-guard/bin/claude-guard-hook.js --audit-log audit.jsonl";
    const withLog = addHookEntries({ hooks: { SessionEnd: [{ hooks: [{ type: "command", command: "other-tool" }] }] } }, command, { sessionEnd: true });
    expect(withLog.changed).toBe(true);
    const groups = (withLog.settings["hooks"] as Record<string, unknown>)["SessionEnd"] as Array<{ hooks: Array<{ command: string }> }>;
    expect(groups.map((g) => g.hooks[0]?.command)).toEqual(["other-tool", command]);
    expect(addHookEntries(withLog.settings, command, { sessionEnd: true }).changed).toBe(false);
    const without = addHookEntries(withLog.settings, "node /opt/claude-guard/bin/claude-guard-hook.js");
    expect(without.changed).toBe(true);
    expect((without.settings["hooks"] as Record<string, unknown>)["SessionEnd"]).toEqual([{ hooks: [{ type: "command", command: "other-tool" }] }]);
    expect(removeHookEntries(withLog.settings).removed).toBe(4);
  });
});

describe("claude-guard usage", () => {
  const session = (day: string, user: string | null, skills: string[], total: number, calls: number) =>
    JSON.stringify({ version: 1, kind: "session-usage", timestamp: `${day}T18:00:00.000Z`, user_id: user, skill_used: skills, tokens_used: { total }, model_calls: calls });
  const event = (day: string, decision: string) => JSON.stringify({ version: 1, kind: "pre-flight", timestamp: `${day}T12:00:00.000Z`, hook: { decision } });

  async function cli(args: string[]) {
    const out = { stdout: "", stderr: "" };
    const code = await run(args, { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: {}, cwd: work });
    return { code, ...out };
  }

  it("sums sessions and tokens per day, skill and user, and the hook's blocked and allowed events", async () => {
    const log = join(work, "summary.jsonl");
    writeFileSync(
      log,
      [
        session("2026-11-30", "old-user", [], 999, 9),
        session("2026-12-01", "jane-dev", ["deploy/prod", "review-pr"], 1000, 4),
        session("2026-12-01", "sam-ops", ["deploy/prod"], 500, 2),
        session("2026-12-02", "jane-dev", [], 250, 1),
        event("2026-12-01", "blocked"),
        event("2026-12-01", "allowed"),
        event("2026-12-02", "allowed-with-context"),
        event("2026-12-02", "allowed"),
        "not json",
      ].join("\n"),
    );
    const r = await cli(["usage", "--audit-log", log, "--since", "2026-12-01", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      since: "2026-12-01T00:00:00.000Z",
      sessions: 3,
      tokens: 1750,
      model_calls: 7,
      days: [
        { day: "2026-12-01", sessions: 2, tokens: 1500, model_calls: 6 },
        { day: "2026-12-02", sessions: 1, tokens: 250, model_calls: 1 },
      ],
      skills: [
        { skill: "deploy/prod", sessions: 2, tokens: 1500, model_calls: 6 },
        { skill: "review-pr", sessions: 1, tokens: 1000, model_calls: 4 },
        { skill: "(none)", sessions: 1, tokens: 250, model_calls: 1 },
      ],
      users: [
        { user: "jane-dev", sessions: 2, tokens: 1250, model_calls: 5 },
        { user: "sam-ops", sessions: 1, tokens: 500, model_calls: 2 },
      ],
      events: { allowed: 2, blocked: 1, allowed_with_context: 1 },
      skipped_lines: 1,
    });
    const markdown = await cli(["usage", "--audit-log", log]);
    expect(markdown.stdout).toContain("4 sessions, 2749 tokens, 16 model calls. Hook events: 1 blocked, 2 allowed, 1 allowed with context.");
    expect(markdown.stdout).toContain("| deploy/prod | 2 | 1500 | 6 |");
    expect(await cli(["usage"])).toMatchObject({ code: 2, stderr: expect.stringContaining("usage needs --audit-log FILE") });
    expect(await cli(["usage", "--audit-log", log, "--since", "yesterday"])).toMatchObject({ code: 2, stderr: expect.stringContaining('--since: "yesterday" is not a date') });
    // The same command-line rules as every command: a did-you-mean, no folder made for --output.
    expect(await cli(["usage", "--audit-log", log, "--sinse", "2026-12-01"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --sinse; did you mean --since?") });
    expect(await cli(["usage", "--audit-log", log, "--output", join(work, "no-such-folder", "u.md")])).toMatchObject({ code: 2, stderr: expect.stringContaining("does not exist (create it first)") });
  });

  // A log is read as it streams, a line at a time: held whole, one of 326 MB took 742 MB, and one past
  // V8's longest string could not be read at all.
  it("reads a log line by line across its read chunks: records whole, an overlong line skipped, the last line without a newline", async () => {
    const log = join(work, "streamed.jsonl");
    // ~500 KB of records (several 64 KB reads), with characters of two and three bytes that some reads cut.
    const records = Array.from({ length: 3000 }, (_, i) => session("2026-12-03", `dév-${i % 7}`, [`skill-中-${i % 3}`], 10, 1));
    writeFileSync(log, [records.slice(0, 1500).join("\n"), "x".repeat(2 * 1024 * 1024), records.slice(1500).join("\n")].join("\n"));
    const r = await cli(["usage", "--audit-log", log, "--format", "json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { sessions: number; tokens: number; skipped_lines: number; skills: Array<{ skill: string; sessions: number }>; users: Array<{ user: string }> };
    expect([summary.sessions, summary.tokens, summary.skipped_lines]).toEqual([3000, 30000, 1]);
    expect(summary.skills).toEqual([0, 1, 2].map((k) => ({ skill: `skill-中-${k}`, sessions: 1000, tokens: 10000, model_calls: 1000 })));
    expect(summary.users.map((u) => u.user).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => `dév-${k}`));
    // A device is no log: it is refused, not read for ever.
    expect(await cli(["usage", "--audit-log", "/dev/zero"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--audit-log /dev/zero is not a file") });
  });
});
