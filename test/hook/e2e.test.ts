/**
 * The built hook as Claude Code runs it: a child process per event with the event on stdin, through the
 * lean entry (bin/claude-guard-hook.js) and through `claude-guard hook`; and the command that
 * `hook install` registers, run through a shell exactly as written in the settings file.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { githubToken, password, privateKey, recordedText } from "../fixtures/hook/events.js";

const HOOK_BIN = resolve("bin/claude-guard-hook.js");
const CLI_BIN = resolve("bin/claude-guard.js");
let work: string;
let project: string;
let cacheDir: string;

function run(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}) {
  const out = spawnSync(process.execPath, args, { cwd: project, input: stdin, encoding: "utf8", env: { ...process.env, CLAUDE_GUARD_CACHE_DIR: cacheDir, ...env } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-hook-e2e-"));
  project = join(work, "project");
  cacheDir = join(work, "cache");
  mkdirSync(join(project, ".git"), { recursive: true });
  mkdirSync(join(project, "src"), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the built hook in a child process", () => {
  it("blocks a prompt with a token: exit 0, a JSON block, and the token in no byte of the output", () => {
    const token = githubToken("e2e-prompt");
    const r = run([HOOK_BIN], recordedText("user-prompt-submit", { CWD: project, PROMPT: `call the API with ${token} please` }));
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { decision: string; reason: string };
    expect(reply.decision).toBe("block");
    expect(reply.reason).toContain("line 1, column 19");
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.stdout + r.stderr).not.toContain(token.slice(4));
  });

  it("denies a Write of a private key through `claude-guard hook`, with a fix", () => {
    const key = privateKey();
    const r = run([CLI_BIN, "hook"], recordedText("pre-tool-use-write", { CWD: project, FILE: "deploy/key.pem", CONTENT: key }));
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    expect(reply.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(reply.hookSpecificOutput.permissionDecisionReason).toContain("fix:");
    for (const line of key.split("\n").filter((l) => !l.startsWith("-----"))) expect(r.stdout + r.stderr).not.toContain(line);
  });

  it("reports a placeholder password but allows it under the default policy", () => {
    const r = run([HOOK_BIN], recordedText("pre-tool-use-write", { CWD: project, FILE: "src/db.ts", CONTENT: `export const password = "changeme";\n` }));
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { hookSpecificOutput: Record<string, string> };
    expect(reply.hookSpecificOutput["permissionDecision"]).toBeUndefined();
    expect(reply.hookSpecificOutput["additionalContext"]).toMatch(/placeholder/i);
  });

  it("allows malformed input with a warning the user sees and a diagnostic on stderr", () => {
    for (const stdin of ["", "{\"hook_event_name\": ", "null"]) {
      const r = run([HOOK_BIN], stdin);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ systemMessage: expect.stringMatching(/^claude-guard could not check this event/) });
      expect(r.stderr).toMatch(/claude-guard: .*allowed/);
    }
  });

  it("blocks with exit code 2 and the reason on stderr with --exit-code", () => {
    const pw = password("e2e-exit");
    const r = run([HOOK_BIN, "--exit-code"], recordedText("pre-tool-use-bash", { CWD: project, COMMAND: `psql --password=${pw} -h db` }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("claude-guard blocked this Bash command");
    expect(r.stderr).not.toContain(pw);
  });

  it("answers the same from its bundle (only the rule modules an event needs) as from lib/ (every rule)", () => {
    // lib/hook/cli.js as tsc compiled it, unbundled: it has no rule index and loads every rule (slowly:
    // under load, past the time budget, which this comparison does not test).
    const unbundled = `const { runHookCli } = await import(${JSON.stringify(pathToFileURL(resolve("lib/hook/cli.js")).href)});
process.exitCode = await runHookCli([], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), budgetMs: 120000 });`;
    const token = githubToken("e2e-index");
    const events = [
      recordedText("user-prompt-submit", { CWD: project, PROMPT: `token ${token}` }),
      recordedText("pre-tool-use-write", { CWD: project, FILE: "src/a.py", CONTENT: `PASSWORD = "${password("idx")}"\nurl = "postgres://app:${password("idx2")}@db:5432/app"\n` }),
      recordedText("pre-tool-use-write", { CWD: project, FILE: "src/k.pem", CONTENT: privateKey() }),
      recordedText("post-tool-use-read", { CWD: project, FILE: ".env", CONTENT: `GITHUB_TOKEN=${token}\nAPI_KEY=changeme\n` }),
    ];
    for (const event of events) {
      const indexed = run([HOOK_BIN], event, { CLAUDE_GUARD_HOOK_TRACE: "1" });
      const all = run(["--input-type=module", "-e", unbundled], event, { CLAUDE_GUARD_HOOK_TRACE: "1" });
      expect(indexed.stderr).toContain("rules=index");
      expect(all.stderr).toContain("rules=all");
      expect(indexed.stdout).toBe(all.stdout);
      expect(indexed.stdout).not.toBe("");
    }
  });

  it("runs its bundle through V8's code cache: later events read what the first wrote, and answer the same", () => {
    const own = join(work, "code-cache");
    const codeDir = join(own, "code");
    const event = recordedText("user-prompt-submit", { CWD: project, PROMPT: `token ${githubToken("e2e-code-cache")}` });
    const first = run([HOOK_BIN], event, { CLAUDE_GUARD_CACHE_DIR: own });
    const caches = readdirSync(codeDir).filter((f) => f.endsWith(".v8"));
    expect(caches.length).toBeGreaterThan(3);
    expect(caches.some((f) => f.includes("hook+cli.js@"))).toBe(true);
    const written = new Map(caches.map((f) => [f, statSync(join(codeDir, f)).mtimeMs]));
    const second = run([HOOK_BIN], event, { CLAUDE_GUARD_CACHE_DIR: own });
    expect(second).toEqual(first);
    expect(JSON.parse(first.stdout).decision).toBe("block");
    // Accepted, so not written again.
    for (const [f, mtime] of written) expect(statSync(join(codeDir, f)).mtimeMs).toBe(mtime);
    // Data V8 refuses (here: not a code cache at all) is replaced, and the answer does not change.
    const cli = caches.find((f) => f.includes("hook+cli.js@")) ?? "";
    writeFileSync(join(codeDir, cli), "not a code cache");
    expect(run([HOOK_BIN], event, { CLAUDE_GUARD_CACHE_DIR: own })).toEqual(first);
    const good = readFileSync(join(codeDir, cli));
    expect(good.length).toBeGreaterThan(100);
    // So is a cache with one byte changed in a string the code holds: unchecked, V8 would take it and
    // run the code with that string changed (or abort, and the event would go through).
    const altered = Buffer.from(good);
    const at = altered.indexOf("claude-guard");
    expect(at).toBeGreaterThan(0);
    altered[at] = "C".charCodeAt(0);
    writeFileSync(join(codeDir, cli), altered);
    expect(run([HOOK_BIN], event, { CLAUDE_GUARD_CACHE_DIR: own })).toEqual(first);
    expect(readFileSync(join(codeDir, cli)).equals(altered)).toBe(false);
    // A folder others can write is not used: whoever writes the cache chooses the code the hook runs.
    rmSync(codeDir, { recursive: true });
    mkdirSync(codeDir);
    chmodSync(codeDir, 0o777);
    expect(run([HOOK_BIN], event, { CLAUDE_GUARD_CACHE_DIR: own })).toEqual(first);
    expect(readdirSync(codeDir)).toEqual([]);
  });

  it("registers a command with `hook install` that works when a shell runs it", () => {
    const env = { CLAUDE_PROJECT_DIR: project };
    const first = run([CLI_BIN, "hook", "install", "--local"], "", env);
    expect(first.code).toBe(0);
    const again = run([CLI_BIN, "hook", "install", "--local"], "", env);
    expect(again.stdout).toContain("already installed");
    const settings = JSON.parse(readFileSync(join(project, ".claude", "settings.local.json"), "utf8")) as { hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>> };
    expect(settings.hooks["PreToolUse"]).toHaveLength(1);
    const command = settings.hooks["PreToolUse"]?.[0]?.hooks[0]?.command ?? "";
    const token = githubToken("e2e-installed");
    writeFileSync(join(work, "event.json"), recordedText("pre-tool-use-bash", { CWD: project, COMMAND: `curl -u me:${token} https://example.com` }));
    const shell = spawnSync("sh", ["-c", `${command} < "${join(work, "event.json")}"`], { cwd: project, encoding: "utf8", env: { ...process.env, CLAUDE_PROJECT_DIR: project, CLAUDE_GUARD_CACHE_DIR: cacheDir } });
    expect(shell.status).toBe(0);
    expect((JSON.parse(shell.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision).toBe("deny");
    const removed = run([CLI_BIN, "hook", "uninstall", "--local"], "", env);
    expect(removed.stdout).toContain("removed 3");
  });
});
