/**
 * scan --git hands commits' patch text to helper threads and adds their results in commit order: the
 * result must be the same as scanning every commit on the main thread, whichever thread scans which
 * batch and in whatever order the helpers answer. In-process with a stand-in for the threads, then the
 * built CLI (whose worker threads start past 512 KB of patch text) against the in-process scan.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { prepareScan } from "../../src/core/setup.js";
import { scanCommitPatch } from "../../src/git/scan-commit.js";
import { scanGit, type CommitScanHelpers, type GitScanResult } from "../../src/git/scan-git.js";
import { CLAUDE_TRAILERS, fakeGithubToken } from "../app/github-fixtures.js";
import { TempRepo } from "./repo-helper.js";

const BIN = resolve("bin/claude-guard.js");
const CLAUDE = { name: "Dana Developer", email: "dana@example.com" };

/** About `size` characters of ordinary config lines, different for each seed. */
function filler(seed: number, size: number): string {
  const lines: string[] = [];
  for (let i = 0, chars = 0; chars < size; i++) {
    const line = `service_${seed}_${i}:\n  image: registry.example.com/app:${seed}.${i}.0\n  replicas: ${(seed * 7 + i) % 9}`;
    lines.push(line);
    chars += line.length + 1;
  }
  return lines.join("\n") + "\n";
}

/** Commits by Claude and by a human, some large, with a finding now and then and one binary file. */
function buildHistory(repo: TempRepo, commits: number, size: number): void {
  for (let n = 0; n < commits; n++) {
    const secret = n % 3 === 1 ? `\ngithub_token: "${fakeGithubToken(`helpers-${n}`)}"\n` : "";
    repo.write(`deploy/service_${n}.yml`, filler(n, size) + secret);
    if (n === 4) repo.write("assets/logo.bin", Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    if (n % 2 === 0) repo.commit(`feat: service ${n}${CLAUDE_TRAILERS}`, CLAUDE);
    else repo.commit(`chore: service ${n}`);
  }
}

/** Helpers that answer late and out of order, and refuse every third batch (the main thread scans it). */
function shuffledHelpers(setup: ReturnType<typeof prepareScan>): CommitScanHelpers & { offloaded: () => number } {
  let calls = 0;
  let offloaded = 0;
  return {
    trySubmit(batch) {
      calls++;
      if (calls % 3 === 0) return undefined;
      offloaded++;
      const delay = 40 - (calls % 4) * 10;
      return new Promise((done) => setTimeout(() => done(batch.map((commit) => scanCommitPatch(setup, commit))), delay));
    },
    offloaded: () => offloaded,
  };
}

const comparable = (r: GitScanResult) => ({ ...r, claudeChanges: r.claudeChanges.map((c) => ({ sha: c.commit.sha, firstFile: c.firstFile })) });

describe("scanGit with helper threads", () => {
  const repo = new TempRepo("cg-helpers-");
  beforeAll(() => buildHistory(repo, 12, 120 * 1024));
  afterAll(() => repo.remove());

  it("gives the same result as scanning every commit on the main thread", async () => {
    const setup = prepareScan({});
    for (const authors of ["all", "claude"] as const) {
      const alone = await scanGit(setup, { repo: repo.dir, all: true, authors });
      const helpers = shuffledHelpers(setup);
      const shared = await scanGit(setup, { repo: repo.dir, all: true, authors, helpers });
      expect(helpers.offloaded()).toBeGreaterThan(1);
      expect(alone.scan.findings.length).toBeGreaterThan(0);
      expect(alone.scan.skipped.some((s) => s.reason === "binary")).toBe(true);
      expect(comparable(shared)).toEqual(comparable(alone));
    }
  });

  it("scans on the main thread when a caller needs each commit's lines (onFindings)", async () => {
    const setup = prepareScan({});
    const helpers = shuffledHelpers(setup);
    const seen: string[] = [];
    await scanGit(setup, { repo: repo.dir, all: true, authors: "all", helpers, onFindings: (file) => seen.push(file.path) });
    expect(helpers.offloaded()).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe("scan --git with worker threads (the built CLI)", () => {
  const repo = new TempRepo("cg-helpers-cli-");
  beforeAll(() => buildHistory(repo, 24, 160 * 1024));
  afterAll(() => repo.remove());

  it("reports the findings, files and bytes of the in-process scan, in the same order", async () => {
    const alone = await scanGit(prepareScan({}), { repo: repo.dir, all: true, authors: "all" });
    const out = spawnSync(process.execPath, [BIN, "scan", "--git", "--repo", repo.dir, "--all", "--authors", "all", "--format", "json"], { encoding: "utf8" });
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as { findings: Array<{ fingerprint: string; commit: string }>; scanned: { files: number; bytes: number } };
    expect(report.scanned.bytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(report.scanned).toMatchObject({ files: alone.scan.files, bytes: alone.scan.bytes });
    expect(report.findings.map((f) => [f.commit, f.fingerprint])).toEqual(alone.scan.findings.map((f) => [f.commit, f.fingerprint]));
  });
});
