/**
 * Where claude-guard keeps its per-user cache (the hook's parsed configs, the CLI's compiled code):
 * $CLAUDE_GUARD_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME or ~/.cache, then /claude-guard.
 * The location, and the one rule for trusting what is read there (onlyThisUserWrites). A leaf module,
 * outside the layers, like version.ts: it imports nothing of the project.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env["CLAUDE_GUARD_CACHE_DIR"];
  if (chosen !== undefined) return chosen === "" ? undefined : chosen;
  try {
    return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "claude-guard");
  } catch {
    // no home directory to find
    return undefined;
  }
}

/**
 * Whether a cache file or folder is this user's and no one else may write it: whoever writes a cache
 * chooses what the next run trusts (the code it executes, the config it enforces). Windows has no uids
 * and no such mode bits (a user's profile is their own).
 */
export function onlyThisUserWrites(stat: { uid: number; mode: number }): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0);
}
