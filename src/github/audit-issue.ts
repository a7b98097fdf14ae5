/**
 * The org's audit issue through the REST API, in the manner of renovate's Dependency Dashboard: one open
 * issue, found by exact title, the App's own authorship, a label and a signed hidden marker; duplicates
 * closed with a pointer to the survivor; each record appended as a comment; the body rebuilt from ALL
 * record comments and written only when it changed.
 *
 * Concurrency. GitHub has no compare-and-swap for issue bodies, so correctness comes from the data
 * living in the comments (one per record, never edited) and from every writer re-reading them after
 * its own write: a writer that PATCHes the body lists the comments again and writes once more if they
 * now render differently. The last PATCH is therefore made by a writer that re-read after every comment
 * that existed when it verified, and any later comment's writer PATCHes after it: the final body counts
 * every record. Two replicas that both create the issue agree on the survivor (the lowest number, i.e.
 * the oldest), close the other and copy any record it got.
 *
 * Failures: 5xx, 409 and rate limits are retried with backoff (honouring Retry-After); appending a
 * comment re-checks the marker before each retry, so a POST that landed but timed out is not repeated.
 */
import {
  AUDIT_ISSUE_TITLE,
  AUDIT_LABEL,
  deriveControls,
  hasIssueMarker,
  parseBaselineComment,
  parseRecordComment,
  renderBaselineComment,
  recordKey,
  renderDashboard,
  renderRecordComment,
  type AuditRecord,
  type InventoryBaselineRecord,
  type OrgFacts,
} from "../core/audit/index.js";
import { serverUrlOf } from "../core/audit/words.js";
import { describeApiError, httpStatus, isNotFound, isRateLimited, nextLink, type GitHubClient, type RepoRef } from "./client.js";

const PER_PAGE = 100;
/** Body rewrites per event before giving up (each follows a re-read that found new records). */
const MAX_BODY_ROUNDS = 6;
/** A duplicate younger than this is left to the replica that created it (see ensureIssue). */
const DUPLICATE_GRACE_MS = 2 * 60 * 1000;

export interface AppIdentity {
  /** The App's id: `performed_via_github_app.id` of what it wrote. */
  appId?: number;
  /** The App's slug: its bot user is `<slug>[bot]`. */
  slug?: string;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000, maxDelayMs: 30_000 };

export interface AuditWriterOptions {
  gh: GitHubClient;
  /** The audit repository (`<org>/<audit.repository>`). */
  repo: RepoRef;
  key: string;
  identity: AppIdentity;
  /** From the org config, for the dashboard's controls. */
  orgFacts: OrgFacts;
  /** Teams mentioned on critical incidents (`audit.notify`). */
  notify?: readonly string[];
  /** Where the audited repositories live, for links (default: from the client's API address). */
  serverUrl?: string;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
}

export interface AuditWriteResult {
  outcome: "appended" | "already-recorded";
  issueNumber: number;
  created: boolean;
  duplicatesClosed: number[];
  bodyWrites: number;
  /** API requests this write made (retries included): the cost of one audited event. */
  requests: number;
}

export class AuditWriteError extends Error {
  constructor(
    message: string,
    readonly requests: number,
  ) {
    super(message);
  }
}

interface ApiUser {
  login?: string;
  type?: string;
}
interface ApiApp {
  id?: number;
  slug?: string;
}
interface ApiIssue {
  number: number;
  title: string;
  body?: string | null;
  state?: string;
  user?: ApiUser | null;
  labels?: Array<string | { name?: string }>;
  performed_via_github_app?: ApiApp | null;
  pull_request?: unknown;
  created_at?: string;
}
interface ApiComment {
  id: number;
  body?: string;
  user?: ApiUser | null;
  performed_via_github_app?: ApiApp | null;
}

interface AuditIssue {
  number: number;
  body: string;
  labelled: boolean;
  /** ms since the epoch (GitHub's `created_at`), when given. */
  createdAt?: number;
}

interface TrustedRecord {
  /** The comment's id (GitHub's ids grow with time: the lower one was posted first). */
  id: number;
  key: string;
  record: AuditRecord;
  /** The comment as written, to copy it verbatim from a duplicate issue. */
  body: string;
}

