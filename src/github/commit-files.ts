/**
 * The lines one commit added, read through `GET /repos/{owner}/{repo}/commits/{sha}`: its `files`
 * (paginated past 300, up to GitHub's 3,000) and each file's `patch` (hunks without the git headers).
 *
 * GitHub leaves `patch` out for large diffs and binary files. Then the file is read at the commit and
 * at its parent through the contents API and the added lines are computed from the two texts; a file
 * that cannot be read that way is reported as skipped with the reason: never dropped silently.
 *
 * Merge commits: for a commit with several parents this endpoint gives the files and patches against
 * the FIRST parent only, so every line the merged branch brought in looks added by the merge. What a
 * merge adds of its own (as `git log --cc` shows it, and as the CLI reads it) is the lines new against
 * EVERY parent: so each further parent is compared with the merge (`compare/{parent}...{merge}`, which
 * diffs against the parent since it is an ancestor) and only the lines added in every comparison are kept.
 */
import { hasBinaryExtension, skipReasonForPath } from "../core/detect/skip.js";
import { addedLinesOf, linesOf } from "../core/added-lines.js";
import type { AddedLines, CommitChange, CommitInfo, SkippedFile } from "../core/types.js";
import { addedLinesByContent as addedLinesByContentOf, DEFAULT_PATCH_LIMITS, parseCommitPatch, splitLines, type PatchLimits } from "../git/patch.js";
import { nextLink, type GitHubClient, type RepoRef } from "./client.js";
import { readFileAt, type FileRead } from "./contents.js";

/** GitHub lists at most this many files of one commit. */
const COMMIT_FILE_LIST_LIMIT = 3000;
/** The compare API lists at most this many files of a comparison (and does not paginate them). */
const COMPARE_FILE_LIST_LIMIT = 300;

interface ApiCommitFile {
  filename: string;
  status: string;
  additions?: number;
  changes?: number;
  patch?: string;
  previous_filename?: string;
}

interface ReadCommitOptions {
  /** Files the scan would skip anyway (`paths.ignore`): not fetched when their patch is missing. */
  isIgnoredPath?: (path: string) => boolean;
  /** A Claude-authored commit: its files are read whatever their names (see skipReasonForPath). */
  byClaude?: boolean;
  limits?: PatchLimits;
  /** Called with what the commit's listing says (the inventory counts lines added from it: no second request). */
  onListed?: (listed: ListedCommit) => void;
}

/** What `GET /repos/{owner}/{repo}/commits/{sha}` says of a commit's size: its lines added, the paths it touched. */
export interface ListedCommit {
  additions: number;
  paths: string[];
}

export async function readCommitChange(gh: GitHubClient, repo: RepoRef, commit: CommitInfo, options: ReadCommitOptions = {}): Promise<CommitChange> {
  const { files, additions } = await listCommitFiles(gh, repo, commit.sha);
  options.onListed?.({ additions, paths: files.map((f) => f.filename) });
  const change: CommitChange = { commit, files: [], skipped: [] };
  const limits = options.limits ?? DEFAULT_PATCH_LIMITS;
  for (const file of files) {
    if (file.status === "removed") continue;
    if (typeof file.patch === "string") {
      const parsed = addedLinesFromPatch(file.filename, file.patch, commit.sha, limits);
      change.files.push(...parsed.files);
      change.skipped.push(...parsed.skipped);
      continue;
    }
    // No patch and no change: a pure rename or copy. (A binary file also shows 0 changes, so other
    // statuses are not skipped on that count: the name or the content decides.)
    if ((file.status === "renamed" || file.status === "copied") && !file.changes) continue;
    change.skipped.push(...(await readWithoutPatch(gh, repo, commit, file, change, options)));
  }
  if (files.length >= COMMIT_FILE_LIST_LIMIT) {
    change.skipped.push({
      path: `(files after the first ${COMMIT_FILE_LIST_LIMIT})`,
      reason: "truncated",
      commit: commit.sha,
      detail: `GitHub lists at most ${COMMIT_FILE_LIST_LIMIT} files of a commit; any further file of this commit was not scanned`,
    });
  }
  for (const parent of (commit.parents ?? []).slice(1)) {
    if (change.files.length === 0) break;
    change.files = await keepLinesNewAgainst(gh, repo, commit.sha, parent, change.files, options.limits ?? DEFAULT_PATCH_LIMITS);
  }
  return change;
}

/**
 * A merge's lines read against its first parent, narrowed to those also new against `parent`: a file
 * the comparison does not list is the parent's own (nothing new against it); a listed file keeps the
 * lines its patch adds too. Without a patch (a large diff) or past the listing's limit, the file at the
 * parent is read and a line is kept unless the parent holds the same text.
 */
