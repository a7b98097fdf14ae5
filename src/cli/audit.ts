/**
 * `claude-guard audit export|verify`: the investigator's side of the audit trail.
 *
 * - export: reads the record comments of the org's audit issue through the REST API (found as the App
 *   finds it: exact title, label, the App's own authorship and, with AUDIT_HMAC_KEY, its signed marker)
 *   and writes one record per line (JSON Lines), each with the signature of its comment's marker,
 *   filtered by date, user and classification, for `jq`.
 * - verify: checks each record's signature (a record edited after the App wrote it fails, naming the
 *   field; a record without a signature fails too), then recomputes its keyed hashes from a local clone
 *   (the added lines of the record's commits, read with readCommits exactly as `scan --git` reads them)
 *   and says match or mismatch for each, so a record can be shown to be the App's and to describe the
 *   code it claims to describe.
 *
 * Exit status: 0 done / all match; 1 a record does not verify (verify); 2 usage or runtime error.
 */
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
// A type only here: the client is loaded when `audit export` runs, so other commands do not pay for it.
import type { Octokit } from "@octokit/rest";
import { dateBound, notADate } from "../core/date-bound.js";
import {
  AUDIT_ISSUE_TITLE,
  AUDIT_LABEL,
  checkRecordSignature,
  contentHash,
  exportedRecord,
  hasIssueMarker,
  isAuditRecord,
  keyId,
  MAX_RECORD_COMMITS,
  parseRecordComment,
  parseRecordSignature,
  recordKey,
  type AuditRecord,
  type RecordSignature,
} from "../core/audit/index.js";
import { BoundedParseError, parseJson } from "../core/bounded-parse.js";
import { CLASSIFICATIONS } from "../core/config/config.js";
import type { CommitChange } from "../core/types.js";
import { readCommits } from "../git/read-commits.js";
import { authoredByApp, type AppIdentity } from "../github/audit-issue.js";
import { describeApiError, nextLink } from "../github/client.js";
import { EXIT_CLEAN as EXIT_OK, EXIT_ERROR, EXIT_FINDINGS as EXIT_MISMATCH, writeOutputFile, type CliIO } from "./io.js";
import { errorSentence, parseFlags, unknownCommand } from "../core/command-line.js";

const PER_PAGE = 100;

export const AUDIT_USAGE = `Usage:
  claude-guard audit export --repo OWNER/REPO [--since DATE] [--until DATE] [--user LOGIN]
                            [--classification public|internal|confidential|restricted] [--output FILE]
      Write the audit issue's records of the audit repository OWNER/REPO as JSON Lines (one record a
      line, with the \`signature\` of its comment for \`audit verify\`). DATE is YYYY-MM-DD (--until includes that whole day, UTC) or an ISO 8601 time.
      --classification matches the repository's or the touched content's classification.
      Environment: GITHUB_TOKEN (required, can read the audit repository's issues); GITHUB_API_URL or
      GHE_HOST (GitHub Enterprise Server) for another API; AUDIT_HMAC_KEY (recommended: only records
      signed with it are exported; without it, any record comment by a GitHub App is); APP_SLUG.
  claude-guard audit verify [--repo DIR] (--record FILE | --stdin)
      Check a record's signature (a line of \`audit export\`, the Action's audit file, or a record
      comment's body), naming any field changed since it was signed, and recompute its hashes from the
      clone DIR (default: .). A record without a signature does not verify. Needs AUDIT_HMAC_KEY.
      Exit status: 0 all match, 1 a record does not verify, 2 an error (no key, commits not in the clone, ...).`;

class AuditCliError extends Error {}
/** A mistake in the command line: the usage is shown with the message. */
class AuditUsageError extends AuditCliError {}

export interface AuditCliDeps {
  /** Reads standard input (for `verify --stdin`); default: process.stdin. */
  readStdin?: () => Promise<string>;
}

export async function runAuditCli(argv: readonly string[], io: CliIO, deps: AuditCliDeps = {}): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined) {
    io.stderr.write(`claude-guard audit: name a command, export or verify\n\n${AUDIT_USAGE}\n`);
    return EXIT_ERROR;
  }
  if (sub === "help" || sub === "--help" || sub === "-h") {
    io.stdout.write(`${AUDIT_USAGE}\n`);
    return EXIT_OK;
  }
  try {
    if (sub === "export") return await runExport(rest, io);
    if (sub === "verify") return await runVerify(rest, io, deps);
    throw new AuditUsageError(unknownCommand("audit command", sub, ["export", "verify"]).message);
  } catch (error) {
    io.stderr.write(`claude-guard audit: ${errorSentence(error)}\n`);
    if (error instanceof AuditUsageError) io.stderr.write(`\n${AUDIT_USAGE}\n`);
    return EXIT_ERROR;
  }
}

