import { afterAll, describe, expect, it } from "@jest/globals";
import { rmSync } from "node:fs";
import path from "node:path";
import { openAgentFileReader, prefetchAgentFiles } from "../../src/git/agent-files.js";
import { openRepository } from "../../src/git/git-runner.js";
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

  it("a scan's prefetch answers as the direct reads do, and reads anything else directly", async () => {
    const prefetch = prefetchAgentFiles(await openRepository(repo.dir), mcp);
    for (const sha of [root, adds, unrelated, deletes]) prefetch.add(sha);
    prefetch.finish();
    expect(await prefetch.reader.touchingCommits([adds, unrelated, deletes])).toEqual(new Set([adds, deletes]));
    // mcp was not added: asked directly.
    expect(await prefetch.reader.touchingCommits([root, mcp])).toEqual(new Set([mcp]));
    expect([...(await prefetch.reader.filesAt(mcp)).keys()].sort()).toEqual([".claude/skills/deploy/SKILL.md", ".mcp.json"]);
    expect([...(await prefetch.reader.filesAt(adds)).keys()].sort()).toEqual([".claude/settings.json", ".claude/skills/deploy/SKILL.md"]);
  });

  it("a cancelled prefetch stops git instead of leaving it waiting for the commits", async () => {
    const prefetch = prefetchAgentFiles(await openRepository(repo.dir), mcp);
    prefetch.add(adds);
    prefetch.cancel();
    await expect(prefetch.reader.touchingCommits([adds])).rejects.toThrow(/git failed listing the commits that change/);
  });
});
