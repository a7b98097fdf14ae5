/** `claude-guard scan --git`: the lines each commit in a range added, for Claude's commits or all. */
import { detectAuthorship } from "../core/authorship/index.js";
import { fileBackstop, TIMEOUT_DETAIL } from "../core/detect/engine.js";
import { skipReasonForPath } from "../core/detect/skip.js";
import type { ScanSetup } from "../core/setup.js";
import type { AddedLines, AuthorshipVerdict, CommitChange, CommitInfo, Finding, IncompleteScan, ScanReport, SkippedFile } from "../core/types.js";
import { readCommits, resolveRange, shallowCutsInRange } from "../git/read-commits.js";

export interface GitScanOptions {
  repo: string;
  range?: string;
  all: boolean;
  authors: "claude" | "all";
  /** The branch the commits were made on (a pull request's head branch): an authorship hint (`claude/...`). */
  branch?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called for each scanned file that has findings, while its added lines are still in memory (the
   * Action reads the matched values back from them to mask them in the logs; they are kept nowhere).
   */
  onFindings?: (file: AddedLines, findings: readonly Finding[], change: CommitChange) => void;
  /** Called with each commit read (Claude's, or all with `authors: "all"`) and why it was attributed. */
  onCommit?: (change: CommitChange, authorship: AuthorshipVerdict) => void;
}

export interface GitScanResult {
  findings: Finding[];
  skipped: SkippedFile[];
  /** What the range holds that this clone cannot show (a shallow history): for `scanned.incomplete`. */
  incomplete: IncompleteScan[];
  files: number;
  bytes: number;
  commits: number;
  claudeCommits: number;
  suppressed: number;
  /** Old value-hash ignore entries that matched, with their replacements (see ignoreFileRewrites). */
  legacyIgnored: Array<{ old: string; replacement: string }>;
  rangeDescription: string;
  scannedCommits: NonNullable<ScanReport["commits"]>;
  /** The range's head commit (the agent configuration the policy judges). */
  headRevision?: string;
  /** Claude-authored commits read, with the first file they added lines to (for the policy checks). */
  claudeChanges: Array<{ commit: CommitInfo; firstFile?: { path: string; line: number } }>;
  /** Every file x commit scanned, for content classification. */
  changes: Array<{ path: string; commit: string; firstLine: number }>;
}

function shallowHistory(cuts: readonly string[]): IncompleteScan[] {
  if (cuts.length === 0) return [];
  const at = cuts.map((sha) => sha.slice(0, 7)).join(", ");
  return [
    {
      reason: "shallow",
      detail:
        `this is a shallow clone and the range reaches where its history stops (${at}): older commits are not in the clone and were not scanned, ` +
        `and ${cuts.length === 1 ? "that commit's" : "those commits'"} files were read as wholly added. Fetch the whole history (git fetch --unshallow) to scan it all.`,
    },
  ];
}

export async function scanGit(setup: ScanSetup, options: GitScanOptions): Promise<GitScanResult> {
  const resolved = await resolveRange(options.repo, options.range !== undefined ? { range: options.range } : { all: options.all });
  const result: GitScanResult = {
    findings: [],
    skipped: [],
    incomplete: shallowHistory(await shallowCutsInRange(options.repo, resolved)),
    files: 0,
    bytes: 0,
    commits: 0,
    claudeCommits: 0,
    suppressed: 0,
    legacyIgnored: [],
    rangeDescription: resolved.description,
    scannedCommits: [],
    claudeChanges: [],
    changes: [],
  };
  const head = resolved.revisions.filter((r) => !r.startsWith("^")).pop();
  if (head) result.headRevision = head.includes("...") ? head.slice(head.indexOf("...") + 3) : head;
  const verdicts = new Map<string, AuthorshipVerdict>();
  const markers = setup.config.authorship.markers;
  const filter = (commit: Parameters<typeof detectAuthorship>[0]) => {
    result.commits++;
    const verdict = detectAuthorship(commit, options.branch !== undefined ? { markers, branch: options.branch } : { markers });
    if (verdict.isClaude) result.claudeCommits++;
    const keep = options.authors === "all" || verdict.isClaude;
    if (keep) verdicts.set(commit.sha, verdict);
    return keep;
  };
  const readOptions: Parameters<typeof readCommits>[1] = { resolved, filter };
  if (options.onProgress) readOptions.onProgress = options.onProgress;
  for await (const change of readCommits(options.repo, readOptions)) {
    const verdict = verdicts.get(change.commit.sha);
    const byClaude = verdict?.isClaude === true;
    if (byClaude) {
      result.scannedCommits.push({
        sha: change.commit.sha,
        subject: change.commit.message.split("\n", 1)[0] ?? "",
        author: `${change.commit.author.name} <${change.commit.author.email}>`,
        authorship: verdict,
      });
      const first = change.files.find((f) => f.lines.length > 0 && !setup.isIgnoredPath(f.path));
      result.claudeChanges.push({ commit: change.commit, ...(first ? { firstFile: { path: first.path, line: first.lineNumbers[0] ?? 1 } } : {}) });
    }
    if (verdict) options.onCommit?.(change, verdict);
    verdicts.delete(change.commit.sha);
    result.skipped.push(...change.skipped);
    for (const file of change.files) {
      if (file.lines.length === 0) continue;
      if (setup.isIgnoredPath(file.path)) {
        result.skipped.push({ path: file.path, reason: "ignored", commit: change.commit.sha, detail: "paths.ignore" });
        continue;
      }
      // Vendored, lockfile and generated paths are skipped (and listed) in other authors' commits only.
      const reason = skipReasonForPath(file.path, { byClaude });
      if (reason) {
        result.skipped.push({ path: file.path, reason, commit: change.commit.sha });
        continue;
      }
      const text = file.lines.join("\n");
      const scanned = setup.scanner.scan({ path: file.path, text, lineNumbers: file.lineNumbers, commit: change.commit.sha }, fileBackstop());
      if (scanned.incomplete) result.skipped.push({ path: file.path, reason: "timeout", commit: change.commit.sha, detail: TIMEOUT_DETAIL });
      result.findings.push(...scanned.findings);
      if (scanned.findings.length > 0) options.onFindings?.(file, scanned.findings, change);
      result.suppressed += scanned.suppressed;
      if (scanned.legacyIgnored) result.legacyIgnored.push(...scanned.legacyIgnored);
      result.files++;
      result.bytes += Buffer.byteLength(text);
      result.changes.push({ path: file.path, commit: change.commit.sha, firstLine: file.lineNumbers[0] ?? 1 });
    }
  }
  return result;
}
