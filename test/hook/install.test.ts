/**
 * `claude-guard hook install | uninstall` on a settings file that already holds other settings and
 * hooks: the entries are added once, nothing else moves, and uninstall gives the file back.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runHookCli } from "../../src/hook/cli.js";
import { addHookEntries, defaultCommand, HOOK_ENTRIES, isOwnCommand, removeHookEntries } from "../../src/hook/install.js";
import { settingsFixture } from "../fixtures/hook/events.js";

const COMMAND = 'node "$CLAUDE_PROJECT_DIR/node_modules/claude-guard/bin/claude-guard-hook.js"';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-hook-install-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function io(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env, cwd },
  };
}

type Group = { matcher?: string; hooks: Array<{ type: string; command: string; timeout?: number }> };
const ownCount = (settings: Record<string, unknown>, event: string) =>
  ((settings["hooks"] as Record<string, Group[]>)[event] ?? []).flatMap((g) => g.hooks).filter((h) => isOwnCommand(h.command)).length;

describe("addHookEntries / removeHookEntries", () => {
  it("adds one entry per event with the documented matchers, keeping other hooks and settings", () => {
    const original = JSON.parse(settingsFixture()) as Record<string, unknown>;
    const { settings, changed } = addHookEntries(original, COMMAND);
    expect(changed).toBe(true);
    const hooks = settings["hooks"] as Record<string, Group[]>;
    expect(hooks["UserPromptSubmit"]).toEqual([{ hooks: [{ type: "command", command: COMMAND, timeout: 10 }] }]);
    expect(hooks["PreToolUse"]).toEqual([{ matcher: "Write|Edit|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor", hooks: [{ type: "command", command: COMMAND, timeout: 10 }] }]);
    // The existing PostToolUse group (prettier) stays first and untouched; ours is appended.
    expect(hooks["PostToolUse"]?.[0]).toEqual((original["hooks"] as Record<string, Group[]>)["PostToolUse"]?.[0]);
    expect(hooks["PostToolUse"]?.[1]?.matcher).toBe("Read|Bash|PowerShell");
    expect(hooks["Notification"]).toEqual((original["hooks"] as Record<string, unknown>)["Notification"]);
    for (const key of ["$schema", "model", "permissions", "env"]) expect(settings[key]).toEqual(original[key]);
    // The input object is not modified.
    expect(original).toEqual(JSON.parse(settingsFixture()));
  });

  it("is idempotent, and brings an old command up to date without a second entry", () => {
    const once = addHookEntries(JSON.parse(settingsFixture()) as Record<string, unknown>, COMMAND).settings;
    const twice = addHookEntries(once, COMMAND);
    expect(twice.changed).toBe(false);
    expect(twice.settings).toEqual(once);
    const updated = addHookEntries(once, COMMAND + " --audit-log .claude/audit.jsonl");
    expect(updated.changed).toBe(true);
    for (const spec of HOOK_ENTRIES) expect(ownCount(updated.settings, spec.event)).toBe(1);
  });

  it("uninstall removes only its own entries and gives the original back", () => {
    const original = JSON.parse(settingsFixture()) as Record<string, unknown>;
    const installed = addHookEntries(original, COMMAND).settings;
    const { settings, removed } = removeHookEntries(installed);
    expect(removed).toBe(3);
    expect(settings).toEqual(original);
    expect(removeHookEntries(settings).removed).toBe(0);
  });

  it("recognises its commands and nobody else's", () => {
    expect(isOwnCommand(COMMAND)).toBe(true);
    expect(isOwnCommand("claude-guard hook")).toBe(true);
    expect(isOwnCommand("npx claude-guard hook --exit-code")).toBe(true);
    expect(isOwnCommand("claude-guard scan --git")).toBe(false);
    expect(isOwnCommand("npx prettier --write")).toBe(false);
  });

  it("writes a path from $CLAUDE_PROJECT_DIR when the entry is inside the project, else an absolute one", () => {
    const inside = defaultCommand("project", "/repo", "/repo/node_modules/claude-guard/bin/claude-guard-hook.js", ["--audit-log", "audit log.jsonl"]);
    expect(inside).toEqual({ command: `node "$CLAUDE_PROJECT_DIR/node_modules/claude-guard/bin/claude-guard-hook.js" --audit-log 'audit log.jsonl'`, machineSpecific: false });
    const outside = defaultCommand("project", "/repo", "/usr/lib/node_modules/claude-guard/bin/claude-guard-hook.js");
    expect(outside).toEqual({ command: "node /usr/lib/node_modules/claude-guard/bin/claude-guard-hook.js", machineSpecific: true });
    expect(defaultCommand("user", "/repo", "/repo/bin/claude-guard-hook.js").machineSpecific).toBe(true);
  });
});

describe("claude-guard hook install | uninstall (files)", () => {
  it("round trip on .claude/settings.json with other hooks: install twice leaves one entry, uninstall restores the file", async () => {
    const project = join(work, "project");
    mkdirSync(join(project, ".git"), { recursive: true });
    mkdirSync(join(project, ".claude"), { recursive: true });
    const file = join(project, ".claude", "settings.json");
    const original = settingsFixture();
    writeFileSync(file, original);

    const first = io(project);
    expect(await runHookCli(["install", "--command", "claude-guard hook"], first.io)).toBe(0);
    expect(first.out.stdout).toContain("hook installed");
    const afterFirst = readFileSync(file, "utf8");
    const second = io(project);
    expect(await runHookCli(["install", "--project", "--command", "claude-guard hook"], second.io)).toBe(0);
    expect(second.out.stdout).toContain("already installed");
    expect(readFileSync(file, "utf8")).toBe(afterFirst);
    const settings = JSON.parse(afterFirst) as Record<string, unknown>;
    for (const spec of HOOK_ENTRIES) expect(ownCount(settings, spec.event)).toBe(1);
    expect(afterFirst).toMatch(/^\{\n {2}"\$schema"/); // 2-space JSON, key order kept

    const removal = io(project);
    expect(await runHookCli(["uninstall"], removal.io)).toBe(0);
    expect(removal.out.stdout).toContain("removed 3 hook entries");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(original));
    expect(readFileSync(file, "utf8")).toBe(JSON.stringify(JSON.parse(original), null, 2) + "\n");
  });

  it("creates the user settings file under CLAUDE_CONFIG_DIR, and keeps a 4-space file 4-space", async () => {
    const configDir = join(work, "user-config");
    const run = io(work, { CLAUDE_CONFIG_DIR: configDir });
    expect(await runHookCli(["install", "--user"], run.io)).toBe(0);
    const text = readFileSync(join(configDir, "settings.json"), "utf8");
    expect(ownCount(JSON.parse(text) as Record<string, unknown>, "PreToolUse")).toBe(1);
    expect(text).toContain("claude-guard-hook.js");

    const fourSpaces = join(work, "four.json");
    writeFileSync(fourSpaces, JSON.stringify({ model: "opus" }, null, 4) + "\n");
    expect(await runHookCli(["install", "--settings", fourSpaces, "--command", "claude-guard hook"], io(work).io)).toBe(0);
    expect(readFileSync(fourSpaces, "utf8")).toMatch(/^\{\n {4}"model": "opus",\n {4}"hooks"/);
  });

  it("refuses a settings file that is not JSON and leaves it alone", async () => {
    const broken = join(work, "broken.json");
    writeFileSync(broken, "{ \"model\": \"opus\", // a comment\n}");
    const run = io(work);
    expect(await runHookCli(["install", "--settings", broken], run.io)).toBe(2);
    expect(run.out.stderr).toContain("not valid JSON");
    expect(readFileSync(broken, "utf8")).toBe("{ \"model\": \"opus\", // a comment\n}");
  });

  it("rejects conflicting scopes", async () => {
    const run = io(work);
    expect(await runHookCli(["install", "--user", "--project"], run.io)).toBe(2);
    expect(run.out.stderr).toContain("choose one");
  });
});
