/**
 * Runs the bundled Action (dist/index.js) the way the composite step does: a child `node` process with
 * the environment GitHub's runner sets and the INPUT_* variables action.yml maps, against real local git
 * repositories and a local fake of the Checks API. ACTION_NODE picks another Node binary (.ci/run runs
 * these tests under Node 24 too).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fake } from "../../src/core/detect/fake.js";

export const ENTRY = resolve("dist/index.js");
export const NODE = process.env["ACTION_NODE"] || process.execPath;

export const HUMAN = { name: "Ada Human", email: "ada@example.com" };
export const CLAUDE_TRAILER = "Co-Authored-By: Claude <noreply@anthropic.com>";

// Built at run time: the repository never holds a realistic value.
export const CLAUDE_PASSWORD = "Vb" + fake.alnum(14, "action-claude-pw") + "%3";
export const HUMAN_PASSWORD = "Hm" + fake.alnum(14, "action-human-pw") + "!9";
export const CLAUDE_AWS_KEY_ID = "AK" + "IA" + fake.upperDigits(16, "action-aws");

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An answer from a route handler of the fake API; undefined lets the next handler (or the 404) answer. */
export type FakeAnswer = { status: number; body: unknown; headers?: Record<string, string> } | undefined;
export type FakeRoute = (request: RecordedRequest, path: string, query: URLSearchParams) => FakeAnswer;

/**
 * The Checks API as GitHub answers it; `mode` decides whether the token may write checks. `routes`
 * answer other endpoints (custom properties, contents, issues) for the scenarios that need them.
 */
export class FakeChecksApi {
  readonly requests: RecordedRequest[] = [];
  mode: "ok" | "forbidden" = "ok";
  routes: FakeRoute[] = [];
  private server?: Server;
  url = "";

  /** The check-run requests only (the Action also reads custom properties with the same token). */
  checkRunRequests(): RecordedRequest[] {
    return this.requests.filter((r) => /\/check-runs(\/\d+)?$/.test(r.url));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
        this.requests.push(recorded);
        res.setHeader("content-type", "application/json");
        const parsed = new URL(recorded.url, "http://fake");
        for (const route of this.routes) {
          const answer = route(recorded, parsed.pathname, parsed.searchParams);
          if (!answer) continue;
          for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
          res.statusCode = answer.status;
          res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
          return;
        }
        if (this.mode === "forbidden") {
          res.statusCode = 403;
          res.end(JSON.stringify({ message: "Resource not accessible by integration", status: "403" }));
          return;
        }
        if (req.method === "POST" && /\/repos\/[^/]+\/[^/]+\/check-runs$/.test(req.url ?? "")) {
          res.statusCode = 201;
          res.end(JSON.stringify({ id: 4242, html_url: "https://github.example/acme/widgets/runs/4242" }));
          return;
        }
        if (req.method === "PATCH" && /\/check-runs\/4242$/.test(req.url ?? "")) {
          res.statusCode = 200;
          res.end(JSON.stringify({ id: 4242 }));
          return;
        }
        res.statusCode = 404;
        res.end(JSON.stringify({ message: "Not Found" }));
      });
    });
    await new Promise<void>((done) => this.server?.listen(0, "127.0.0.1", done));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }

  reset(mode: "ok" | "forbidden" = "ok", routes: FakeRoute[] = []): void {
    this.requests.length = 0;
    this.mode = mode;
    this.routes = routes;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

let tick = 0;
export function commit(repo: string, message: string, author = HUMAN): string {
  git(repo, ["add", "-A"]);
  tick++;
  const date = new Date(Date.UTC(2025, 0, 1, 12, tick)).toISOString();
  git(repo, ["commit", "-q", "--allow-empty", "-m", message], {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  return git(repo, ["rev-parse", "HEAD"]).trim();
}

export function write(repo: string, file: string, text: string): void {
  const full = join(repo, file);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, text);
}

/**
 * The "remote" repository of a pull request: a human base, then on the branch `feature` a human commit
 * holding a password (not Claude's: not scanned), a Claude commit adding a password, an AWS key id and
 * a placeholder, and one more human commit.
 */
export interface Fixture {
  root: string;
  origin: string;
  base: string;
  head: string;
  claudeCommit: string;
  remove(): void;
}

export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), "cg-action-"));
  const origin = join(root, "origin");
  mkdirSync(origin);
  git(origin, ["init", "-q", "-b", "main"]);
  // Shallow clones deepen by asking for commits by SHA, as GitHub allows.
  git(origin, ["config", "uploadpack.allowAnySHA1InWant", "true"]);
  write(origin, "README.md", "# widgets\n");
  write(origin, "src/app.ts", "export const port = Number(process.env.PORT ?? 8080);\n");
  commit(origin, "Initial commit");
  for (let i = 0; i < 3; i++) {
    write(origin, `docs/page${i}.md`, `page ${i}\n`);
    commit(origin, `Docs page ${i}`);
  }
  const base = git(origin, ["rev-parse", "HEAD"]).trim();
  git(origin, ["checkout", "-q", "-b", "feature"]);
  write(origin, "scripts/seed.yml", `db:\n  password: "${HUMAN_PASSWORD}"\n`);
  commit(origin, "Seed script");
  write(
    origin,
    "config/settings.yml",
    ["service: widgets", "db:", `  password: "${CLAUDE_PASSWORD}"`, "aws:", `  access_key_id: ${CLAUDE_AWS_KEY_ID}`, "mail:", "  api_key: your-api-key-here", ""].join("\n"),
  );
  const claudeCommit = commit(origin, `Add service settings\n\n${CLAUDE_TRAILER}`, { name: "Dev Person", email: "dev@example.com" });
  write(origin, "src/app.ts", "export const port = Number(process.env.PORT ?? 8081);\n");
  const head = commit(origin, "Change the port");
  git(origin, ["checkout", "-q", "main"]);
  return { root, origin, base, head, claudeCommit, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A workspace as actions/checkout leaves it: full (fetch-depth: 0) as a clone; shallow as checkout does
 * it, `git init`, the `origin` remote, then `git fetch --depth=N origin +<sha>:<ref>` and a detached HEAD.
 */
export function checkout(fixture: Fixture, name: string, sha: string, depth?: number): string {
  const dir = join(fixture.root, name);
  if (!depth) {
    git(fixture.root, ["clone", "-q", "--no-checkout", `file://${fixture.origin}`, dir]);
  } else {
    mkdirSync(dir);
    git(dir, ["init", "-q"]);
    git(dir, ["remote", "add", "origin", `file://${fixture.origin}`]);
    git(dir, ["fetch", "-q", "--no-tags", "--prune", "--no-recurse-submodules", `--depth=${depth}`, "origin", `+${sha}:refs/remotes/origin/checked-out`]);
  }
  git(dir, ["checkout", "-q", "--detach", sha]);
  return dir;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  dir: string;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks, as the runner reads them. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? "");
      out[m[1] as string] = value.join("\n");
    } else if ((lines[i] ?? "").includes("=")) {
      const [k, ...v] = (lines[i] as string).split("=");
      out[k as string] = v.join("=");
    }
  }
  return out;
}

