/**
 * Which commits a change holds, read through the REST API: a pull request's commits (paginated), past
 * GitHub's 250-commit listing limit the compare API, and a push's new commits. Only metadata here
 * (message, author, committer, parents): the core decides authorship from it, and only Claude's commits
 * are then read file by file (see commit-files.ts), so human commits cost no request of their own.
 */
import type { CommitInfo } from "../core/types.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** GitHub lists at most this many commits of a pull request. */
const PR_COMMIT_LIST_LIMIT = 250;
const PER_PAGE = 100;
/** Pages of the compare API read at most (10,000 commits): a guard, not an expected size. */
const MAX_COMPARE_PAGES = 100;

export interface CommitList {
  commits: CommitInfo[];
  /** Said in the check run: how the commits were read when it was not the plain listing, what is missing. */
  notes: string[];
}

/** The shape the REST API gives a commit in PR listings, compare results and commit details. */
export interface ApiCommit {
  sha: string;
  commit: {
    message: string;
    author?: { name?: string; email?: string; date?: string } | null;
    committer?: { name?: string; email?: string; date?: string } | null;
  };
  author?: { login?: string } | null;
  committer?: { login?: string } | null;
  parents?: Array<{ sha: string }>;
}

export function toCommitInfo(api: ApiCommit): CommitInfo {
  const author = api.commit.author ?? {};
  const committer = api.commit.committer ?? {};
  const info: CommitInfo = {
    sha: api.sha,
    message: api.commit.message ?? "",
    author: { name: author.name ?? "", email: author.email ?? "" },
    committer: { name: committer.name ?? "", email: committer.email ?? "" },
    parents: (api.parents ?? []).map((p) => p.sha),
  };
  if (api.author?.login) info.author.login = api.author.login;
  if (api.committer?.login) info.committer.login = api.committer.login;
  if (author.date) info.date = author.date;
  return info;
}

interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
  /** `pull_request.commits` from the payload, when known. */
  commitCount?: number;
}

export async function listPullRequestCommits(gh: GitHubClient, repo: RepoRef, pr: PullRequestRef): Promise<CommitList> {
  // Over the limit the listing would stop at 250 without saying so: go straight to the compare API.
  if (pr.commitCount === undefined || pr.commitCount < PR_COMMIT_LIST_LIMIT) {
    const listed = (await gh.paginate(gh.rest.pulls.listCommits, {
      owner: repo.owner,
      repo: repo.repo,
      pull_number: pr.number,
      per_page: PER_PAGE,
    })) as ApiCommit[];
    if (listed.length < PR_COMMIT_LIST_LIMIT) return { commits: listed.map(toCommitInfo), notes: [] };
  }
  const compared = await listComparedCommits(gh, repo, pr.baseSha, pr.headSha);
  const notes = [
    `The pull request has ${pr.commitCount ?? `at least ${PR_COMMIT_LIST_LIMIT}`} commits, more than GitHub lists for a pull request (${PR_COMMIT_LIST_LIMIT}): its commits were read through the compare API (${pr.baseSha.slice(0, 7)}...${pr.headSha.slice(0, 7)}).`,
    ...compared.notes,
  ];
  if (pr.commitCount !== undefined && compared.commits.length < pr.commitCount) {
    notes.push(`Only ${compared.commits.length} of the pull request's ${pr.commitCount} commits could be read; the others were not scanned.`);
  }
  return { commits: compared.commits, notes };
}

/** Commits reachable from `head` and not from `base` (three-dot compare), oldest first, all pages. */
export async function listComparedCommits(gh: GitHubClient, repo: RepoRef, base: string, head: string): Promise<CommitList & { total: number }> {
  const commits: CommitInfo[] = [];
  let total = 0;
  for (let page = 1; page <= MAX_COMPARE_PAGES; page++) {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
      owner: repo.owner,
      repo: repo.repo,
      basehead: `${base}...${head}`,
      per_page: PER_PAGE,
      page,
    });
    total = data.total_commits;
    const pageCommits = data.commits as unknown as ApiCommit[];
    commits.push(...pageCommits.map(toCommitInfo));
    if (pageCommits.length < PER_PAGE || commits.length >= total) break;
  }
  const notes: string[] = [];
  if (commits.length < total) notes.push(`The comparison holds ${total} commits; ${total - commits.length} of them could not be read and were not scanned.`);
  return { commits, total, notes };
}
