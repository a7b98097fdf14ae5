/**
 * `claude-guard scan --staged`: the lines staged for the next commit (what `git diff --cached` adds),
 * for a pre-commit hook. The index's diff is read with the same options and the same patch parser as a
 * commit's in `scan --git` (read-commits.ts, patch.ts), and scanned by the core's scanChange like each
 * commit there, so a staged line gives the finding its commit will give.
 */
import { scanChange } from "../core/scan-change.js";
import type { ScanSetup } from "../core/setup.js";
import { openRepository, outputOf, type GitRunner } from "./git-runner.js";
import { DEFAULT_PATCH_LIMITS, parseCommitPatch } from "./patch.js";
import { PATCH_ARGS, readUtf16Files } from "./read-commits.js";
import type { GitScanResult } from "./scan-git.js";

/** The staged change of the repository holding `repo` (a folder, or its opened runner), scanned. Works before the first commit too (against the empty tree). */
export async function scanStaged(setup: ScanSetup, repo: string | GitRunner): Promise<GitScanResult> {
  const git = typeof repo === "string" ? await openRepository(repo) : repo;
  // As bytes, which the patch reader takes as they are; an empty index prints nothing (see outputOf).
  const patch = await outputOf(git.stream(["diff", "--cached", ...PATCH_ARGS], "reading the staged changes"));
  const parsed = parseCommitPatch(patch, undefined, DEFAULT_PATCH_LIMITS);
  if (parsed.binary.length > 0) await readUtf16Files(git, parsed, DEFAULT_PATCH_LIMITS);
  // Not a commit of Claude's: lockfiles, vendored and generated files are skipped by name, as in a tree scan.
  const scan = scanChange(setup, { files: parsed.files, skipped: parsed.skipped, byClaude: false });
  return {
    scan,
    incomplete: [],
    commits: 0,
    claudeCommits: 0,
    otherAgents: {},
    rangeDescription: "the staged changes",
    scannedCommits: [],
    claudeChanges: [],
  };
}
