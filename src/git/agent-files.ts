/**
 * Claude Code's configuration files (`.claude/**` and `.mcp.json` at the repository root) at a commit of
 * a local clone, for the policy checks of `scan --git`: the head's files for the skills and permissions
 * policy, and a commit's and its parent's for drift. Git calls:
 * - one `git log --no-walk --stdin --name-only -- .claude .mcp.json`: which commits touched those paths
 *   (deletions included, which the added-lines reader does not list);
 * - per revision read: one `git ls-tree -r -l` limited to those paths, then one `git cat-file blob` per
 *   file not read before (files are cached by blob id: a commit and its parent share most of them).
 * The first two print nothing in most repositories, and simple-git (`run`, `tryRun`) waits 50 ms more
 * after any call that prints nothing, on every `scan --git`: they go through the runner's own
 * child-process paths (`stream`, `tryRunBytes`), which return as soon as git exits.
 * A history scan starts the first two while it runs (prefetchAgentFiles): starting a process forks
 * this one, which takes longer the larger its heap is (25-40 ms each after a scan of 2,000 commits).
 */
import { openRepository, type GitRunner, type GitRunnerOptions } from "./git-runner.js";

const AGENT_PATHSPECS = [".claude", ".mcp.json"];
/** Agent configuration files are small; a larger file is not read (and cannot configure much). */
const MAX_AGENT_FILE_BYTES = 1024 * 1024;
/** An `ls-tree` of the agent paths lists a few files; past this it is not read (like a larger file). */
const MAX_LISTING_BYTES = 4 * 1024 * 1024;

async function textOf(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}

export interface AgentFileReader {
  /** The subset of `shas` whose commit added, changed or removed a file under `.claude/` or `.mcp.json`. */
  touchingCommits(shas: readonly string[]): Promise<Set<string>>;
  /** The agent files at a revision (path -> text); an empty map for a revision without them. */
  filesAt(revision: string): Promise<Map<string, string>>;
}

/** Which of the commits listed in `input` (one SHA a line; git is started before it is known) touched the agent paths. */
async function commitsTouching(git: GitRunner, input: string | Promise<string>): Promise<Set<string>> {
  const out = await textOf(git.stream(["log", "--no-walk=unsorted", "--stdin", "--format=%x00%H", "--name-only", "--", ...AGENT_PATHSPECS], "listing the commits that change .claude/ or .mcp.json", input));
  const touching = new Set<string>();
  for (const chunk of out.split("\0")) {
    const sha = chunk.trim().split("\n", 1)[0]?.trim();
    if (sha && /^[0-9a-f]{40,64}$/.test(sha)) touching.add(sha);
  }
  return touching;
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
      return shas.length === 0 ? new Set() : commitsTouching(git, shas.join("\n") + "\n");
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

/** The agent-file reads of a history scan's policy checks, started while the scan runs (see the header). */
interface AgentFilePrefetch {
  /** A commit the policy checks will ask about (one of Claude's, with at most one parent), as the scan reads it. */
  add(sha: string): void;
  /** The scan is done: git learns the commits to look at. */
  finish(): void;
  /** The scan failed: git is stopped. */
  cancel(): void;
  /** Answers the reads started here from what git said, and any other as agentFileReader does. */
  reader: AgentFileReader;
}

/**
 * Starts, at the first commit added, the reads of `headRevision`'s agent files and of which added commits
 * touch them; the list of commits goes to git once the scan is finished. Nothing starts when no commit is added.
 */
export function prefetchAgentFiles(git: GitRunner, headRevision: string): AgentFilePrefetch {
  const direct = agentFileReader(git);
  const added: string[] = [];
  let started: { head: Promise<Map<string, string>>; touching: Promise<Set<string>>; input: { resolve: (text: string) => void; reject: () => void } } | undefined;
  const start = () => {
    let input!: { resolve: (text: string) => void; reject: () => void };
    const shas = new Promise<string>((resolve, reject) => (input = { resolve, reject: () => reject(new Error("the history scan failed")) }));
    started = { head: direct.filesAt(headRevision), touching: commitsTouching(git, shas), input };
    // Awaited by the policy checks, or never (a scan that failed): not an unhandled rejection meanwhile.
    started.head.catch(() => undefined);
    started.touching.catch(() => undefined);
  };
  return {
    add(sha) {
      if (!started) start();
      added.push(sha);
    },
    finish: () => started?.input.resolve(added.join("\n") + "\n"),
    cancel: () => started?.input.reject(),
    reader: {
      async touchingCommits(shas) {
        const listed = new Set(added);
        if (!started || !shas.every((sha) => listed.has(sha))) return direct.touchingCommits(shas);
        const touching = await started.touching;
        return new Set(shas.filter((sha) => touching.has(sha)));
      },
      filesAt: (revision) => (started && revision === headRevision ? started.head : direct.filesAt(revision)),
    },
  };
}
