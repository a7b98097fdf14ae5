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
 * A history scan answers the first from the diffs it reads, and starts the second before it reads
 * any (prefetchAgentFiles): starting a process forks this one, which takes longer the larger its heap is
 * (25-40 ms each after a scan of 2,000 commits).
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

/** Which of the commits listed in `input` (one SHA a line) touched the agent paths. */
async function commitsTouching(git: GitRunner, input: string): Promise<Set<string>> {
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
  // By revision: drift reads each commit's files and its parent's, and a commit is the next one's parent.
  const revisions = new Map<string, Promise<Map<string, string>>>();
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
    filesAt(revision) {
      let files = revisions.get(revision);
      if (!files) {
        files = listFiles(revision);
        revisions.set(revision, files);
      }
      return files;
    },
  };

  async function listFiles(revision: string): Promise<Map<string, string>> {
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
  }
}

/**
 * Whether a path from the top of the work tree is one the agent pathspecs match, given from the folder
 * at `prefix` (GitRunner.opened.prefix): the file or folder itself, or a path under it.
 */
function isAgentPath(path: string, prefix: string): boolean {
  return AGENT_PATHSPECS.some((spec) => path === prefix + spec || path.startsWith(`${prefix}${spec}/`));
}

/** The agent-file reads of a history scan's policy checks, answered from what the scan reads (see prefetchAgentFiles). */
interface AgentFilePrefetch {
  /** A commit the policy checks will ask about (one of Claude's, with at most one parent), as the scan reads it, with every path its diff names. */
  add(sha: string, changedPaths: readonly string[]): void;
  /** Answers the reads started here, and any other as agentFileReader does. */
  reader: AgentFileReader;
}

/**
 * Which added commits touch the agent files is read off the paths their diffs name (deletions and a
 * rename's old path included, as `git log --name-only` with the agent pathspecs lists them), with no
 * git process: the one that listed them was spawned mid-scan and then ran after it, on the way to the
 * report. The read of `headRevision`'s agent files starts here, before the scan's own git starts: its
 * process is started while this one's heap is small and a core is idle (git's first output is a few ms
 * away). Started at the first commit added, mid-scan, the same start cost 8-13 ms more of this process's
 * time (perf task-clock, 21 paired runs on the 200x2500 history). In a range with no commit of Claude's
 * it is read for nothing: one small `git ls-tree`.
 */
export function prefetchAgentFiles(git: GitRunner, headRevision: string): AgentFilePrefetch {
  const direct = agentFileReader(git);
  // Known once openRepository has checked the repository (a scan's runner always is).
  const prefix = git.opened.prefix;
  const added = new Set<string>();
  const touching = new Set<string>();
  const head = direct.filesAt(headRevision);
  // Awaited by the policy checks, or never (a scan that failed or found no commit of Claude's): not an
  // unhandled rejection meanwhile.
  head.catch(() => undefined);
  return {
    add(sha, changedPaths) {
      added.add(sha);
      if (prefix !== undefined && changedPaths.some((path) => isAgentPath(path, prefix))) touching.add(sha);
    },
    reader: {
      async touchingCommits(shas) {
        if (prefix === undefined || !shas.every((sha) => added.has(sha))) return direct.touchingCommits(shas);
        return new Set(shas.filter((sha) => touching.has(sha)));
      },
      filesAt: (revision) => (revision === headRevision ? head : direct.filesAt(revision)),
    },
  };
}
