/**
 * Which commits `claude-guard scan --git` reads: `--range`, `--all`, or by default what the current
 * branch adds to its upstream. Revisions are resolved to full SHAs once, so the later `git rev-list`
 * reads exactly the commits described, even if a branch moves meanwhile.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { GitReadError, openRepository, outputOf, resolveCommit, type GitRunner, type GitRunnerOptions } from "./git-runner.js";

export interface RangeOptions extends GitRunnerOptions {
  /** `BASE..HEAD`, `BASE...HEAD` (commits on either side since the merge base) or one revision (its whole history). */
  range?: string;
  /** Every commit reachable from HEAD. */
  all?: boolean;
}

export interface ResolvedRange {
  /** Arguments for `git rev-list` (full SHAs, `^SHA` exclusions); empty when there is nothing to read. */
  revisions: string[];
  /** For humans, e.g. "origin/main..HEAD (merge base 1a2b3c4)". */
  description: string;
  /** A history window (`--since=`, `--until=`, `--max-count=`): options every walk of the range carries. */
  window?: string[];
}

const short = (sha: string) => sha.slice(0, 7);

/** A range's revisions as written: BASE and HEAD of `BASE..HEAD` / `BASE...HEAD` (like git, an empty side is HEAD), or the one revision. */
function splitRange(text: string): { separator?: ".." | "..."; names: string[] } {
  const symmetric = text.indexOf("...");
  const twoDot = text.indexOf("..");
  if (symmetric < 0 && twoDot < 0) return { names: [text] };
  const separator = symmetric >= 0 ? "..." : "..";
  const at = symmetric >= 0 ? symmetric : twoDot;
  return { separator, names: [text.slice(0, at) || "HEAD", text.slice(at + separator.length) || "HEAD"] };
}

/**
 * The revisions resolveRangeWith resolves first (a range's ends, else the upstream): for
 * openRepository's OpenOptions.commits, which asks git for them while it checks the repository.
 */
export function rangeCommits(opts: RangeOptions): string[] {
  if (opts.all) return [];
  if (opts.range === undefined) return ["@{upstream}"];
  const text = opts.range.trim();
  return text ? splitRange(text).names : [];
}

/** Opens `repoDir` for resolving `opts` (resolveRangeWith): git is asked for the range's ends alongside its check. */
export function openRepositoryForRange(repoDir: string, opts: RangeOptions): Promise<GitRunner> {
  return openRepository(repoDir, { ...opts, commits: rangeCommits(opts) });
}

export async function isShallowRepository(repoDir: string, options: GitRunnerOptions = {}): Promise<boolean> {
  return (await openRepository(repoDir, options)).opened.shallow;
}

/**
 * The commits of a resolved range where a shallow clone's history is cut (git's `shallow` file), oldest
 * first; empty when the clone is whole or the range stays above the cut. Such a commit's parents are not
 * there: git diffs it against nothing, so its files read as wholly added, and older commits are not read.
 * Costs one `rev-list` of the range, and only in a shallow clone.
 */
export async function shallowCutsInRange(git: GitRunner, resolved: ResolvedRange): Promise<string[]> {
  if (resolved.revisions.length === 0 || !git.opened.shallow) return [];
  const shallowFile = (await git.tryRun(["rev-parse", "--git-path", "shallow"]))?.trim();
  if (!shallowFile) return [];
  // A few lines, read at once: node:fs/promises (with readline, ~1 ms of CPU to load) stays out of every scan.
  let text = "";
  try {
    text = readFileSync(path.resolve(git.repoDir, shallowFile), "utf8");
  } catch {
    // no shallow file: no cut
  }
  const cuts = new Set(text.split("\n").map((line) => line.trim()).filter((line) => line.length > 0));
  if (cuts.size === 0) return [];
  const listed = await outputOf(git.stream(["rev-list", "--topo-order", "--reverse", ...(resolved.window ?? []), ...resolved.revisions, "--"], "listing the commits of the range"));
  return listed.toString("latin1").split("\n").filter((sha) => cuts.has(sha));
}

async function requireCommit(git: GitRunner, revision: string, range: string): Promise<string> {
  // A revision starting with "-" would be read by git as an option.
  if (revision.startsWith("-")) {
    throw new GitReadError(`Invalid revision "${revision}" in --range ${range}: a revision cannot start with "-"`);
  }
  const sha = await resolveCommit(git, revision);
  if (sha) return sha;
  const hint = git.opened.shallow
    ? " The repository is a shallow clone: fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)."
    : "";
  throw new GitReadError(`Unknown revision "${revision}" in --range ${range}: it does not name a commit in ${git.repoDir}.${hint}`);
}

async function resolveExplicitRange(git: GitRunner, range: string): Promise<ResolvedRange> {
  const text = range.trim();
  if (!text) throw new GitReadError("--range is empty: give BASE..HEAD");
  const { separator, names } = splitRange(text);
  const [baseName = "HEAD", headName = "HEAD"] = names;
  if (separator) {
    const base = await requireCommit(git, baseName, text);
    const head = await requireCommit(git, headName, text);
    return separator === ".."
      ? { revisions: [`^${base}`, head], description: `${baseName}..${headName} (${short(base)}..${short(head)})` }
      : { revisions: [`${base}...${head}`], description: `${baseName}...${headName} (${short(base)}...${short(head)})` };
  }
  const tip = await requireCommit(git, text, text);
  return { revisions: [tip], description: `all history of ${text} (${short(tip)})` };
}

/** Resolves the options of `scan --git` to the revisions to read. */
export async function resolveRange(repoDir: string, opts: RangeOptions = {}): Promise<ResolvedRange> {
  return resolveRangeWith(await openRepositoryForRange(repoDir, opts), opts);
}

export async function resolveRangeWith(git: GitRunner, opts: RangeOptions): Promise<ResolvedRange> {
  if (opts.range !== undefined && opts.all) throw new GitReadError("Use either --range or --all, not both");
  if (opts.range !== undefined) return resolveExplicitRange(git, opts.range);

  const head = git.opened.head;
  if (!head) return { revisions: [], description: "no commits (HEAD does not point to a commit yet)" };
  const allHistory: ResolvedRange = { revisions: [head], description: `all history of HEAD (${short(head)})` };
  if (opts.all) return allHistory;

  // Default: what this branch adds to its upstream. Detached HEADs and branches without an upstream
  // (fresh clones in CI often are both) fall back to HEAD's whole history.
  const upstream = await resolveCommit(git, "@{upstream}");
  if (!upstream) return allHistory;
  const [upstreamOut, mergeBaseOut] = await Promise.all([git.tryRun(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"]), git.tryRun(["merge-base", head, upstream])]);
  const upstreamName = upstreamOut?.trim() || "@{upstream}";
  const mergeBase = mergeBaseOut?.trim();
  if (!mergeBase) {
    return { revisions: [head], description: `all history of HEAD (${short(head)}): no common history with ${upstreamName}` };
  }
  return {
    revisions: [`^${mergeBase}`, head],
    description: `${upstreamName}..HEAD (merge base ${short(mergeBase)}..${short(head)})`,
  };
}
