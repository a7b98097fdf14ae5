/**
 * What one check run judges, read through the REST API and handed to the core: the commits of a pull
 * request or a push, their authorship, the lines Claude's commits added, the config of the base branch,
 * the classification. The lines go through the core's scanChange, as in every door, so a finding is the
 * same finding, with the same fingerprint, and the same suppressions and notes, wherever it is reported.
 */
import { appendAll } from "../core/collections.js";
import { detectAuthorship } from "../core/authorship/index.js";
import { ORG_CONFIG_REPO } from "../core/config/load.js";
import { CONFIG_FILE, IGNORE_FILE } from "../core/files.js";
import type { RuleMeta } from "../core/report/meta.js";
import { addChangeScan, emptyChangeScan, scanChange, suppressionNotes, type ChangeScan } from "../core/scan-change.js";
import { prepareScan, type ScanInputs, type ScanSetup } from "../core/setup.js";
import type { AuthorshipVerdict, CommitChange, CommitInfo, FailOn, ScanReport } from "../core/types.js";
import { describeApiError, ZERO_SHA, type GitHubClient, type RepoRef } from "../github/client.js";
import { readCommitChange } from "../github/commit-files.js";
import { listComparedCommits, listPullRequestCommits, toCommitInfo, type ApiCommit, type CommitList } from "../github/commits.js";
import { loadRepoConfig } from "../github/config.js";
import { readFileAt } from "../github/contents.js";
import { payloadVisibility, readClassification, type Classification, type PropertyValues } from "../github/properties.js";
import { teamMembershipLookup } from "../github/teams.js";
import { evaluatePolicy } from "./policy.js";
import { toolVersion } from "../version.js";

/** Claude commits read at the same time: fast on big PRs, gentle on GitHub's secondary rate limits. */
const COMMIT_READ_CONCURRENCY = 4;

interface PullRequestChange {
  kind: "pull_request";
  number: number;
  baseRef: string;
  baseSha: string;
  headRef: string;
  /** From the payload when known: decides between the PR listing and the compare API. */
  commitCount?: number;
}

interface PushChange {
  kind: "push";
  branch: string;
  before: string;
  after: string;
  /** The push payload's commits (at most 20): used only when there is nothing to compare with. */
  payloadCommits?: PushPayloadCommit[];
}

export interface PushPayloadCommit {
  id: string;
  message: string;
  timestamp?: string;
  author?: { name?: string; email?: string; username?: string };
  committer?: { name?: string; email?: string; username?: string };
}

export interface ScanTarget extends RepoRef {
  headSha: string;
  defaultBranch: string;
  change: PullRequestChange | PushChange;
  /** `repository.custom_properties` from the payload, when it carries them. */
  customProperties?: PropertyValues | null;
  /** `repository.visibility` from the payload (public, private, internal): the classification's last resort. */
  visibility?: string;
  actor?: string;
}

export interface TargetScan {
  report: ScanReport;
  rules: RuleMeta[];
  failOn: FailOn;
  classification?: Classification;
  configErrors: string[];
  notes: string[];
  /** The Claude commits with the lines they added: the audit record's input summary hashes them. */
  changes: CommitChange[];
  /** What the core made of those lines, before the policy checks added theirs. */
  scan: ChangeScan;
}

export async function scanTarget(gh: GitHubClient, target: ScanTarget): Promise<TargetScan> {
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const notes: string[] = [];

  const config = await readRepoConfig(gh, repo, configRef(target));
  let setup = prepareScan(config.inputs);
  const configErrors = [...setup.errors];
  notes.push(`Config: ${config.source}.`, ...setup.warnings);

  const classified = await readClassification(gh, repo, {
    property: setup.config.classificationProperty,
    payloadProperties: target.customProperties,
    ...(setup.config.classification ? { configValue: setup.config.classification, configFile: config.source } : {}),
    ...(target.visibility ? { visibility: target.visibility } : {}),
  });
  notes.push(...classified.notes);

  const listed = await listCommits(gh, repo, target);
  notes.push(...listed.notes);

  const branch = target.change.kind === "pull_request" ? target.change.headRef : target.change.branch;
  const claude: Array<{ commit: CommitInfo; authorship: AuthorshipVerdict }> = [];
  for (const commit of listed.commits) {
    const authorship = detectAuthorship(commit, { markers: setup.config.authorship.markers, branch });
    if (authorship.isClaude) claude.push({ commit, authorship });
  }

  // Merge commits are read too: their own lines, new against every parent (as in the CLI; see commit-files.ts).
  const changes = await mapLimit(claude, COMMIT_READ_CONCURRENCY, (c) => readCommitChange(gh, repo, c.commit, { isIgnoredPath: setup.isIgnoredPath, byClaude: true }));

  const report: ScanReport = {
    version: 1,
    tool: { name: "claude-guard", version: toolVersion() },
    scanned: { files: 0, bytes: 0, commits: listed.commits.length, claudeCommits: claude.length, skipped: [] },
    findings: [],
    commits: claude.map(({ commit, authorship }) => ({
      sha: commit.sha,
      subject: commit.message.split("\n", 1)[0] ?? "",
      author: `${commit.author.name} <${commit.author.email}>`,
      authorship,
    })),
  };
  // Each Claude commit through the core, as in the CLI and the Action: same skips, scanner and counts.
  const scanAll = (with_: ScanSetup) => changes.reduce((all, change) => addChangeScan(all, scanChange(with_, { commit: change.commit.sha, files: change.files, skipped: change.skipped, byClaude: true })), emptyChangeScan());
  let scan = scanAll(setup);

  // The ignore file is read only when there is something it could suppress (one request saved on
  // every clean scan), at the head: adding a fingerprint is part of the reviewed change. It goes to
  // the scanner through prepareScan, as in the CLI and the Action, so it is applied one way in every
  // door (old value-hash entries included, which only the scanner can match). A failed read keeps
  // every finding and says so.
  if (scan.findings.length > 0) {
    const ignore = await readFileAt(gh, repo, IGNORE_FILE, target.headSha).catch((error: unknown) => {
      notes.push(`${IGNORE_FILE} could not be read (${describeApiError(error)}): no finding was suppressed by it.`);
      return undefined;
    });
    if (ignore?.status === "ok") {
      setup = prepareScan({ ...config.inputs, ignoreText: ignore.text, ignoreFile: IGNORE_FILE });
      scan = scanAll(setup);
    }
  }
  notes.push(...suppressionNotes(setup, scan));
  report.scanned = { ...report.scanned, files: scan.files, bytes: scan.bytes, skipped: scan.skipped };
  report.findings = [...scan.findings];

  // The policy checks: skills, permissions and drift of the agent configuration, content classification.
  const policy = await evaluatePolicy({
    gh,
    owner: target.owner,
    repo: target.repo,
    headSha: target.headSha,
    config: setup.config,
    classification: classified.classification,
    changes: changes.map((change, i) => ({ change, authorship: (claude[i] as (typeof claude)[number]).authorship })),
    scannedChanges: scan.scanned,
    findings: scan.findings,
    ...(target.actor ? { actor: target.actor } : {}),
    isTeamMember: teamMembershipLookup(gh),
  });
  appendAll(report.findings, policy.findings);
  configErrors.push(...policy.problems);
  notes.push(...policy.notes);

  return { report, rules: setup.metas, failOn: setup.config.failOn, classification: classified.classification, configErrors, notes, changes, scan };
}