/** Did this App write it? A bot author, and when GitHub says which App acted, that App. */
export function authoredByApp(item: { user?: ApiUser | null; performed_via_github_app?: ApiApp | null }, identity: AppIdentity): boolean {
  const login = item.user?.login ?? "";
  // A person acting through the App (a user-to-server token) has their own login and type "User".
  if (!(item.user?.type === "Bot" || login.endsWith("[bot]"))) return false;
  const via = item.performed_via_github_app;
  if (via && identity.appId !== undefined && via.id !== undefined) return via.id === identity.appId;
  if (via?.slug && identity.slug) return via.slug.toLowerCase() === identity.slug.toLowerCase();
  if (identity.slug) return login.toLowerCase() === `${identity.slug.toLowerCase()}[bot]`;
  // Nothing more to compare: the marker signed with AUDIT_HMAC_KEY (checked by the caller) is the proof.
  return true;
}

function isRetryable(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === undefined) return !(error instanceof AuditWriteError); // network errors, timeouts
  return status >= 500 || status === 409 || status === 429 || isRateLimited(error);
}

/** Writes records to one org's audit issue. Safe to share: each write keeps its own state. */
export class AuditIssueWriter {
  constructor(private readonly options: AuditWriterOptions) {}

  /** Appends the record (unless its delivery and head SHA are already recorded) and syncs the dashboard. */
  write(record: AuditRecord): Promise<AuditWriteResult> {
    return new AuditWrite(this.options).run(record);
  }

  /**
   * The installation baseline's checkpoint: the audit issue (created when there is none) and the
   * repositories (`owner/name`, lower case) whose signed baseline record it already holds.
   */
  recordedBaselines(): Promise<{ issueNumber: number; repositories: Set<string>; requests: number }> {
    return new AuditWrite(this.options).recordedBaselines();
  }

  /** Appends one repository's baseline record as a comment (the body's dashboard counts audit records only). */
  appendBaseline(issueNumber: number, record: InventoryBaselineRecord): Promise<{ requests: number }> {
    return new AuditWrite(this.options).appendBaseline(issueNumber, record);
  }
}

/** One write: its request count and retry state. */
class AuditWrite {
  private readonly gh: GitHubClient;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private requests = 0;
  private readonly serverUrl: string;

  constructor(private readonly options: AuditWriterOptions) {
    this.gh = options.gh;
    // Octokit knows its API address (api.github.com, or a GHES /api/v3); the Action's client does not.
    const defaults = (options.gh.request as { endpoint?: { DEFAULTS?: { baseUrl?: string } } } | undefined)?.endpoint?.DEFAULTS;
    this.serverUrl = options.serverUrl ?? serverUrlOf(defaults?.baseUrl);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async run(record: AuditRecord): Promise<AuditWriteResult> {
    try {
      const found = await this.ensureIssue();
      let comments = await this.listRecords(found.issue.number);
      const key = recordKey(record);
      let outcome: AuditWriteResult["outcome"] = "already-recorded";
      let mine: { key: string; id: number } | undefined;
      if (!comments.some((c) => c.key === key)) {
        const appended = await this.append(found.issue.number, record, comments);
        comments = appended.records;
        if (appended.posted) {
          outcome = "appended";
          if (appended.id !== undefined) mine = { key, id: appended.id };
        }
      }
      const synced = await this.syncBody(found.issue, comments, mine);
      if (synced.droppedMine) outcome = "already-recorded";
      return { outcome, issueNumber: found.issue.number, created: found.created, duplicatesClosed: found.closed, bodyWrites: synced.writes, requests: this.requests };
    } catch (error) {
      throw new AuditWriteError(error instanceof AuditWriteError ? error.message : describeApiError(error), this.requests);
    }
  }

  async recordedBaselines(): Promise<{ issueNumber: number; repositories: Set<string>; requests: number }> {
    try {
      const { issue } = await this.ensureIssue();
      const comments = await this.paginate<ApiComment>("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { issue_number: issue.number });
      const repositories = new Set<string>();
      for (const comment of comments) {
        if (!comment.body || !authoredByApp(comment, this.options.identity)) continue;
        const parsed = parseBaselineComment(comment.body, this.options.key);
        if (parsed?.signed) repositories.add(parsed.record.repository.name.toLowerCase());
      }
      return { issueNumber: issue.number, repositories, requests: this.requests };
    } catch (error) {
      throw new AuditWriteError(error instanceof AuditWriteError ? error.message : describeApiError(error), this.requests);
    }
  }

  async appendBaseline(issueNumber: number, record: InventoryBaselineRecord): Promise<{ requests: number }> {
    const body = renderBaselineComment(record, this.options.key);
    try {
      await this.call(() => this.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...this.options.repo, issue_number: issueNumber, body }));
      return { requests: this.requests };
    } catch (error) {
      throw new AuditWriteError(describeApiError(error), this.requests);
    }
  }

