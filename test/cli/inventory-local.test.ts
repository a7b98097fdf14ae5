/**
 * `claude-guard inventory --repo DIR` as users run it: the built CLI in a child process on a generated git
 * repository whose commits (Claude's, a person's, another agent's; inside and outside business hours;
 * two ISO weeks) are known, so every figure of the report is checked against what was committed.
 */
import { describe, expect, it, afterAll, beforeAll } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { fake } from "../../src/core/detect/fake.js";
import type { InventoryReport } from "../../src/core/inventory/index.js";
import { TempRepo, type Identity } from "../git/repo-helper.js";

const BIN = resolve("bin/claude-guard.js");
const CLAUDE_TRAILER = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n";
const BOB: Identity = { name: "Bob Dev", email: "bob@example.com" };
const ADA: Identity = { name: "Ada Human", email: "ada@example.com" };
const AIDER: Identity = { name: "aider", email: "aider@aider.chat" };

function cli(args: string[], cwd: string) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

let repo: TempRepo;
let outDir: string;
const shas: Record<string, string> = {};

function commitAt(key: string, message: string, who: Identity, date: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.git(["add", "-A"]);
  repo.git(["commit", "-q", "--allow-empty", "-F", "-"], {
    input: message,
    env: { GIT_AUTHOR_NAME: who.name, GIT_AUTHOR_EMAIL: who.email, GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  shas[key] = repo.git(["rev-parse", "HEAD"]).trim();
}

beforeAll(() => {
  repo = new TempRepo("cg-inventory-");
  outDir = mkdtempSync(join(os.tmpdir(), "cg-inventory-out-"));
  // Week 2026-W48: a person's commit, then Claude on Monday 20:00 UTC (off hours) adding a skill (2 lines).
  commitAt("human", "Start", ADA, "2026-11-23T10:00:00Z", { "a.txt": "one\ntwo\n" });
  commitAt("skill", `Add the deploy skill${CLAUDE_TRAILER}`, BOB, "2026-11-23T20:00:00Z", { ".claude/skills/deploy/SKILL.md": "---\nname: deploy\n---\n" });
  // Week 2026-W49: Claude on Tuesday 11:00 UTC (business hours) adding 4 lines, one a token; then aider.
  commitAt("token", `Add the client\n\nClaude-Skill: review${CLAUDE_TRAILER}`, BOB, "2026-12-01T11:00:00Z", { "src/client.ts": `const a = 1;\nconst b = 2;\nconst token = "ghp_${fake.alnum(36, "inventory")}";\nexport { a, b };\n` });
  commitAt("aider", "Tidy", AIDER, "2026-12-01T12:00:00Z", { "c.txt": "z\n" });
});
afterAll(() => {
  repo.remove();
  rmSync(outDir, { recursive: true, force: true });
});

describe("claude-guard inventory --repo DIR", () => {
  it("counts Claude's commits, lines, hours, skills, weeks and other agents from the repository's history", () => {
    const out = cli(["inventory", "--repo", repo.dir, "--scan", "--output", join(outDir, "inv.json")], repo.dir);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const report = JSON.parse(readFileSync(join(outDir, "inv.json"), "utf8")) as InventoryReport;
    expect(report.totals).toMatchObject({ repositories: 1, commitsRead: 4, claudeCommits: 2, linesAdded: 3 + 4, otherAgents: { aider: 1 } });
    const [r] = report.repositories;
    expect(r?.claude).toMatchObject({
      commits: 2,
      linesAdded: 7,
      authors: [{ login: "bob", teams: [], commits: 2 }],
      offHoursCommits: 1,
      offHoursShare: 0.5,
      skills: ["deploy", "review"],
      findings: { total: 1, byCategory: { secret: 1 } },
    });
    expect(Date.parse(r?.claude.firstChange ?? "")).toBe(Date.parse("2026-11-23T20:00:00Z"));
    expect(Date.parse(r?.claude.lastChange ?? "")).toBe(Date.parse("2026-12-01T11:00:00Z"));
    expect(r?.claude.changes.map((c) => [c.sha, c.linesAdded, c.offHours])).toEqual([
      [shas["skill"], 3, true],
      [shas["token"], 4, false],
    ]);
    expect(r?.otherAgents).toEqual({ aider: 1 });
    expect(report.weeks.map((w) => [w.week, w.claudeCommits])).toEqual([
      ["2026-W48", 1],
      ["2026-W49", 1],
    ]);
    // The report holds counts and metadata, never the value.
    expect(readFileSync(join(outDir, "inv.json"), "utf8")).not.toMatch(/ghp_/);
  });

  it("writes Markdown with the weekly chart and CSV with one row per repository", () => {
    const md = cli(["inventory", "--repo", repo.dir, "--format", "markdown"], repo.dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('x-axis ["2026-W48", "2026-W49"]');
    expect(md.stdout).toContain("bar [1, 1]");
    const csv = cli(["inventory", "--repo", repo.dir, "--format", "csv"], repo.dir);
    expect(csv.code).toBe(0);
    const [header, row, end] = csv.stdout.split("\r\n");
    expect(header?.split(",").slice(0, 6)).toEqual(["repository", "classification", "classification_source", "commits_read", "claude_commits", "lines_added"]);
    // commits read, Claude's commits, lines added (after the quoted classification source).
    expect(row).toMatch(/^[^,]+,internal,"[^"]*",4,2,7,bob:2,/);
    expect(end).toBe("");
  });

  it("refuses flags that only go with --org, and both sources at once", () => {
    expect(cli(["inventory", "--repo", repo.dir, "--shard", "1/2"], repo.dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("--shard goes with --org") });
    expect(cli(["inventory", "--repo", repo.dir, "--org", "acme"], repo.dir)).toMatchObject({ code: 2 });
  });
});
