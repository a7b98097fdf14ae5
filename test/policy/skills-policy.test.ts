import { describe, expect, it } from "@jest/globals";
import type { Classification } from "../../src/core/config/config.js";
import {
  type AgentPolicyInput,
  DEFAULT_PERMISSIONS_POLICY,
  evaluateAgentPolicy,
  matchSkillPattern,
  readAgentConfig,
  skillPatternMatches,
  withDefaultPermissions,
} from "../../src/core/policy/index.js";
import { fingerprint } from "../../src/core/report/redact.js";
import { loadFixture } from "./load-fixture.js";

const configOf = (files: Record<string, string>) => readAgentConfig(new Map(Object.entries(files))).config;
const settings = (permissions: object, extra: object = {}) => JSON.stringify({ permissions, ...extra }, null, 2);
const skill = (name: string, tools?: string) => `---\nname: ${name}\n${tools ? `allowed-tools: ${tools}\n` : ""}---\nBody.\n`;

function evaluate(overrides: Partial<AgentPolicyInput> & { files?: Record<string, string> }) {
  const { files = {}, ...rest } = overrides;
  return evaluateAgentPolicy({
    repository: "acme/payments",
    classification: "internal",
    skillsPolicy: {},
    permissionsPolicy: DEFAULT_PERMISSIONS_POLICY,
    agentConfig: configOf(files),
    usedSkills: [],
    teamsOf: () => [],
    ...rest,
  });
}

describe("skill patterns", () => {
  it.each([
    ["deploy/*", "deploy/prod", true],
    ["deploy/*", "deploy/prod/eu", true],
    ["deploy/*", "deploy", true], // the namespace's root skill
    ["deploy/*", "deployer", false],
    ["*", "anything/at/all", true],
    ["code-review", "code-review", true],
    ["code-review", "Code-Review", true],
    ["code-review", "code-review/pr", false],
    ["deploy-?", "deploy-1", true],
  ])("%s matches %s: %s", (pattern, id, expected) => {
    expect(skillPatternMatches(pattern, id)).toBe(expected);
  });

  it("picks the most specific pattern: exact beats glob, more literal characters beat fewer", () => {
    const policy = { "*": {}, "deploy/*": {}, "deploy/prod/*": {}, "deploy/prod": {} };
    expect(matchSkillPattern("deploy/prod", policy)?.pattern).toBe("deploy/prod");
    expect(matchSkillPattern("deploy/prod/eu", policy)?.pattern).toBe("deploy/prod/*");
    expect(matchSkillPattern("deploy/staging", policy)?.pattern).toBe("deploy/*");
    expect(matchSkillPattern("lint", policy)?.pattern).toBe("*");
    expect(matchSkillPattern("lint", { "deploy/*": {} })).toBeUndefined();
  });

  it("does not depend on the order of keys", () => {
    expect(matchSkillPattern("ab", { "a*": {}, "*b": {} })?.pattern).toBe("*b");
    expect(matchSkillPattern("ab", { "*b": {}, "a*": {} })?.pattern).toBe("*b");
  });
});