  // --- the issue ----------------------------------------------------------------------------------

  private async ensureIssue(): Promise<{ issue: AuditIssue; created: boolean; closed: number[] }> {
    let candidates = await this.findOwnIssues(true);
    let created = false;
    if (candidates.length === 0) {
      // A label removed by hand, or never stored: look among all open issues before creating another.
      candidates = await this.findOwnIssues(false);
      const first = candidates[0];
      if (first && !first.labelled) await this.call(() => this.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", { ...this.options.repo, issue_number: first.number, labels: [AUDIT_LABEL] }));
    }
    let mine: number | undefined;
    if (candidates.length === 0) {
      const body = this.render([]);
      const response = await this.call(() =>
        this.gh.request("POST /repos/{owner}/{repo}/issues", { ...this.options.repo, title: AUDIT_ISSUE_TITLE, body, labels: [AUDIT_LABEL] }),
      );
      mine = (response.data as { number?: number }).number;
      created = true;
      // Another replica may have created one at the same moment: list again and let the oldest win.
      candidates = await this.findOwnIssues(true);
      if (candidates.length === 0) throw new AuditWriteError("the audit issue was created but cannot be found again (is the label filtered out?)", this.requests);
    }
    const [survivor, ...duplicates] = candidates as [AuditIssue, ...AuditIssue[]];
    const closed: number[] = [];
    // In a burst, every replica may have created an issue: each creator closes only its own (one
    // closure per duplicate, not one per replica and duplicate); a writer that created nothing closes
    // the duplicates old enough that their creator should have closed them (it crashed, or a person
    // made a copy).
    const now = Date.now();
    const toClose = created ? duplicates.filter((d) => d.number === mine) : duplicates.filter((d) => d.createdAt === undefined || now - d.createdAt > DUPLICATE_GRACE_MS);
    for (const duplicate of toClose) {
      await this.closeDuplicate(duplicate, survivor);
      closed.push(duplicate.number);
    }
    return { issue: survivor, created, closed };
  }

  /** Open issues this App wrote as the org's audit issue, oldest (lowest number) first. */
  private async findOwnIssues(byLabel: boolean): Promise<AuditIssue[]> {
    const org = this.options.repo.owner;
    const issues = await this.paginate<ApiIssue>("GET /repos/{owner}/{repo}/issues", {
      state: "open",
      sort: "created",
      direction: "asc",
      ...(byLabel ? { labels: AUDIT_LABEL } : {}),
    });
    return issues
      .filter(
        (issue) =>
          !issue.pull_request &&
          issue.state !== "closed" &&
          issue.title === AUDIT_ISSUE_TITLE &&
          (!byLabel || (issue.labels ?? []).some((l) => (typeof l === "string" ? l : l.name) === AUDIT_LABEL)) &&
          authoredByApp(issue, this.options.identity) &&
          hasIssueMarker(issue.body, org, this.options.key),
      )
      .sort((a, b) => a.number - b.number)
      .map((issue) => {
        const createdAt = issue.created_at ? Date.parse(issue.created_at) : NaN;
        return {
          number: issue.number,
          body: issue.body ?? "",
          labelled: (issue.labels ?? []).some((l) => (typeof l === "string" ? l : l.name) === AUDIT_LABEL),
          ...(Number.isFinite(createdAt) ? { createdAt } : {}),
        };
      });
  }

  private async closeDuplicate(duplicate: AuditIssue, survivor: AuditIssue): Promise<void> {
    // Records that landed on the duplicate (two replicas created at once) are copied, not lost.
    const theirs = await this.listRecords(duplicate.number);
    if (theirs.length > 0) {
      const ours = new Set((await this.listRecords(survivor.number)).map((r) => r.key));
      for (const record of theirs) {
        if (ours.has(record.key)) continue;
        await this.call(() => this.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...this.options.repo, issue_number: survivor.number, body: record.body }));
        ours.add(record.key);
      }
    }
    await this.call(() =>
      this.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...this.options.repo,
        issue_number: duplicate.number,
        body: `Closed as a duplicate of #${survivor.number}: claude-guard keeps one audit issue per organization (the oldest one). ${theirs.length > 0 ? "The records of this issue were copied there." : ""}`.trim(),
      }),
    );
    await this.call(() =>
      this.gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...this.options.repo, issue_number: duplicate.number, state: "closed", state_reason: "not_planned" }),
    );
  }

  // --- the records --------------------------------------------------------------------------------

  /** Every record comment the App wrote and signed, in comment order. */
  private async listRecords(issueNumber: number): Promise<TrustedRecord[]> {
    const comments = await this.paginate<ApiComment>("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { issue_number: issueNumber });
    const out: TrustedRecord[] = [];
    for (const comment of comments) {
      if (!comment.body || !authoredByApp(comment, this.options.identity)) continue;
      const parsed = parseRecordComment(comment.body, this.options.key);
      if (parsed?.signed) out.push({ id: comment.id, key: recordKey(parsed.record), record: parsed.record, body: comment.body });
    }
    return out;
  }

  /**
   * Posts the record's comment. A failed POST may still have landed (a timeout, a 502 from a proxy):
   * before each retry the comments are read again and the marker looked for.
   */
  private async append(issueNumber: number, record: AuditRecord, existing: TrustedRecord[]): Promise<{ posted: boolean; id?: number; records: TrustedRecord[] }> {
    const body = renderRecordComment(record, { key: this.options.key, notify: this.options.notify ?? [], serverUrl: this.serverUrl });
    const key = recordKey(record);
    let records = existing;
    for (let attempt = 1; ; attempt++) {
      if (records.some((r) => r.key === key)) return { posted: false, records };
      try {
        this.requests++;
        const { data } = await this.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...this.options.repo, issue_number: issueNumber, body });
        const id = (data as { id?: number }).id;
        return { posted: true, ...(id !== undefined ? { id } : {}), records: [...records, { id: id ?? Number.MAX_SAFE_INTEGER, key, record, body }] };
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.retry.attempts) throw error;
        await this.sleep(this.delay(attempt, error));
        records = await this.listRecords(issueNumber);
      }
    }
  }

  // --- the body -----------------------------------------------------------------------------------

  private render(records: readonly TrustedRecord[]): string {
    const list = records.map((r) => r.record);
    return renderDashboard({
      org: this.options.repo.owner,
      key: this.options.key,
      records: list,
      controls: deriveControls(list, this.options.orgFacts),
      serverUrl: this.serverUrl,
      ...(this.options.orgFacts.anomalies ? { anomalies: this.options.orgFacts.anomalies } : {}),
    });
  }

  /**
   * Writes the body when it differs from the last one known, then re-reads the comments: unchanged, the
   * body just written is complete. Changed (another replica appended meanwhile), the current body is read:
   * if that replica already wrote the complete body there is nothing to do, else this one writes again.
   * Each re-read also settles a race on one delivery: two replicas handling the same redelivered event
   * at the same moment may both append; the later comment (higher id) is deleted by its own writer.
   */
  private async syncBody(issue: AuditIssue, records: TrustedRecord[], appended?: { key: string; id: number }): Promise<{ writes: number; droppedMine: boolean }> {
    let mine = appended;
    let known = issue.body;
    let writes = 0;
    let current = records;
    let droppedMine = false;
    let reread = false;
    const readAgain = async (): Promise<TrustedRecord[]> => {
      reread = true;
      let again = await this.listRecords(issue.number);
      const own = mine;
      if (own && again.some((r) => r.key === own.key && r.id < own.id)) {
        await this.call(() => this.gh.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...this.options.repo, comment_id: own.id })).catch((error: unknown) => {
          if (!isNotFound(error)) throw error; // already gone is what we wanted
        });
        again = again.filter((r) => r.id !== own.id);
        droppedMine = true;
        mine = undefined;
      }
      return again;
    };
    for (let round = 0; round < MAX_BODY_ROUNDS; round++) {
      const body = this.render(current);
      if (body === known) {
        // Nothing to write, but a comment just posted is still checked against a twin once.
        if (mine && !reread) await readAgain();
        return { writes, droppedMine };
      }
      await this.call(() => this.gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...this.options.repo, issue_number: issue.number, body }));
      writes++;
      const again = await readAgain();
      if (sameRecords(again, current)) return { writes, droppedMine };
      current = again;
      const { data } = await this.call(() => this.gh.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...this.options.repo, issue_number: issue.number }));
      known = (data as { body?: string | null }).body ?? "";
    }
    return { writes, droppedMine };
  }

  // --- plumbing -----------------------------------------------------------------------------------

  private async paginate<T>(route: string, params: Record<string, unknown>): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const response = await this.call(() => this.gh.request(route, { ...this.options.repo, ...params, per_page: PER_PAGE, page }));
      const data = response.data as unknown;
      if (!Array.isArray(data)) throw new AuditWriteError(`unexpected answer from ${route}`, this.requests);
      out.push(...(data as T[]));
      const link = (response.headers as Record<string, string | undefined>)["link"];
      const more = link !== undefined ? nextLink(link) !== undefined : data.length === PER_PAGE;
      if (!more || data.length === 0) return out;
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.requests++;
        return await request();
      } catch (error) {
        if (!isRetryable(error) || attempt >= this.retry.attempts) throw error;
        await this.sleep(this.delay(attempt, error));
      }
    }
  }

  private delay(attempt: number, error: unknown): number {
    const headers = (error as { response?: { headers?: Record<string, string | number | undefined> } }).response?.headers ?? {};
    const retryAfter = Number(headers["retry-after"]);
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, this.retry.maxDelayMs);
    const reset = Number(headers["x-ratelimit-reset"]);
    if (String(headers["x-ratelimit-remaining"] ?? "") === "0" && Number.isFinite(reset)) return Math.min(Math.max(0, reset * 1000 - Date.now()), this.retry.maxDelayMs);
    return Math.min(this.retry.baseMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
  }
}

