/**
 * Claude Code's configuration files (`.claude/**` and `.mcp.json` at the repository root) at a commit of
 * a local clone, for the policy checks of `scan --git`: the head's files for the skills and permissions
 * policy, and a commit's and its parent's for drift. Git calls:
 * - one `git log --no-walk --name-only -- .claude .mcp.json` per 500 commits: which commits touched
 *   those paths (deletions included, which the added-lines reader does not list);
 * - per revision read: one `git ls-tree -r -l` limited to those paths, then one `git cat-file blob` per
 *   file not read before (files are cached by blob id: a commit and its parent share most of them).
 * The first two print nothing in most repositories, and simple-git (`run`, `tryRun`) waits 50 ms more
 * after any call that prints nothing, on every `scan --git`: they go through the runner's own
 * child-process paths (`stream`, `tryRunBytes`), which return as soon as git exits.
 */
import { openRepository, type GitRunner, type GitRunnerOptions } from "./git-runner.js";

const AGENT_PATHSPECS = [".claude", ".mcp.json"];
/** Agent configuration files are small; a larger file is not read (and cannot configure much). */
const MAX_AGENT_FILE_BYTES = 1024 * 1024;
const LOG_BATCH = 500;
/** An `ls-tree` of the agent paths lists a few files; past this it is not read (like a larger file). */
const MAX_LISTING_BYTES = 4 * 1024 * 1024;

async function textOf(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}

interface AgentFileReader {
  /** The subset of `shas` whose commit added, changed or removed a file under `.claude/` or `.mcp.json`. */
  touchingCommits(shas: readonly string[]): Promise<Set<string>>;
  /** The agent files at a revision (path -> text); an empty map for a revision without them. */
  filesAt(revision: string): Promise<Map<string, string>>;
}

export async function openAgentFileReader(repoDir: string, options: GitRunnerOptions = {}): Promise<AgentFileReader> {
  const git = await openRepository(repoDir, options);
  return agentFileReader(git);
}

export function agentFileReader(git: GitRunner): AgentFileReader {
  const blobs = new Map<string, Promise<string | undefined>>();
  const readBlob = (id: string): Promise<string | undefined> => {
    let text = blobs.get(id);
    if (!text) {
      text = git.tryRun(["cat-file", "blob", id]);
      blobs.set(id, text);
    }
    return text;
  };
  return {
    async touchingCommits(shas) {
      const touching = new Set<string>();
      for (let i = 0; i < shas.length; i += LOG_BATCH) {
        const batch = shas.slice(i, i + LOG_BATCH);
        const out = await textOf(git.stream(["log", "--no-walk=unsorted", "--format=%x00%H", "--name-only", ...batch, "--", ...AGENT_PATHSPECS], "listing the commits that change .claude/ or .mcp.json"));
        for (const chunk of out.split("\0")) {
          const sha = chunk.trim().split("\n", 1)[0]?.trim();
          if (sha && /^[0-9a-f]{40,64}$/.test(sha)) touching.add(sha);
        }
      }
      return touching;
    },
    async filesAt(revision) {
      const files = new Map<string, string>();
      // A root commit's parent, or a revision that does not exist: nothing there.
      const out = (await git.tryRunBytes(["ls-tree", "-r", "-l", "-z", revision, "--", ...AGENT_PATHSPECS], MAX_LISTING_BYTES))?.toString("utf8");
      if (!out) return files;
      const entries: Array<{ path: string; id: string }> = [];
      for (const record of out.split("\0")) {
        const match = /^\d+ blob ([0-9a-f]+)\s+(\d+|-)\t(.+)$/s.exec(record);
        if (!match) continue;
        const size = Number(match[2]);
        if (Number.isFinite(size) && size > MAX_AGENT_FILE_BYTES) continue;
        entries.push({ id: match[1] as string, path: match[3] as string });
      }
      const texts = await Promise.all(entries.map((e) => readBlob(e.id)));
      entries.forEach((e, i) => {
        const text = texts[i];
        if (text !== undefined) files.set(e.path, text);
      });
      return files;
    },
  };
}