describe("skill-above-classification", () => {
  const files = { ".claude/skills/deploy/SKILL.md": skill("deploy") };
  const skillsPolicy = { "deploy/*": { maxClassification: "internal" as Classification }, "*": { maxClassification: "restricted" as Classification } };

  it.each([
    ["public", 0],
    ["internal", 0],
    ["confidential", 1],
    ["restricted", 1],
  ] as const)("installed skill allowed up to internal, repository %s: %d finding(s)", (classification, count) => {
    expect(evaluate({ files, skillsPolicy, classification }).filter((f) => f.rule === "skill-above-classification")).toHaveLength(count);
  });

  it("is high, critical in restricted repositories, and points at the skill's declaration", () => {
    const [confidential] = evaluate({ files, skillsPolicy, classification: "confidential" });
    expect(confidential).toMatchObject({ severity: "high", category: "policy", path: ".claude/skills/deploy/SKILL.md", line: 2, column: 1, redacted: "deploy" });
    const [restricted] = evaluate({ files, skillsPolicy, classification: "restricted" });
    expect(restricted).toMatchObject({
      rule: "skill-above-classification",
      severity: "critical",
      title: expect.any(String),
      fingerprint: fingerprint("skill-above-classification", ".claude/skills/deploy/SKILL.md", "deploy"),
    });
    expect(restricted?.endColumn).toBe("name: deploy".length + 1);
  });

  it("says what the policy says, what the repository is, and how to fix it or ask for an exception", () => {
    const [finding] = evaluate({ files, skillsPolicy, classification: "restricted" });
    expect(finding?.message).toContain('skill "deploy"');
    expect(finding?.message).toContain("up to internal");
    expect(finding?.message).toContain('skills."deploy/*".maxClassification');
    expect(finding?.message).toContain("acme/payments is classified restricted");
    expect(finding?.message).toContain(".github/claude-guard.yml");
    expect(finding?.message).toMatch(/security/);
  });

  it("applies to a skill used through a trailer even when it is not installed, with the commit", () => {
    const findings = evaluate({ skillsPolicy, classification: "restricted", usedSkills: [{ skill: "deploy/prod", commit: "a".repeat(40), login: "octo" }] });
    expect(findings).toEqual([
      expect.objectContaining({ rule: "skill-above-classification", commit: "a".repeat(40), path: ".claude/skills/deploy/prod/SKILL.md", message: expect.stringContaining("Commit aaaaaaaaaaaa used") }),
    ]);
  });

  it("reports an installed skill used in a commit once, with the commit attached", () => {
    const findings = evaluate({ files, skillsPolicy, classification: "restricted", usedSkills: [{ skill: "deploy", commit: "b".repeat(40) }] });
    expect(findings.filter((f) => f.rule === "skill-above-classification")).toEqual([expect.objectContaining({ path: ".claude/skills/deploy/SKILL.md", commit: "b".repeat(40) })]);
  });

  it("governs slash commands like skills, and checks both a skill's name and its folder", () => {
    const findings = evaluate({
      files: { ".claude/commands/deploy/now.md": "Deploy now.\n", ".claude/skills/deploy/eu/SKILL.md": skill("helper") },
      skillsPolicy: { "deploy/*": { maxClassification: "internal" } },
      classification: "confidential",
    });
    expect(findings.map((f) => [f.rule, f.path])).toEqual([
      ["skill-above-classification", ".claude/commands/deploy/now.md"],
      ["skill-above-classification", ".claude/skills/deploy/eu/SKILL.md"],
    ]);
  });

  it("reports nothing for a skill no pattern matches", () => {
    expect(evaluate({ files, skillsPolicy: { "code-review/*": { maxClassification: "public" } }, classification: "restricted" })).toEqual([]);
  });
});

describe("skill-team-not-allowed", () => {
  const skillsPolicy = { "deploy/*": { teams: ["acme/platform"] } };
  const used = (login?: string) => [{ skill: "deploy/prod", commit: "c".repeat(40), ...(login ? { login } : {}) }];

  it("passes a member of an allowed team (slugs with or without org/)", () => {
    expect(evaluate({ skillsPolicy, usedSkills: used("alice"), teamsOf: () => ["platform"] })).toEqual([]);
    expect(evaluate({ skillsPolicy: { "deploy/*": { teams: ["platform"] } }, usedSkills: used("alice"), teamsOf: () => ["acme/Platform"] })).toEqual([]);
  });

  it("reports a login outside the teams as high, naming login, teams and the config key", () => {
    const [finding] = evaluate({ skillsPolicy, usedSkills: used("bob"), teamsOf: (login) => (login === "bob" ? ["frontend"] : []) });
    expect(finding).toMatchObject({ rule: "skill-team-not-allowed", severity: "high", commit: "c".repeat(40), redacted: "deploy/prod" });
    expect(finding?.message).toContain("@bob");
    expect(finding?.message).toContain("acme/platform");
    expect(finding?.message).toContain("frontend");
    expect(finding?.message).toContain('skills."deploy/*".teams');
  });

  it("says so (medium) when membership cannot be read or no login is known, rather than passing", () => {
    const unknown = evaluate({ skillsPolicy, usedSkills: used("carol"), teamsOf: () => undefined });
    expect(unknown).toEqual([expect.objectContaining({ rule: "skill-team-not-allowed", severity: "medium", message: expect.stringContaining("could not be read") })]);
    const noLogin = evaluate({ skillsPolicy, usedSkills: used(), teamsOf: () => ["platform"] });
    expect(noLogin).toEqual([expect.objectContaining({ severity: "medium", message: expect.stringContaining("no GitHub login") })]);
    // Distinct fingerprints: ignoring "unknown" must not also ignore a later real violation.
    const denied = evaluate({ skillsPolicy, usedSkills: used("carol"), teamsOf: () => ["frontend"] });
    expect(denied[0]?.fingerprint).not.toBe(unknown[0]?.fingerprint);
  });

  it("does not check teams for an installed skill nobody ran", () => {
    expect(evaluate({ files: { ".claude/skills/deploy/SKILL.md": skill("deploy") }, skillsPolicy, teamsOf: () => undefined })).toEqual([]);
  });
});

