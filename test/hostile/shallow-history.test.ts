/**
 * Probe: a shallow clone scanned with --all said nothing about the history it cannot see. Every format
 * now reports the scan as incomplete; a clone that holds the whole range, or a range above the cut, does
 * not (and the JSON report keeps its version 1 shape: the field is only added).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { renderCheckRun } from "../../src/core/report/check-run.js";
import type { ScanReport } from "../../src/core/types.js";
import { gitEnv, TempRepo, tempDir } from "../git/repo-helper.js";
import { CLAUDE_MESSAGE_TRAILER, cli, jsonReport } from "./helpers.js";

let origin: TempRepo;
let work: string;
let shallow: string;
beforeAll(() => {
  origin = new TempRepo("cg-hostile-shallow-origin-");
  for (let i = 1; i <= 4; i++) {
    origin.write(`step${i}.js`, `export const step = ${i};\n`);
    origin.commit(`Step ${i}${CLAUDE_MESSAGE_TRAILER}`);
  }
  work = tempDir("cg-hostile-shallow-");
  shallow = join(work, "clone");
  execFileSync("git", ["clone", "-q", "--depth", "2", `file://${origin.dir}`, shallow], { env: gitEnv() });
});
afterAll(() => {
  origin.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("a shallow history is reported as incomplete", () => {
  it("JSON: scanned.incomplete names the cut, next to the unchanged version 1 fields", () => {
    const run = cli(["scan", "--git", "--repo", shallow, "--all", "--format", "json"], work);
    expect(run.code).toBe(0);
    const report = jsonReport(run);
    expect(Object.keys(report.scanned)).toEqual(["files", "bytes", "commits", "claudeCommits", "skipped", "incomplete", "suppressed"]);
    expect(report.scanned.incomplete).toEqual([{ reason: "shallow", detail: expect.stringContaining("shallow clone") }]);
    expect(report.scanned.incomplete?.[0]?.detail).toContain("git fetch --unshallow");
  });

  it("text and SARIF say it too", () => {
    const text = cli(["scan", "--git", "--repo", shallow, "--all"], work);
    expect(text.stdout).toMatch(/Incomplete scan\n {2}shallow: this is a shallow clone/);
    expect(text.stdout).toMatch(/No findings .*· incomplete/);
    const sarif = JSON.parse(cli(["scan", "--git", "--repo", shallow, "--all", "--format", "sarif"], work).stdout);
    const run = sarif.runs[0];
    expect(run.invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: "warning", message: { text: expect.stringContaining("Incomplete scan (shallow)") } });
    expect(run.properties.incomplete[0].reason).toBe("shallow");
  });

  it("a range that stays above the cut, and a whole clone, are complete: no field at all", () => {
    const above = jsonReport(cli(["scan", "--git", "--repo", shallow, "--range", "HEAD~1..HEAD", "--format", "json"], work));
    expect(above.scanned.incomplete).toBeUndefined();
    const whole = jsonReport(cli(["scan", "--git", "--repo", origin.dir, "--all", "--format", "json"], work));
    expect(whole.scanned.incomplete).toBeUndefined();
    expect(Object.keys(whole.scanned)).toEqual(["files", "bytes", "commits", "claudeCommits", "skipped", "suppressed"]);
  });

  it("the check run (the Action's summary) says it on its first screen, even when clean", () => {
    const report: ScanReport = {
      version: 1,
      tool: { name: "claude-guard", version: "0" },
      scanned: { files: 1, bytes: 10, commits: 1, claudeCommits: 1, skipped: [], incomplete: [{ reason: "shallow", detail: "history stops at abc1234" }] },
      findings: [],
    };
    const out = renderCheckRun({ report, rules: [], failOn: "high" });
    expect(out.summary.split("\n\n")[1]?.trimEnd()).toBe("⚠️ **Incomplete history** (shallow): history stops at abc1234");
  });
});
