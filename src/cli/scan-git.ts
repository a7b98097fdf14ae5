/** `claude-guard scan --git`: the lines each commit in a range added, for Claude's commits or all. */
import { detectAuthorship } from "../core/authorship/index.js";
import { skipReasonForPath } from "../core/detect/skip.js";
import type { ScanSetup } from "../core/setup.js";
import type { AuthorshipVerdict, Finding, ScanReport, SkippedFile } from "../core/types.js";
import { readCommits, resolveRange } from "../git/read-commits.js";

export interface GitScanOptions {
  repo: string;
  range?: string;
  all: boolean;
  authors: "claude" | "all";
  onProgress?: (done: number, total: number) => void;
}

export interface GitScanResult {
  findings: Finding[];
  skipped: SkippedFile[];
  files: number;
  bytes: number;
  commits: number;
  claudeCommits: number;
  suppressed: number;
  rangeDescription: string;
  scannedCommits: NonNullable<ScanReport["commits"]>;
}

export async function scanGit(setup: ScanSetup, options: GitScanOptions): Promise<GitScanResult> {
  const resolved = await resolveRange(options.repo, options.range !== undefined ? { range: options.range } : { all: options.all });
  const result: GitScanResult = {
    findings: [],
    skipped: [],
    files: 0,
    bytes: 0,
    commits: 0,
    claudeCommits: 0,
    suppressed: 0,
    rangeDescription: resolved.description,
    scannedCommits: [],
  };
  const verdicts = new Map<string, AuthorshipVerdict>();
  const markers = setup.config.authorship.markers;
  const filter = (commit: Parameters<typeof detectAuthorship>[0]) => {
    result.commits++;
    const verdict = detectAuthorship(commit, { markers });
    if (verdict.isClaude) result.claudeCommits++;
    const keep = options.authors === "all" || verdict.isClaude;
    if (keep) verdicts.set(commit.sha, verdict);
    return keep;
  };
  const readOptions: Parameters<typeof readCommits>[1] = { resolved, filter };
  if (options.onProgress) readOptions.onProgress = options.onProgress;
  for await (const change of readCommits(options.repo, readOptions)) {
    const verdict = verdicts.get(change.commit.sha);
    if (verdict?.isClaude) {
      result.scannedCommits.push({
        sha: change.commit.sha,
        subject: change.commit.message.split("\n", 1)[0] ?? "",
        author: `${change.commit.author.name} <${change.commit.author.email}>`,
        authorship: verdict,
      });
    }
    verdicts.delete(change.commit.sha);
    result.skipped.push(...change.skipped);
    for (const file of change.files) {
      if (file.lines.length === 0) continue;
      if (setup.isIgnoredPath(file.path)) {
        result.skipped.push({ path: file.path, reason: "ignored", commit: change.commit.sha, detail: "paths.ignore" });
        continue;
      }
      const reason = skipReasonForPath(file.path);
      if (reason) {
        result.skipped.push({ path: file.path, reason, commit: change.commit.sha });
        continue;
      }
      const text = file.lines.join("\n");
      const scanned = setup.scanner.scan({ path: file.path, text, lineNumbers: file.lineNumbers, commit: change.commit.sha });
      result.findings.push(...scanned.findings);
      result.suppressed += scanned.suppressed;
      result.files++;
      result.bytes += Buffer.byteLength(text);
    }
  }
  return result;
}
