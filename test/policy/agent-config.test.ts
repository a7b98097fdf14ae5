import { describe, expect, it } from "@jest/globals";
import { parseJsonWithLines, readAgentConfig, skillsFromTrailers, splitToolList } from "../../src/core/policy/index.js";
import { loadFixture } from "./load-fixture.js";

describe("readAgentConfig: every format (fixture discovery-every-format)", () => {
  const { config, problems } = readAgentConfig(loadFixture("discovery-every-format"));

  it("reports no problem for well-formed files", () => {
    expect(problems).toEqual([]);
  });

  it("reads skills: name wins over the folder, the folder path is the id without a name, nested .claude folders count", () => {
    expect(config.skills.map((s) => [s.id, s.path])).toEqual([
      ["deploy/prod", ".claude/skills/deploy/prod/SKILL.md"],
      ["lint", ".claude/skills/lint/SKILL.md"],
      ["notes", ".claude/skills/notes/SKILL.md"],
      ["code-review/pr", ".claude/skills/review/SKILL.md"],
      ["storybook", "packages/web/.claude/skills/storybook/SKILL.md"],
    ]);
    const review = config.skills.find((s) => s.id === "code-review/pr");
    expect(review?.aliases).toEqual(["code-review/pr", "review"]);
    // Declared on its `name:` line; allowed-tools on its own line.
    expect(review).toMatchObject({ line: 2, toolsDeclaration: { line: 4 } });
  });

  it("reads allowed-tools as a YAML list, a comma-separated string and a space-separated string", () => {
    const tools = (id: string) => config.skills.find((s) => s.id === id)?.tools;
    expect(tools("code-review/pr")).toEqual(["Read", "Grep", "Bash(git diff:*)"]);
    expect(tools("deploy/prod")).toEqual(["Bash(./scripts/deploy.sh:*)", "Read", "WebFetch(domain:status.example.com)"]);
    // Spaces inside parentheses do not split a rule.
    expect(tools("lint")).toEqual(["Bash(npm run lint:*)", "Read", "Edit(src/**)"]);
    expect(tools("storybook")).toEqual(["Bash(npm run storybook:*)"]);
    // No front matter: discovered, no allowed-tools (pre-approves nothing).
    expect(config.skills.find((s) => s.id === "notes")).toMatchObject({ line: 1 });
    expect(tools("notes")).toBeUndefined();
  });

  it("reads slash commands (id = path under commands/) and subagents (tools, permissionMode)", () => {
    expect(config.commands).toEqual([
      expect.objectContaining({ kind: "command", id: "frontend/component", tools: ["Write(src/components/**)", "Bash(npm run storybook:*)"], toolsDeclaration: expect.objectContaining({ line: 3 }) }),
    ]);
    expect(config.subagents).toEqual([
      expect.objectContaining({ kind: "subagent", id: "security-reviewer", line: 2, tools: ["Read", "Grep", "Glob"], permissionMode: expect.objectContaining({ mode: "plan", line: 5 }) }),
    ]);
  });

  it("reads permission rules of both settings files with their list and line", () => {
    expect(config.permissions.map((p) => [p.path, p.line, p.list, p.rule])).toEqual([
      [".claude/settings.json", 5, "allow", "Bash(npm run test:*)"],
      [".claude/settings.json", 6, "allow", "WebFetch(domain:docs.example.com)"],
      [".claude/settings.json", 7, "allow", "mcp__github__get_issue"],
      [".claude/settings.json", 10, "ask", "Bash(git push:*)"],
      [".claude/settings.json", 13, "deny", "Read(./.env)"],
      [".claude/settings.json", 14, "deny", "Read(./secrets/**)"],
      [".claude/settings.local.json", 3, "allow", "Bash(make:*)"],
    ]);
    // endColumn is just past the declaration line, for annotations.
    expect(config.permissions[0]?.endColumn).toBe('      "Bash(npm run test:*)",'.length + 1);
  });

  it("reads defaultMode per file, additionalDirectories, hooks, MCP switches and env names (never values)", () => {
    expect(config.defaultModes.map((m) => [m.path, m.line, m.value])).toEqual([
      [".claude/settings.json", 16, "acceptEdits"],
      [".claude/settings.local.json", 4, "plan"],
    ]);
    expect(config.additionalDirectories).toEqual([expect.objectContaining({ value: "../shared-docs", line: 18 })]);
    expect(config.hooks.map((h) => [h.event, h.matcher, h.type, h.action, h.line])).toEqual([
      ["PostToolUse", "Edit|Write", "command", 'npx prettier --write "$CLAUDE_FILE_PATHS"', 28],
      ["Stop", "", "command", "./scripts/notify.sh", 36],
    ]);
    expect(config.enableAllProjectMcpServers).toEqual([expect.objectContaining({ value: false, line: 41 })]);
    expect(config.enabledMcpjsonServers.map((e) => e.value)).toEqual(["github"]);
    expect(config.disabledMcpjsonServers.map((e) => e.value)).toEqual(["browser"]);
    expect(config.env).toEqual([expect.objectContaining({ value: "NODE_ENV", line: 45 })]);
    expect(JSON.stringify(config)).not.toContain('"test"');
  });

  it("reads .mcp.json servers with their declaration line", () => {
    expect(config.mcpServers.map((s) => [s.name, s.line, s.type, s.command, s.args, s.url])).toEqual([
      ["github", 3, "stdio", "npx", ["-y", "@modelcontextprotocol/server-github"], undefined],
      ["docs", 8, "http", undefined, [], "https://mcp.example.com/mcp"],
      ["browser", 12, undefined, "npx", ["-y", "@playwright/mcp"], undefined],
    ]);
  });

  it("ignores files that are not agent configuration (CLAUDE.md, source)", () => {
    const all = JSON.stringify(config);
    expect(all).not.toContain("CLAUDE.md");
    expect(all).not.toContain("src/index.ts");
  });

  it("normalizes door paths (leading ./ or /, backslashes)", () => {
    const files = new Map([
      ["./.claude/settings.json", '{ "permissions": { "allow": ["Read"] } }'],
      ["/.mcp.json", '{ "mcpServers": { "a": { "command": "x" } } }'],
      [".claude\\skills\\win\\SKILL.md", "---\nallowed-tools: Read\n---\n"],
    ]);
    const { config: c } = readAgentConfig(files);
    expect(c.permissions.map((p) => p.path)).toEqual([".claude/settings.json"]);
    expect(c.mcpServers.map((s) => s.path)).toEqual([".mcp.json"]);
    expect(c.skills.map((s) => s.id)).toEqual(["win"]);
  });
});

