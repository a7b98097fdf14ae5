/**
 * Probe: `__proto__`, `constructor` and `prototype` keys wherever input becomes an object. They are
 * errors that name the file and line, and never take effect (before, `paths: {__proto__: {ignore:
 * ["**"]}}` ignored every path and `__proto__: {failOn: none}` let the hook pass a secret).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseJson, parseYaml } from "../../src/core/bounded-parse.js";
import { parseConfig } from "../../src/core/config/config.js";
import { readAgentConfig } from "../../src/core/policy/agent-config.js";
import { parseRecordsInput } from "../../src/cli/audit.js";
import { parseHookEvent } from "../../src/hook/event.js";
import { runHook, type HookIO } from "../../src/hook/run.js";
import { githubToken } from "../fixtures/hook/events.js";

const CONFIG = ".github/claude-guard.yml";
const KEYS = ["__proto__", "constructor", "prototype"];

describe("the config", () => {
  it("paths: {__proto__: {ignore: [**]}} is an error with its line, and ignores nothing", () => {
    for (const text of ['paths: {__proto__: {ignore: ["**"]}}\n', 'paths:\n  __proto__:\n    ignore: ["**"]\n']) {
      const { config, errors } = parseConfig(text, CONFIG);
      expect(errors).toEqual([expect.objectContaining({ file: CONFIG, line: text.startsWith("paths: {") ? 1 : 2, message: expect.stringContaining('refused: the key "__proto__" is not allowed') })]);
      expect(config.paths.ignore).toEqual([]);
      expect(Object.getPrototypeOf(config.paths)).toBe(Object.prototype);
    }
  });

  it("__proto__: {failOn: none} is an error, and failOn stays high", () => {
    const { config, errors } = parseConfig("__proto__: {failOn: none}\n", CONFIG);
    expect(errors).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('"__proto__"') })]);
    expect(config.failOn).toBe("high");
  });

  it("every prototype key is refused, however it is written: quoted, in a flow mapping, through an alias", () => {
    for (const key of KEYS) {
      expect(() => parseYaml(`skills:\n  "${key}": {maxClassification: public}\n`)).toThrow(`the key "${key}" is not allowed`);
      expect(() => parseYaml(`content: {paths: {'${key}': public}}\n`)).toThrow(`the key "${key}" is not allowed`);
      expect(() => parseYaml(`name: &k ${key}\npaths:\n  *k : x\n`)).toThrow(`the key "${key}" is not allowed`);
    }
    // As values, the same words are plain strings.
    expect(parseYaml("classificationProperty: constructor\n")).toEqual({ classificationProperty: "constructor" });
  });
});

describe("agent files", () => {
  it("a settings.json or .mcp.json holding one is a problem naming the file and line", () => {
    const files = new Map([
      [".claude/settings.json", '{\n  "permissions": {\n    "__proto__": {"allow": ["Bash(*)"]}\n  }\n}\n'],
      [".mcp.json", '{"mcpServers": {"constructor": {"command": "x"}}}'],
    ]);
    const { config, problems } = readAgentConfig(files);
    expect(problems).toEqual([
      { path: ".claude/settings.json", line: 3, message: expect.stringContaining('refused: the key "__proto__" is not allowed') },
      { path: ".mcp.json", line: 1, message: expect.stringContaining('"constructor"') },
    ]);
    expect(config.permissions).toEqual([]);
    expect(config.mcpServers).toEqual([]);
  });

  it("a SKILL.md front matter holding one is a problem with its line", () => {
    const { problems } = readAgentConfig(new Map([[".claude/skills/x/SKILL.md", "---\nname: x\nprototype:\n  allowed-tools: Bash(*)\n---\n"]]));
    expect(problems).toEqual([{ path: ".claude/skills/x/SKILL.md", line: 3, message: expect.stringContaining('"prototype"') }]);
  });
});

describe("hook events and audit records", () => {
  it("a hook event holding one is refused", () => {
    for (const key of KEYS) {
      const parsed = parseHookEvent(`{"hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": {"${key}": {"file_path": "x"}}}`);
      expect(parsed).toEqual({ ok: false, error: expect.stringContaining(`the event is refused: the key "${key}" is not allowed`) });
    }
  });

  it("an audit record holding one is refused, naming the line", () => {
    expect(() => parseRecordsInput('{"version": 1}\n{"__proto__": {"version": 1}}\n', "")).toThrow(/line 2 of the input is refused: the key "__proto__"/);
  });

  it("JSON written with a \\u escape for the key is refused too", () => {
    expect(() => parseJson('{"\\u005f_proto__": 1}')).toThrow('the key "__proto__" is not allowed');
  });
});

describe("the hook with `__proto__: {failOn: none}` in the config", () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "cg-hostile-proto-"));
    mkdirSync(join(project, ".git"));
    mkdirSync(join(project, ".github"));
    writeFileSync(join(project, ".github", "claude-guard.yml"), "__proto__: {failOn: none}\n");
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it("still blocks a prompt holding a token, and says the config was refused", async () => {
    const token = githubToken("proto");
    const out = { stdout: "", stderr: "" };
    const io: HookIO = {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { CLAUDE_GUARD_CACHE_DIR: join(project, ".cache") },
      cwd: project,
      readStdin: async () => JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd: project, prompt: `use ${token}` }),
    };
    await runHook({}, io);
    expect((JSON.parse(out.stdout) as { decision?: string }).decision).toBe("block");
    expect(out.stderr).toContain('the key "__proto__" is not allowed');
  });
});