/** `{ visibility }` from the payload's repository (see payloadVisibility); `{}` when it says nothing. */
export function visibilityOf(repository: unknown): { visibility?: string } {
  const visibility = payloadVisibility(repository);
  return visibility ? { visibility } : {};
}

/**
 * The effective config (org floor, repository on top) for prepareScan, and where it came from. A file
 * that exists but cannot be read stops the scan (the check fails closed, naming the file).
 */
async function readRepoConfig(gh: GitHubClient, repo: RepoRef, ref: string | undefined): Promise<{ inputs: ScanInputs; source: string }> {
  const effective = await loadRepoConfig(gh, repo, ref);
  const source = effective.sources.length > 0 ? effective.sources.join(", then ") : `defaults (no ${CONFIG_FILE} in the repository or the organization's ${ORG_CONFIG_REPO} repository)`;
  return { inputs: { effectiveConfig: effective, configFile: effective.sources.at(-1) ?? CONFIG_FILE }, source };
}

/** The config a change is judged by: the base branch's, never the change's own. */
function configRef(target: ScanTarget): string | undefined {
  const change = target.change;
  if (change.kind === "pull_request") return change.baseRef === target.defaultBranch ? undefined : change.baseRef;
  // A push to the default branch is judged by the config it started from, so that it cannot relax its own check.
  if (change.branch === target.defaultBranch && change.before !== ZERO_SHA) return change.before;
  return undefined;
}

async function listCommits(gh: GitHubClient, repo: RepoRef, target: ScanTarget): Promise<CommitList> {
  const change = target.change;
  if (change.kind === "pull_request") {
    return listPullRequestCommits(gh, repo, {
      number: change.number,
      baseSha: change.baseSha,
      headSha: target.headSha,
      ...(change.commitCount !== undefined ? { commitCount: change.commitCount } : {}),
    });
  }
  if (change.before !== ZERO_SHA) return listComparedCommits(gh, repo, change.before, change.after);
  if (change.branch !== target.defaultBranch) {
    // A new branch: what it holds beyond the default branch.
    const compared = await listComparedCommits(gh, repo, target.defaultBranch, change.after);
    return { commits: compared.commits, notes: [`A new branch: its commits beyond ${target.defaultBranch} were scanned.`, ...compared.notes] };
  }
  // The first push to a repository: nothing to compare with; the payload lists up to 20 commits.
  if (change.payloadCommits && change.payloadCommits.length > 0) {
    const commits = change.payloadCommits.map(fromPushPayload);
    const notes = commits.length >= 20 ? ["The first push to this repository lists only its 20 latest commits; older ones were not scanned."] : [];
    return { commits, notes };
  }
  // A re-run without the push's payload and without a `before`: the head commit alone, and said so.
  const { data } = await gh.rest.repos.getCommit({ owner: repo.owner, repo: repo.repo, ref: change.after });
  return { commits: [toCommitInfo(data as unknown as ApiCommit)], notes: ["The push's first commit is unknown here: only the head commit was scanned."] };
}

function fromPushPayload(c: PushPayloadCommit): CommitInfo {
  const info = toCommitInfo({
    sha: c.id,
    commit: {
      message: c.message,
      author: { name: c.author?.name ?? "", email: c.author?.email ?? "", ...(c.timestamp ? { date: c.timestamp } : {}) },
      committer: { name: c.committer?.name ?? "", email: c.committer?.email ?? "" },
    },
    author: c.author?.username ? { login: c.author.username } : null,
    committer: c.committer?.username ? { login: c.committer.username } : null,
  });
  // Parents are unknown here: the patch-less fallback then treats a modified file as wholly added.
  delete info.parents;
  return info;
}

/** Maps with at most `limit` calls at once, keeping the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
