/**
 * The hook's policy for a check it cannot finish, apart from schema.ts so that the hook can apply it
 * without loading the schema library (its start-up is paid on every prompt and tool call).
 */
import type { GuardConfig } from "./schema.js";

/**
 * Whether the hook blocks when it cannot finish its check: `hook.failClosed` when set, else on for a
 * `restricted` repository (the hook has no GitHub API: the classification is the config's).
 */
export function hookFailsClosed(config: Pick<GuardConfig, "hook" | "classification">): boolean {
  return config.hook?.failClosed ?? config.classification === "restricted";
}
