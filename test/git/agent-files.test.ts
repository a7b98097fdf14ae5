import { afterAll, describe, expect, it } from "@jest/globals";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { agentFileReader, openAgentFileReader, prefetchAgentFiles } from "../../src/git/agent-files.js";
import { execFileSync } from "node:child_process";
import { openRepository, type GitRunner } from "../../src/git/git-runner.js";
import { readCommits } from "../../src/git/read-commits.js";
import { gitEnv, TempRepo } from "./repo-helper.js";

const MAX_AGENT_FILE = 1024 * 1024;

/** What `git ls-tree -r -l -z` prints for the agent paths at `revision`, run in `dir`. */
function lsTreeListing(dir: string, revision: string): Buffer {
  return execFileSync("git", ["ls-tree", "-r", "-l", "-z", revision, "--", ".claude", ".mcp.json"], { cwd: dir, env: gitEnv(), maxBuffer: 64 * 1024 * 1024 });
}

/** The agent files as the reader read them before it batched: ls-tree's blobs of at most 1 MiB, each read with `git cat-file blob`. */
function lsTreeFiles(dir: string, revision: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const record of lsTreeListing(dir, revision).toString("utf8").split("\0")) {
    const match = /^\d+ blob ([0-9a-f]+)\s+(\d+)\t(.+)$/s.exec(record);
    if (match && Number(match[2]) <= MAX_AGENT_FILE) files.set(match[3] as string, execFileSync("git", ["cat-file", "blob", match[1] as string], { cwd: dir, env: gitEnv(), encoding: "utf8" }));
  }
  return files;
}

const repo = new TempRepo("cg-agent-files-");
afterAll(() => repo.remove());

repo.write("src/a.ts", "export {};\n");
const root = repo.commit("root");
repo.write(".claude/settings.json", '{ "permissions": { "deny": ["Read(./.env)"] } }\n');
repo.write(".claude/skills/deploy/SKILL.md", "---\nname: deploy\n---\n");
repo.write("packages/web/.claude/settings.json", "{}\n");
const adds = repo.commit("add agent config");
repo.write("src/b.ts", "export {};\n");
const unrelated = repo.commit("unrelated");
rmSync(path.join(repo.dir, ".claude", "settings.json"));
const deletes = repo.commit("delete the settings");
repo.write(".mcp.json", '{ "mcpServers": {} }\n');
const mcp = repo.commit("add .mcp.json");
// Commits after `mcp`, for the scan's prefetch: a rename out of .claude/, a mode change, a nested
// .claude/ folder's change (the agent files of a scan of packages/web), a rename into .claude/.
renameSync(path.join(repo.dir, ".claude", "skills", "deploy", "SKILL.md"), path.join(repo.dir, "SKILL.md"));
const renamesOut = repo.commit("move the skill out");
repo.write(".mcp.json", '{ "mcpServers": {} }\n', 0o755);
const modeOnly = repo.commit("make .mcp.json executable");
repo.write("packages/web/.claude/settings.json", '{ "permissions": {} }\n');
const nested = repo.commit("change the web package's settings");
renameSync(path.join(repo.dir, "SKILL.md"), path.join(repo.dir, ".claude", "SKILL.md"));
const renamesIn = repo.commit("move the skill back in");
const everyCommit = [root, adds, unrelated, deletes, mcp, renamesOut, modeOnly, nested, renamesIn];

