import { describe, expect, it } from "@jest/globals";
import { parsePermissionRule, ruleCovers } from "../../src/core/policy/index.js";

describe("parsePermissionRule", () => {
  it("splits tool and specifier, and MCP server and tool", () => {
    expect(parsePermissionRule("Bash(npm run test:*)")).toEqual({ tool: "Bash", specifier: "npm run test:*" });
    expect(parsePermissionRule("WebFetch")).toEqual({ tool: "WebFetch" });
    expect(parsePermissionRule("mcp__github")).toEqual({ tool: "mcp__github", mcp: { server: "github" } });
    expect(parsePermissionRule("mcp__github__create_issue")).toEqual({ tool: "mcp__github__create_issue", mcp: { server: "github", tool: "create_issue" } });
    expect(parsePermissionRule("not a rule(")).toBeUndefined();
  });
});

// [granted (an allow rule), named (a forbidden pattern), does the grant give at least what is named?]
const TABLE: Array<[string, string, boolean]> = [
  // Every use of a tool: the bare name, `(*)` and an empty specifier are the same thing.
  ["Bash", "Bash(*)", true],
  ["Bash(*)", "Bash", true],
  ["Bash()", "Bash(*)", true],
  // A narrow Bash rule does not grant the blanket one, the blanket one grants any narrow one.
  ["Bash(npm test:*)", "Bash(*)", false],
  ["Bash(npm run test:*)", "Bash", false],
  ["Bash(*)", "Bash(rm -rf:*)", true],
  // Legacy `prefix:*` and `prefix *` are the same; a shorter prefix covers a longer one.
  ["Bash(npm:*)", "Bash(npm *)", true],
  ["Bash(npm *)", "Bash(npm run test:*)", true],
  ["Bash(npm *)", "Bash(npm)", true],
  ["Bash(npm run:*)", "Bash(npm *)", false],
  ["Bash(curl:*)", "Bash(curl https://x.test/:*)", true],
  ["Bash(git push:*)", "Bash(git *)", false],
  ["Bash(* install)", "Bash(npm install)", true],
  ["Bash(npm install)", "Bash(npm install:*)", false],
  // Web access.
  ["WebFetch", "WebFetch(domain:example.com)", true],
  ["WebFetch(domain:example.com)", "WebFetch", false],
  ["WebFetch(domain:*)", "WebFetch", true],
  ["WebFetch(domain:*.example.com)", "WebFetch(domain:api.example.com)", true],
  ["WebFetch(domain:api.example.com)", "WebFetch(domain:*.example.com)", false],
  ["WebSearch", "WebSearch", true],
  ["WebSearch", "WebFetch", false],
  // Files: gitignore-style paths.
  ["Read", "Read(./.env)", true],
  ["Read(./.env)", "Read", false],
  ["Read(**)", "Read", true],
  ["Read(*.env)", "Read(./.env)", true],
  ["Read(./src/**)", "Read(./.env)", false],
  ["Read(src/**)", "Read(./src/a/b.ts)", true],
  ["Edit(src/*)", "Edit(src/a/b.ts)", false],
  ["Edit", "Write(src/x.ts)", true],
  ["Write", "Edit", false],
  // MCP: a server rule covers its tools, not other servers.
  ["mcp__github", "mcp__github__create_issue", true],
  ["mcp__github__*", "mcp__github", true],
  ["mcp__github__get_*", "mcp__github__get_issue", true],
  ["mcp__github__get_issue", "mcp__github", false],
  ["mcp__github", "mcp__gitlab", false],
  ["mcp__github", "Bash", false],
  // Different tools never cover each other; the subagent tool kept its old name as an alias.
  ["Bash", "WebFetch", false],
  ["Task", "Agent(explorer)", true],
];

describe("ruleCovers (Claude Code permission rule syntax)", () => {
  it.each(TABLE)("%s grants %s: %s", (granted, named, expected) => {
    expect(ruleCovers(granted, named)).toBe(expected);
  });
});
