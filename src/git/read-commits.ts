/**
 * Reads commits and the lines they added from a local clone, for `claude-guard scan --git` and the Action.
 *
 * How, and why this way:
 * - `git log -p` read as a stream and parsed a commit at a time, one process for up to 2,000 commits
 *   (their SHAs on its stdin, listed first by one `rev-list`): git's own diff is the floor, and a scan
 *   adds no process nor setup per commit (a git process per commit is 40-80x slower). git's output goes
 *   to a private temporary file read as it grows (GitRunner.stream), so git runs ahead of the scan
 *   instead of waiting on a full pipe whenever a commit takes the scan longer than git (the scan then
 *   waited for git in turn). Memory holds the commit being scanned and two reads of git's output, plus
 *   what one git call keeps of the objects it parsed, bounded by the chunk; the temporary files hold at
 *   most two chunks' output not yet read (the chunk being read, whose git has ended, and the next one).
 * - Every commit of the range that passes the filter is yielded, also those that add no line (merges,
 *   deletions, empty commits), so callers can count and attribute them. `files` lists only files with
 *   at least one added line; binary, too-large and truncated files are in `skipped`.
 * - With a `filter` (the common case: only Claude-authored commits), one metadata-only `git log` reads
 *   the range first instead of the `rev-list` (no diffs: cheap); patches are then read only for the
 *   commits that pass.
 * - Order: oldest first, parents before children (`--topo-order --reverse`), so a consumer sees a
 *   secret being added before it sees it being removed.
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
 * - Limit: one commit's output is held whole before the per-file cap drops a file's lines, so a commit
 *   adding hundreds of MB of text is held in memory while it is parsed.
 */
import { randomBytes } from "node:crypto";
import { hasBinaryExtension } from "../core/detect/skip.js";
import { decodeUtf16WithBom } from "../core/detect/text-encoding.js";
import type { CommitChange, CommitInfo } from "../core/types.js";
import { GitReadError, openRepository, outputOf, type GitRunner, type GitStream } from "./git-runner.js";
import { addedLinesByContent, DEFAULT_PATCH_LIMITS, parseCommitPatch, type ParsedPatch, type PatchLimits } from "./patch.js";
import { openRepositoryForRange, resolveRangeWith, type RangeOptions, type ResolvedRange } from "./range.js";

export { GitReadError } from "./git-runner.js";
export { isShallowRepository, resolveRange, type RangeOptions, type ResolvedRange } from "./range.js";

