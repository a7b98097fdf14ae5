/**
 * `scan --staged` (src/git/staged.ts) and the range reader on git calls that print nothing: an empty
 * index, a range without commits. Through simple-git (`run`) such a call returned 50 ms after git had
 * exited, a third of a pre-commit hook's run; both go through the runner's own stream (outputOf).
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { openRepository, type GitRunner } from "../../src/git/git-runner.js";
import { readCommits } from "../../src/git/read-commits.js";
import { scanStaged } from "../../src/git/staged.js";
import { prepareScan } from "../../src/core/setup.js";
import { fake } from "../../src/core/detect/fake.js";
import { TempRepo } from "./repo-helper.js";

const repo = new TempRepo("cg-staged-");
afterAll(() => repo.remove());
repo.write("src/app.ts", "export const answer = 42;\n");
const first = repo.commit("first");

/** The runner, with the commands sent through simple-git (`run`, `tryRun`) listed. */
async function watched(): Promise<{ git: GitRunner; simpleGitCalls: string[] }> {
  const opened = await openRepository(repo.dir);
  const simpleGitCalls: string[] = [];
  const git: GitRunner = {
    ...opened,
    run: (args, what) => (simpleGitCalls.push(args[0] as string), opened.run(args, what)),
    tryRun: (args) => (simpleGitCalls.push(args[0] as string), opened.tryRun(args)),
  };
  return { git, simpleGitCalls };
}

describe("git calls that may print nothing", () => {
  it("scans an empty index, and a staged line, without simple-git", async () => {
    const setup = prepareScan({});
    const empty = await watched();
    expect((await scanStaged(setup, empty.git)).scan.findings).toEqual([]);
    expect(empty.simpleGitCalls).toEqual([]);
    const password = "Qz" + fake.alnum(12, "staged-pw") + "!7";
    repo.write("src/db.ts", `export const config = { password: "${password}" };\n`);
    repo.git(["add", "src/db.ts"]);
    try {
      const staged = await watched();
      const { findings } = (await scanStaged(setup, staged.git)).scan;
      expect(findings.map((f) => [f.rule, f.path, f.line])).toEqual([["generic-password", "src/db.ts", 1]]);
      expect(staged.simpleGitCalls).toEqual([]);
    } finally {
      repo.git(["rm", "-q", "--cached", "src/db.ts"]);
    }
  });

  it("lists a range without commits through a stream: nothing read", async () => {
    const { git, simpleGitCalls } = await watched();
    const read: string[] = [];
    for await (const change of readCommits(git, { range: `${first}..${first}` })) read.push(change.commit.sha);
    expect(read).toEqual([]);
    expect(simpleGitCalls).not.toContain("rev-list");
  });
});