describe("agent configuration files from a local clone", () => {
  it("finds the commits that add, change or delete .claude/ or .mcp.json files (deletions included)", async () => {
    const reader = await openAgentFileReader(repo.dir);
    expect(await reader.touchingCommits([root, adds, unrelated, deletes, mcp])).toEqual(new Set([adds, deletes, mcp]));
  });

  it("reads the root .claude folder and .mcp.json at a revision, not nested .claude folders", async () => {
    const reader = await openAgentFileReader(repo.dir);
    expect([...(await reader.filesAt(adds)).keys()].sort()).toEqual([".claude/settings.json", ".claude/skills/deploy/SKILL.md"]);
    expect((await reader.filesAt(adds)).get(".claude/skills/deploy/SKILL.md")).toBe("---\nname: deploy\n---\n");
    expect([...(await reader.filesAt(mcp)).keys()].sort()).toEqual([".claude/skills/deploy/SKILL.md", ".mcp.json"]);
    // Before the first commit there is nothing (a root commit's parent).
    expect((await reader.filesAt(`${root}^`)).size).toBe(0);
  });

  // Drift reads each commit's files and its parent's; a commit is the next one's parent. Each read of a
  // revision was an ls-tree and a cat-file per new blob: 634 git processes for 300 commits that each
  // changed .claude/settings.json.
  it("reads the revisions asked for together with four git processes, whatever their number, and none again for a revision or blob it read", async () => {
    const git = await openRepository(repo.dir);
    const calls: string[] = [];
    const counting: GitRunner = { ...git, stream: (args, what, input) => (calls.push(args[0] as string), git.stream(args, what, input)) };
    const reader = agentFileReader(counting);
    const all = await Promise.all(everyCommit.map((sha) => reader.filesAt(sha)));
    expect(calls).toEqual(["cat-file", "diff-tree", "cat-file", "cat-file"]);
    for (const [i, sha] of everyCommit.entries()) expect([...(all[i] as Map<string, string>)]).toEqual([...lsTreeFiles(repo.dir, sha)]);
    expect(await reader.filesAt(adds)).toBe(all[1]);
    expect(calls).toHaveLength(4);
    // A revision not read before whose tree and blobs were: its tree is looked up, nothing else.
    expect([...(await reader.filesAt(`${unrelated}^0`))]).toEqual([...lsTreeFiles(repo.dir, unrelated)]);
    expect(calls).toEqual(["cat-file", "diff-tree", "cat-file", "cat-file", "cat-file"]);
  });

  it("reads what `git ls-tree` lists from a subfolder: that folder's .claude/, named from there", async () => {
    const sub = path.join(repo.dir, "packages", "web");
    const reader = agentFileReader(await openRepository(sub));
    const all = await Promise.all(everyCommit.map((sha) => reader.filesAt(sha)));
    for (const [i, sha] of everyCommit.entries()) expect([...(all[i] as Map<string, string>)]).toEqual([...lsTreeFiles(sub, sha)]);
    expect([...(await reader.filesAt(nested)).keys()]).toEqual([".claude/settings.json"]);
  });

  it("leaves out a file over 1 MiB, a submodule and a revision whose listing is over 4 MiB; reads a symbolic link's target; a revision git cannot resolve has no files", async () => {
    const other = new TempRepo("cg-agent-limits-");
    try {
      const blob = (text: string) => other.git(["hash-object", "-w", "--stdin"], { input: text }).trim();
      const tree = (lines: string[]) => other.git(["mktree"], { input: lines.join("\n") + "\n" }).trim();
      const commitOf = (root: string) => other.git(["commit-tree", root, "-m", "agent files"], { env: { GIT_AUTHOR_NAME: "A", GIT_AUTHOR_EMAIL: "a@example.com", GIT_COMMITTER_NAME: "A", GIT_COMMITTER_EMAIL: "a@example.com" } }).trim();
      const settings = blob('{ "permissions": {} }\n');
      const large = blob("x".repeat(MAX_AGENT_FILE + 1));
      const claude = tree([`100644 blob ${settings}\tsettings.json`, `100644 blob ${large}\thuge.md`, `120000 blob ${blob("settings.json")}\tlink.json`, `160000 commit ${"1".repeat(40)}\tvendored`]);
      const limited = commitOf(tree([`040000 tree ${claude}\t.claude`]));
      // 20,000 files with 200-character names: a listing of about 5.4 MB.
      const many = tree(Array.from({ length: 20_000 }, (_, i) => `100644 blob ${settings}\t${String(i).padStart(200, "f")}`));
      const crowded = commitOf(tree([`040000 tree ${many}\t.claude`]));
      // 12,000 of them, about 3.2 MB: read.
      const full = commitOf(tree([`040000 tree ${tree(Array.from({ length: 12_000 }, (_, i) => `100644 blob ${settings}\t${String(i).padStart(200, "f")}`))}\t.claude`]));
      const reader = agentFileReader(await openRepository(other.dir));
      const [read, tooMany, unknown, injected, underCap] = await Promise.all([reader.filesAt(limited), reader.filesAt(crowded), reader.filesAt("no-such-branch"), reader.filesAt(`${limited}\n${crowded}`), reader.filesAt(full)]);
      expect([...read]).toEqual([...lsTreeFiles(other.dir, limited)]);
      expect([...read]).toEqual([
        [".claude/link.json", "settings.json"],
        [".claude/settings.json", '{ "permissions": {} }\n'],
      ]);
      expect(lsTreeListing(other.dir, crowded).length).toBeGreaterThan(4 * 1024 * 1024);
      expect(tooMany.size).toBe(0);
      expect(lsTreeListing(other.dir, full).length).toBeLessThan(4 * 1024 * 1024);
      expect(underCap.size).toBe(12_000);
      expect(unknown.size).toBe(0);
      expect(injected.size).toBe(0);
    } finally {
      other.remove();
    }
  }, 30_000);

  it("answers a revision whose tree a batch still under way is reading with that tree's files", async () => {
    const other = new TempRepo("cg-agent-same-tree-");
    try {
      other.write(".claude/settings.json", '{ "permissions": { "allow": ["Bash(npm test)"] } }\n');
      other.write(".claude/skills/deploy/SKILL.md", "---\nname: deploy\n---\n");
      const withFiles = other.commit("agent files");
      // An empty commit: the same tree under another revision.
      const sameTree = other.commit("empty");
      const git = await openRepository(other.dir);
      let second: Promise<Map<string, string>> | undefined;
      // Asked once the first batch has listed the tree and starts reading its files.
      // The first batch's read of the files answers late, so that the second's lookups are done before it.
      const stream: GitRunner["stream"] = (args, what, input) => {
        const real = git.stream(args, what, input);
        if (args[0] !== "cat-file" || args[1] !== "--batch" || second) return real;
        second = reader.filesAt(sameTree);
        const late = async function* () {
          await new Promise((resolve) => setTimeout(resolve, 150));
          yield* real;
        };
        return Object.assign(late(), { ended: real.ended });
      };
      const reader = agentFileReader({ ...git, stream });
      const first = await reader.filesAt(withFiles);
      const expected = [...lsTreeFiles(other.dir, withFiles)];
      expect(expected).toHaveLength(2);
      expect([...first]).toEqual(expected);
      expect(second).toBeDefined();
      expect([...((await second) ?? [])]).toEqual(expected);
    } finally {
      other.remove();
    }
  });

  it("stops reading a listing git never ends: the revision has no files, and the read ends", async () => {
    const git = await openRepository(repo.dir);
    const tree = "a".repeat(40);
    // Records of a tree past the cap, without end (a repository crafted to list millions of files).
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from(`4b825dc642cb6eb9a060e54bf8d69288fbee4904 ${tree}\n`);
      const record = Buffer.from(`:000000 100644 ${"0".repeat(40)} ${"b".repeat(40)} A\0.claude/${"x".repeat(200)}\0`);
      const chunk = Buffer.concat(Array.from({ length: 4096 }, () => record));
      for (;;) yield chunk;
    }
    const stream: GitRunner["stream"] = (args, what, input) => {
      if (args[0] === "diff-tree") return Object.assign(endless(), { ended: Promise.resolve() });
      if (args[0] === "cat-file" && args[1] === "--batch-check" && input === `${adds}^{tree}\n`) return Object.assign((async function* () { yield Buffer.from(`${tree} tree 100\n`); })(), { ended: Promise.resolve() });
      return git.stream(args, what, input);
    };
    const started = Date.now();
    expect((await agentFileReader({ ...git, stream }).filesAt(adds)).size).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a scan's prefetch finds the touching commits in the diffs it reads, as git lists them, and reads anything else directly", async () => {
    const git = await openRepository(repo.dir);
    const prefetch = prefetchAgentFiles(git, mcp);
    const scanned = everyCommit.filter((sha) => sha !== mcp);
    for await (const change of readCommits(git, { all: true })) if (scanned.includes(change.commit.sha)) prefetch.add(change.commit.sha, change.changedPaths);
    const touching = new Set([adds, deletes, renamesOut, modeOnly, renamesIn]);
    expect(await agentFileReader(git).touchingCommits(scanned)).toEqual(touching);
    expect(await prefetch.reader.touchingCommits(scanned)).toEqual(touching);
    // mcp was not added: asked directly.
    expect(await prefetch.reader.touchingCommits([root, mcp])).toEqual(new Set([mcp]));
    expect([...(await prefetch.reader.filesAt(mcp)).keys()].sort()).toEqual([".claude/skills/deploy/SKILL.md", ".mcp.json"]);
    expect([...(await prefetch.reader.filesAt(adds)).keys()].sort()).toEqual([".claude/settings.json", ".claude/skills/deploy/SKILL.md"]);
  });

  it("a scan of a subfolder finds the commits that touch that folder's .claude/, as git lists them from there", async () => {
    const git = await openRepository(path.join(repo.dir, "packages", "web"));
    const prefetch = prefetchAgentFiles(git, nested);
    for await (const change of readCommits(git, { all: true })) prefetch.add(change.commit.sha, change.changedPaths);
    expect(await agentFileReader(git).touchingCommits(everyCommit)).toEqual(new Set([adds, nested]));
    expect(await prefetch.reader.touchingCommits(everyCommit)).toEqual(new Set([adds, nested]));
  });
});