export interface ReadCommitsOptions extends RangeOptions, Partial<PatchLimits> {
  /** Already resolved revisions (from resolveRange); `range` and `all` are then ignored. */
  resolved?: ResolvedRange;
  /** Called with each commit's metadata; commits for which it returns false are not read further nor yielded. */
  filter?: (commit: CommitInfo) => boolean;
  /** Called as commits are read: commits looked at so far (yielded or filtered out), and the range's size. */
  onProgress?: (done: number, total: number) => void;
  /** Commits one `git log -p` process reads (default PATCH_CHUNK; tests read a short history in several). */
  chunkCommits?: number;
}

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
export const PATCH_ARGS = [
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
const LOG_ARGS = ["log", "--encoding=UTF-8", "--no-notes"];
/** The range's commits, oldest first, parents before children. */
const WALK_ARGS = ["--topo-order", "--reverse"];
/** Commits a `git log -p` call reads (their SHAs on its stdin, so no command-line limit applies). */
const PATCH_CHUNK = 2000;
const PATCH_LOG_ARGS = (nonce: string) => [...LOG_ARGS, "--no-walk=unsorted", "--stdin", formatArg(nonce), ...PATCH_ARGS, "--"];

/** A commit read from git, with every path its diff names (see ParsedPatch.paths). */
interface ReadCommitChange extends CommitChange {
  changedPaths: string[];
}

interface RawCommit {
  info: CommitInfo;
  /** What git printed after the metadata, as bytes (parseCommitPatch reads a copy). */
  patch: Buffer;
}

function formatArg(nonce: string): string {
  return `--format=%x00${nonce}%x00${FIELDS.join("%x00")}%x00`;
}

/**
 * One commit's record, bytes[start, end) (what follows its marker): the metadata fields, decoded, then
 * whatever git printed after them, left as bytes (a view of `bytes`) for parseCommitPatch.
 */
function parseRecord(bytes: Buffer, start: number, end: number): RawCommit {
  let cursor = start;
  for (let i = 0; i < FIELDS.length; i++) {
    const at = bytes.indexOf(0, cursor);
    if (at < 0 || at >= end) throw new GitReadError("Unexpected output from git log: a commit header was cut short");
    cursor = at + 1;
  }
  const [sha = "", parents = "", authorName = "", authorEmail = "", committerName = "", committerEmail = "", date = "", message = ""] = bytes.toString("utf8", start, cursor - 1).split("\0");
  const info: CommitInfo = {
    sha,
    // %B ends with the newline git adds after the message: not part of it.
    message: message.replace(/\n+$/, ""),
    author: { name: authorName, email: authorEmail },
    committer: { name: committerName, email: committerEmail },
    parents: parents ? parents.split(" ") : [],
    date,
  };
  return { info, patch: bytes.subarray(cursor, end) };
}

/** The last `count` bytes of `pieces` (count is at most a marker's length). */
function lastBytes(pieces: readonly Buffer[], count: number): Buffer {
  const out: Buffer[] = [];
  let left = count;
  for (let i = pieces.length - 1; i >= 0 && left > 0; i--) {
    const piece = pieces[i] as Buffer;
    out.unshift(piece.subarray(Math.max(0, piece.length - left)));
    left -= Math.min(left, piece.length);
  }
  return Buffer.concat(out);
}

/**
 * Cuts `git log --format=<formatArg>` output into commits as it streams in. Bytes are collected until the
 * next commit's marker and decoded a commit at a time (the marker is ASCII, so no character is split).
 */
export async function* splitCommits(output: AsyncIterable<Buffer>, nonce: string): AsyncGenerator<RawCommit> {
  const marker = Buffer.from(`\0${nonce}\0`);
  let pieces: Buffer[] = [];
  let size = 0;
  let started = false;
  for await (const chunk of output) {
    // A marker may straddle two chunks: look at the last bytes of what came before with the first of
    // this chunk (a few bytes copied, not the chunk), then in the chunk itself.
    const carry = Math.min(marker.length - 1, size);
    const cuts: number[] = [];
    let from = 0;
    if (carry > 0) {
      const edge = Buffer.concat([lastBytes(pieces, carry), chunk.subarray(0, marker.length - 1)]);
      const at = edge.indexOf(marker);
      if (at >= 0 && at < carry) {
        cuts.push(size - carry + at);
        from = at + marker.length - carry;
      }
    }
    for (let at = chunk.indexOf(marker, from); at >= 0; at = chunk.indexOf(marker, at + marker.length)) cuts.push(size + at);
    pieces.push(chunk);
    size += chunk.length;
    if (cuts.length === 0) continue;
    // Offsets count from the first piece; the chunk starts at `before`. Only a commit begun in an
    // earlier chunk is copied together; the others are decoded straight from the chunk.
    const before = size - chunk.length;
    let start = 0;
    for (const cut of cuts) {
      if (started) {
        if (start >= before) yield parseRecord(chunk, start - before, cut - before);
        else yield parseRecord(Buffer.concat(cut > before ? [...pieces.slice(0, -1), chunk.subarray(0, cut - before)] : pieces.slice(0, -1)), start, cut);
      }
      started = true;
      start = cut + marker.length;
    }
    // The last marker ends in this chunk (one that straddles ends here too).
    pieces = [chunk.subarray(start - before)];
    size = size - start;
  }
  if (started) {
    const rest = Buffer.concat(pieces, size);
    yield parseRecord(rest, 0, rest.length);
  }
}

/** A blob's text when it is UTF-16 with a byte-order mark; `other` says what to do with any other bytes. */
async function readBlobText(git: GitRunner, blob: string, maxBytes: number, other: "utf8" | "none"): Promise<string | undefined> {
  const bytes = await git.tryRunBytes(["cat-file", "blob", blob], maxBytes);
  if (!bytes) return undefined;
  return decodeUtf16WithBom(bytes) ?? (other === "utf8" ? bytes.toString("utf8") : undefined);
}

/** Reads the UTF-16 files among a commit's binary ones (see the header): they move from `skipped` to `files`. */
export async function readUtf16Files(git: GitRunner, parsed: ParsedPatch, limits: PatchLimits): Promise<void> {
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
    if (added.lineNumbers.length > 0) parsed.files.push(added);
  }
}

/**
 * Yields each commit of the range (oldest first) with the lines it added. Throws a GitReadError when the
 * folder is not a repository, the range does not resolve or git is missing.
 */