/** The options of `audit export` and of `audit verify`. */
export const AUDIT_EXPORT_OPTIONS = {
  repo: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  user: { type: "string" },
  classification: { type: "string" },
  output: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
export const AUDIT_VERIFY_OPTIONS = { repo: { type: "string" }, record: { type: "string" }, stdin: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;

function parse(args: readonly string[], options: typeof AUDIT_EXPORT_OPTIONS | typeof AUDIT_VERIFY_OPTIONS) {
  try {
    return parseFlags(args, options, false).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new AuditUsageError((error as Error).message);
  }
}

// --- export ---------------------------------------------------------------------------------------

export interface ExportFilter {
  since?: number;
  until?: number;
  user?: string;
  classification?: string;
}

/** A date bound in ms (see core/date-bound.ts); a usage error when `text` is not a date. */
export function parseDateBound(flag: string, text: string, end: boolean): number {
  const ms = dateBound(text, end);
  if (ms === undefined) throw new AuditCliError(notADate(flag, text));
  return ms;
}

export function matchesFilter(record: AuditRecord, filter: ExportFilter): boolean {
  const at = Date.parse(record.timestamp);
  if (filter.since !== undefined && at < filter.since) return false;
  if (filter.until !== undefined && at > filter.until) return false;
  if (filter.user !== undefined && (record.user ?? "").toLowerCase() !== filter.user.toLowerCase()) return false;
  if (filter.classification !== undefined && record.repository.classification !== filter.classification && record.policy_checks.content_classification !== filter.classification) return false;
  return true;
}

/** The REST API's base: GITHUB_API_URL, else GitHub Enterprise Server's GHE_HOST, else github.com. */
export function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  const explicit = env["GITHUB_API_URL"];
  if (explicit) return explicit.replace(/\/+$/, "");
  const host = env["GHE_HOST"];
  if (host) return `${env["GHE_PROTOCOL"] ?? "https"}://${host}/api/v3`;
  return "https://api.github.com";
}

interface ApiIssue {
  number: number;
  title: string;
  body?: string | null;
  state?: string;
  user?: { login?: string; type?: string } | null;
  labels?: Array<string | { name?: string }>;
  performed_via_github_app?: { id?: number; slug?: string } | null;
  pull_request?: unknown;
}
interface ApiComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
  performed_via_github_app?: { id?: number; slug?: string } | null;
}

async function paginate<T>(octokit: Octokit, route: string, params: Record<string, unknown>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const response = await octokit.request(route, { ...params, per_page: PER_PAGE, page });
    const data = response.data as unknown;
    if (!Array.isArray(data)) throw new AuditCliError(`unexpected answer from ${route}`);
    out.push(...(data as T[]));
    const link = (response.headers as Record<string, string | undefined>)["link"];
    const more = link !== undefined ? nextLink(link) !== undefined : data.length === PER_PAGE;
    if (!more || data.length === 0) return out;
  }
}

const hasLabel = (issue: ApiIssue) => (issue.labels ?? []).some((l) => (typeof l === "string" ? l : l.name) === AUDIT_LABEL);

/** The open audit issue, as the App picks it: its own, titled and marked; the oldest when there are several. */
async function findAuditIssue(octokit: Octokit, owner: string, repo: string, identity: AppIdentity, key: string | undefined): Promise<ApiIssue | undefined> {
  const ours = (issue: ApiIssue, byLabel: boolean) =>
    !issue.pull_request &&
    issue.state !== "closed" &&
    issue.title === AUDIT_ISSUE_TITLE &&
    (!byLabel || hasLabel(issue)) &&
    authoredByApp(issue, identity) &&
    (key === undefined || hasIssueMarker(issue.body, owner, key));
  for (const byLabel of [true, false]) {
    const issues = await paginate<ApiIssue>(octokit, "GET /repos/{owner}/{repo}/issues", {
      owner,
      repo,
      state: "open",
      sort: "created",
      direction: "asc",
      ...(byLabel ? { labels: AUDIT_LABEL } : {}),
    });
    const found = issues.filter((i) => ours(i, byLabel)).sort((a, b) => a.number - b.number);
    if (found[0]) return found[0];
  }
  return undefined;
}

