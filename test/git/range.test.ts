import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { openRepository } from "../../src/git/git-runner.js";
import { rangeCommits } from "../../src/git/range.js";
import { isShallowRepository, readCommits, resolveRange } from "../../src/git/read-commits.js";
import { TempRepo, gitEnv, tempDir } from "./repo-helper.js";

async function shasOf(dir: string, opts: Parameters<typeof readCommits>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const change of readCommits(dir, opts)) out.push(change.commit.sha);
  return out;
}

describe("resolveRange", () => {
  let repo: TempRepo;
  let base: string[];
  let feature: string[];
  const dirs: string[] = [];

  beforeAll(() => {
    repo = new TempRepo();
    base = [];
    for (let i = 1; i <= 3; i++) {
      repo.write("main.txt", `main ${i}\n`);
      base.push(repo.commit(`main ${i}`));
    }
    repo.git(["checkout", "-q", "-b", "feature"]);
    feature = [];
    for (let i = 1; i <= 2; i++) {
      repo.write("feature.txt", `feature ${i}\n`);
      feature.push(repo.commit(`feature ${i}`));
    }
  });
  afterAll(() => {
    repo.remove();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("reads all of HEAD's history when the branch has no upstream", async () => {
    const resolved = await resolveRange(repo.dir);
    expect(resolved.description).toMatch(/all history of HEAD/);
    expect(await shasOf(repo.dir, {})).toEqual([...base, ...feature]);
  });

  it("reads from the upstream's merge base by default, and everything with --all", async () => {
    repo.git(["branch", "-q", "--set-upstream-to=main", "feature"]);
    try {
      const resolved = await resolveRange(repo.dir);
      expect(resolved.description).toContain("main..HEAD");
      expect(await shasOf(repo.dir, {})).toEqual(feature);
      expect(await shasOf(repo.dir, { resolved })).toEqual(feature);
      expect(await shasOf(repo.dir, { all: true })).toEqual([...base, ...feature]);
    } finally {
      repo.git(["branch", "-q", "--unset-upstream", "feature"]);
    }
  });

  it("takes --range as given, with git's shorthands", async () => {
    expect(await shasOf(repo.dir, { range: "main..feature" })).toEqual(feature);
    expect(await shasOf(repo.dir, { range: `${base[0]}..HEAD` })).toEqual([...base.slice(1), ...feature]);
    expect(await shasOf(repo.dir, { range: "HEAD~1.." })).toEqual(feature.slice(1));
    expect(await shasOf(repo.dir, { range: "main" })).toEqual(base);
    expect(await shasOf(repo.dir, { range: "feature..main" })).toEqual([]);
  });

  it("names the revision that does not resolve, and refuses option-like revisions", async () => {
    await expect(resolveRange(repo.dir, { range: "nope..HEAD" })).rejects.toThrow(/Unknown revision "nope" in --range nope\.\.HEAD/);
    await expect(resolveRange(repo.dir, { range: "main..typo" })).rejects.toThrow(/Unknown revision "typo"/);
    await expect(resolveRange(repo.dir, { range: "--output=x..HEAD" })).rejects.toThrow(/cannot start with "-"/);
    await expect(resolveRange(repo.dir, { range: "main..HEAD", all: true })).rejects.toThrow(/either --range or --all/);
  });

  it("asks for a range's ends with the repository's check: one git process answers them all", async () => {
    expect(rangeCommits({ range: "main..feature" })).toEqual(["main", "feature"]);
    expect(rangeCommits({ range: "main..." })).toEqual(["main", "HEAD"]);
    expect(rangeCommits({ range: "main" })).toEqual(["main"]);
    expect(rangeCommits({})).toEqual(["@{upstream}"]);
    expect(rangeCommits({ all: true })).toEqual([]);
    expect(rangeCommits({ range: " " })).toEqual([]);

    const opened = (await openRepository(repo.dir, { commits: ["main", "feature", "HEAD~1"] })).opened;
    expect(opened.head).toBe(feature[1]);
    expect([...(opened.commits ?? [])]).toEqual([
      ["main", base[2]],
      ["feature", feature[1]],
      ["HEAD~1", feature[0]],
    ]);
    // One of several that names no commit: git does not say which, so none is answered here (each is
    // then asked alone); one alone that names none is answered as none.
    expect((await openRepository(repo.dir, { commits: ["main", "nope", "feature"] })).opened.commits).toBeUndefined();
    expect([...((await openRepository(repo.dir, { commits: ["nope"] })).opened.commits ?? [])]).toEqual([["nope", undefined]]);
    expect([...((await openRepository(repo.dir, { commits: ["@{upstream}"] })).opened.commits ?? [])]).toEqual([["@{upstream}", undefined]]);
    // Option-like revisions and ranges are not given to git.
    expect((await openRepository(repo.dir, { commits: ["--output=x", "main..feature"] })).opened.commits).toBeUndefined();
    await expect(resolveRange(repo.dir, { range: "main..feature..x" })).rejects.toThrow(/Unknown revision "feature\.\.x"/);
    // Not a repository: said as such, not as an unknown revision.
    const plain = tempDir("cg-plain-");
    dirs.push(plain);
    await expect(resolveRange(plain, { range: "main..HEAD" })).rejects.toThrow(/Not a git repository/);
  });

  it("tells shallow clones apart and hints at fetching more history", async () => {
    expect(await isShallowRepository(repo.dir)).toBe(false);
    const cloneParent = tempDir("cg-shallow-");
    dirs.push(cloneParent);
    const clone = path.join(cloneParent, "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", "--branch", "feature", `file://${repo.dir}`, clone], { env: gitEnv() });
    expect(await isShallowRepository(clone)).toBe(true);
    await expect(resolveRange(clone, { range: `${base[0]}..HEAD` })).rejects.toThrow(/shallow clone/);
    // The oldest fetched commit has no parents here: it reads as adding everything.
    expect(await shasOf(clone, { all: true })).toEqual([feature[1]]);
  });
});
