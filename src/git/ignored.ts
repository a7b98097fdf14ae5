/**
 * What git leaves out of a working tree (`.gitignore` files, `.git/info/exclude`, `core.excludesFile`),
 * for a tree scan that should look at what the repository holds, not at build output.
 *
 * One `git ls-files --others --ignored --exclude-standard --directory` from the work tree's top: the
 * untracked files git ignores, a wholly ignored folder as one `folder/` entry. That is the complement of
 * `git ls-files --cached --others --exclude-standard` (what git would commit) within the files on
 * disk, so a tracked file stays scanned even when a pattern matches it, as git itself keeps it.
 */
import { relative, resolve, sep } from "node:path";
import { GitReadError, mayBeInRepository, uncheckedRepository } from "./git-runner.js";

/** A wholly ignored folder is one entry, so even large work trees list far less than this. */
const MAX_IGNORED_LISTING_BYTES = 256 * 1024 * 1024;

interface GitIgnored {
  /** The work tree's top folder. */
  top: string;
  /** Whether git ignores this absolute path (a folder: wholly ignored). */
  isIgnored(absolute: string, isFolder: boolean): boolean;
}

/**
 * The paths git ignores in the work tree holding `dir`; undefined when `dir` is in no work tree (or git
 * is not installed): the scan then has no `.gitignore` to honour.
 */
export async function gitIgnoredPaths(dir: string): Promise<GitIgnored | undefined> {
  let top: string;
  let listed: string;
  if (!mayBeInRepository(dir, { bare: false })) return undefined;
  try {
    // The top as a path from `dir` (not git's real path), so paths under a symlinked folder still compare.
    const up = await uncheckedRepository(dir).tryRun(["rev-parse", "--is-inside-work-tree", "--show-cdup"]);
    const [inside, cdup = ""] = (up ?? "").split("\n");
    if (inside !== "true") return undefined; // no repository, a bare one, or inside .git
    const git = uncheckedRepository(resolve(dir, cdup));
    top = git.repoDir;
    // Through tryRunBytes, not run: in a clean checkout this prints nothing, and simple-git waits 50 ms
    // more after a call that prints nothing.
    const bytes = await git.tryRunBytes(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"], MAX_IGNORED_LISTING_BYTES);
    if (bytes === undefined) return undefined;
    listed = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof GitReadError) return undefined;
    throw error;
  }
  const ignored = new Set(listed.split("\0").filter((entry) => entry.length > 0));
  const below = top.endsWith(sep) ? top : top + sep;
  return {
    top,
    isIgnored(absolute, isFolder) {
      // The walk's paths are resolved, as the top is: one below it starts with it, and is sliced rather
      // than given to path.relative (which resolves both again, for every file listed). relative() still
      // answers any other path (on Windows, the top spelled in another letter case).
      const path = (absolute.startsWith(below) ? absolute.slice(below.length) : relative(top, absolute)).split(sep).join("/");
      if (path === "" || path.startsWith("../")) return false;
      return ignored.has(isFolder ? `${path}/` : path);
    },
  };
}

