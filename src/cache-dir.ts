/**
 * Where claude-guard keeps its per-user cache (the hook's parsed configs, the CLI's compiled code):
 * $CLAUDE_GUARD_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME or ~/.cache, then /claude-guard.
 * Only the location: each user of it checks the directory before trusting what it reads there. A leaf
 * module, outside the layers, like version.ts: it imports nothing of the project.
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
