/**
 * The policy checks end to end, as a new user runs them: the built `bin/claude-guard.js` on real temporary git
 * repositories built from test/fixtures/repos/<scenario>/ (`base/`: a human commit; `claude/`: the files
 * of a Claude-authored commit). Exit codes, the findings of category `policy` and `pii`, the messages a
 * security reviewer reads, and the `claude-guard policy` command.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { builtinRules } from "../../src/core/detect/index.js";
import { fake } from "../../src/core/detect/fake.js";
import { luhnValid } from "../../src/core/detect/validate/checksum.js";

const BIN = resolve("bin/claude-guard.js");
const FIXTURES = resolve("test/fixtures/repos");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Finding {
  rule: string;
  category: string;
  severity: string;
  path: string;
  line: number;
  message: string;
  commit?: string;
}

function cli(args: string[], cwd: string) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function git(repo: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...env },
  });
}

function commit(repo: string, message: string, author: { name: string; email: string }, date: string) {
  git(repo, ["add", "-A"]);
  git(repo, ["commit", "-q", "--allow-empty", "-m", message], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return git(repo, ["rev-parse", "HEAD"]).trim();
}

const HUMAN = { name: "Ada Human", email: "ada@acme.example" };
// Claude Code commits under the developer's identity, with its co-author trailer.
const DEVELOPER = { name: "Dev Eloper", email: "dev.eloper@acme.example" };
const WEEKDAY_NOON = "2024-01-03T11:00:00Z"; // a Wednesday

/** A repository from a fixture: `base/` committed by a human, then `claude/` (if any) by Claude. */
function repoFrom(scenario: string, options: { claudeDate?: string; extraClaudeFiles?: Record<string, string> } = {}): { dir: string; claudeSha?: string } {
  const dir = mkdtempSync(join(tmpdir(), `cg-${scenario.slice(0, 20)}-`));
  made.push(dir);
  git(dir, ["init", "-q", "-b", "main"]);
  cpSync(join(FIXTURES, scenario, "base"), dir, { recursive: true });
  commit(dir, "Initial import", HUMAN, "2024-01-02T10:00:00Z");
  let claudeSha: string | undefined;
  let message: string | undefined;
  try {
    message = readFileSync(join(FIXTURES, scenario, "commit-message.txt"), "utf8");
  } catch {
    message = undefined;
  }
  if (message !== undefined) {
    try {
      cpSync(join(FIXTURES, scenario, "claude"), dir, { recursive: true });
    } catch {
      // A scenario whose Claude commit only adds generated files.
    }
    for (const [path, text] of Object.entries(options.extraClaudeFiles ?? {})) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    claudeSha = commit(dir, message, DEVELOPER, options.claudeDate ?? WEEKDAY_NOON);
  }
  return claudeSha ? { dir, claudeSha } : { dir };
}

/** A card number that passes Luhn, in a Visa range, built at run time (never stored in the repository). */
function cardNumber(seed: string): string {
  const body = "4" + fake.digits(14, seed);
  for (let check = 0; check <= 9; check++) if (luhnValid(body + check)) return body + check;
  throw new Error("unreachable: one check digit always completes Luhn");
}

function customersCsv(): string {
  return ["id,name,card_number", ...[1, 2, 3].map((i) => `${i},Customer ${i},${cardNumber(`cg-card-${i}`)}`)].join("\n") + "\n";
}

const piiRulesWired = builtinRules.some((r) => r.category === "pii");