async function runExport(args: readonly string[], io: CliIO): Promise<number> {
  const values = parse(args, AUDIT_EXPORT_OPTIONS);
  if (values["help"]) {
    io.stdout.write(`${AUDIT_USAGE}\n`);
    return EXIT_OK;
  }
  const repoArg = values["repo"];
  const match = typeof repoArg === "string" ? /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repoArg) : null;
  if (!match) throw new AuditUsageError(`export requires --repo OWNER/REPO (the org's audit repository)${typeof repoArg === "string" ? `; got "${repoArg}"` : ""}`);
  const [, owner, repo] = match as unknown as [string, string, string];
  const filter: ExportFilter = {};
  if (typeof values["since"] === "string") filter.since = parseDateBound("--since", values["since"], false);
  if (typeof values["until"] === "string") filter.until = parseDateBound("--until", values["until"], true);
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) throw new AuditCliError("--since is after --until");
  if (typeof values["user"] === "string") filter.user = values["user"];
  if (typeof values["classification"] === "string") {
    if (!(CLASSIFICATIONS as readonly string[]).includes(values["classification"])) throw new AuditUsageError(`--classification takes one of ${CLASSIFICATIONS.join(", ")}; got "${values["classification"]}"`);
    filter.classification = values["classification"];
  }
  const token = io.env["GITHUB_TOKEN"];
  if (!token) throw new AuditCliError("GITHUB_TOKEN is not set: export reads the audit issue through the REST API and needs a token that can read the audit repository's issues");
  const key = io.env["AUDIT_HMAC_KEY"] || undefined;
  const slug = io.env["APP_SLUG"];
  const appId = Number(io.env["APP_ID"]);
  const identity: AppIdentity = { ...(slug ? { slug } : {}), ...(Number.isInteger(appId) && appId > 0 ? { appId } : {}) };
  if (!key) io.stderr.write("claude-guard audit: warning: AUDIT_HMAC_KEY is not set, so record signatures are not checked: every record comment written by a GitHub App is exported\n");

  const { Octokit } = await import("@octokit/rest");
  const octokit = new Octokit({ auth: token, baseUrl: apiBaseUrl(io.env), userAgent: "claude-guard-cli", log: { debug() {}, info() {}, warn() {}, error() {} } });
  let issue: ApiIssue | undefined;
  let comments: ApiComment[];
  try {
    issue = await findAuditIssue(octokit, owner, repo, identity, key);
    if (!issue) {
      throw new AuditCliError(
        `no audit issue found in ${owner}/${repo}: no open issue titled "${AUDIT_ISSUE_TITLE}" written by the App${key ? " and signed with this AUDIT_HMAC_KEY" : ""}. Is --repo the org's audit.repository?`,
      );
    }
    comments = await paginate<ApiComment>(octokit, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: issue.number });
  } catch (error) {
    if (error instanceof AuditCliError) throw error;
    throw new AuditCliError(describeApiError(error));
  }

  const all: Array<{ record: AuditRecord; signature: RecordSignature }> = [];
  const seen = new Set<string>();
  let unsigned = 0;
  for (const comment of comments) {
    if (!comment.body || !authoredByApp(comment, identity)) continue;
    const parsed = parseRecordComment(comment.body, key ?? "");
    if (!parsed) continue;
    if (key && !parsed.signed) {
      unsigned++;
      continue;
    }
    // A redelivery that two replicas both appended is one event (the oldest comment counts), as on the dashboard.
    if (seen.has(recordKey(parsed.record))) continue;
    seen.add(recordKey(parsed.record));
    all.push({ record: parsed.record, signature: parsed.signature });
  }
  const selected = all.filter((r) => matchesFilter(r.record, filter));
  // Each line keeps its comment's signature: `audit verify` requires it.
  const text = selected.map((r) => JSON.stringify(exportedRecord(r.record, r.signature)) + "\n").join("");
  const outputArg = values["output"];
  if (typeof outputArg === "string") {
    await writeOutputFile(resolve(io.cwd, outputArg), text);
  } else {
    io.stdout.write(text);
  }
  io.stderr.write(
    `claude-guard audit: ${selected.length} of ${all.length} record(s) exported from ${owner}/${repo}#${issue.number}` +
      (unsigned > 0 ? `; ${unsigned} record comment(s) skipped: their signature does not match AUDIT_HMAC_KEY` : "") +
      "\n",
  );
  return EXIT_OK;
}

