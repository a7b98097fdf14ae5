/** The files claude-guard reads from a repository, as paths from its root (every door reads them). */

/** The repository's settings: rules, paths to ignore, fail-on, classification, skills, audit. */
export const CONFIG_FILE = ".github/claude-guard.yml";
/** Fingerprints of findings a team has judged harmless, one a line (see core/detect/suppress.ts). */
export const IGNORE_FILE = ".claude-guard-ignore";
/** Findings known when claude-guard was adopted, not yet fixed (see core/baseline.ts); written by `claude-guard baseline`. */
export const BASELINE_FILE = ".claude-guard-baseline.json";
