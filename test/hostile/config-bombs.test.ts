/**
 * Hostile config and agent files: each probe must fail fast with a message that names the file, the
 * line where it can, and the limit, never exhaust memory or the stack.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BoundedParseError, FILE_LIMITS, parseJson, parseYaml } from "../../src/core/bounded-parse.js";
import { CONFIG_LIMITS, formatConfigError, parseConfig } from "../../src/core/config/config.js";
import { readAgentConfig } from "../../src/core/policy/agent-config.js";
import { runHook } from "../../src/hook/run.js";
import { cli, stripeKey } from "./helpers.js";

const CONFIG = ".github/claude-guard.yml";

/** Nine levels of nine aliases: 9^9 (387 million) values once expanded. */
function aliasBomb(indent = ""): string {
  const names = "abcdefghi";
  let text = `${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < names.length; i++) {
    text += `${indent}${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(",")}]\n`;
  }
  return text;
}

/** Runs `action`, failing the test when it takes longer than `ms`. */
function within<T>(ms: number, action: () => T): T {
  const start = performance.now();
  const result = action();
  expect(performance.now() - start).toBeLessThan(ms);
  return result;
}

describe("YAML alias bombs", () => {
  it("a config holding one fails fast, naming the file, the line and the limit", () => {
    const { errors } = within(2000, () => parseConfig(`failOn: high\n${aliasBomb()}`, CONFIG));
    expect(errors).toHaveLength(1);
    const message = formatConfigError(errors[0]!);
    expect(message).toMatch(new RegExp(`^${CONFIG.replace(/\./g, "\\.")}:\\d+: refused: .*more than ${FILE_LIMITS.maxValues} values once its aliases are expanded`));
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it("a SKILL.md front matter holding one is a problem with the file and line, and nothing of it is read", () => {
    const skill = `---\nname: lol\nallowed-tools: Bash(*)\n${aliasBomb()}---\nbody\n`;
    const { config, problems } = within(2000, () => readAgentConfig(new Map([[".claude/skills/lol/SKILL.md", skill]])));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: ".claude/skills/lol/SKILL.md", message: expect.stringMatching(/refused: .*aliases are expanded/) });
    expect(problems[0]!.line).toBeGreaterThan(3);
    expect(config.skills[0]?.tools).toBeUndefined();
  });

  it("a few aliases that expand to little are still accepted", () => {
    const { config, errors } = parseConfig("paths:\n  ignore: &dirs ['vendor/**', 'gen/**']\ncontent:\n  paths:\n    'secret/**': restricted\n", CONFIG);
    expect(errors).toEqual([]);
    expect(config.paths.ignore).toEqual(["vendor/**", "gen/**"]);
    expect(parseYaml("a: &x [1, 2]\nb: *x\n")).toEqual({ a: [1, 2], b: [1, 2] });
  });
});

describe("nesting depth", () => {
  it(".claude/settings.json nested 200,000 levels is a problem naming the file and line, not a stack overflow", () => {
    const deep = `{\n  "permissions":\n${"[".repeat(200_000)}${"]".repeat(200_000)}\n}\n`;
    const { problems } = within(2000, () => readAgentConfig(new Map([[".claude/settings.json", deep]])));
    expect(problems).toEqual([{ path: ".claude/settings.json", line: 3, message: expect.stringMatching(`refused: nesting deeper than ${FILE_LIMITS.maxDepth} levels`) }]);
  });

  it("a config nested 200,000 levels is refused with its line", () => {
    const { errors } = within(2000, () => parseConfig(`failOn: high\nrules: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n`, CONFIG));
    expect(errors).toEqual([expect.objectContaining({ file: CONFIG, line: 2, message: expect.stringMatching(`refused: nesting deeper than ${FILE_LIMITS.maxDepth} levels`) })]);
  });

  it("JSON nested within the limit parses", () => {
    const depth = FILE_LIMITS.maxDepth;
    expect(parseJson(`${"[".repeat(depth)}${"]".repeat(depth)}`).value).toBeDefined();
    expect(() => parseJson(`${"[".repeat(depth + 1)}${"]".repeat(depth + 1)}`)).toThrow(BoundedParseError);
  });
});

describe("counts and size", () => {
  it("a config with 250,000 paths.ignore globs is refused, naming the key and the limit", () => {
    const globs = Array.from({ length: 250_000 }, (_, i) => `  - "generated/dir${i}/**"`).join("\n");
    const { errors } = within(5000, () => parseConfig(`paths:\n  ignore:\n${globs}\n`, CONFIG));
    expect(errors).toHaveLength(1);
    expect(formatConfigError(errors[0]!)).toMatch(/^\.github\/claude-guard\.yml:\d+: refused: `paths\.ignore` holds more than 10000 entries/);
  });

  it("a config over the glob limit but within the parser's is refused by the schema, naming the key and limit", () => {
    const count = CONFIG_LIMITS.globs + 1;
    const globs = Array.from({ length: count }, (_, i) => `  - "dir${i}/**"`).join("\n");
    const { errors } = parseConfig(`paths:\n  ignore:\n${globs}\n`, CONFIG);
    expect(errors).toEqual([expect.objectContaining({ key: "paths.ignore", line: 2, message: `at most ${CONFIG_LIMITS.globs} globs are allowed (the limit)` })]);
  });

  it("a file over the size limit is refused before it is parsed", () => {
    const text = `failOn: high\nnote: "${"x".repeat(FILE_LIMITS.maxChars)}"\n`;
    const { errors } = within(2000, () => parseConfig(text, CONFIG));
    expect(errors[0]?.message).toMatch(`refused: the file holds ${text.length} characters, more than the limit of ${FILE_LIMITS.maxChars}`);
  });

  it("a settings.json list of 250,000 rules is refused, naming the list", () => {
    const rules = Array.from({ length: 250_000 }, (_, i) => `"Bash(cmd${i})"`).join(",");
    const { problems } = within(2000, () => readAgentConfig(new Map([[".claude/settings.json", `{"permissions": {"allow": [${rules}]}}`]])));
    expect(problems).toEqual([expect.objectContaining({ path: ".claude/settings.json", line: 1, message: expect.stringContaining("`/permissions/allow` holds more than 10000 entries") })]);
  });
});

describe("the doors", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "cg-hostile-bombs-"));
    mkdirSync(join(dir, ".git"));
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, "app.js"), `const key = "${stripeKey("bombs")}";\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("scan with an alias-bomb config exits 2 within seconds, naming the file and line", () => {
    writeFileSync(join(dir, ".github", "claude-guard.yml"), `failOn: high\n${aliasBomb()}`);
    const start = performance.now();
    const run = cli(["scan", dir], dir);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.github\/claude-guard\.yml:\d+: refused: .*aliases are expanded/);
  });

  it("scan with 250,000 paths.ignore globs exits 2, naming the key and the limit", () => {
    writeFileSync(join(dir, ".github", "claude-guard.yml"), `paths:\n  ignore: [${Array.from({ length: 250_000 }, (_, i) => `d${i}`).join(", ")}]\n`);
    const run = cli(["scan", dir], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/`paths\.ignore` holds more than 10000 entries/);
  });

  it("the hook with an alias-bomb config answers fast and still blocks a prompt holding a token", async () => {
    writeFileSync(join(dir, ".github", "claude-guard.yml"), `failOn: none\n${aliasBomb()}`);
    const out = { stdout: "", stderr: "" };
    const start = performance.now();
    await runHook({}, {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { CLAUDE_GUARD_CACHE_DIR: join(dir, ".cache") },
      cwd: dir,
      readStdin: async () => JSON.stringify({ hook_event_name: "UserPromptSubmit", cwd: dir, prompt: `deploy with ${stripeKey("prompt")}` }),
      // Room for a cold start on a loaded test machine: the bomb itself is refused in milliseconds.
      budgetMs: 10_000,
    });
    expect(performance.now() - start).toBeLessThan(10_000);
    expect((JSON.parse(out.stdout) as { decision?: string }).decision).toBe("block");
    expect(out.stderr).toContain("aliases are expanded");
  });
});