// --- verify ---------------------------------------------------------------------------------------

interface RecordToVerify {
  record: AuditRecord;
  /** The signature it carries (a comment's marker, an export line's `signature`); undefined when none. */
  signature?: RecordSignature;
}

/**
 * A record as JSON, JSON Lines (one record a line, e.g. `audit export`'s output) or a record comment's
 * body. A `signature` that is not one is an error (it was damaged or forged), not a missing signature.
 */
export function parseRecordsInput(text: string, key: string): RecordToVerify[] {
  if (text.includes("<!-- claude-guard:audit-record")) {
    const parsed = parseRecordComment(text.trim(), key);
    if (!parsed) throw new AuditCliError("the input looks like a record comment, but its marker or JSON block is malformed");
    return [{ record: parsed.record, signature: parsed.signature }];
  }
  const candidates: unknown[] = [];
  try {
    candidates.push(parseJson(text).value);
  } catch {
    for (const [i, line] of text.split("\n").entries()) {
      if (line.trim() === "") continue;
      try {
        candidates.push(parseJson(line).value);
      } catch (error) {
        if (error instanceof BoundedParseError && error.kind === "refused") throw new AuditCliError(`line ${i + 1} of the input is refused: ${error.reason}`);
        throw new AuditCliError(`line ${i + 1} of the input is not JSON: give a record (JSON), JSON Lines or a record comment's body`);
      }
    }
  }
  if (candidates.length === 0) throw new AuditCliError("the input holds no record");
  return candidates.map((value, i) => {
    const which = candidates.length > 1 ? `record ${i + 1}` : "the input";
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new AuditCliError(`${which} is not an audit record (schema v1)`);
    const { signature: carried, ...record } = value as Record<string, unknown>;
    if (!isAuditRecord(record)) throw new AuditCliError(`${which} is not an audit record (schema v1)`);
    if (carried === undefined) return { record };
    const signature = parseRecordSignature(carried);
    if (!signature) throw new AuditCliError(`${which}: its "signature" is malformed (a 32-hex "record" signature and, optionally, the "fields" tags)`);
    return { record, signature };
  });
}

async function readClaimedCommits(repoDir: string, shas: readonly string[]): Promise<Map<string, CommitChange>> {
  const wanted = new Set(shas);
  const found = new Map<string, CommitChange>();
  // rev-list from the commits themselves, keeping only them: their order in the record is restored after.
  for await (const change of readCommits(repoDir, { resolved: { revisions: [...wanted], description: "the record's commits" }, filter: (c) => wanted.has(c.sha) })) {
    found.set(change.commit.sha, change);
  }
  return found;
}