describe("the restricted-deploy scenario: a restricted repository, Claude adds a deploy skill, Bash(*) and card numbers", () => {
  const SCENARIO = "restricted-claude-adds-deploy-skill-bash-and-cards";

  it("yields the three policy findings (and the CSV's pii findings), with messages a reviewer understands, and exits 1", () => {
    const { dir, claudeSha } = repoFrom(SCENARIO, { extraClaudeFiles: { "data/customers.csv": customersCsv() } });
    const run = cli(["scan", "--git", "--repo", dir, "--all", "--format", "json"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { classification: { value: string; source: string }; findings: Finding[] };
    expect(report.classification).toEqual({ value: "restricted", source: "config .github/claude-guard.yml" });

    const policy = report.findings.filter((f) => f.category === "policy");
    expect(policy.map((f) => [f.rule, f.severity, f.path, f.line]).sort()).toEqual(
      [
        ["agent-permission-widened", "high", ".claude/settings.json", 6],
        ["forbidden-tool-permission", "high", ".claude/settings.json", 6],
        ["skill-above-classification", "critical", ".claude/skills/deploy/SKILL.md", 2],
      ].sort(),
    );
    const byRule = new Map(policy.map((f) => [f.rule, f]));
    // What the policy says, what the repository is, and how to fix or ask for an exception.
    expect(byRule.get("skill-above-classification")?.message).toMatch(/skill "deploy".*only in repositories classified up to internal.*is classified restricted.*Remove the skill.*raise skills\."deploy\/\*"\.maxClassification/s);
    expect(byRule.get("skill-above-classification")?.commit).toBe(claudeSha);
    expect(byRule.get("forbidden-tool-permission")?.message).toMatch(/allows "Bash\(\*\)" without asking.*forbidden in restricted repositories \(permissions\.restricted\.forbid\).*narrow it.*exception/s);
    expect(byRule.get("agent-permission-widened")?.message).toMatch(new RegExp(`Claude-authored commit ${claudeSha?.slice(0, 12)} widens the agent's own permissions.*now allows "Bash\\(\\*\\)"`, "s"));

    if (piiRulesWired) {
      const pii = report.findings.filter((f) => f.category === "pii");
      expect(pii.map((f) => [f.rule, f.path, f.line])).toEqual([
        ["payment-card-number", "data/customers.csv", 2],
        ["payment-card-number", "data/customers.csv", 3],
        ["payment-card-number", "data/customers.csv", 4],
      ]);
      // Restricted content in a restricted repository: no content-above-classification finding.
      expect(policy.some((f) => f.rule === "content-above-classification")).toBe(false);
    } else {
      // Note: the pii rules are not in builtinRules yet (the lead wires src/core/detect/rules/pii.ts):
      // the card numbers cannot be asserted here.
      expect(report.findings.filter((f) => f.category === "pii")).toEqual([]);
    }
    // The card numbers never appear whole in the output.
    for (const i of [1, 2, 3]) expect(run.stdout).not.toContain(cardNumber(`cg-card-${i}`));
  });

  it("prints the same findings as text, each with its path and line", () => {
    const { dir } = repoFrom(SCENARIO);
    const run = cli(["scan", "--git", "--repo", dir, "--all"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}critical {2}\.claude\/skills\/deploy\/SKILL\.md:2 +skill-above-classification/m);
    expect(run.stdout).toMatch(/^ {2}high {6}\.claude\/settings\.json:6 +forbidden-tool-permission/m);
  });

  it("classified internal (--classification beats the config), the deploy skill passes the skill check", () => {
    const { dir } = repoFrom(SCENARIO, { extraClaudeFiles: { "data/customers.csv": customersCsv() } });
    const run = cli(["scan", "--git", "--repo", dir, "--all", "--format", "json", "--classification", "internal"], dir);
    const report = JSON.parse(run.stdout) as { classification: { value: string; source: string }; findings: Finding[] };
    expect(report.classification).toEqual({ value: "internal", source: "--classification" });
    const rules = report.findings.filter((f) => f.category === "policy").map((f) => f.rule);
    expect(rules.filter((r) => r.startsWith("skill-"))).toEqual([]);
    // Bash(*) is not forbidden in internal repositories by default; the agent widening its own
    // permissions is a finding whatever the classification.
    expect(rules).not.toContain("forbidden-tool-permission");
    expect(rules).toContain("agent-permission-widened");
    if (piiRulesWired) {
      // Card numbers are restricted content: above an internal repository.
      const above = report.findings.find((f) => f.rule === "content-above-classification");
      expect(above).toMatchObject({ path: "data/customers.csv", line: 2, severity: "high" });
      expect(above?.message).toMatch(/classified restricted: it adds personal data: Payment card number on lines 2, 3, 4.*classified internal \(from --classification\)/s);
    }
    expect(run.code).toBe(1);
  });

  it("`claude-guard policy` prints the classification, what it found with paths and lines, the policy in force and every violation", () => {
    const { dir } = repoFrom(SCENARIO);
    const text = cli(["policy", "--repo", dir], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("Classification: restricted (from config .github/claude-guard.yml)");
    expect(text.stdout).toMatch(/Skills \(1\)\n\s+deploy\s+\.claude\/skills\/deploy\/SKILL\.md:2/);
    expect(text.stdout).toMatch(/allow\s+Bash\(\*\)\s+\.claude\/settings\.json:6/);
    expect(text.stdout).toMatch(/deploy\/\*\s+maxClassification: internal/);
    expect(text.stdout).toMatch(/Permissions for restricted repositories \(built-in default\):\n\s+forbidden: Bash, Bash\(\*\), WebFetch/);
    expect(text.stdout).toMatch(/Violations \(2\)\n\s+critical\s+skill-above-classification/);

    const json = cli(["policy", "--repo", dir, "--format", "json", "--classification", "internal"], dir);
    const view = JSON.parse(json.stdout) as { classification: { value: string; source: string }; violations: Finding[]; agentConfig: { skills: Array<{ id: string; line: number }> } };
    expect(view.classification).toEqual({ value: "internal", source: "--classification" });
    expect(view.agentConfig.skills).toEqual([{ id: "deploy", path: ".claude/skills/deploy/SKILL.md", line: 2, description: "Deploy the service to production with the release script." }]);
    // No drift in `policy` (it judges the working tree, not commits): internal has nothing to say.
    expect(view.violations).toEqual([]);
    expect(json.code).toBe(0);
  });
});

describe("errors are reported with their file and line, exit 2, never a stack trace", () => {
  it("a malformed config", () => {
    const { dir } = repoFrom("malformed-config-reports-its-line");
    for (const args of [["scan", "--git", "--repo", dir, "--all"], ["scan", dir], ["policy", "--repo", dir]]) {
      const run = cli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/\.github\/claude-guard\.yml:4\b.*maxClasification.*did you mean "maxClassification"/s);
      expect(run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
  });

  it("a config that is not valid YAML", () => {
    const dir = mkdtempSync(join(tmpdir(), "cg-bad-yaml-"));
    made.push(dir);
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github", "claude-guard.yml"), 'classification: restricted\nskills:\n  "deploy/*": { maxClassification: internal\n');
    const run = cli(["policy", "--repo", dir], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.github\/claude-guard\.yml:\d+(?::\d+)?: .*not valid YAML/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("a malformed .claude/settings.json, for scan and for policy", () => {
    const { dir } = repoFrom("malformed-agent-settings-exit-2");
    for (const args of [["scan", dir], ["policy", "--repo", dir]]) {
      const run = cli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the agent configuration has 1 problem\(s\)[^\n]*\n\s+\.claude\/settings\.json:5: not valid JSON: .*trailing comma/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("an unknown --classification is a usage error", () => {
    const run = cli(["scan", "--classification", "secret"], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--classification takes one of public, internal, confidential, restricted; got "secret"');
  });
});

describe("content classification and business hours", () => {
  it("code under **/payments/** (confidential by config) added to an internal repository is content above its classification", () => {
    const { dir, claudeSha } = repoFrom("internal-repo-claude-adds-payments-code");
    const run = cli(["scan", "--git", "--repo", dir, "--all", "--format", "json"], dir);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(report.findings.map((f) => [f.rule, f.severity, f.path, f.line, f.commit])).toEqual([
      ["content-above-classification", "high", "services/payments/charge.ts", 1, claudeSha],
    ]);
    expect(report.findings[0]?.message).toMatch(/classified confidential: its path matches content\.paths "\*\*\/payments\/\*\*".*is classified internal.*Move this content/s);
    expect(run.code).toBe(1);
  });

  it("a Claude commit on a Saturday night in a restricted repository is a low note that does not fail the scan", () => {
    const { dir, claudeSha } = repoFrom("restricted-repo-claude-commits-at-night", { claudeDate: "2024-01-06T22:30:00Z" });
    const run = cli(["scan", "--git", "--repo", dir, "--all", "--format", "json"], dir);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(report.findings.map((f) => [f.rule, f.severity, f.path, f.commit])).toEqual([["outside-business-hours", "low", "src/job.ts", claudeSha]]);
    expect(report.findings[0]?.message).toMatch(/on Saturday at 23:30 \(Europe\/Berlin\), outside the business hours.*does not block/s);
    expect(run.code).toBe(0);
  });

  it("the same commit on a weekday afternoon gives nothing", () => {
    const { dir } = repoFrom("restricted-repo-claude-commits-at-night", { claudeDate: "2024-01-03T14:00:00Z" });
    const run = cli(["scan", "--git", "--repo", dir, "--all", "--format", "json"], dir);
    expect((JSON.parse(run.stdout) as { findings: Finding[] }).findings).toEqual([]);
    expect(run.code).toBe(0);
  });
});
