/**
 * One commit's added lines scanned: what scan --git runs for each commit, on the main thread or in a
 * worker thread (src/cli/scan-worker.ts). Kept apart from scan-git.ts so that the worker loads only
 * the patch parser and the core, not git's process handling.
 */
import { scanChange, type ChangeScan } from "../core/scan-change.js";
import type { ScanSetup } from "../core/setup.js";
import type { CommitChange } from "../core/types.js";
import { DEFAULT_PATCH_LIMITS, parseCommitPatch } from "./patch.js";

/** A commit's patch text to parse and scan, and whether Claude wrote it (see scanChange's byClaude). */
export interface CommitToScan {
  sha: string;
  patch: string;
  byClaude: boolean;
}

/** What scanning one commit's added lines gives. */
export interface ScannedCommit {
  scan: ChangeScan;
  /** For a commit by Claude: the first file it added lines to that no setting ignores (for the policy checks). */
  firstFile?: { path: string; line: number };
}

/** Scans one commit's added lines: the same on the main thread and in a helper. */
export function scanCommitChange(setup: ScanSetup, change: Pick<CommitChange, "files" | "skipped"> & { sha: string }, byClaude: boolean, options: Parameters<typeof scanChange>[2] = {}): ScannedCommit {
  const scan = scanChange(setup, { commit: change.sha, files: change.files, skipped: change.skipped, byClaude }, options);
  if (!byClaude) return { scan };
  const first = change.files.find((f) => f.lines.length > 0 && !setup.isIgnoredPath(f.path));
  return first ? { scan, firstFile: { path: first.path, line: first.lineNumbers[0] ?? 1 } } : { scan };
}

/** A helper's job for one commit: parse its patch text, scan what it added. */
export function scanCommitPatch(setup: ScanSetup, commit: CommitToScan): ScannedCommit {
  const parsed = parseCommitPatch(commit.patch, commit.sha, DEFAULT_PATCH_LIMITS);
  return scanCommitChange(setup, { sha: commit.sha, files: parsed.files, skipped: parsed.skipped }, commit.byClaude);
}