async function runVerify(args: readonly string[], io: CliIO, deps: AuditCliDeps): Promise<number> {
  const values = parse(args, AUDIT_VERIFY_OPTIONS);
  if (values["help"]) {
    io.stdout.write(`${AUDIT_USAGE}\n`);
    return EXIT_OK;
  }
  const recordFile = values["record"];
  if ((typeof recordFile === "string") === Boolean(values["stdin"])) throw new AuditUsageError("verify takes exactly one of --record FILE or --stdin");
  const key = io.env["AUDIT_HMAC_KEY"];
  if (!key) throw new AuditCliError("AUDIT_HMAC_KEY is not set: the record's hashes are keyed (HMAC-SHA256) and can only be recomputed with the App's key");
  let text: string;
  if (typeof recordFile === "string") {
    try {
      text = await readFile(resolve(io.cwd, recordFile), "utf8");
    } catch (error) {
      throw new AuditCliError(errorSentence(error));
    }
  } else {
    text = await (deps.readStdin ?? readProcessStdin)();
  }
  const records = parseRecordsInput(text, key);
  const repoDir = resolve(io.cwd, typeof values["repo"] === "string" ? values["repo"] : ".");

  let mismatch = false;
  for (const { record, signature } of records) {
    const input = record.input_summary;
    const label = `${record.repository.owner}/${record.repository.name} ${input.type === "pull_request" ? `pull request #${input.pull_request ?? "?"}` : `push to ${input.ref ?? "?"}`} (session ${record.session.id}, head ${input.head_sha.slice(0, 12)})`;
    io.stdout.write(`record ${label}\n`);
    if (!signatureVerifies(io, key, record, signature)) mismatch = true;
    const keyMatches = input.key_id === keyId(key);
    io.stdout.write(`  key_id         ${keyMatches ? "match" : `MISMATCH (the record was hashed with another key: ${input.key_id})`}\n`);
    if (!keyMatches) mismatch = true;

    if (input.commits.length >= MAX_RECORD_COMMITS && input.claude_commits > input.commits.length) {
      throw new AuditCliError(`the record lists only the first ${MAX_RECORD_COMMITS} of its ${input.claude_commits} commits: its content_hash cannot be recomputed`);
    }
    const absent = missingCommits(repoDir, input.commits);
    if (absent.length > 0) throw new AuditCliError(`commits not in the clone ${repoDir}: ${absent.join(", ")} (fetch them, e.g. git fetch origin pull/N/head, or unshallow the clone)`);
    let found: Map<string, CommitChange>;
    try {
      found = await readClaimedCommits(repoDir, input.commits);
    } catch (error) {
      throw new AuditCliError(`cannot read the record's commits from ${repoDir}: ${(error as Error).message.split("\n", 1)[0]} (are they in this clone? fetch the pull request's head, e.g. git fetch origin pull/N/head)`);
    }
    const missing = input.commits.filter((sha) => !found.has(sha));
    if (missing.length > 0) throw new AuditCliError(`commits not in the clone ${repoDir}: ${missing.join(", ")} (fetch them, e.g. git fetch origin pull/N/head, or unshallow the clone)`);
    const changes = input.commits.map((sha) => found.get(sha) as CommitChange);
    const recomputed = contentHash(key, changes);
    if (recomputed === input.content_hash) {
      io.stdout.write(`  content_hash   match\n`);
    } else {
      mismatch = true;
      const lines = changes.reduce((n, c) => n + c.files.reduce((m, f) => m + f.lineNumbers.length, 0), 0);
      io.stdout.write(`  content_hash   MISMATCH (the clone's ${input.commits.length} commit(s) add ${lines} line(s); the record says ${input.lines_added})\n`);
    }
  }
  io.stdout.write(mismatch ? "result: MISMATCH\n" : "result: signature and hashes match\n");
  return mismatch ? EXIT_MISMATCH : EXIT_OK;
}

/**
 * Prints the signature's verdict; true when it matches. No signature is a failure, never a pass: a
 * record anyone can write proves nothing. With field tags, the fields changed since signing are named.
 */
function signatureVerifies(io: CliIO, key: string, record: AuditRecord, signature: RecordSignature | undefined): boolean {
  if (!signature) {
    io.stdout.write("  signature      MISSING (the record carries no signature, so nothing shows it is the App's: take records from `claude-guard audit export` or the audit issue's comments)\n");
    return false;
  }
  const check = checkRecordSignature(key, record as unknown as Record<string, unknown>, signature);
  if (check.valid) {
    io.stdout.write("  signature      match\n");
    return true;
  }
  if (check.otherKey) {
    io.stdout.write("  signature      MISMATCH (signed with another key than this AUDIT_HMAC_KEY)\n");
    return false;
  }
  const fields = [...check.changed, ...check.added];
  if (fields.length === 0) {
    io.stdout.write(`  signature      MISMATCH (the record was changed after it was signed${check.fieldsKnown ? "" : "; it carries no field tags, so which field cannot be told"})\n`);
    return false;
  }
  io.stdout.write(`  signature      MISMATCH (changed after it was signed: ${fields.join(", ")})\n`);
  for (const path of check.changed) io.stdout.write(`  field          ${path}: CHANGED (not the signed value)\n`);
  for (const path of check.added) io.stdout.write(`  field          ${path}: ADDED (not in a version 1 record)\n`);
  return false;
}

/** The SHAs the clone does not hold as commits (one `git cat-file --batch-check` for all). */
function missingCommits(repoDir: string, shas: readonly string[]): string[] {
  if (shas.length === 0) return [];
  const result = spawnSync("git", ["-C", repoDir, "cat-file", "--batch-check"], { input: shas.map((sha) => `${sha}^{commit}\n`).join(""), encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new AuditCliError(`cannot read the clone ${repoDir}: ${result.error?.message ?? (result.stderr || "").split("\n", 1)[0] ?? "git failed"}`);
  }
  // Each answer line is `<sha> commit <size>`, or `<input> missing`, in input order.
  const answers = result.stdout.split("\n");
  return shas.filter((_, i) => !/^[0-9a-f]+ commit /.test(answers[i] ?? ""));
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
