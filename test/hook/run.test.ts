/**
 * runHook: stdin to reply, with a project on disk. Malformed input and broken configs allow with a
 * diagnostic; the config is cached; the audit trail holds hashes and counts, never content.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHmac } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runHook, type HookIO } from "../../src/hook/run.js";
import { buildHookSetup } from "../../src/hook/setup.js";
import { prepareScan } from "../../src/core/setup.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { githubToken, recordedText } from "../fixtures/hook/events.js";

let work: string;
let project: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-hook-run-"));
  project = join(work, "project");
  mkdirSync(join(project, ".git"), { recursive: true });
  mkdirSync(join(project, ".github"), { recursive: true });
  mkdirSync(join(project, "src", "deep"), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function hook(stdin: string, env: NodeJS.ProcessEnv = {}, options: Parameters<typeof runHook>[0] = {}) {
  const out = { stdout: "", stderr: "" };
  const io: HookIO = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { CLAUDE_GUARD_CACHE_DIR: join(work, "cache"), ...env },
    cwd: work,
    readStdin: async () => stdin,
  };
  const code = await runHook(options, io);
  return { code, ...out };
}

describe("runHook", () => {
  it("allows malformed input with a diagnostic, whatever it is", async () => {
    for (const stdin of ["", "{not json", "[1,2]", JSON.stringify({ prompt: "no event name" })]) {
      const r = await hook(stdin);
      expect(r.code).toBe(0);
      // The user sees the warning (systemMessage), not only the transcript (stderr).
      expect(JSON.parse(r.stdout)).toEqual({ systemMessage: expect.stringMatching(/^claude-guard could not check this event \(.+\); allowed without a check$/) });
      expect(r.stderr).toMatch(/^claude-guard: .+; allowed\n$/);
    }
    const failing: HookIO = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: work, readStdin: () => Promise.reject(new Error("EPIPE")) };
    expect(await runHook({}, failing)).toBe(0);
  });

  it("finds the project from the event's cwd (a subfolder) and applies its config", async () => {
    writeFileSync(join(project, ".github", "claude-guard.yml"), "classification: restricted\n");
    const stdin = recordedText("pre-tool-use-write", { CWD: join(project, "src", "deep"), FILE: "db.py", CONTENT: `DB_PASSWORD = "changeme"\n` });
    const r = await hook(stdin);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
    expect(reply.hookSpecificOutput.permissionDecision).toBe("deny");
    expect(reply.hookSpecificOutput.permissionDecisionReason).toContain("this Write to src/deep/db.py");
  });

  it("goes on with defaults when the config is invalid: reports the error, still blocks credentials", async () => {
    writeFileSync(join(project, ".github", "claude-guard.yml"), "classification: secretive\nfailOn: [oops\n");
    const token = githubToken("bad-config");
    const r = await hook(recordedText("user-prompt-submit", { CWD: project, PROMPT: `use ${token}` }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("the configuration has 1 error(s)");
    expect((JSON.parse(r.stdout) as { decision: string }).decision).toBe("block");
    expect(r.stdout + r.stderr).not.toContain(token);
  });

  it("uses no cached config that others can write: it is policy, and whoever writes it chooses what the hook enforces", async () => {
    const cacheDir = join(work, "cache-trust");
    const text = "classification: confidential\n";
    await buildHookSetup({ configText: text }, { cacheDir });
    const [cached] = readdirSync(cacheDir).map((name) => join(cacheDir, name));
    expect((await buildHookSetup({ configText: text }, { cacheDir })).configCached).toBe(true);
    chmodSync(cached as string, 0o666);
    expect((await buildHookSetup({ configText: text }, { cacheDir })).configCached).toBe(false);
    // Validated again and written in its place, for this user alone.
    expect(statSync(cached as string).mode & 0o777).toBe(0o600);
    expect((await buildHookSetup({ configText: text }, { cacheDir })).configCached).toBe(true);
  });

  it("caches the validated config by its text", async () => {
    const cacheDir = join(work, "cache-test");
    const text = "classification: confidential\npaths:\n  ignore: [\"vendor/**\"]\n";
    const first = await buildHookSetup({ configText: text }, { cacheDir });
    const second = await buildHookSetup({ configText: text }, { cacheDir });
    expect(first.configCached).toBe(false);
    expect(second.configCached).toBe(true);
    expect(second.config).toEqual(first.config);
    expect(second.isIgnoredPath("vendor/x.js")).toBe(true);
    expect(second.isIgnoredPath("src/vendor.js")).toBe(false);
    // The paths.ignore globs are cached compiled (an event then matches paths without picomatch), and
    // only globs compiled from the config's own patterns are taken.
    const [cached] = readdirSync(cacheDir).map((name) => join(cacheDir, name));
    const data = JSON.parse(readFileSync(cached as string, "utf8")) as { ignoreGlobs: Array<{ glob: string; source: string }> };
    expect(data.ignoreGlobs.map((g) => g.glob)).toEqual(["vendor/**"]);
    writeFileSync(cached as string, JSON.stringify({ ...data, ignoreGlobs: [{ ...data.ignoreGlobs[0], glob: "other/**" }] }), { mode: 0o600 });
    expect((await buildHookSetup({ configText: text }, { cacheDir })).configCached).toBe(false);
    expect((await buildHookSetup({ configText: text + "failOn: critical\n" }, { cacheDir })).configCached).toBe(false);
    // A cache file is used only for the very text (and build) it was written for.
    for (const name of readdirSync(cacheDir)) {
      const file = join(cacheDir, name);
      const data = JSON.parse(readFileSync(file, "utf8")) as { key: string };
      writeFileSync(file, JSON.stringify({ ...data, key: data.key.replace("confidential", "restricted") }), { mode: 0o600 });
    }
    expect((await buildHookSetup({ configText: text }, { cacheDir })).configCached).toBe(false);
  });

  it("builds the same config, rules and ignore list as prepareScan", async () => {
    const configText = "classification: internal\nrules:\n  - id: acme-key\n    regex: 'acme_[a-z0-9]{24}'\n    keywords: [acme_]\n";
    const token = githubToken("same");
    const reference = prepareScan({ configText, ignoreText: "" });
    const hookSetup = await buildHookSetup({ configText, ignoreText: "" });
    expect(hookSetup.config).toEqual(reference.config);
    const texts = [
      `const t = "${token}";`,
      "export ACME=acme_" + "abcdefghijklmnopqrstuvwx",
      ...builtinRules.flatMap((r) => r.examples().truePositives.map(([line]) => line)).slice(0, 400),
    ];
    for (const text of texts) {
      const a = reference.scanner.scan({ path: "src/a.ts", text }).findings;
      const b = hookSetup.scanner.scan({ path: "src/a.ts", text }).findings;
      expect(b).toEqual(a);
    }
  });

  it("appends one audit line per decision: counts and hashes, never content", async () => {
    rmSync(join(project, ".github", "claude-guard.yml"), { force: true });
    const log = join(work, "audit", "hook.jsonl");
    const token = githubToken("audit");
    const prompt = `deploy with ${token}`;
    await hook(recordedText("user-prompt-submit", { CWD: project, PROMPT: prompt }), {}, { auditLog: log });
    await hook(recordedText("pre-tool-use-bash", { CWD: project, COMMAND: "npm test" }), { AUDIT_HMAC_KEY: "k".repeat(32), CLAUDE_GUARD_AUDIT_LOG: log });
    const text = readFileSync(log, "utf8");
    expect(text).not.toContain(token);
    expect(text).not.toContain("deploy with");
    expect(text).not.toContain("npm test");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record read back as plain JSON
    type Loose = Record<string, any>;
    const [blocked, allowed] = text.trim().split("\n").map((l) => JSON.parse(l) as Loose);
    expect(blocked?.["hook"]).toEqual({ event: "UserPromptSubmit", tool: null, decision: "blocked", not_scanned: false });
    expect(Object.values(blocked?.["output_summary"]["findings"]["secret"] as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1);
    expect(blocked?.["output_summary"]["rules"]).toEqual(["github-pat-classic"]);
    expect(blocked?.["policy_checks"]["secret_scan"]).toBe("failed");
    expect(blocked?.["session"]).toEqual({ type: "claude-code-session", id: "0a8f3c52-6d1e-4b7a-9c2f-5e1d7b3a9f40" });
    // No key: an unkeyed SHA-256, and the record says so.
    expect(blocked?.["input_summary"]["content_hash"]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(blocked?.["input_summary"]["key_id"]).toBeNull();
    expect(blocked?.["hash_note"]).toContain("unkeyed");
    // With AUDIT_HMAC_KEY: HMAC-SHA256 over the scanned text.
    expect(allowed?.["hook"]["decision"]).toBe("allowed");
    expect(allowed?.["input_summary"]["content_hash"]).toBe("hmac-sha256:" + createHmac("sha256", "k".repeat(32)).update("piece 1\nnpm test\n").digest("hex"));
    expect(allowed?.["hash_note"]).toBeUndefined();
  });

  it("reports an audit log it cannot write, and still answers", async () => {
    const blocker = join(work, "not-a-dir");
    writeFileSync(blocker, "");
    const r = await hook(recordedText("pre-tool-use-bash", { CWD: project, COMMAND: "ls" }), {}, { auditLog: join(blocker, "x.jsonl") });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("could not write the audit record");
  });

  it("writes its cache only as private files", async () => {
    const dir = join(work, "cache");
    expect(existsSync(dir)).toBe(true);
    for (const name of readdirSync(dir)) {
      const { statSync } = await import("node:fs");
      expect(statSync(join(dir, name)).mode & 0o077).toBe(0);
    }
  });
});
