/** The one entry point every door calls: which checks run on what, and the messages per door. */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_CONFIG, type GuardConfig } from "../../src/core/config/config.js";
import { evaluateRepositoryPolicy, isAgentConfigPath, membershipQuestions, readAgentConfig, type RepositoryPolicyInput } from "../../src/core/policy/index.js";
import type { CommitInfo } from "../../src/core/types.js";
import { loadFixture } from "./load-fixture.js";

const SHA = "c1".repeat(20);
const config = (overrides: Partial<GuardConfig>): GuardConfig => ({ ...structuredClone(DEFAULT_CONFIG), ...overrides });
const commit = (message: string, login?: string): CommitInfo => ({
  sha: SHA,
  message,
  author: { name: "Dev", email: "dev@acme.example", ...(login ? { login } : {}) },
  committer: { name: "Dev", email: "dev@acme.example" },
  parents: ["p".repeat(40)],
  date: "2024-01-03T11:00:00Z",
});

function input(overrides: Partial<RepositoryPolicyInput>): RepositoryPolicyInput {
  return {
    repository: "acme/payments",
    config: config({ skills: { "deploy/*": { maxClassification: "internal", teams: ["platform"] } } }),
    classification: { value: "restricted", source: "custom property data_classification" },
    claudeCommits: [],
    changes: [],
    findings: [],
    teamsOf: () => undefined,
    door: "app",
    ...overrides,
  };
}

const before = loadFixture("restricted-deploy-skill-widens-bash/before");
const after = loadFixture("restricted-deploy-skill-widens-bash/after");

describe("evaluateRepositoryPolicy", () => {
  it("runs the skills policy on the head, drift on the commits that carry agent files, and content on the changes", () => {
    const result = evaluateRepositoryPolicy(
      input({
        headAgentFiles: after,
        claudeCommits: [{ commit: commit("Add deploy\n\nClaude-Skill: deploy", "octocat"), login: "octocat", agentFiles: { before, after } }],
        teamsOf: () => ["platform"],
      }),
    );
    expect(result.findings.map((f) => f.rule).sort()).toEqual(["agent-permission-widened", "forbidden-tool-permission", "skill-above-classification"]);
    expect(result.usedSkills).toEqual([{ skill: "deploy", commit: SHA, login: "octocat" }]);
    expect(result.problems).toEqual([]);
  });

  it("no drift for a commit without agent files, and nothing at all without head files or trailers", () => {
    const result = evaluateRepositoryPolicy(input({ claudeCommits: [{ commit: commit("Edit code") }] }));
    expect(result.findings).toEqual([]);
  });

  it("in the CLI, says that team membership cannot be checked offline", () => {
    const result = evaluateRepositoryPolicy(input({ classification: { value: "internal", source: "--classification" }, door: "cli", claudeCommits: [{ commit: commit("Ship\n\nClaude-Skill: deploy"), login: "dev" }] }));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([["skill-team-not-allowed", "medium"]]);
    expect(result.findings[0]?.message).toContain("could not be checked offline (the CLI does not ask GitHub)");
    expect(result.findings[0]?.message).not.toContain("Members: read");
  });

  it("in the App, a login outside the policy's teams is 'not a member of any of them'", () => {
    const result = evaluateRepositoryPolicy(input({ classification: { value: "internal", source: "x" }, claudeCommits: [{ commit: commit("Ship\n\nClaude-Skill: deploy"), login: "mallory" }], teamsOf: () => [] }));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([["skill-team-not-allowed", "high"]]);
    expect(result.findings[0]?.message).toContain("@mallory is not a member of any of them (acme/payments is classified internal)");
  });

  it("reports head problems (exit 2 / failed check) apart from problems in earlier commits", () => {
    const broken = new Map([[".claude/settings.json", '{\n  "permissions": {\n    "allow": ["Bash(*)",]\n  }\n}\n']]);
    const result = evaluateRepositoryPolicy(input({ headAgentFiles: broken, claudeCommits: [{ commit: commit("x"), agentFiles: { before: new Map(), after: broken } }] }));
    expect(result.problems).toEqual([{ path: ".claude/settings.json", line: 3, message: expect.stringContaining("trailing comma") }]);
    expect(result.historyProblems).toEqual([{ path: ".claude/settings.json", line: 3, message: expect.any(String), commit: SHA }]);
  });

  it("adds content and business-hours findings", () => {
    const result = evaluateRepositoryPolicy(
      input({
        config: config({ content: { paths: { "**/payments/**": "restricted" }, businessHours: { timezone: "UTC", days: ["mon"], start: "09:00", end: "10:00" } } }),
        classification: { value: "confidential", source: "x" },
        changes: [{ path: "payments/a.ts", commit: SHA, firstLine: 2 }],
        claudeCommits: [{ commit: commit("x"), firstFile: { path: "payments/a.ts", line: 2 } }],
      }),
    );
    // Business hours apply to restricted repositories only: this one is confidential.
    expect(result.findings.map((f) => [f.rule, f.path, f.line, f.redacted])).toEqual([["content-above-classification", "payments/a.ts", 2, "restricted"]]);
  });
});

describe("helpers for the doors", () => {
  it("isAgentConfigPath: the root .claude folder and .mcp.json", () => {
    expect([".claude/settings.json", ".claude/skills/x/SKILL.md", ".mcp.json"].every(isAgentConfigPath)).toBe(true);
    expect(["src/.claude", "claude/settings.json", "a/.mcp.json"].some(isAgentConfigPath)).toBe(false);
  });

  it("membershipQuestions asks only about the teams of the skills that were used", () => {
    const cfg = config({ skills: { "deploy/*": { teams: ["platform", "acme/sre"] }, "review/*": { teams: ["security"] }, "lint": {} } });
    const agent = readAgentConfig(after).config;
    const questions = membershipQuestions(cfg, agent, [
      { skill: "deploy", login: "octocat" },
      { skill: "lint", login: "hubot" },
      { skill: "deploy" },
    ]);
    expect([...questions.entries()].map(([login, teams]) => [login, [...teams]])).toEqual([["octocat", ["platform", "acme/sre"]]]);
  });
});
