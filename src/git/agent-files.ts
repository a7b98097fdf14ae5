/**
 * Claude Code's configuration files (`.claude/**` and `.mcp.json` at the repository root) at a commit of
 * a local clone, for the policy checks of `scan --git`: the head's files for the skills and permissions
 * policy, and a commit's and its parent's for drift. Git calls:
 * - one `git log --no-walk --stdin --name-only -- .claude .mcp.json`: which commits touched those paths
 *   (deletions included, which the added-lines reader does not list);
 * - per batch of revisions asked for together (readRevisions): four processes, however many revisions
 *   and files: `cat-file --batch-check` for the revisions' trees, one `diff-tree --stdin` listing each
 *   distinct tree's agent files against the empty tree, `cat-file --batch-check` for the sizes of the
 *   blobs not read before, `cat-file --batch` for their text. Files are cached by blob id and revisions
 *   by name: a commit and its parent share most files, and a commit is the next one's parent. Drift over
 *   300 commits that each changed .claude/settings.json started an `ls-tree` and a `cat-file` per revision
 *   and new blob: 634 processes, 2.2 s where `git log -p` of the range took 0.05 s.
 * The first call prints nothing in most repositories, and simple-git (`run`, `tryRun`) waits 50 ms more
 * after any call that prints nothing, on every `scan --git`: these go through the runner's own
 * child-process path (`stream`), which returns as soon as git exits.
 * A history scan answers the first from the diffs it reads, and starts the head's read before it reads
 * any (prefetchAgentFiles): starting a process forks this one, which takes longer the larger its heap is
 * (25-40 ms each after a scan of 2,000 commits).
 */
import type { GitRunner, GitRunnerOptions } from "./git-runner.js";
import { openRepository, outputOf } from "./git-runner.js";

const AGENT_PATHSPECS = [".claude", ".mcp.json"];
/** Agent configuration files are small; a larger file is not read (and cannot configure much). */
const MAX_AGENT_FILE_BYTES = 1024 * 1024;
/**
 * A revision's agent files are not read when their listing (as `git ls-tree -r -l -z` prints it) is over
 * this: a few files make a few hundred bytes.
 */
const MAX_LISTING_BYTES = 4 * 1024 * 1024;

export interface AgentFileReader {
  /** The subset of `shas` whose commit added, changed or removed a file under `.claude/` or `.mcp.json`. */
  touchingCommits(shas: readonly string[]): Promise<Set<string>>;
  /**
   * The agent files at a revision (path -> text); an empty map for a revision without them. Revisions
   * asked for in the same turn of the event loop are read together (see readRevisions).
   */
  filesAt(revision: string): Promise<Map<string, string>>;
}

/** Which of the commits listed in `input` (one SHA a line) touched the agent paths. */
async function commitsTouching(git: GitRunner, input: string): Promise<Set<string>> {
  const out = (await outputOf(git.stream(["log", "--no-walk=unsorted", "--stdin", "--format=%x00%H", "--name-only", "--", ...AGENT_PATHSPECS], "listing the commits that change .claude/ or .mcp.json", input))).toString("utf8");
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
  const cache: ReadCache = { blobs: new Map(), trees: new Map() };
  const revisions = new Map<string, Promise<Map<string, string>>>();
  // The revisions asked for since the last batch started, read together once this turn of the event loop ends.
  let waiting: Array<{ revision: string; done: (files: Map<string, string>) => void }> = [];
  // Batches run one after another: one takes a tree in the cache as read, which a batch still under way
  // may have listed without its blobs yet (a revision with the head's tree, asked while the head's read runs).
  let previous: Promise<void> = Promise.resolve();
  const readWaiting = () => {
    const batch = waiting;
    waiting = [];
    previous = previous.then(() =>
      readRevisions(git, cache, batch.map((w) => w.revision)).then(
        (read) => batch.forEach((w) => w.done(read.get(w.revision) ?? new Map())),
        // A repository git cannot read (or no git): no agent files, as for a revision without them.
        () => batch.forEach((w) => w.done(new Map())),
      ),
    );
  };
  return {
    async touchingCommits(shas) {
      return shas.length === 0 ? new Set() : commitsTouching(git, shas.join("\n") + "\n");
    },
    filesAt(revision) {
      let files = revisions.get(revision);
      if (!files) {
        files = new Promise((done) => {
          if (waiting.length === 0) setImmediate(readWaiting);
          waiting.push({ revision, done });
        });
        revisions.set(revision, files);
      }
      return files;
    },
  };
}

