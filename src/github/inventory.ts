/**
 * The inventory's reading through the REST API (`claude-guard inventory --org`), and what the App's
 * installation baseline reuses: an organization's repositories and their classification property values
 * (one request per 100 repositories each), then per repository its commits from the commit list (one
 * request per 100 commits: the messages come with the list, so authorship costs nothing more), and each
 * Claude-authored commit read once (`GET /commits/{sha}`: its lines added and paths, and with `scan`
 * the patches of that same answer). Human and other agents' commits cost no request of their own.
 * Decisions (authorship, classification, counting) are the core's.
 */
import { claudeChange, commitAgent, countFindings, type ClaudeChange, type RepositoryHistory } from "../core/inventory/index.js";
import { businessHoursOrDefault } from "../core/calendar.js";
import type { Classification } from "../core/config/config.js";
import { resolveClassification } from "../core/policy/classification.js";
import { scanChange } from "../core/scan-change.js";
import { prepareScan, type ScanSetup } from "../core/setup.js";
import { localLogin } from "../git/local-policy.js";
import { httpStatus, nextLink, type GitHubClient, type RepoRef } from "./client.js";
import { readCommitChange, readListedCommit, type ListedCommit } from "./commit-files.js";
import { toCommitInfo, type ApiCommit } from "./commits.js";
import { loadRepoConfig, type ConfigTextCache } from "./config.js";
import type { PropertyValues } from "./properties.js";
import { userTeams } from "./teams.js";

const PER_PAGE = 100;

interface OrgRepository {
  name: string;
  visibility?: string;
  archived: boolean;
  /** Empty repositories (no default branch yet) have no commits to list. */
  defaultBranch?: string;
}

/** Every page of a listing, following the Link header. */
async function listAll<T>(gh: GitHubClient, route: string, params: Record<string, unknown>, pick: (data: unknown) => T[] = (data) => data as T[]): Promise<T[]> {
  const out: T[] = [];
  let response = await gh.request(route, { ...params, per_page: PER_PAGE });
  for (;;) {
    const items = pick(response.data);
    out.push(...items);
    const next = nextLink((response.headers as Record<string, string | undefined>).link);
    if (!next || items.length === 0) return out;
    response = await gh.request({ method: "GET", url: next });
  }
}

export async function listOrgRepositories(gh: GitHubClient, org: string): Promise<OrgRepository[]> {
  const repos = await listAll<{ name: string; visibility?: string; private?: boolean; archived?: boolean; default_branch?: string }>(gh, "GET /orgs/{org}/repos", { org, type: "all" });
  return repos.map((r) => ({
    name: r.name,
    archived: r.archived === true,
    ...(r.visibility ? { visibility: r.visibility } : typeof r.private === "boolean" ? { visibility: r.private ? "private" : "public" } : {}),
    ...(r.default_branch ? { defaultBranch: r.default_branch } : {}),
  }));
}

/**
 * Every repository's custom property values in one listing (one request per 100 repositories), by
 * repository name; undefined when the organization has none to read (404/403: no custom properties).
 */
export async function orgPropertyValues(gh: GitHubClient, org: string): Promise<Map<string, PropertyValues> | undefined> {
  try {
    const rows = await listAll<{ repository_name: string; properties?: Array<{ property_name: string; value: string | string[] | null }> }>(gh, "GET /orgs/{org}/properties/values", { org });
    return new Map(rows.map((row) => [row.repository_name, Object.fromEntries((row.properties ?? []).map((p) => [p.property_name, p.value]))]));
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 403) return undefined;
    throw error;
  }
}

interface HistoryOptions {
  setup: ScanSetup;
  classification: { value: Classification; source: string };
  since?: string;
  until?: string;
  /** Scan the lines Claude added (the commit's patches, from the same request). */
  scan: boolean;
  /** Called after each page of the commit list and each Claude commit read. */
  onProgress?: (progress: { commitsListed: number; claudeRead: number }) => void;
}

