import { afterAll, describe, expect, it } from "@jest/globals";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { agentFileReader, openAgentFileReader, prefetchAgentFiles } from "../../src/git/agent-files.js";
import { openRepository } from "../../src/git/git-runner.js";
import { readCommits } from "../../src/git/read-commits.js";
import { TempRepo } from "./repo-helper.js";

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
  // revision was an ls-tree and a cat-file per new blob: 900 git processes for 300 commits that each
  // changed .claude/settings.json.
  it("reads each revision once: the same revision asked again starts no git process", async () => {
    const git = await openRepository(repo.dir);
    const calls: string[] = [];
    const counting = { ...git, tryRun: (args: string[]) => (calls.push(args[0] as string), git.tryRun(args)), tryRunBytes: (args: string[], max: number) => (calls.push(args[0] as string), git.tryRunBytes(args, max)) };
    const reader = agentFileReader(counting);
    const first = await reader.filesAt(adds);
    expect(calls).toEqual(["ls-tree", "cat-file", "cat-file"]);
    expect(await reader.filesAt(adds)).toEqual(first);
    expect(calls).toHaveLength(3);
    // The next commit shares its blobs: one listing, no blob read again.
    expect([...(await reader.filesAt(unrelated)).keys()].sort()).toEqual([".claude/settings.json", ".claude/skills/deploy/SKILL.md"]);
    expect(calls).toEqual(["ls-tree", "cat-file", "cat-file", "ls-tree"]);
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