/** What the reads of one reader keep: blob texts by id (undefined: over the size cap), tree listings by id. */
interface ReadCache {
  blobs: Map<string, string | undefined>;
  trees: Map<string, TreeListing | undefined>;
}

/** A tree's agent files as `git ls-tree -r` lists them from the folder git runs in (undefined in ReadCache: over MAX_LISTING_BYTES). */
interface TreeListing {
  entries: Array<{ mode: string; id: string; path: string }>;
}

/** Git's tree with nothing in it, which every repository has without storing it (by hash: SHA-1, SHA-256). */
const EMPTY_TREE: Record<number, string> = {
  40: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
  64: "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321",
};

/**
 * The agent files at each revision, read with four git processes whatever their number (see the
 * module's comment). A revision git cannot resolve, or holding no agent files, maps to an empty map; so
 * does one whose listing is over MAX_LISTING_BYTES. A blob over MAX_AGENT_FILE_BYTES is left out.
 */
async function readRevisions(git: GitRunner, cache: ReadCache, revisions: readonly string[]): Promise<Map<string, Map<string, string>>> {
  // A name holding a line break would be read as two (git resolves no such revision).
  const named = revisions.filter((r) => r.length > 0 && !/[\n\r\0]/.test(r));
  const treeOf = new Map<string, string>();
  if (named.length > 0) {
    const lines = (await outputOf(git.stream(["cat-file", "--batch-check", "--buffer"], "finding the trees of the revisions whose .claude/ is read", named.map((r) => `${r}^{tree}\n`).join("")))).toString("utf8").split("\n");
    named.forEach((revision, i) => {
      const tree = /^([0-9a-f]{40}|[0-9a-f]{64}) tree \d+$/.exec(lines[i] ?? "")?.[1];
      if (tree) treeOf.set(revision, tree);
    });
  }
  const newTrees = [...new Set(treeOf.values())].filter((tree) => !cache.trees.has(tree));
  if (newTrees.length > 0) await listTrees(git, cache, newTrees);
  const unread = new Set<string>();
  for (const tree of newTrees) for (const entry of cache.trees.get(tree)?.entries ?? []) if (entry.mode !== GITLINK && !cache.blobs.has(entry.id)) unread.add(entry.id);
  if (unread.size > 0) await readBlobs(git, cache, [...unread], newTrees);
  const result = new Map<string, Map<string, string>>();
  for (const revision of revisions) {
    const files = new Map<string, string>();
    const tree = treeOf.get(revision);
    for (const entry of (tree !== undefined && cache.trees.get(tree)?.entries) || []) {
      const text = entry.mode === GITLINK ? undefined : cache.blobs.get(entry.id);
      if (text !== undefined) files.set(entry.path, text);
    }
    result.set(revision, files);
  }
  return result;
}

/** A submodule's entry: listed by `ls-tree`, no file to read. */
const GITLINK = "160000";

/** The bytes `git ls-tree -r -l -z` prints for an entry: `size` as it prints it ("-" for a submodule's). */
function listingBytes(mode: string, id: string, size: string, pathBytes: number): number {
  return `${mode} ${mode === GITLINK ? "commit" : "blob"} ${id} ${size.padStart(7)}\t`.length + pathBytes + 1;
}

/**
 * Each tree's agent files, from one `git diff-tree --stdin -r` of the empty tree against each (its
 * pathspecs, like `ls-tree`'s, relative to the folder git runs in; `--relative` names the files from
 * there too). Output per tree: the pair read (`<empty> <tree>`, a line), then a record a file,
 * NUL-separated: `:000000 <mode> <zeros> <id> A`, then its path. Read as it comes: a tree whose listing
 * already passes MAX_LISTING_BYTES (counted without its sizes, which are read later) is marked so and its
 * other records skipped; past MAX_SKIPPED_BYTES of those, git is stopped and the trees it had not
 * printed yet are marked so too. Memory holds the listings kept, time the bytes read: both bounded as
 * when each revision was an `ls-tree` stopped past MAX_LISTING_BYTES.
 */
