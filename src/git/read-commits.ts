/**
 * Reads commits and the lines they added from a local clone, for `claude-guard scan --git` and the Action.
 *
 * How, and why this way:
 * - One `git rev-list` lists the range's SHAs; then commits are read in batches with ONE
 *   `git log --no-walk=unsorted <shas...>` per batch. A git process per commit is 40-80x slower, and
 *   batches keep memory flat: at most `lookahead + 1` batches of output are held at a time, whatever the
 *   range size (the list of SHAs, 41 bytes a commit, is the only part that grows with it).
 * - Every commit of the range that passes the filter is yielded, also those that add no line (merges,
 *   deletions, empty commits), so callers can count and attribute them. `files` lists only files with
 *   at least one added line; binary, too-large and truncated files are in `skipped`.
 * - With a `filter` (the common case: only Claude-authored commits), a cheap metadata-only call reads
 *   the batch first; patches are then fetched only for the commits that pass.
 * - Order: oldest first, parents before children (`rev-list --topo-order --reverse`), so a consumer
 *   sees a secret being added before it sees it being removed.
 * - Merge commits are read as `git log --cc` shows them: the combined diff, whose added lines are those
 *   new against every parent (a conflict resolution's own text, files new in the merge). Lines one side
 *   brought in are not the merge's: they were read in the commits of that side (see patch.ts).
 * - A root commit is diffed against the empty tree (`--root`), so everything in it counts as added.
 *   In a shallow clone the oldest fetched commit looks like a root commit too (see isShallowRepository).
 * - File content is decoded as UTF-8 (invalid bytes become U+FFFD); paths are exact (C-quoting undone).
 * - UTF-16 text is "binary" to git. A binary file whose name does not say binary (not an image or an
 *   archive) has its blob read, bounded; when it is UTF-16 with a byte-order mark it is decoded and its
 *   added lines are found by content against its parents' blobs (see addedLinesByContent). One git
 *   process a candidate blob: only such files pay. UTF-16 without a byte-order mark stays `binary`.
 * - Limit: git's output for one batch is buffered whole (simple-git), so one commit adding hundreds of
 *   MB of text is held in memory before the per-file cap drops it.
 */
import { randomBytes } from "node:crypto";
import { hasBinaryExtension } from "../core/detect/skip.js";
import { decodeUtf16WithBom } from "../core/detect/text-encoding.js";
import type { CommitChange, CommitInfo } from "../core/types.js";
import { GitReadError, openRepository, type GitRunner } from "./git-runner.js";
import { addedLinesByContent, DEFAULT_PATCH_LIMITS, parseCommitPatch, type ParsedPatch, type PatchLimits } from "./patch.js";
import { resolveRangeWith, type RangeOptions, type ResolvedRange } from "./range.js";

export { GitReadError } from "./git-runner.js";
export { isShallowRepository, resolveRange, shallowCutsInRange, type RangeOptions, type ResolvedRange } from "./range.js";

export interface ReadCommitsOptions extends RangeOptions, Partial<PatchLimits> {
  /** Already resolved revisions (from resolveRange); `range` and `all` are then ignored. */
  resolved?: ResolvedRange;
  /** Called with each commit's metadata; commits for which it returns false are not read further nor yielded. */
  filter?: (commit: CommitInfo) => boolean;
  /** Called after each batch: commits looked at so far (yielded or filtered out), and the range's size. */
  onProgress?: (done: number, total: number) => void;
  /** Commits per `git log -p` call (default 200). */
  batchSize?: number;
  /** How many batches git reads ahead of the caller, each in its own process (default 2). */
  lookahead?: number;
}

const DEFAULT_BATCH = 200;
const DEFAULT_LOOKAHEAD = 2;
/** Metadata is small: fewer, larger calls; still well under Windows' 32K command-line limit (41 chars a SHA). */
const META_BATCH = 500;

/** NUL-separated fields. NUL cannot occur in commit metadata, and the random nonce keeps file content from faking a header. */
const FIELDS = ["%H", "%P", "%an", "%ae", "%cn", "%ce", "%aI", "%B"];

