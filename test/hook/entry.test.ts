/**
 * bin/claude-guard-hook.js when the hook's modules cannot load (a broken install): never a silent
 * allow. The reason goes to stderr; the user sees a warning (systemMessage) and the event is allowed,
 * or it is blocked with exit 2 where the config has the hook fail closed.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("../../bin/claude-guard-hook.js", import.meta.url));

describe("hook entry with nothing to load", () => {
  let dir: string;
  let bin: string;
  beforeAll(() => {
    // The entry alone, with no lib/ beside it.
    dir = mkdtempSync(join(tmpdir(), "cg-hook-entry-"));
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    bin = join(dir, "bin", "claude-guard-hook.js");
    copyFileSync(ENTRY, bin);
    // What says the entry is a CommonJS module in a package of ES modules.
    copyFileSync(join(dirname(ENTRY), "package.json"), join(dir, "bin", "package.json"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const project = (config?: string): string => {
    const root = mkdtempSync(join(dir, "project-"));
    mkdirSync(join(root, ".git"));
    if (config !== undefined) {
      mkdirSync(join(root, ".github"));
      writeFileSync(join(root, ".github", "claude-guard.yml"), config);
    }
    return root;
  };
  const run = (cwd: string, args: string[] = []) =>
    spawnSync(process.execPath, [bin, ...args], { cwd, input: JSON.stringify({ hook_event_name: "UserPromptSubmit", prompt: "hello", cwd }), encoding: "utf8", env: { ...process.env, CLAUDE_PROJECT_DIR: cwd } });

  it("allows with a warning the user sees and the reason on stderr", () => {
    const out = run(project());
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).systemMessage).toMatch(/could not check this event \(the hook could not start: .+\); allowed without a check/);
    expect(out.stderr).toMatch(/^claude-guard: the hook could not start: .+; allowed\n$/);
  });

  it("writes no JSON with --exit-code, only stderr", () => {
    const out = run(project(), ["--exit-code"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/the hook could not start/);
  });

  it("blocks with exit 2 where the config fails closed", () => {
    for (const config of ["classification: restricted\n", "hook:\n  failClosed: true\n"]) {
      const out = run(project(config));
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/^claude-guard blocked this event: the hook could not start/);
    }
    expect(run(project("classification: restricted\nhook:\n  failClosed: false\n")).status).toBe(0);
  });

  it("fails install with exit 2", () => {
    const out = run(project(), ["install"]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/the hook could not start/);
  });
});