async function keepLinesNewAgainst(gh: GitHubClient, repo: RepoRef, sha: string, parent: string, files: AddedLines[], limits: PatchLimits): Promise<AddedLines[]> {
  const { data } = await gh.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.repo, basehead: `${parent}...${sha}`, per_page: 1 });
  const listed = (data.files ?? []) as ApiCommitFile[];
  const complete = listed.length < COMPARE_FILE_LIST_LIMIT;
  const byPath = new Map(listed.map((f) => [f.filename, f]));
  const kept: AddedLines[] = [];
  for (const file of files) {
    const other = byPath.get(file.path);
    if (!other && complete) continue;
    let keep: (line: string, lineNumber: number) => boolean = () => true;
    if (other?.status === "added") {
      // New against this parent as a whole.
    } else if (typeof other?.patch === "string") {
      const added = new Set(addedLinesFromPatch(file.path, other.patch, sha, limits).files.flatMap((f) => f.lineNumbers));
      keep = (_line, lineNumber) => added.has(lineNumber);
    } else {
      const before = await readFileAt(gh, repo, other?.previous_filename ?? file.path, parent);
      // Unreadable at the parent (binary, too large): the lines are kept, the safe side.
      if (before.status === "ok") {
        const present = new Set(splitLines(before.text));
        keep = (line) => !present.has(line);
      }
    }
    const lines: string[] = [];
    const lineNumbers: number[] = [];
    linesOf(file).forEach((line, i) => {
      const lineNumber = file.lineNumbers[i] as number;
      if (!keep(line, lineNumber)) return;
      lines.push(line);
      lineNumbers.push(lineNumber);
    });
    if (lines.length > 0) kept.push(addedLinesOf(file.path, lines, lineNumbers));
  }
  return kept;
}

/** A commit's lines added and the paths it touched, from its listing alone (the inventory without --scan). */
export async function readListedCommit(gh: GitHubClient, repo: RepoRef, sha: string): Promise<ListedCommit> {
  const { files, additions } = await listCommitFiles(gh, repo, sha);
  return { additions, paths: files.map((f) => f.filename) };
}

/**
 * All pages of a commit's file list, following the Link header GitHub sends past 300 files, and the
 * commit's lines added (its `stats`, which count every file, else the listed files' sum).
 */
async function listCommitFiles(gh: GitHubClient, repo: RepoRef, sha: string): Promise<{ files: ApiCommitFile[]; additions: number }> {
  const first = await gh.rest.repos.getCommit({ owner: repo.owner, repo: repo.repo, ref: sha });
  const files = [...((first.data.files ?? []) as ApiCommitFile[])];
  const stated = (first.data as { stats?: { additions?: number } }).stats?.additions;
  let next = nextLink(first.headers.link);
  for (let pages = 1; next && pages < COMMIT_FILE_LIST_LIMIT / 30; pages++) {
    const response = await gh.request({ method: "GET", url: next });
    const data = response.data as { files?: ApiCommitFile[] };
    const pageFiles = data.files ?? [];
    if (pageFiles.length === 0) break;
    files.push(...pageFiles);
    next = nextLink((response.headers as Record<string, string | undefined>).link);
  }
  return { files, additions: typeof stated === "number" ? stated : files.reduce((sum, f) => sum + (f.additions ?? 0), 0) };
}

/**
 * A REST `patch` is the hunks of one file without the `diff --git`/`---`/`+++` header: given a header,
 * the CLI's parser reads it, with the same hunk counting and the same limits.
 */
export function addedLinesFromPatch(path: string, patch: string, commit: string, limits: PatchLimits = DEFAULT_PATCH_LIMITS): { files: AddedLines[]; skipped: SkippedFile[] } {
  const parsed = parseCommitPatch(`diff --git a/f b/f\n${patch}\n`, commit, limits);
  return {
    files: parsed.files.map((f) => ({ ...f, path })),
    skipped: parsed.skipped.map((s) => ({ ...s, path })),
  };
}

/** The lines of `after` that `before` lacks: see addedLinesByContent in src/git/patch.ts (shared with the CLI). */
export function addedLinesByContent(path: string, before: string | undefined, after: string): AddedLines {
  return addedLinesByContentOf(path, [before], after);
}

async function readWithoutPatch(gh: GitHubClient, repo: RepoRef, commit: CommitInfo, file: ApiCommitFile, change: CommitChange, options: ReadCommitOptions): Promise<SkippedFile[]> {
  const path = file.filename;
  const skip = (reason: SkippedFile["reason"], detail: string): SkippedFile[] => [{ path, reason, commit: commit.sha, detail }];
  // Not worth a download: the scan would skip these by name anyway (and says so); and GitHub sends no
  // patch for binary files, so an image or an archive without one is not fetched to learn it is binary.
  const byName = skipReasonForPath(path, { byClaude: options.byClaude === true }) ?? (hasBinaryExtension(path) ? "binary" : undefined);
  if (byName) return skip(byName, "GitHub sent no patch for it");
  if (options.isIgnoredPath?.(path)) return skip("ignored", "paths.ignore");

  const after = await readFileAt(gh, repo, path, commit.sha);
  if (after.status !== "ok") return skip(...notReadable(after, "at this commit"));
  const parent = commit.parents?.[0];
  let before: string | undefined;
  if (file.status !== "added" && parent) {
    const old = await readFileAt(gh, repo, file.previous_filename ?? path, parent);
    if (old.status === "ok") before = old.text;
    else if (old.status !== "missing") return skip(...notReadable(old, "at the parent commit"));
  }
  const added = addedLinesByContent(path, before, after.text);
  if (added.lineNumbers.length > 0) change.files.push(added);
  return [];
}

function notReadable(read: Exclude<FileRead, { status: "ok" }>, where: string): [SkippedFile["reason"], string] {
  const why = "GitHub sent no patch for it (a large diff)";
  switch (read.status) {
    case "binary":
      return ["binary", `${why}; the file ${where} is binary`];
    case "too-large":
      return ["too-large", `${why}, and the file ${where} (${read.bytes} bytes) is over the size read whole`];
    case "missing":
      return ["unreadable", `${why}, and the file ${where} could not be found through the contents API`];
    case "not-a-file":
      return ["unreadable", `${why}, and the path ${where} is not a regular file (a submodule or a symlink)`];
  }
}