describe("readAgentConfig: malformed files are problems with a line, never a throw (fixture malformed-agent-files)", () => {
  const { config, problems } = readAgentConfig(loadFixture("malformed-agent-files"));
  const problem = (path: string) => problems.filter((p) => p.path === path).map((p) => [p.line, p.message]);

  it("reports invalid JSON with the line of the error", () => {
    expect(problem(".claude/settings.json")).toEqual([[5, expect.stringContaining("trailing comma")]]);
    expect(problem(".mcp.json")).toEqual([[1, expect.stringContaining("JSON object")]]);
  });

  it("reports wrong types key by key and keeps what is valid", () => {
    expect(problem(".claude/settings.local.json")).toEqual([
      [3, expect.stringContaining("`permissions.allow` must be a list")],
      [4, expect.stringContaining("entries must be strings, got 42")],
      [5, expect.stringContaining("`permissions.defaultMode` must be one of")],
      [7, expect.stringContaining("`hooks` must map event names")],
    ]);
    expect(config.permissions.map((p) => [p.list, p.rule])).toEqual([["deny", "Read(./.env)"]]);
  });

  it("reports invalid YAML front matter, an unclosed front matter and a wrong allowed-tools type", () => {
    expect(problem(".claude/skills/broken-yaml/SKILL.md")).toEqual([[4, expect.stringContaining("not valid YAML")]]);
    expect(problem(".claude/skills/unclosed/SKILL.md")).toEqual([[1, expect.stringContaining("never closed")]]);
    expect(problem(".claude/skills/bad-tools/SKILL.md")).toEqual([[3, expect.stringContaining("`allowed-tools` must be a list")]]);
  });

  it("still discovers every skill, broken or not, so that the policy sees it", () => {
    expect(config.skills.map((s) => s.id).sort()).toEqual(["bad-tools", "broken-yaml", "good", "release", "unclosed"]);
    expect(config.skills.find((s) => s.id === "good")?.tools).toEqual(["Read"]);
  });

  it("reads plain keys of a front matter that a colon in the description broke", () => {
    expect(problem(".claude/skills/colon-in-description/SKILL.md")).toEqual([[3, expect.stringContaining("not valid YAML")]]);
    expect(config.skills.find((s) => s.id === "release")).toMatchObject({ tools: ["Bash", "Read"], toolsDeclaration: { line: 4 } });
  });

  it("never throws on arbitrary input", () => {
    const inputs = ["", "{", "[1,2", '{"a":}', "\uFEFF{}", "null", '{"permissions": null}', "---", "---\n---", "---\n: :\n---"];
    for (const text of inputs) {
      expect(() =>
        readAgentConfig(new Map([[".claude/settings.json", text], [".mcp.json", text], [".claude/skills/x/SKILL.md", text], [".claude/agents/y.md", text]])),
      ).not.toThrow();
    }
  });
});

describe("parseJsonWithLines", () => {
  it("records the line of each value by JSON pointer (escaping / in keys)", () => {
    const { value, lines } = parseJsonWithLines('{\n  "a/b": {\n    "c": [\n      1,\n      "x"\n    ]\n  }\n}');
    expect(value).toEqual({ "a/b": { c: [1, "x"] } });
    expect(lines.get("/a~1b")).toBe(2);
    expect(lines.get("/a~1b/c/1")).toBe(5);
  });

  it("throws a located error the reader turns into a problem", () => {
    expect(() => parseJsonWithLines('{\n "a": 1\n "b": 2\n}')).toThrow(/expected `,` or `}`/);
    expect(() => parseJsonWithLines('{"a": "unterminated\n}')).toThrow(/not closed/);
  });
});

describe("splitToolList", () => {
  it.each([
    ["Read, Grep, Glob", ["Read", "Grep", "Glob"]],
    ["Read Grep  Glob", ["Read", "Grep", "Glob"]],
    ["Bash(git add:*), Bash(git commit -m:*)", ["Bash(git add:*)", "Bash(git commit -m:*)"]],
    ["Bash(git status:*) Read", ["Bash(git status:*)", "Read"]],
    [" , ", []],
  ])("%j", (text, expected) => {
    expect(splitToolList(text)).toEqual(expected);
  });
});

describe("skillsFromTrailers", () => {
  it("reads one or many Claude-Skill trailers, comma separated, without duplicates", () => {
    const message = ["Deploy the service", "", "Body text.", "", "Claude-Skill: deploy/prod", "claude-skill: code-review/pr, /lint , deploy/prod", "Co-Authored-By: Claude <noreply@anthropic.com>"].join("\n");
    expect(skillsFromTrailers(message)).toEqual(["deploy/prod", "code-review/pr", "lint"]);
  });

  it("returns nothing for a message without the trailer", () => {
    expect(skillsFromTrailers("Fix a bug\n\nMentions Claude-Skill in prose: no.")).toEqual([]);
  });
});
