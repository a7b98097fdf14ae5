/**
 * The restricted-deploy scenario, on the policy core: a repository classified `restricted`, in which a
 * Claude-authored commit adds a `deploy` skill allowed only up to `internal` and widens
 * .claude/settings.json with `Bash(*)`. (The CSV of card numbers is the PII detector's part.)
 */
import { describe, expect, it } from "@jest/globals";
import type { Classification } from "../../src/core/config/config.js";
import {
  DEFAULT_PERMISSIONS_POLICY,
  detectAgentDrift,
  evaluateAgentPolicy,
  readAgentConfig,
  skillsFromTrailers,
} from "../../src/core/policy/index.js";
import type { Finding } from "../../src/core/types.js";
import { loadFixture, readFixtureFile } from "./load-fixture.js";

const SCENARIO = "restricted-deploy-skill-widens-bash";
const COMMIT = "5ca1ab1e".repeat(5);

/** Policy and drift findings of the scenario, in a fixed order: by rule id. */
function findingsFor(classification: Classification): Finding[] {
  const before = readAgentConfig(loadFixture(`${SCENARIO}/before`));
  const after = readAgentConfig(loadFixture(`${SCENARIO}/after`));
  expect([...before.problems, ...after.problems]).toEqual([]);
  const usedSkills = skillsFromTrailers(readFixtureFile(`${SCENARIO}/commit-message.txt`)).map((skill) => ({ skill, commit: COMMIT, login: "claude-user" }));
  expect(usedSkills.map((u) => u.skill)).toEqual(["deploy"]);
  return [
    ...evaluateAgentPolicy({
      repository: "acme/payments",
      classification,
      // As in docs/config.md's example config.
      skillsPolicy: { "code-review/*": { maxClassification: "restricted" }, "deploy/*": { maxClassification: "internal" } },
      permissionsPolicy: DEFAULT_PERMISSIONS_POLICY,
      agentConfig: after.config,
      usedSkills,
      teamsOf: () => ["platform"],
    }),
    ...detectAgentDrift(before.config, after.config, COMMIT),
  ].sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
}
const RULE_ORDER = ["skill-above-classification", "forbidden-tool-permission", "agent-permission-widened"];

describe("scenario: restricted repository, Claude adds a deploy skill and Bash(*)", () => {
  it("yields exactly a skill-above-classification, a forbidden-tool-permission and an agent-permission-widened finding", () => {
    const findings = findingsFor("restricted");
    expect(findings.map((f) => [f.rule, f.severity, f.path, f.line, f.redacted])).toEqual([
      ["skill-above-classification", "critical", ".claude/skills/deploy/SKILL.md", 2, "deploy"],
      ["forbidden-tool-permission", "high", ".claude/settings.json", 6, "Bash(*)"],
      ["agent-permission-widened", "high", ".claude/settings.json", 6, "Bash(*)"],
    ]);
    expect(findings.every((f) => f.category === "policy" && f.column === 1 && f.endColumn > 1 && /^[0-9a-f]{32}$/.test(f.fingerprint))).toBe(true);
  });

  it("explains each finding so that a security reviewer understands it", () => {
    const [skill, permission, drift] = findingsFor("restricted");
    expect(skill?.commit).toBe(COMMIT);
    expect(skill?.message).toMatch(/skill "deploy".*up to internal.*acme\/payments is classified restricted.*raise skills\."deploy\/\*"\.maxClassification/s);
    expect(permission?.message).toMatch(/allows "Bash\(\*\)" without asking.*forbidden in restricted repositories.*exception/s);
    expect(drift?.message).toMatch(/Claude-authored commit 5ca1ab1e5ca1.*now allows "Bash\(\*\)".*"Bash\(npm run test:\*\)", "Read\(\.\/src\/\*\*\)"/s);
  });

  it("the same repository classified internal, with the skill allowed: no skill finding", () => {
    const findings = findingsFor("internal");
    expect(findings.filter((f) => f.rule.startsWith("skill-"))).toEqual([]);
    // Bash(*) is fine by default in internal repositories; the agent widening its own permissions is not.
    expect(findings.map((f) => f.rule)).toEqual(["agent-permission-widened"]);
  });
});
