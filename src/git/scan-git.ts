/** The lines each commit in a range added, scanned, for Claude's commits or all: `scan --git` and the Action. */
import { detectAuthorship } from "../core/authorship/index.js";
import { addChangeScan, emptyChangeScan, scanChange, type ChangeScan } from "../core/scan-change.js";
import type { ScanSetup } from "../core/setup.js";
import type { AddedLines, AuthorshipVerdict, CommitChange, CommitInfo, Finding, IncompleteScan, ScanReport } from "../core/types.js";
import { prefetchAgentFiles, type AgentFileReader } from "./agent-files.js";
import type { GitRunner } from "./git-runner.js";
import { readCommits } from "./read-commits.js";
import { openRepositoryForRange, resolveRangeWith, shallowCutsInRange, type RangeOptions } from "./range.js";

interface GitScanOptions {
  repo: string;
  /** `openRepositoryForScan(<these options>)`, when the caller started it early (git answers while the caller sets up). */
  opening?: Promise<GitRunner>;
  range?: string;
  all: boolean;
  authors: "claude" | "all";
  /** A history window: commits made (committer date) since / until these times, at most the newest `maxCommits`. */
  window?: HistoryWindow;
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
  /** Start the agent-file reads of the policy checks while the scan runs (see prefetchAgentFiles): `agentFiles` answers them. */
  prefetchAgentFiles?: boolean;
}

export interface GitScanResult {
  /** What the core made of the commits' added lines (findings, suppressed, skipped, files scanned). */
  scan: ChangeScan;
  /** What the range holds that this clone cannot show (a shallow history): for `scanned.incomplete`. */
  incomplete: IncompleteScan[];
  commits: number;
  claudeCommits: number;
  /** Commits read that other agents wrote, by agent id (each counted once, under its first agent). */
  otherAgents: Record<string, number>;
  rangeDescription: string;
  scannedCommits: NonNullable<ScanReport["commits"]>;
  /** The range's head commit (the agent configuration the policy judges). */
  headRevision?: string;
  /** Claude-authored commits read, with the first file they added lines to (for the policy checks). */
  claudeChanges: Array<{ commit: CommitInfo; firstFile?: { path: string; line: number } }>;
  /** With `prefetchAgentFiles`: the reader for the policy checks, its reads of the head and of Claude's commits under way. */
  agentFiles?: AgentFileReader;
}

interface HistoryWindow {
  since?: Date;
  until?: Date;
  maxCommits?: number;
}

/** git's options for a window: committer dates, as `git log --since` reads them; the newest N commits of what is left. */
function windowArgs(window: HistoryWindow): string[] {
  return [
    ...(window.since ? [`--since=${window.since.toISOString()}`] : []),
    ...(window.until ? [`--until=${window.until.toISOString()}`] : []),
    ...(window.maxCommits !== undefined ? [`--max-count=${window.maxCommits}`] : []),
  ];
}

function windowWords(window: HistoryWindow): string {
  const parts = [
    ...(window.since ? [`since ${window.since.toISOString()}`] : []),
    ...(window.until ? [`until ${window.until.toISOString()}`] : []),
    ...(window.maxCommits !== undefined ? [`the newest ${window.maxCommits} commit(s)`] : []),
  ];
  return `(${parts.join(", ")})`;
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

/** The range a scan reads, as range.ts takes it: `range` when given, else `all` (args.ts refuses both). */
function rangeOptions(options: Pick<GitScanOptions, "range" | "all">): RangeOptions {
  return options.range !== undefined ? { range: options.range } : { all: options.all };
}

/** Opens the repository of a history scan for its range (git is asked for the range's ends alongside its check). */
export function openRepositoryForScan(options: Pick<GitScanOptions, "repo" | "range" | "all">): Promise<GitRunner> {
  return openRepositoryForRange(options.repo, rangeOptions(options));
}

export async function scanGit(setup: ScanSetup, options: GitScanOptions): Promise<GitScanResult> {
  // One repository handle for the whole scan: each git process it starts costs start-up time.
  const git = await (options.opening ?? openRepositoryForScan(options));
  const resolved = await resolveRangeWith(git, rangeOptions(options));
  if (options.window) {
    resolved.window = windowArgs(options.window);
    resolved.description += ` ${windowWords(options.window)}`;
  }
  const result: GitScanResult = {
    scan: emptyChangeScan(),
    incomplete: shallowHistory(await shallowCutsInRange(git, resolved)),
    commits: 0,
    claudeCommits: 0,
    otherAgents: {},
    rangeDescription: resolved.description,
    scannedCommits: [],
    claudeChanges: [],
  };
  const head = resolved.revisions.filter((r) => !r.startsWith("^")).pop();
  if (head) result.headRevision = head.includes("...") ? head.slice(head.indexOf("...") + 3) : head;
  const markers = setup.config.authorship.markers;
  const attribute = (commit: CommitInfo): AuthorshipVerdict => {
    result.commits++;
    const verdict = detectAuthorship(commit, options.branch !== undefined ? { markers, branch: options.branch } : { markers });
    if (verdict.isClaude) result.claudeCommits++;
    else if (verdict.agents[0]) result.otherAgents[verdict.agents[0]] = (result.otherAgents[verdict.agents[0]] ?? 0) + 1;
    return verdict;
  };
  // Only Claude's commits: a metadata pass picks them, and only their patches are read. All authors:
  // no filter, so the whole range is one `git log -p` stream, attributed as it is read.
  const verdicts = new Map<string, AuthorshipVerdict>();
  const readOptions: Parameters<typeof readCommits>[1] = { resolved };
  if (options.authors === "claude") {
    readOptions.filter = (commit) => {
      const verdict = attribute(commit);
      if (verdict.isClaude) verdicts.set(commit.sha, verdict);
      return verdict.isClaude;
    };
  }
  if (options.onProgress) readOptions.onProgress = options.onProgress;
  const agentFiles = options.prefetchAgentFiles && result.headRevision !== undefined ? prefetchAgentFiles(git, result.headRevision) : undefined;
  for await (const change of readCommits(git, readOptions)) {
    const verdict = verdicts.get(change.commit.sha) ?? attribute(change.commit);
    verdicts.delete(change.commit.sha);
    const byClaude = verdict.isClaude;
    if (byClaude) {
      result.scannedCommits.push({
        sha: change.commit.sha,
        subject: change.commit.message.split("\n", 1)[0] ?? "",
        author: `${change.commit.author.name} <${change.commit.author.email}>`,
        authorship: verdict,
      });
      const first = change.files.find((f) => f.lineNumbers.length > 0 && !setup.isIgnoredPath(f.path));
      result.claudeChanges.push({ commit: change.commit, ...(first ? { firstFile: { path: first.path, line: first.lineNumbers[0] ?? 1 } } : {}) });
      // The commits the policy checks look at for drift of the agent configuration.
      if ((change.commit.parents?.length ?? 0) <= 1) agentFiles?.add(change.commit.sha, change.changedPaths);
    }
    options.onCommit?.(change, verdict);
    const scanned = scanChange(setup, { commit: change.commit.sha, files: change.files, skipped: change.skipped, byClaude }, {
      ...(options.onFindings ? { onFindings: (file, findings) => options.onFindings?.(file, findings, change) } : {}),
    });
    addChangeScan(result.scan, scanned);
  }
  if (agentFiles) result.agentFiles = agentFiles.reader;
  return result;
}
