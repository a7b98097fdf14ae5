/**
 * Makes sure the clone holds every commit of the range before it is read. actions/checkout fetches ONE
 * commit by default (fetch-depth: 1): read as it is, the range would stop at the shallow boundary and
 * the boundary commit would look like a root commit whose every line is new. So: detect it, deepen the
 * clone step by step (then unshallow) until the range is whole, or stop with an error that says which
 * fetch-depth to set. Never scans less than asked without saying so.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { outputOf, type GitRunner } from "../git/git-runner.js";

class HistoryError extends Error {
  override name = "HistoryError";
}

interface HistoryRequest {
  /** Revisions as given (SHAs or names); `base` absent means HEAD's whole history from `head`. */
  base?: string;
  head: string;
  /** Commits in the pull request, when known: the first deepening step is sized to it. */
  commitCount?: number;
  remote?: string;
}

interface HistoryResult {
  base?: string;
  head: string;
  /** What was done to the clone, for the summary; empty when it already held the range. */
  notes: string[];
}

const short = (rev: string) => (/^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 7) : rev);
const FETCH = ["fetch", "--no-tags", "--no-recurse-submodules", "--quiet"];

/** The full SHA a revision names here (also as `<remote>/<name>`, for a branch only the remote knows). */
export async function resolveCommit(git: GitRunner, revision: string, remote = "origin"): Promise<string | undefined> {
  for (const candidate of [revision, `${remote}/${revision}`]) {
    const out = await git.tryRun(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]);
    const sha = out?.trim();
    if (sha && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  }
  return undefined;
}

export async function isShallow(git: GitRunner): Promise<boolean> {
  return (await git.tryRun(["rev-parse", "--is-shallow-repository"]))?.trim() === "true";
}

/** The commits where a shallow clone's history is cut (git's `shallow` file). */
async function shallowBoundaries(git: GitRunner): Promise<Set<string>> {
  const gitPath = (await git.tryRun(["rev-parse", "--git-path", "shallow"]))?.trim();
  if (!gitPath) return new Set();
  const text = await readFile(path.resolve(git.repoDir, gitPath), "utf8").catch(() => "");
  return new Set(text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0));
}

/** Why the clone cannot give the whole range yet, or undefined when it can. */
async function whatIsMissing(git: GitRunner, req: HistoryRequest, remote: string): Promise<string | undefined> {
  const missing: string[] = [];
  const resolved: Record<"base" | "head", string | undefined> = { base: undefined, head: undefined };
  for (const key of ["base", "head"] as const) {
    const rev = req[key];
    if (rev === undefined) continue;
    resolved[key] = await resolveCommit(git, rev, remote);
    if (!resolved[key]) missing.push(`${key} commit ${short(rev)}`);
  }
  if (missing.length > 0) return `the clone does not hold the ${missing.join(" nor the ")}`;
  if (!(await isShallow(git))) return undefined;
  const boundaries = await shallowBoundaries(git);
  if (boundaries.size === 0) return undefined;
  const revisions = resolved.base ? [`^${resolved.base}`, resolved.head as string] : [resolved.head as string];
  const listed = (await outputOf(git.stream(["rev-list", ...revisions, "--"], "listing the commits of the range"))).toString("latin1").split("\n");
  const cut = listed.find((sha) => boundaries.has(sha.trim()));
  if (cut === undefined) return undefined;
  return req.base
    ? `the shallow clone's history stops at ${short(cut)}, before it reaches the base ${short(req.base)}`
    : `the shallow clone's history stops at ${short(cut)}, and the whole history of ${short(req.head)} is to be scanned`;
}

/** The deepening steps to try, in order: fetching what is missing, deepening, then unshallowing. */
function plannedFetches(req: HistoryRequest, shallow: boolean, remote: string, wants: string[]): string[][] {
  if (!shallow) return [[...FETCH, remote, ...wants]];
  const first = Math.max(50, (req.commitCount ?? 0) + 2);
  const depths = [first, first * 5, first * 25];
  return [...depths.map((n) => [...FETCH, `--deepen=${n}`, remote, ...wants]), [...FETCH, "--unshallow", remote, ...wants]];
}

/**
 * Fetches until the range is whole. Needs the remote and its credentials as actions/checkout leaves
 * them (persist-credentials, the default). Throws a HistoryError saying what to change otherwise.
 */
export async function ensureHistory(git: GitRunner, req: HistoryRequest, log: (line: string) => void = () => undefined): Promise<HistoryResult> {
  const remote = req.remote ?? "origin";
  let problem = await whatIsMissing(git, req, remote);
  const notes: string[] = [];
  if (problem) {
    const shallow = await isShallow(git);
    // Wants: what to fetch. A SHA or a branch name, as the server knows it.
    const wants = [req.head, ...(req.base ? [req.base] : [])];
    let failure: string | undefined;
    let done = 0;
    for (const args of plannedFetches(req, shallow, remote, wants)) {
      log(`claude-guard: ${problem}; running git ${args.filter((a) => a !== "--quiet").join(" ")}`);
      try {
        await git.run(args, "fetching more history");
      } catch (error) {
        failure = (error as Error).message;
        break; // a missing remote, no network or no credentials: another depth will not help
      }
      done++;
      problem = await whatIsMissing(git, req, remote);
      if (!problem) break;
    }
    if (problem) {
      const depthAdvice = shallow
        ? "Set `fetch-depth: 0` in the actions/checkout step (`with: { fetch-depth: 0 }`), so that the clone holds the whole range"
        : "Make sure the commits exist in this repository (a force-push may have removed them) and that actions/checkout fetched them (`fetch-depth: 0`)";
      throw new HistoryError(
        `Cannot read the commits to scan: ${problem}.` +
          (failure ? ` Fetching more history failed: ${failure}.` : done > 0 ? " Fetching more history did not help." : "") +
          ` ${depthAdvice}; claude-guard does not scan less than the range.`,
      );
    }
    notes.push(
      shallow
        ? "The checkout was a shallow clone: claude-guard fetched the missing history to read the whole range (set `fetch-depth: 0` in actions/checkout to save this step)."
        : "claude-guard fetched commits of the range that the checkout did not hold.",
    );
  }
  const base = req.base ? await resolveCommit(git, req.base, remote) : undefined;
  const head = (await resolveCommit(git, req.head, remote)) as string;
  return { ...(base ? { base } : {}), head, notes };
}
