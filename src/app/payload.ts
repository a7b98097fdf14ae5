/**
 * The webhook payload's shape, checked at the door before a handler reads it. A signed payload can
 * still be malformed (a test sender, a proxy that rewrites bodies, a GitHub Enterprise Server quirk):
 * what the handlers read must be there with the right type, or the delivery is refused with HTTP 400
 * naming the field, never a 500 carrying a TypeError. Probot's middleware answers with an error's
 * `status`, so throwing MalformedPayloadError is enough.
 *
 * Values that end up in API paths (owner, repository, SHAs) are held to GitHub's own formats too.
 */

class MalformedPayloadError extends Error {
  readonly status = 400;
  constructor(event: string, problem: string) {
    super(`malformed ${event} payload: ${problem}`);
    this.name = "MalformedPayloadError";
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
// Logins (users, orgs, bots, and Enterprise Managed Users' `_shortcode`) and repository names.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,98})(?:\[bot\])?$/;
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;

class Checker {
  constructor(private readonly event: string) {}

  fail(problem: string): never {
    throw new MalformedPayloadError(this.event, problem);
  }

  object(value: unknown, path: string): Json {
    if (!isObject(value)) this.fail(`${path} ${value === undefined ? "is missing" : "is not an object"}`);
    return value;
  }

  string(value: unknown, path: string, format?: RegExp): string {
    if (typeof value !== "string" || value === "") this.fail(`${path} ${value === undefined ? "is missing" : "is not a non-empty string"}`);
    if (format && !format.test(value)) this.fail(`${path} is not in the expected format`);
    return value;
  }

  optionalString(value: unknown, path: string): void {
    if (value !== undefined && value !== null && typeof value !== "string") this.fail(`${path} is not a string`);
  }

  sha(value: unknown, path: string): string {
    return this.string(value, path, SHA);
  }

  count(value: unknown, path: string): number {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) this.fail(`${path} ${value === undefined ? "is missing" : "is not a whole number"}`);
    return value;
  }

  /** The parts every event the App handles carries: the installation and the repository. */
  common(payload: unknown, options: { ownerName?: boolean } = {}): Json {
    const body = this.object(payload, "the payload");
    const installation = this.object(body["installation"], "installation");
    if (this.count(installation["id"], "installation.id") === 0) this.fail("installation.id is not an installation id");
    const repository = this.object(body["repository"], "repository");
    this.string(repository["name"], "repository.name", REPO_NAME);
    const owner = this.object(repository["owner"], "repository.owner");
    // A push payload's owner has `name` (and usually `login`).
    if (options.ownerName && owner["login"] === undefined) this.string(owner["name"], "repository.owner.name", LOGIN);
    else this.string(owner["login"], "repository.owner.login", LOGIN);
    this.optionalString(repository["default_branch"], "repository.default_branch");
    return body;
  }

  branchPoint(value: unknown, path: string): void {
    const point = this.object(value, path);
    this.sha(point["sha"], `${path}.sha`);
    this.string(point["ref"], `${path}.ref`);
  }

  pullRequests(value: unknown, path: string): void {
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) this.fail(`${path} is not a list`);
    (value as unknown[]).forEach((pr, i) => {
      const entry = this.object(pr, `${path}[${i}]`);
      this.count(entry["number"], `${path}[${i}].number`);
      this.branchPoint(entry["head"], `${path}[${i}].head`);
      this.branchPoint(entry["base"], `${path}[${i}].base`);
    });
  }
}

/** `pull_request` events: the pull request's number, head and base. */
export function checkPullRequestPayload(payload: unknown): void {
  const c = new Checker("pull_request");
  const body = c.common(payload);
  const pr = c.object(body["pull_request"], "pull_request");
  if (c.count(pr["number"], "pull_request.number") === 0) c.fail("pull_request.number is not a pull request number");
  c.branchPoint(pr["head"], "pull_request.head");
  c.branchPoint(pr["base"], "pull_request.base");
  if (pr["commits"] !== undefined) c.count(pr["commits"], "pull_request.commits");
  c.string(c.object(body["repository"], "repository")["default_branch"], "repository.default_branch");
}

/** `push` events: the ref, the SHAs before and after, and the listed commits. */
export function checkPushPayload(payload: unknown): void {
  const c = new Checker("push");
  const body = c.common(payload, { ownerName: true });
  c.string(body["ref"], "ref");
  c.sha(body["before"], "before");
  c.sha(body["after"], "after");
  const commits = body["commits"];
  if (commits !== undefined && commits !== null) {
    if (!Array.isArray(commits)) c.fail("commits is not a list");
    (commits as unknown[]).forEach((commit, i) => {
      const entry = c.object(commit, `commits[${i}]`);
      c.string(entry["id"], `commits[${i}].id`);
      if (typeof entry["message"] !== "string") c.fail(`commits[${i}].message is not a string`);
    });
  }
}

/** `check_suite` events: the suite's head SHA and branch. */
export function checkCheckSuitePayload(payload: unknown): void {
  const c = new Checker("check_suite");
  const body = c.common(payload);
  const suite = c.object(body["check_suite"], "check_suite");
  c.sha(suite["head_sha"], "check_suite.head_sha");
  c.optionalString(suite["head_branch"], "check_suite.head_branch");
  if (suite["before"] !== undefined && suite["before"] !== null) c.sha(suite["before"], "check_suite.before");
  c.pullRequests(suite["pull_requests"], "check_suite.pull_requests");
}

/** `check_run` events: the run, its suite and its pull requests. */
export function checkCheckRunPayload(payload: unknown): void {
  const c = new Checker("check_run");
  const body = c.common(payload);
  const run = c.object(body["check_run"], "check_run");
  c.count(run["id"], "check_run.id");
  c.string(run["name"], "check_run.name");
  c.sha(run["head_sha"], "check_run.head_sha");
  const suite = c.object(run["check_suite"], "check_run.check_suite");
  c.optionalString(suite["head_branch"], "check_run.check_suite.head_branch");
  if (suite["before"] !== undefined && suite["before"] !== null) c.sha(suite["before"], "check_run.check_suite.before");
  c.pullRequests(run["pull_requests"], "check_run.pull_requests");
  if (run["app"] !== undefined && run["app"] !== null) c.object(run["app"], "check_run.app");
  if (run["output"] !== undefined && run["output"] !== null) c.object(run["output"], "check_run.output");
}
