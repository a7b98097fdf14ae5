/** The lines each commit in a range added, scanned, for Claude's commits or all: `scan --git` and the Action. */
import { detectAuthorship } from "../core/authorship/index.js";
import { addChangeScan, emptyChangeScan, type ChangeScan } from "../core/scan-change.js";
import type { ScanSetup } from "../core/setup.js";
import type { AddedLines, AuthorshipVerdict, CommitChange, CommitInfo, Finding, IncompleteScan, ScanReport } from "../core/types.js";
import { openRepository } from "./git-runner.js";
import { readChange, readCommitPatches, type RawCommit, type ReadCommitsOptions } from "./read-commits.js";
import { scanCommitChange, scanCommitPatch, type CommitToScan, type ScannedCommit } from "./scan-commit.js";
import { resolveRangeWith, shallowCutsInRange } from "./range.js";

interface GitScanOptions {
  repo: string;
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
  /**
   * Other threads that parse and scan commits' patch text (the CLI's worker threads). Not used with
   * onFindings or onCommit, which need each commit's lines on this thread.
   */
  helpers?: CommitScanHelpers;
}

export interface CommitScanHelpers {
  /**
   * Parses and scans a batch elsewhere, results in the batch's order; undefined when no helper is free
   * (the caller scans the batch itself, which also paces how fast git is read). `chars` is the batch's
   * patch text length.
   */
  trySubmit(batch: CommitToScan[], chars: number): Promise<ScannedCommit[]> | undefined;
}

/** About this much patch text a batch of commits handed to a helper (a few large commits, or many small ones). */
const BATCH_CHARS = 256 * 1024;
/** Commits whose patch may hold a binary file are read on this thread: a UTF-16 file's blob is read with git. */
const BINARY_MARK = "\nBinary files ";

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

export async function scanGit(setup: ScanSetup, options: GitScanOptions): Promise<GitScanResult> {
  // One repository handle for the whole scan: each git process it starts costs start-up time.
  const git = await openRepository(options.repo);
  const resolved = await resolveRangeWith(git, options.range !== undefined ? { range: options.range } : { all: options.all });
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
  const readOptions: ReadCommitsOptions = { resolved };
  if (options.authors === "claude") {
    readOptions.filter = (commit) => {
      const verdict = attribute(commit);
      if (verdict.isClaude) verdicts.set(commit.sha, verdict);
      return verdict.isClaude;
    };
  }
  if (options.onProgress) readOptions.onProgress = options.onProgress;

  // Commits are scanned here or by the helpers, and their results added in commit order (the report is
  // the same either way): `pending` holds them, oldest first, until the oldest is done.
  const helpers = options.onFindings || options.onCommit ? undefined : options.helpers;
  type Read = { commit: CommitInfo; byClaude: boolean };
  const pending: Array<{ read: Read[]; results: ScannedCommit[] | Promise<ScannedCommit[]> }> = [];
  const flush = async (wait: boolean) => {
    for (let head = pending[0]; head; head = pending[0]) {
      if (head.results instanceof Promise) {
        if (!wait) return;
        head.results = await head.results;
      }
      pending.shift();
      const results = head.results;
      head.read.forEach(({ commit, byClaude }, i) => {
        const scanned = results[i] as ScannedCommit;
        addChangeScan(result.scan, scanned.scan);
        if (byClaude) result.claudeChanges.push({ commit, ...(scanned.firstFile ? { firstFile: scanned.firstFile } : {}) });
      });
    }
  };
  let batch: CommitToScan[] = [];
  let batchRead: Read[] = [];
  let batchChars = 0;
  const submit = async () => {
    if (batch.length === 0) return;
    const jobs = batch;
    const entry: (typeof pending)[number] = { read: batchRead, results: [] };
    const offloaded = helpers?.trySubmit(jobs, batchChars);
    [batch, batchRead, batchChars] = [[], [], 0];
    pending.push(entry);
    if (offloaded) {
      entry.results = offloaded;
      // Noted when done, so that a finished head is taken without waiting (failures surface in flush).
      offloaded.then((results) => (entry.results = results)).catch(() => {});
    } else {
      entry.results = jobs.map((job) => scanCommitPatch(setup, job));
      // Lets the helpers' answers in between batches scanned here.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await flush(false);
  };

  for await (const raw of readCommitPatches(git, readOptions)) {
    const verdict = verdicts.get(raw.info.sha) ?? attribute(raw.info);
    verdicts.delete(raw.info.sha);
    const read = { commit: raw.info, byClaude: verdict.isClaude };
    if (read.byClaude) {
      result.scannedCommits.push({
        sha: raw.info.sha,
        subject: raw.info.message.split("\n", 1)[0] ?? "",
        author: `${raw.info.author.name} <${raw.info.author.email}>`,
        authorship: verdict,
      });
    }
    if (helpers && !raw.patch.includes(BINARY_MARK)) {
      batch.push({ sha: raw.info.sha, patch: raw.patch, byClaude: read.byClaude });
      batchRead.push(read);
      batchChars += raw.patch.length;
      if (batchChars >= BATCH_CHARS) await submit();
      continue;
    }
    await submit();
    pending.push({ read: [read], results: [await scanHere(raw, verdict)] });
    await flush(false);
  }
  await submit();
  await flush(true);
  return result;

  async function scanHere(raw: RawCommit, verdict: AuthorshipVerdict): Promise<ScannedCommit> {
    const change = await readChange(git, raw);
    options.onCommit?.(change, verdict);
    return scanCommitChange(setup, { sha: raw.info.sha, files: change.files, skipped: change.skipped }, verdict.isClaude, {
      ...(options.onFindings ? { onFindings: (file, findings) => options.onFindings?.(file, findings, change) } : {}),
    });
  }
}