/**
 * Options that make the patch text the same whatever the user's git config says: no colour, no external
 * diff or textconv, fixed a/ b/ prefixes (diff.noprefix, diff.mnemonicPrefix), UTF-8 messages, renames
 * detected, deleted files' old content not printed (it adds nothing, and a big deleted file would
 * otherwise fill the output). Not `--diff-filter`: in `git log` it also hides commits left without a
 * matching file (merges, deletion-only commits), and every commit must be yielded. `--cc`: merges' own
 * changes as a combined diff (plain commits are unaffected). Signatures and relative paths are switched
 * off through config in git-runner.ts (older gits lack the flags).
 */
const PATCH_ARGS = [
  "-p",
  "--cc",
  "--full-index",
  "--unified=0",
  "--inter-hunk-context=0",
  "--no-color",
  "--no-ext-diff",
  "--no-textconv",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "-M",
  "--irreversible-delete",
  "--root",
  "--submodule=short",
];
const LOG_ARGS = ["log", "--no-walk=unsorted", "--encoding=UTF-8", "--no-notes"];

interface RawCommit {
  info: CommitInfo;
  patch: string;
}

function formatArg(nonce: string): string {
  return `--format=%x00${nonce}%x00${FIELDS.join("%x00")}%x00`;
}

/** Splits `git log --format=<formatArg>` output into commits; `patch` is whatever git printed after the metadata. */
function* splitLogOutput(output: string, nonce: string): Generator<RawCommit> {
  const marker = `\0${nonce}\0`;
  let at = output.indexOf(marker);
  while (at >= 0) {
    const start = at + marker.length;
    const next = output.indexOf(marker, start);
    const chunk = output.slice(start, next < 0 ? output.length : next);
    at = next;
    const fields: string[] = [];
    let cursor = 0;
    for (let i = 0; i < FIELDS.length; i++) {
      const end = chunk.indexOf("\0", cursor);
      if (end < 0) throw new GitReadError("Unexpected output from git log: a commit header was cut short");
      fields.push(chunk.slice(cursor, end));
      cursor = end + 1;
    }
    const [sha = "", parents = "", authorName = "", authorEmail = "", committerName = "", committerEmail = "", date = "", message = ""] = fields;
    const info: CommitInfo = {
      sha,
      // %B ends with the newline git adds after the message: not part of it.
      message: message.replace(/\n+$/, ""),
      author: { name: authorName, email: authorEmail },
      committer: { name: committerName, email: committerEmail },
      parents: parents ? parents.split(" ") : [],
      date,
    };
    yield { info, patch: chunk.slice(cursor) };
  }
}

async function listRevisions(git: GitRunner, revisions: string[]): Promise<string[]> {
  if (revisions.length === 0) return [];
  const out = await git.run(["rev-list", "--topo-order", "--reverse", ...revisions, "--"], "listing the commits to read");
  return out.split("\n").filter((line) => line.length > 0);
}

async function readBatch(git: GitRunner, shas: string[], nonce: string, withPatch: boolean): Promise<RawCommit[]> {
  const args = [...LOG_ARGS, formatArg(nonce), ...(withPatch ? PATCH_ARGS : []), ...shas, "--"];
  const out = await git.run(args, withPatch ? "reading commit patches" : "reading commit metadata");
  return [...splitLogOutput(out, nonce)];
}

/** A blob's text when it is UTF-16 with a byte-order mark; `other` says what to do with any other bytes. */
async function readBlobText(git: GitRunner, blob: string, maxBytes: number, other: "utf8" | "none"): Promise<string | undefined> {
  const bytes = await git.tryRunBytes(["cat-file", "blob", blob], maxBytes);
  if (!bytes) return undefined;
  return decodeUtf16WithBom(bytes) ?? (other === "utf8" ? bytes.toString("utf8") : undefined);
}