export async function* readCommits(repo: string | GitRunner, opts: ReadCommitsOptions = {}): AsyncGenerator<ReadCommitChange> {
  const git = typeof repo !== "string" ? repo : opts.resolved ? await openRepository(repo, opts) : await openRepositoryForRange(repo, opts);
  const resolved = opts.resolved ?? (await resolveRangeWith(git, opts));
  const limits: PatchLimits = { maxFileChars: opts.maxFileChars ?? DEFAULT_PATCH_LIMITS.maxFileChars };
  const nonce = randomBytes(12).toString("hex");
  const revisions = resolved.revisions;
  if (revisions.length === 0) {
    opts.onProgress?.(0, 0);
    return;
  }

  // The commits whose patches are read, and for each, how many range commits are done once it is.
  const kept: string[] = [];
  const keptIndex: number[] = [];
  let total = 0;
  // One git process a chunk of commits: git keeps what it parsed for the whole of one call (over 100 MB
  // for 20,000 commits), so a long history is read in a few calls. Each is started before it is read:
  // the first while the commits are listed, the next once the current one has ended (its output waits
  // in its file), so that git runs ahead of the scan one process at a time.
  const chunkSize = opts.chunkCommits ?? PATCH_CHUNK;
  const chunkInput = (chunk: number) => kept.slice(chunk * chunkSize, (chunk + 1) * chunkSize).join("\n") + "\n";
  const startChunk = (input: string | Promise<string>) => startedStream(git.stream(PATCH_LOG_ARGS(nonce), "reading commit patches", input));
  let next: StartedStream | undefined;
  let stopped = false;
  /** Chunks whose git has been started. */
  let started = 0;
  try {
    if (opts.filter) {
      // Metadata first, for the whole range (no diffs); patches only for the commits that pass.
      for await (const raw of splitCommits(git.stream([...LOG_ARGS, ...WALK_ARGS, formatArg(nonce), ...(resolved.window ?? []), ...revisions, "--"], "reading commit metadata"), nonce)) {
        if (opts.filter(raw.info)) {
          kept.push(raw.info.sha);
          keptIndex.push(total);
        }
        total++;
      }
      if (kept.length > 0) next = startChunk(chunkInput(0));
    } else {
      // A range without commits prints nothing (see outputOf).
      const listing = outputOf(git.stream(["rev-list", ...WALK_ARGS, ...(resolved.window ?? []), ...revisions, "--"], "listing the commits to read"));
      next = startChunk(
        listing.then((listed) => {
          for (const sha of listed.toString("latin1").split("\n")) {
            if (!sha) continue;
            kept.push(sha);
            keptIndex.push(total++);
          }
          // Given no commit, git would read HEAD: it is ended instead.
          if (kept.length === 0) throw new GitReadError("no commits to read");
          return chunkInput(0);
        }),
      );
      await listing;
    }
    opts.onProgress?.(0, total);
    if (kept.length === 0) {
      if (total > 0) opts.onProgress?.(total, total);
      return;
    }

    let yielded = 0;
    const chunks = Math.ceil(kept.length / chunkSize);
    for (let chunk = 0; chunk < chunks; chunk++) {
      // Started when the chunk before ended, or now if its end has not been seen yet.
      const current = next ?? startChunk(chunkInput(chunk));
      next = undefined;
      started = chunk + 1;
      if (started < chunks) {
        void current.ended.then(() => {
          if (!stopped && started === chunk + 1) {
            next = startChunk(chunkInput(chunk + 1));
            started++;
          }
        });
      }
      for await (const raw of splitCommits(current.chunks, nonce)) {
        const parsed = parseCommitPatch(raw.patch, raw.info.sha, limits);
        if (parsed.binary.length > 0) await readUtf16Files(git, parsed, limits);
        yield { commit: raw.info, files: parsed.files, skipped: parsed.skipped, changedPaths: parsed.paths };
        yielded++;
        opts.onProgress?.(yielded === kept.length ? total : (keptIndex[yielded] as number), total);
      }
    }
  } finally {
    // Stopped early (a failure, or a caller that stops reading): a git started ahead is ended too.
    stopped = true;
    next?.stop();
  }
}

interface StartedStream {
  chunks: AsyncIterable<Buffer>;
  /** Settles once git has ended (see GitStream). */
  ended: Promise<void>;
  /** Ends git without reading it (a stream that is read ends with its reading). */
  stop(): void;
}

/** Starts a git stream at once (GitRunner.stream starts git when it is first read), to be read later. */
function startedStream(stream: GitStream): StartedStream {
  const iterator = stream[Symbol.asyncIterator]();
  const first = iterator.next();
  // A failure is thrown to whoever reads the stream; one never read is not an unhandled rejection.
  first.catch(() => undefined);
  let read = false;
  return {
    ended: stream.ended,
    chunks: {
      async *[Symbol.asyncIterator]() {
        read = true;
        let step = await first;
        try {
          while (!step.done) {
            yield step.value;
            step = await iterator.next();
          }
        } finally {
          if (!step.done) await iterator.return?.(undefined);
        }
      },
    },
    stop: () => {
      if (!read) iterator.return?.(undefined).catch(() => undefined);
    },
  };
}