function sameRecords(a: readonly TrustedRecord[], b: readonly TrustedRecord[]): boolean {
  const keys = new Set(a.map((r) => r.key));
  return keys.size === new Set(b.map((r) => r.key)).size && b.every((r) => keys.has(r.key));
}

type VisibilityCheck = { ok: true; visibility: string } | { ok: false; reason: string };

/**
 * Audit data goes only to a repository GitHub confirms is private or internal. Anything else (public,
 * an answer without the fields, an error) is a refusal with a reason for the check run.
 */
export async function checkAuditRepository(gh: GitHubClient, repo: RepoRef): Promise<VisibilityCheck> {
  const name = `${repo.owner}/${repo.repo}`;
  let data: { private?: unknown; visibility?: unknown };
  try {
    data = (await gh.request("GET /repos/{owner}/{repo}", { ...repo })).data as typeof data;
  } catch (error) {
    if (isNotFound(error)) return { ok: false, reason: `the audit repository ${name} does not exist or the App is not installed on it` };
    return { ok: false, reason: `the visibility of the audit repository ${name} could not be confirmed (${describeApiError(error)})` };
  }
  // `visibility` first: an internal repository is not public, whatever `private` says about it.
  if (data.visibility === "internal") return { ok: true, visibility: "internal" };
  if (data.visibility === "public" || data.private === false) return { ok: false, reason: `the audit repository ${name} is public: audit data is written only to a private or internal repository` };
  if (data.private === true) return { ok: true, visibility: typeof data.visibility === "string" ? data.visibility : "private" };
  return { ok: false, reason: `the visibility of the audit repository ${name} could not be confirmed (GitHub's answer did not say it is private or internal)` };
}