async function listTrees(git: GitRunner, cache: ReadCache, trees: readonly string[]): Promise<void> {
  const empty = EMPTY_TREE[(trees[0] as string).length] as string;
  const input = trees.map((tree) => `${empty} ${tree}\n`).join("");
  const asked = new Set(trees);
  // The tree being read (undefined once it is over the cap), and its listing so far.
  let currentTree = "";
  let current: TreeListing | undefined;
  let listed = 0;
  let skipped = 0;
  let stopped = false;
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of git.stream(["diff-tree", "--stdin", "-r", "-z", "--no-renames", "--relative", "--", ...AGENT_PATHSPECS], "listing the .claude/ and .mcp.json files of the revisions read", input)) {
    const out = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let at = 0;
    while (at < out.length) {
      let next: number;
      if (out[at] === COLON) {
        const metaEnd = out.indexOf(0, at);
        const pathEnd = metaEnd === -1 ? -1 : out.indexOf(0, metaEnd + 1);
        if (pathEnd === -1) break;
        next = pathEnd + 1;
        if (current) {
          const [, mode = "", , id = ""] = out.toString("latin1", at + 1, metaEnd).split(" ");
          listed += listingBytes(mode, id, "-", pathEnd - metaEnd - 1);
          current.entries.push({ mode, id, path: out.toString("utf8", metaEnd + 1, pathEnd) });
          if (listed > MAX_LISTING_BYTES) {
            cache.trees.set(currentTree, undefined);
            current = undefined;
          }
        } else skipped += next - at;
      } else {
        const lineEnd = out.indexOf(NEWLINE, at);
        if (lineEnd === -1) break;
        next = lineEnd + 1;
        currentTree = out.toString("latin1", at, lineEnd).split(" ")[1] ?? "";
        current = asked.has(currentTree) ? { entries: [] } : undefined;
        if (current) cache.trees.set(currentTree, current);
        listed = 0;
      }
      at = next;
    }
    rest = out.subarray(at);
    if (skipped > MAX_SKIPPED_BYTES) {
      stopped = true;
      break;
    }
  }
  // Stopped early: the tree being read and those git had not printed are over the cap as far as is known.
  if (stopped && current) cache.trees.set(currentTree, undefined);
  for (const tree of trees) if (!cache.trees.has(tree)) cache.trees.set(tree, stopped ? undefined : { entries: [] });
}

/** What listTrees reads past trees already over MAX_LISTING_BYTES before it stops git. */
const MAX_SKIPPED_BYTES = 16 * MAX_LISTING_BYTES;
const COLON = 0x3a;
const NEWLINE = 0x0a;

/**
 * The texts of `ids` (blobs of `trees`, none read before): their sizes first (`cat-file --batch-check`),
 * which also give each tree's listing its size as `ls-tree -r -l -z` prints it, then the blobs under
 * MAX_AGENT_FILE_BYTES of the trees listed under MAX_LISTING_BYTES (`cat-file --batch`).
 */
async function readBlobs(git: GitRunner, cache: ReadCache, ids: readonly string[], trees: readonly string[]): Promise<void> {
  const sizeLines = (await outputOf(git.stream(["cat-file", "--batch-check", "--buffer"], "finding the sizes of the agent files read", ids.map((id) => `${id}\n`).join("")))).toString("utf8").split("\n");
  const sizes = new Map<string, number>();
  ids.forEach((id, i) => {
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(sizeLines[i] ?? "")?.[1];
    if (size !== undefined) sizes.set(id, Number(size));
  });
  const wanted = new Set<string>();
  for (const tree of trees) {
    const listing = cache.trees.get(tree);
    if (!listing) continue;
    let bytes = 0;
    for (const entry of listing.entries) {
      const size = entry.mode === GITLINK ? "-" : String(sizes.get(entry.id) ?? "-");
      bytes += listingBytes(entry.mode, entry.id, size, Buffer.byteLength(entry.path));
    }
    if (bytes > MAX_LISTING_BYTES) {
      cache.trees.set(tree, undefined);
      continue;
    }
    for (const entry of listing.entries) {
      const size = sizes.get(entry.id);
      if (entry.mode === GITLINK || cache.blobs.has(entry.id)) continue;
      if (size === undefined || size > MAX_AGENT_FILE_BYTES) cache.blobs.set(entry.id, undefined);
      else wanted.add(entry.id);
    }
  }
  if (wanted.size === 0) return;
  const order = [...wanted];
  const out = await outputOf(git.stream(["cat-file", "--batch", "--buffer"], "reading the agent files", order.map((id) => `${id}\n`).join("")));
  // Each: `<id> blob <size>` and a line break, the blob's bytes, a line break.
  let at = 0;
  for (const id of order) {
    const lineEnd = out.indexOf(NEWLINE, at);
    if (lineEnd === -1) break;
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(out.toString("latin1", at, lineEnd))?.[1];
    if (size === undefined) {
      at = lineEnd + 1;
      continue;
    }
    const end = lineEnd + 1 + Number(size);
    if (end > out.length) break;
    cache.blobs.set(id, out.toString("utf8", lineEnd + 1, end));
    at = end + 1;
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
