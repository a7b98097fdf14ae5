import { afterAll, describe, expect, it } from "@jest/globals";
import { GitReadError, openRepository } from "../../src/git/git-runner.js";
import { TempRepo } from "./repo-helper.js";

const repo = new TempRepo("cg-git-runner-");
afterAll(() => repo.remove());
repo.write("a.txt", "a\n");
const head = repo.commit("root");

describe("one-shot git calls", () => {
  it("give git's whole output; an exit code without a word on stderr is no error", async () => {
    const git = await openRepository(repo.dir);
    expect((await git.run(["rev-parse", "HEAD"], "reading HEAD")).trim()).toBe(head);
    // `--verify --quiet` of a missing revision: exit code 1, nothing printed.
    expect(await git.run(["rev-parse", "--verify", "--quiet", "no-such-branch"], "reading a branch")).toBe("");
    expect(await git.tryRun(["ls-tree", "-r", head, "--", ".claude"])).toBe("");
  });

  it("fail with git's words when git says why", async () => {
    const git = await openRepository(repo.dir);
    await expect(git.run(["rev-list", "no-such-branch"], "listing commits")).rejects.toThrow(GitReadError);
    await expect(git.run(["rev-list", "no-such-branch"], "listing commits")).rejects.toThrow(/git failed listing commits in .*no-such-branch/);
    expect(await git.tryRun(["rev-list", "no-such-branch"])).toBeUndefined();
  });

  it("do not pass git's environment variables on: GIT_DIR does not move them to another repository", async () => {
    const git = await openRepository(repo.dir);
    const saved = process.env["GIT_DIR"];
    process.env["GIT_DIR"] = "/nonexistent/cg-git-dir";
    try {
      expect((await git.run(["rev-parse", "HEAD"], "reading HEAD")).trim()).toBe(head);
    } finally {
      if (saved === undefined) delete process.env["GIT_DIR"];
      else process.env["GIT_DIR"] = saved;
    }
  });

  it("run many at once, all answered", async () => {
    const git = await openRepository(repo.dir);
    const answers = await Promise.all(Array.from({ length: 12 }, () => git.run(["rev-parse", "HEAD"], "reading HEAD")));
    expect(answers.map((a) => a.trim())).toEqual(Array.from({ length: 12 }, () => head));
  });
});