export interface RunOptions {
  workspace: string;
  event: { name: string; payload: unknown };
  apiUrl: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** Runs `node dist/index.js` with the runner's environment; resolves with what the step left behind. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "cg-action-run-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(options.event.payload));
  const summaryPath = join(dir, "step-summary.md");
  const outputPath = join(dir, "output.txt");
  writeFileSync(summaryPath, "");
  writeFileSync(outputPath, "");
  mkdirSync(join(dir, "temp"));
  // Every input action.yml declares, as its composite step maps them: empty when not given.
  const inputs: Record<string, string> = {
    "github-token": "fake-token-for-tests",
    config: "",
    "fail-on": "",
    authors: "claude",
    base: "",
    head: "",
    "sarif-file": "",
    "audit-token": "",
    ...options.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "acme/widgets",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/pull/7/merge",
    GITHUB_ACTOR: "dev-person",
    GITHUB_RUN_ID: "987654",
    GITHUB_RUN_ATTEMPT: "1",
    RUNNER_TEMP: join(dir, "temp"),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  const child = spawn(NODE, [ENTRY], { cwd: options.workspace, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
  return {
    code,
    stdout,
    stderr,
    summary: existsSync(summaryPath) ? readFileSync(summaryPath, "utf8") : "",
    outputs: parseOutputs(readFileSync(outputPath, "utf8")),
    dir,
  };
}

export function pullRequestEvent(fixture: Fixture, extra: Record<string, unknown> = {}) {
  return {
    name: "pull_request",
    payload: {
      action: "synchronize",
      number: 7,
      pull_request: {
        number: 7,
        commits: 3,
        base: { sha: fixture.base, ref: "main" },
        head: { sha: fixture.head, ref: "feature" },
      },
      repository: { full_name: "acme/widgets", default_branch: "main" },
      ...extra,
    },
  };
}

/** `GET /repos/{owner}/{repo}/properties/values` answering one custom property. */
export function customPropertyRoute(repository: string, name: string, value: string | null): FakeRoute {
  return (request, path) =>
    request.method === "GET" && path === `/repos/${repository}/properties/values` ? { status: 200, body: [{ property_name: name, value }] } : undefined;
}

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: Array<{ name: string }>;
  created_at: string;
}

/**
 * An org's `.github` config and audit repository, and the audit issue's REST endpoints, in memory: what
 * src/github/audit-issue.ts reads and writes. Everything written is authored by `claude-guard[bot]`,
 * as with an App installation token.
 */
export class FakeAuditOrg {
  visibility: "private" | "public" | "internal" = "private";
  readonly issues: FakeIssue[] = [];
  readonly comments: Array<{ id: number; issue: number; body: string }> = [];
  private nextId = 1000;
  private readonly bot = { login: "claude-guard[bot]", type: "Bot" };
  /** The org's teams by member login, in name order. */
  readonly teams: Record<string, string[]> = {};

  constructor(
    readonly owner: string,
    readonly auditRepo: string,
    /** The org's `.github/claude-guard.yml` in `<owner>/.github`. */
    readonly orgConfig: string,
    /** Requests must carry this token (the audit-token), others get a 404 as GitHub would. */
    readonly token: string,
  ) {}

  route(): FakeRoute {
    return (request, path) => {
      const audit = `/repos/${this.owner}/${this.auditRepo}`;
      // The author's teams (the record's `team`), answered only to the audit token, as an App token would be.
      if (request.method === "POST" && path === "/graphql") {
        if (request.headers["authorization"] !== `Bearer ${this.token}`) return { status: 403, body: { message: "Resource not accessible by integration" } };
        const login = (JSON.parse(request.body ?? "{}") as { variables?: { login?: string } }).variables?.login;
        return { status: 200, body: { data: { organization: { teams: { nodes: (this.teams[login ?? ""] ?? []).map((slug) => ({ slug })) } } } } };
      }
      const ours = path === `/repos/${this.owner}/.github/contents/.github/claude-guard.yml` || path === audit || path.startsWith(`${audit}/`);
      if (!ours) return undefined;
      if (request.headers["authorization"] !== `Bearer ${this.token}`) return { status: 404, body: { message: "Not Found" } };
      if (!path.startsWith(audit)) return { status: 200, body: this.orgConfig, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } };
      const body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
      const issueView = (i: FakeIssue) => ({ ...i, user: this.bot, performed_via_github_app: null });
      if (request.method === "GET" && path === audit) return { status: 200, body: { full_name: `${this.owner}/${this.auditRepo}`, private: this.visibility !== "public", visibility: this.visibility } };
      if (request.method === "GET" && path === `${audit}/issues`) return { status: 200, body: this.issues.filter((i) => i.state === "open").map(issueView) };
      if (request.method === "POST" && path === `${audit}/issues`) {
        const issue = { number: this.issues.length + 1, title: String(body["title"]), body: String(body["body"] ?? ""), state: "open", labels: ((body["labels"] as string[]) ?? []).map((name) => ({ name })), created_at: new Date().toISOString() };
        this.issues.push(issue);
        return { status: 201, body: issueView(issue) };
      }
      const issueMatch = /\/issues\/(\d+)(\/comments|\/labels)?$/.exec(path);
      const issue = issueMatch ? this.issues.find((i) => i.number === Number(issueMatch[1])) : undefined;
      if (issueMatch && !issue) return { status: 404, body: { message: "Not Found" } };
      if (issue && issueMatch?.[2] === "/comments") {
        if (request.method === "GET") return { status: 200, body: this.comments.filter((c) => c.issue === issue.number).map((c) => ({ id: c.id, body: c.body, user: this.bot })) };
        const comment = { id: this.nextId++, issue: issue.number, body: String(body["body"]) };
        this.comments.push(comment);
        return { status: 201, body: { id: comment.id, body: comment.body, user: this.bot } };
      }
      if (issue && issueMatch?.[2] === "/labels") return { status: 200, body: [] };
      if (issue && request.method === "GET") return { status: 200, body: issueView(issue) };
      if (issue && request.method === "PATCH") {
        if (typeof body["body"] === "string") issue.body = body["body"];
        if (typeof body["state"] === "string") issue.state = body["state"];
        return { status: 200, body: issueView(issue) };
      }
      return { status: 404, body: { message: "Not Found" } };
    };
  }
}