describe("forbidden-tool-permission", () => {
  const allow = (...rules: string[]) => ({ ".claude/settings.json": settings({ allow: rules }) });

  it("reports an allow rule that grants a forbidden pattern, at its line", () => {
    const findings = evaluate({ files: allow("Bash(npm run test:*)", "Bash(*)"), classification: "restricted" });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "forbidden-tool-permission",
        severity: "high",
        path: ".claude/settings.json",
        line: 5,
        redacted: "Bash(*)",
        fingerprint: fingerprint("forbidden-tool-permission", ".claude/settings.json", "Bash(*)"),
      }),
    ]);
    expect(findings[0]?.message).toContain("permissions.restricted.forbid");
    expect(findings[0]?.message).toContain("acme/payments is classified restricted");
    expect(findings[0]?.message).toMatch(/exception/);
  });

  it("follows the default policy per classification", () => {
    const files = allow("Bash", "WebFetch", "WebSearch", "WebFetch(domain:docs.example.com)", "Read");
    const rules = (classification: Classification) => evaluate({ files, classification }).map((f) => f.redacted);
    expect(rules("public")).toEqual([]);
    expect(rules("internal")).toEqual([]);
    expect(rules("confidential")).toEqual(["Bash"]);
    expect(rules("restricted")).toEqual(["Bash", "WebFetch", "WebSearch"]);
  });

  it("does not report an allow rule that a deny or ask rule fully covers", () => {
    const files = { ".claude/settings.json": settings({ allow: ["Bash(*)", "WebFetch"], deny: ["Bash"], ask: ["WebFetch(domain:*)"] }) };
    expect(evaluate({ files, classification: "restricted" })).toEqual([]);
  });

  it("reports forbidden permission modes: defaultMode and a subagent's permissionMode", () => {
    const files = {
      ".claude/settings.local.json": settings({ defaultMode: "bypassPermissions" }),
      ".claude/agents/fixer.md": "---\nname: fixer\npermissionMode: bypassPermissions\n---\n",
    };
    const findings = evaluate({ files, classification: "public" });
    expect(findings.map((f) => [f.path, f.line, f.redacted])).toEqual([
      [".claude/agents/fixer.md", 3, "bypassPermissions"],
      [".claude/settings.local.json", 3, "bypassPermissions"],
    ]);
    expect(evaluate({ files: { ".claude/settings.json": settings({ defaultMode: "acceptEdits" }) }, classification: "restricted" })).toEqual([]);
    expect(evaluate({ files: { ".claude/settings.json": settings({ defaultMode: "auto" }) }, classification: "restricted" })).toHaveLength(1);
  });

  it("reports a skill or command whose allowed-tools pre-approve a forbidden tool, at the allowed-tools line", () => {
    const files = {
      ".claude/skills/ops/SKILL.md": skill("ops", "Bash, Read"),
      ".claude/commands/fetch.md": "---\nallowed-tools: [WebFetch]\n---\n",
      ".claude/skills/tests/SKILL.md": skill("tests", "Bash(npm test:*)"),
    };
    const findings = evaluate({ files, classification: "restricted" });
    expect(findings.map((f) => [f.path, f.line, f.redacted])).toEqual([
      [".claude/commands/fetch.md", 2, "WebFetch"],
      [".claude/skills/ops/SKILL.md", 3, "Bash"],
    ]);
    expect(findings[1]?.message).toContain('skill "ops"');
  });

  it("uses a configured policy instead of the default; a classification left out forbids nothing", () => {
    const files = allow("Bash(curl:*)", "Bash(*)");
    const permissionsPolicy = { internal: { forbid: ["Bash(curl *)"] } };
    expect(evaluate({ files, permissionsPolicy, classification: "internal" }).map((f) => f.redacted)).toEqual(["Bash(curl:*)", "Bash(*)"]);
    expect(evaluate({ files, permissionsPolicy, classification: "restricted" })).toEqual([]);
    // withDefaultPermissions fills the classifications the config leaves out.
    expect(evaluate({ files, permissionsPolicy: withDefaultPermissions(permissionsPolicy), classification: "restricted" }).map((f) => f.redacted)).toEqual(["Bash(*)"]);
  });

  // Each allow rule was compared with every ask and deny rule, parsing both and building a pattern each
  // time: a settings file of 12,000 rules took 90 s (a pull request can add one). The forbidden rules are
  // read first now, the blockers only for a rule that grants one, and rules and patterns once each.
  it("judges a settings file of 12,000 rules in time that does not grow with their square", () => {
    const many = (prefix: string) => Array.from({ length: 3000 }, (_, i) => `${prefix}${i}:*)`);
    const files = {
      ".claude/settings.json": settings({
        allow: [...many("Bash(npm run task"), ...many("Bash(curl https://api-"), "Bash(curl *)", "Bash(wget *)"],
        ask: many("Bash(git push origin br"),
        deny: [...many("Bash(curl https://blocked-"), "Bash(wget *)"],
      }),
    };
    const started = Date.now();
    const findings = evaluate({ files, permissionsPolicy: { restricted: { forbid: ["Bash(curl:*)", "Bash(wget:*)"] } }, classification: "restricted" });
    expect(Date.now() - started).toBeLessThan(5000);
    // `Bash(curl *)` grants the forbidden curl; `Bash(wget *)` is denied as well, so it grants nothing.
    expect(findings.map((f) => f.redacted)).toEqual(["Bash(curl *)"]);
  });
});