/** One repository's history since/until on its default branch: Claude's changes, other agents' counts. */
async function readRepositoryHistory(gh: GitHubClient, repo: RepoRef, options: HistoryOptions): Promise<RepositoryHistory> {
  const history: RepositoryHistory = { name: `${repo.owner}/${repo.repo}`, classification: options.classification, commitsRead: 0, claude: [], otherAgents: {}, scanned: options.scan };
  const hours = businessHoursOrDefault(options.setup.config.content.businessHours);
  const markers = options.setup.config.authorship.markers;
  let listed: ApiCommit[];
  try {
    listed = await listAll<ApiCommit>(gh, "GET /repos/{owner}/{repo}/commits", {
      owner: repo.owner,
      repo: repo.repo,
      ...(options.since ? { since: options.since } : {}),
      ...(options.until ? { until: options.until } : {}),
    });
  } catch (error) {
    // 409: an empty repository (nothing to list).
    if (httpStatus(error) === 409) return history;
    throw error;
  }
  let claudeRead = 0;
  options.onProgress?.({ commitsListed: listed.length, claudeRead });
  for (const api of listed) {
    const commit = toCommitInfo(api);
    history.commitsRead++;
    const agent = commitAgent(commit, markers);
    if (!agent.claude) {
      if (agent.otherAgent) history.otherAgents[agent.otherAgent] = (history.otherAgents[agent.otherAgent] ?? 0) + 1;
      continue;
    }
    const login = commit.author.login ?? localLogin(commit.author) ?? "unknown";
    let change: ClaudeChange;
    if (options.scan) {
      let size: ListedCommit = { additions: 0, paths: [] };
      const read = await readCommitChange(gh, repo, commit, { byClaude: true, isIgnoredPath: options.setup.isIgnoredPath, onListed: (l) => (size = l) });
      const scanned = scanChange(options.setup, { commit: commit.sha, files: read.files, skipped: read.skipped, byClaude: true });
      change = { ...claudeChange(commit, login, size.additions, size.paths, hours), findings: countFindings(scanned.findings) };
    } else {
      const size = await readListedCommit(gh, repo, commit.sha);
      change = claudeChange(commit, login, size.additions, size.paths, hours);
    }
    history.claude.push(change);
    options.onProgress?.({ commitsListed: listed.length, claudeRead: ++claudeRead });
  }
  return history;
}

interface InventoryReadOptions {
  /** The org's custom property values (orgPropertyValues), for the classification. */
  properties: Map<string, PropertyValues> | undefined;
  /** Shared across repositories: the org's config file is read once. */
  configTexts: ConfigTextCache;
  since?: string;
  until?: string;
  scan: boolean;
  onProgress?: HistoryOptions["onProgress"];
}

/**
 * One repository of an organization as the inventory reads it (`inventory --org` and the App's
 * installation baseline): its effective config, its classification (custom property, config,
 * visibility), then its history; config and classification problems become the history's notes.
 */
export async function readInventoryRepository(gh: GitHubClient, org: string, repository: Pick<OrgRepository, "name" | "visibility">, options: InventoryReadOptions): Promise<RepositoryHistory> {
  const ref = { owner: org, repo: repository.name };
  const effective = await loadRepoConfig(gh, ref, undefined, options.configTexts);
  const setup = prepareScan({ effectiveConfig: effective });
  const notes = setup.errors.map((e) => `config error, defaults used where it is wrong: ${e}`);
  const propertyValue = options.properties?.get(repository.name)?.[setup.config.classificationProperty];
  const resolved = resolveClassification({
    propertyName: setup.config.classificationProperty,
    ...(propertyValue != null ? { propertyValue } : {}),
    ...(setup.config.classification ? { configValue: setup.config.classification } : {}),
    ...(repository.visibility ? { visibility: repository.visibility } : {}),
  });
  notes.push(...resolved.problems);
  const history = await readRepositoryHistory(gh, ref, {
    setup,
    classification: resolved.classification,
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
    scan: options.scan,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (notes.length > 0) history.notes = notes;
  return history;
}

/** Each Claude author's teams in the org (`org/slug`), one lookup per login. */
export async function authorTeams(gh: GitHubClient, org: string, histories: readonly RepositoryHistory[]): Promise<Map<string, string[]>> {
  const logins = [...new Set(histories.flatMap((h) => h.claude.map((c) => c.login)))].sort();
  const teams = new Map<string, string[]>();
  for (const login of logins) teams.set(login, ((await userTeams(gh, org, login)) ?? []).map((slug) => `${org}/${slug}`));
  return teams;
}
