/**
 * Probes of the Claude Code hook: a BOM before the event, tools that write or run besides Write, Edit
 * and Bash (NotebookEdit above all), paths scans skip by name, where a project-level install does not
 * reach, and its own time budget and failures (hook.failClosed).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runHookCli } from "../../src/hook/cli.js";
import { addHookEntries, HOOK_ENTRIES } from "../../src/hook/install.js";
import { HOOK_BUDGET_MS, HOOK_MAX_SCAN_CHARS, MAX_EVENT_BYTES, runHook, type HookIO } from "../../src/hook/run.js";
import { githubToken } from "../fixtures/hook/events.js";
import { stripeKey } from "./helpers.js";

let project: string;
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "cg-hostile-hook-"));
  mkdirSync(join(project, ".git"));
  mkdirSync(join(project, "sub", "folder"), { recursive: true });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

interface Answer {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function hook(stdin: string, env: NodeJS.ProcessEnv = {}): Promise<Answer> {
  const out = { stdout: "", stderr: "" };
  const io: HookIO = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { CLAUDE_GUARD_CACHE_DIR: join(project, ".cache"), ...env },
    cwd: project,
    readStdin: async () => stdin,
  };
  const start = performance.now();
  const code = await runHook({}, io);
  return { code, ...out, ms: performance.now() - start };
}

const preToolUse = (tool: string, input: Record<string, unknown>) => JSON.stringify({ hook_event_name: "PreToolUse", cwd: project, tool_name: tool, tool_input: input });
const denied = (answer: Answer): boolean => (JSON.parse(answer.stdout || "{}") as { hookSpecificOutput?: { permissionDecision?: string } }).hookSpecificOutput?.permissionDecision === "deny";

describe("the event", () => {
  it("a UTF-8 byte order mark before the event JSON is accepted: the prompt holding a token is blocked", async () => {
    const token = githubToken("bom");
    const answer = await hook("\uFEFF" + JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd: project, prompt: `use ${token}` }));
    expect((JSON.parse(answer.stdout) as { decision: string }).decision).toBe("block");
    expect(answer.stdout + answer.stderr).not.toContain(token);
  });
});

describe("every tool that writes or runs", () => {
  it("the installed PreToolUse matcher names NotebookEdit and PowerShell, not only Write|Edit|MultiEdit|Bash", () => {
    const matcher = new RegExp(`^(?:${HOOK_ENTRIES.find((e) => e.event === "PreToolUse")!.matcher})$`);
    for (const tool of ["Write", "Edit", "MultiEdit", "NotebookEdit", "Bash", "PowerShell", "Monitor"]) expect(matcher.test(tool)).toBe(true);
    expect(matcher.test("Read")).toBe(false);
  });

  it("a token written into a notebook cell is denied", async () => {
    const token = githubToken("notebook");
    const answer = await hook(preToolUse("NotebookEdit", { notebook_path: join(project, "analysis.ipynb"), cell_id: "c1", new_source: `import os\ntoken = "${token}"\n`, edit_mode: "replace" }));
    expect(denied(answer)).toBe(true);
    expect(answer.stdout).toContain("this NotebookEdit of analysis.ipynb");
    expect(answer.stdout + answer.stderr).not.toContain(token);
  });

  it("a PowerShell command holding a token is denied", async () => {
    const answer = await hook(preToolUse("PowerShell", { command: `$env:GH = "${githubToken("pwsh")}"; gh auth status` }));
    expect(denied(answer)).toBe(true);
  });

  it("an install from an older version gets the new matchers; a matcher the user wrote is kept", () => {
    const old = { hooks: { PreToolUse: [{ matcher: "Write|Edit|MultiEdit|Bash", hooks: [{ type: "command", command: "claude-guard hook" }] }] } };
    const upgraded = addHookEntries(old, "claude-guard hook").settings as { hooks: Record<string, Array<{ matcher?: string }>> };
    expect(upgraded.hooks["PreToolUse"]?.[0]?.matcher).toContain("NotebookEdit");
    const own = { hooks: { PreToolUse: [{ matcher: "Write|Bash", hooks: [{ type: "command", command: "claude-guard hook" }] }] } };
    expect((addHookEntries(own, "claude-guard hook").settings as typeof upgraded).hooks["PreToolUse"]?.[0]?.matcher).toBe("Write|Bash");
  });
});

describe("whatever the path", () => {
  it.each(["vendor/payments.js", "third_party/sdk/client.py", "node_modules/pay/index.js", "public/app.min.js", "yarn.lock"])("a Write of a live-format key to %s is denied", async (path) => {
    const answer = await hook(preToolUse("Write", { file_path: join(project, path), content: `const key = "${stripeKey(path)}";\n` }));
    expect(denied(answer)).toBe(true);
  });
});

describe("hook install", () => {
  it("says a project install does not reach sessions started in a subfolder, and offers the user install", async () => {
    const out = { stdout: "", stderr: "" };
    const code = await runHookCli(["install", "--command", "claude-guard hook"], {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { CLAUDE_PROJECT_DIR: project },
      cwd: project,
    });
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/session started in a subfolder does not run this hook/);
    expect(out.stdout).toContain("claude-guard hook install --user");
    expect(readFileSync(join(project, ".claude", "settings.json"), "utf8")).toContain("NotebookEdit");
  });
});

describe("its own time budget and failures", () => {
  let restricted: string;
  beforeAll(() => {
    restricted = mkdtempSync(join(tmpdir(), "cg-hostile-restricted-"));
    mkdirSync(join(restricted, ".git"));
    mkdirSync(join(restricted, ".github"));
    writeFileSync(join(restricted, ".github", "claude-guard.yml"), "classification: restricted\n");
  });
  afterAll(() => rmSync(restricted, { recursive: true, force: true }));

  async function hookIn(dir: string, readStdin: () => Promise<string>, budgetMs?: number): Promise<Answer> {
    const out = { stdout: "", stderr: "" };
    const start = performance.now();
    const code = await runHook({}, {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { CLAUDE_GUARD_CACHE_DIR: join(dir, ".cache"), CLAUDE_PROJECT_DIR: dir },
      cwd: dir,
      readStdin,
      ...(budgetMs !== undefined ? { budgetMs } : {}),
    });
    return { code, ...out, ms: performance.now() - start };
  }
  const never = () => new Promise<string>(() => undefined);

  it("a stdin that never ends is answered within 2 s: allowed with a warning the user sees", async () => {
    const answer = await hookIn(project, never);
    expect(answer.ms).toBeLessThan(HOOK_BUDGET_MS);
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout)).toEqual({ systemMessage: expect.stringContaining("time budget") });
  });

  it("in a restricted repository the same is blocked, saying why (hook.failClosed on by default)", async () => {
    const answer = await hookIn(restricted, never);
    expect(answer.ms).toBeLessThan(HOOK_BUDGET_MS);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/claude-guard blocked this event: it could not finish its check \(no answer within its time budget.*restricted, where hook\.failClosed is on/);
  });

  it("a malformed event in a restricted repository is blocked; hook.failClosed: false allows it with a warning", async () => {
    expect((await hookIn(restricted, async () => "{not json")).code).toBe(2);
    writeFileSync(join(restricted, ".github", "claude-guard.yml"), "classification: restricted\nhook:\n  failClosed: false\n");
    const open = await hookIn(restricted, async () => "{not json");
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout).systemMessage).toContain("stdin is not JSON");
    writeFileSync(join(restricted, ".github", "claude-guard.yml"), "classification: restricted\n");
  });

  it("a Write too large to scan within the budget is not allowed silently: a warning, or a deny when restricted", async () => {
    const content = "see ghp_ and xoxb- and AKIA docs\n".repeat(Math.ceil((HOOK_MAX_SCAN_CHARS + 1000) / 33));
    const event = (dir: string) => async () => preToolUseIn(dir, "Write", { file_path: join(dir, "big.md"), content });
    // A roomy budget, so that a loaded test machine shows the size limit rather than the clock.
    const open = await hookIn(project, event(project), 10_000);
    expect(JSON.parse(open.stdout).systemMessage).toMatch(/did not scan all of the content of this Write to big\.md/);
    const closed = await hookIn(restricted, event(restricted), 10_000);
    expect(denied(closed)).toBe(true);
    expect(JSON.parse(closed.stdout).hookSpecificOutput.permissionDecisionReason).toMatch(/could not finish its check/);
  });

  it("an event larger than the hook reads is not allowed silently", async () => {
    const answer = await hookIn(project, () => Promise.reject(new Error(`the event is larger than ${MAX_EVENT_BYTES} bytes`)));
    expect(JSON.parse(answer.stdout).systemMessage).toContain("could not read the event: the event is larger than");
    expect((await hookIn(restricted, () => Promise.reject(new Error("too large")))).code).toBe(2);
  });

  it("a credential found in what was scanned still blocks", async () => {
    const content = `const key = "${stripeKey("early")}";\n` + `${"x".repeat(63)}\n`.repeat(HOOK_MAX_SCAN_CHARS / 64 + 10);
    const answer = await hookIn(project, async () => preToolUseIn(project, "Write", { file_path: join(project, "big.js"), content }), 10_000);
    expect(denied(answer)).toBe(true);
  });
});

function preToolUseIn(dir: string, tool: string, input: Record<string, unknown>): string {
  return JSON.stringify({ hook_event_name: "PreToolUse", cwd: dir, tool_name: tool, tool_input: input });
}