/** Reads the UTF-16 files among a commit's binary ones (see the header): they move from `skipped` to `files`. */
async function readUtf16Files(git: GitRunner, parsed: ParsedPatch, limits: PatchLimits): Promise<void> {
  // Two bytes a UTF-16 code unit: the same bound on characters as a patch's added text.
  const maxBytes = limits.maxFileChars * 2 + 2;
  for (const candidate of parsed.binary) {
    if (hasBinaryExtension(candidate.path)) continue;
    const after = await readBlobText(git, candidate.blob, maxBytes, "none");
    if (after === undefined) continue;
    const befores: Array<string | undefined> = [];
    for (const blob of candidate.parentBlobs) befores.push(/^0+$/.test(blob) ? undefined : ((await readBlobText(git, blob, maxBytes, "utf8")) ?? ""));
    const added = addedLinesByContent(candidate.path, befores, after);
    parsed.skipped = parsed.skipped.filter((s) => !(s.path === candidate.path && s.reason === "binary"));
    if (added.lines.length > 0) parsed.files.push(added);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Yields each commit of the range (oldest first) with the lines it added. Throws a GitReadError when the
 * folder is not a repository, the range does not resolve or git is missing.
 */
export async function* readCommits(repoDir: string, opts: ReadCommitsOptions = {}): AsyncGenerator<CommitChange> {
  const git = await openRepository(repoDir, opts);
  const resolved = opts.resolved ?? (await resolveRangeWith(git, opts));
  const shas = await listRevisions(git, resolved.revisions);
  const total = shas.length;
  const limits: PatchLimits = { maxFileChars: opts.maxFileChars ?? DEFAULT_PATCH_LIMITS.maxFileChars };
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH);
  const nonce = randomBytes(12).toString("hex");
  opts.onProgress?.(0, total);

  // Work items: a batch of SHAs to read with patches, and how many range commits are done once it is.
  const plan = async function* (): AsyncGenerator<{ shas: string[]; doneAfter: number }> {
    if (!opts.filter) {
      for (let i = 0; i < shas.length; i += batchSize) {
        yield { shas: shas.slice(i, i + batchSize), doneAfter: Math.min(i + batchSize, total) };
      }
      return;
    }
    for (let i = 0; i < shas.length; i += META_BATCH) {
      const group = shas.slice(i, i + META_BATCH);
      const metadata = await readBatch(git, group, nonce, false);
      const passing: { sha: string; index: number }[] = [];
      metadata.forEach((commit, index) => {
        if (opts.filter?.(commit.info)) passing.push({ sha: commit.info.sha, index });
      });
      const groupDone = Math.min(i + META_BATCH, total);
      if (passing.length === 0) {
        yield { shas: [], doneAfter: groupDone };
        continue;
      }
      const parts = chunks(passing, batchSize);
      for (const [k, part] of parts.entries()) {
        const last = part[part.length - 1];
        const doneAfter = k === parts.length - 1 ? groupDone : i + (last ? last.index + 1 : 0);
        yield { shas: part.map((p) => p.sha), doneAfter };
      }
    }
  };

  const fetch = async (item: { shas: string[]; doneAfter: number }) => ({
    commits: item.shas.length > 0 ? await readBatch(git, item.shas, nonce, true) : [],
    doneAfter: item.doneAfter,
  });

  // Read ahead: up to `lookahead` git processes run while the caller scans the current batch. Memory
  // stays bounded by (lookahead + 1) batches of output.
  const lookahead = Math.max(1, opts.lookahead ?? DEFAULT_LOOKAHEAD);
  const items = plan();
  const queue: Promise<{ commits: RawCommit[]; doneAfter: number }>[] = [];
  let planDone = false;
  const fill = async () => {
    while (!planDone && queue.length < lookahead) {
      const next = await items.next();
      if (next.done) {
        planDone = true;
        return;
      }
      const pending = fetch(next.value);
      pending.catch(() => undefined); // a caller that stops early must not leave an unhandled rejection
      queue.push(pending);
    }
  };
  let lastReported = 0;
  await fill();
  while (queue.length > 0) {
    const batch = await (queue.shift() as Promise<{ commits: RawCommit[]; doneAfter: number }>);
    await fill();
    for (const raw of batch.commits) {
      const parsed = parseCommitPatch(raw.patch, raw.info.sha, limits);
      if (parsed.binary.length > 0) await readUtf16Files(git, parsed, limits);
      yield { commit: raw.info, files: parsed.files, skipped: parsed.skipped };
    }
    if (batch.doneAfter > lastReported) {
      lastReported = batch.doneAfter;
      opts.onProgress?.(batch.doneAfter, total);
    }
  }
}