describe("mcp-server-not-approved", () => {
  const mcp = JSON.stringify({ mcpServers: { github: { command: "npx", args: ["-y", "gh-mcp"] }, docs: { type: "http", url: "https://mcp.example.com/mcp" }, off: { command: "x" } } }, null, 2);
  const files = { ".mcp.json": mcp, ".claude/settings.json": settings({}, { disabledMcpjsonServers: ["off"], enabledMcpjsonServers: ["github", "user-level"] }) };

  it("approves no server in restricted repositories by default, except disabled ones", () => {
    const findings = evaluate({ files, classification: "restricted" });
    expect(findings.map((f) => [f.rule, f.path, f.line, f.redacted])).toEqual([
      ["mcp-server-not-approved", ".claude/settings.json", 8, "user-level"],
      ["mcp-server-not-approved", ".mcp.json", 3, "github"],
      ["mcp-server-not-approved", ".mcp.json", 10, "docs"],
    ]);
    expect(findings[1]?.message).toContain("approves none (permissions.restricted.mcpServers)");
  });

  it("passes approved servers, and every server where the policy lists none", () => {
    const permissionsPolicy = { restricted: { forbid: [], mcpServers: ["github", "docs", "user-level"] } };
    expect(evaluate({ files, permissionsPolicy, classification: "restricted" })).toEqual([]);
    expect(evaluate({ files, classification: "confidential" })).toEqual([]);
  });
});

describe("the fixture with every format, in a restricted repository", () => {
  it("reports exactly what the defaults forbid there", () => {
    const findings = evaluateAgentPolicy({
      repository: "acme/web",
      classification: "restricted",
      skillsPolicy: { "deploy/*": { maxClassification: "confidential" } },
      permissionsPolicy: DEFAULT_PERMISSIONS_POLICY,
      agentConfig: readAgentConfig(loadFixture("discovery-every-format")).config,
      usedSkills: [],
      teamsOf: () => [],
    });
    expect(findings.map((f) => [f.rule, f.path, f.line, f.redacted])).toEqual([
      ["skill-above-classification", ".claude/skills/deploy/prod/SKILL.md", 1, "deploy/prod"],
      ["mcp-server-not-approved", ".mcp.json", 3, "github"],
      ["mcp-server-not-approved", ".mcp.json", 8, "docs"],
    ]);
  });
});
