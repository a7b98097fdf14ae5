/**
 * Probe: a secret added in a merge commit itself (a conflict resolution, a file new in the merge) was
 * never read. Merges are read as `git log --cc` shows them: lines new against every parent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "../../src/github/client.js";
import { readCommitChange } from "../../src/github/commit-files.js";
import { parseCommitPatch } from "../../src/git/patch.js";
import { readCommits } from "../../src/git/read-commits.js";
import { assertAllMocksUsed, githubApi, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { HUMAN, TempRepo } from "../git/repo-helper.js";
import { CLAUDE_MESSAGE_TRAILER, cli, jsonReport, stripeKey } from "./helpers.js";

const resolvedKey = stripeKey("merge-resolution");
const newFileKey = stripeKey("merge-new-file");
const sideKey = stripeKey("merge-side");

let repo: TempRepo;
let mergeSha: string;
let sideSha: string;
beforeAll(() => {
  repo = new TempRepo("cg-hostile-merge-");
  repo.write("config.js", "const a = 1;\nconst key = undefined;\nconst c = 3;\n");
  repo.commit("Start");
  repo.git(["checkout", "-q", "-b", "side"]);
  repo.write("config.js", "const a = 1;\nconst key = process.env.KEY;\nconst c = 3;\n");
  repo.write("side.js", `const other = "${sideKey}";\n`);
  sideSha = repo.commit("Read the key from the environment");
  repo.git(["checkout", "-q", "main"]);
  repo.write("config.js", "const a = 1;\nconst key = readKey();\nconst c = 3;\n");
  repo.commit("Read the key from a file");
  // Both sides changed line 2: a conflict (git exits 1), resolved below with a literal key.
  try {
    repo.git(["-c", "user.name=M", "-c", "user.email=m@example.com", "merge", "-q", "--no-commit", "side"]);
  } catch {
    // expected: git exits 1 on the conflict and leaves the merge in progress
  }
  expect(repo.git(["rev-parse", "MERGE_HEAD"]).trim()).toBe(sideSha);
}, 30_000);
afterAll(() => repo.remove());

/** Resolves the conflict with a literal key, adds a file of the merge's own, and commits the merge. */
function finishMerge(message: string): string {
  repo.write("config.js", `const a = 1;\nconst key = "${resolvedKey}";\nconst c = 3;\n`);
  repo.write("payments/keys.js", `export const KEY = "${newFileKey}";\n`);
  return repo.commit(message, HUMAN);
}

describe("merge commits' own changes are scanned", () => {
  beforeAll(() => {
    mergeSha = finishMerge(`Merge side${CLAUDE_MESSAGE_TRAILER}`);
  });

  it("reads the resolution and the new file as the merge's added lines, not what the side brought", async () => {
    const changes = [];
    for await (const change of readCommits(repo.dir, { all: true })) changes.push(change);
    const merge = changes.find((c) => c.commit.sha === mergeSha);
    expect(merge?.commit.parents).toHaveLength(2);
    expect(merge?.files.map((f) => [f.path, f.lineNumbers])).toEqual([
      ["config.js", [2]],
      ["payments/keys.js", [1]],
    ]);
    expect(merge?.files.map((f) => f.text).join("\n")).not.toContain(sideKey);
  });

  it("scan --git finds both keys in the merge commit, with --authors all and with Claude's merge", () => {
    for (const authors of ["all", "claude"]) {
      const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--authors", authors, "--format", "json"], repo.dir);
      expect(run.code).toBe(1);
      const found = jsonReport(run).findings.filter((f) => f.commit === mergeSha);
      expect(found.map((f) => [f.path, f.line])).toEqual([
        ["config.js", 2],
        ["payments/keys.js", 1],
      ]);
    }
  });

  it("leaves the side's own line to the side's commit: found there with --authors all, not in the merge", () => {
    const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--authors", "all", "--format", "json"], repo.dir);
    const side = jsonReport(run).findings.filter((f) => f.path === "side.js");
    expect(side.map((f) => f.commit)).toEqual([sideSha]);
  });
});

describe("combined diff parsing", () => {
  it("counts every parent's column, so a removal at a hunk's end is not read as a header", () => {
    const patch = [
      "diff --cc app.txt",
      "index 1111111,2222222,3333333..4444444",
      "--- a/app.txt",
      "+++ b/app.txt",
      "@@@@ -5,1 -5,1 -5,1 +5,2 @@@@",
      "+++new in the octopus",
      "++ from two parents",
      "-  gone from the first",
      " - gone from the second",
      "diff --cc other.txt",
      "index 1111111,2222222,3333333..4444444",
      "--- a/other.txt",
      "+++ b/other.txt",
      "@@@@ -1,0 -1,0 -1,0 +1,1 @@@@",
      "+++diff --git a/x b/x",
      "",
    ].join("\n");
    const parsed = parseCommitPatch(patch, "abc");
    expect(parsed.files).toEqual([
      { path: "app.txt", text: ["new in the octopus"].join("\n"), lineNumbers: [5] },
      { path: "other.txt", text: ["diff --git a/x b/x"].join("\n"), lineNumbers: [1] },
    ]);
  });
});

describe("the App reads a merge's own lines through the REST API", () => {
  const gh = new Octokit({ auth: "test" }) as unknown as GitHubClient;
  const repoRef = { owner: "acme", repo: "widgets" };
  const [main, side, merge] = ["a1", "b2", "c3"].map((p) => p + "0".repeat(38)) as [string, string, string];

  beforeEach(() => setUpHttpMock());
  afterEach(() => assertAllMocksUsed());
  afterAll(() => tearDownHttpMock());

  it("keeps only the lines new against the second parent too, reading the file where the compare has no patch", async () => {
    const sideLine = `const other = "${sideKey}";`;
    // Against the first parent (what the commit endpoint gives), the side's file and line look added.
    githubApi()
      .get(`/repos/acme/widgets/commits/${merge}`)
      .reply(200, {
        sha: merge,
        files: [
          { filename: "config.js", status: "modified", changes: 2, patch: `@@ -2 +2 @@\n-const key = readKey();\n+const key = "${resolvedKey}";` },
          { filename: "payments/keys.js", status: "added", changes: 1, patch: `@@ -0,0 +1 @@\n+export const KEY = "${newFileKey}";` },
          { filename: "side.js", status: "added", changes: 1, patch: `@@ -0,0 +1 @@\n+${sideLine}` },
          { filename: "notes.txt", status: "modified", changes: 2, patch: "@@ -1 +1,2 @@\n-old\n+from the side\n+typed in the merge" },
        ],
      });
    githubApi()
      .get(`/repos/acme/widgets/compare/${side}...${merge}`)
      .query(true)
      .reply(200, {
        files: [
          { filename: "config.js", status: "modified", changes: 2, patch: `@@ -2 +2 @@\n-const key = process.env.KEY;\n+const key = "${resolvedKey}";` },
          { filename: "payments/keys.js", status: "added", changes: 1 },
          { filename: "notes.txt", status: "modified", changes: 1 },
        ],
      });
    githubApi().get("/repos/acme/widgets/contents/notes.txt").query({ ref: side }).reply(200, "from the side\n");

    const info = { sha: merge, message: "Merge side", author: { name: "a", email: "a@b" }, committer: { name: "a", email: "a@b" }, parents: [main, side] };
    const change = await readCommitChange(gh, repoRef, info, { byClaude: true });
    expect(change.files.map((f) => [f.path, f.lineNumbers])).toEqual([
      ["config.js", [2]],
      ["payments/keys.js", [1]],
      ["notes.txt", [2]],
    ]);
  });
});
