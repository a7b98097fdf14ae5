/**
 * End to end, the audit trail: the real server process (`node lib/app/server.js`) with AUDIT_HMAC_KEY
 * set, against the fake GitHub of e2e.test.ts extended with the org's `.github` config (naming an audit
 * repository) and an in-memory issues API for that repository. A pull request event delivered twice
 * leaves one audit issue holding one record comment, a dashboard rebuilt from the records, and no whole
 * secret (nor the key, nor file content) in any byte sent; a public audit repository is refused and the
 * check run says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { AUDIT_ISSUE_TITLE, deriveControls, parseRecordComment, renderDashboard, type AuditRecord } from "../../src/core/audit/index.js";
import { fake as fakeData } from "../../src/core/detect/fake.js";
import { FakeGitHub } from "./fake-github.js";
import { payload, pullRequestSeven, sha, CONFIG_YAML, HEAD_SHA } from "./github-fixtures.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SERVER = join(ROOT, "lib/app/server.js");
const SECRET = "e2e-audit-" + randomUUID();
const HMAC_KEY = "e2e-audit-key-" + fakeData.alnum(32, "e2e-audit-key");
const APP = { id: 123, slug: "claude-guard" };
const BOT = { login: "claude-guard[bot]", type: "Bot" };
const AUDIT_REPO = "audit-trail";
const ORG_CONFIG = `audit:\n  repository: ${AUDIT_REPO}\n  notify:\n    - acme/security\n`;
const PUBLIC_HEAD = "9b" + "1".repeat(38);

interface Issue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: Array<{ name: string }>;
  created_at: string;
  user: typeof BOT;
  performed_via_github_app: typeof APP;
  comments: Array<{ id: number; body: string; user: typeof BOT; performed_via_github_app: typeof APP }>;
}

/** The audit repository as GitHub holds it: its visibility and its issues. */
const audit = { visibility: "private" as "private" | "public", issues: [] as Issue[], nextIssue: 1, nextComment: 5000 };
const AUDIT_PATH = `/api/v3/repos/acme/${AUDIT_REPO}`;

function auditApi(request: { method: string; path: string; query: URLSearchParams; body: string }): { status: number; data: unknown; headers?: Record<string, string> } | undefined {
  const { method, path, query, body } = request;
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  let m: RegExpExecArray | null;
  if (method === "GET" && path === "/api/v3/repos/acme/.github/contents/.github/claude-guard.yml") return { status: 200, data: ORG_CONFIG, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } };
  // The author's teams (GraphQL, as GitHub Enterprise Server serves it beside /api/v3).
  if (method === "POST" && path === "/api/graphql") return { status: 200, data: { data: { organization: { teams: { nodes: [{ slug: "widgets-team" }] } } } } };
  if (method === "GET" && path === AUDIT_PATH) return { status: 200, data: { name: AUDIT_REPO, full_name: `acme/${AUDIT_REPO}`, private: audit.visibility !== "public", visibility: audit.visibility } };
  if (method === "GET" && path === `${AUDIT_PATH}/issues`) {
    const label = query.get("labels");
    const open = audit.issues.filter((i) => (query.get("state") ?? "open") !== "open" || i.state === "open").filter((i) => !label || i.labels.some((l) => l.name === label));
    return { status: 200, data: open.map(({ comments: _comments, ...issue }) => issue) };
  }
  if (method === "POST" && path === `${AUDIT_PATH}/issues`) {
    const issue: Issue = {
      number: audit.nextIssue++,
      title: String(input["title"]),
      body: String(input["body"] ?? ""),
      state: "open",
      labels: ((input["labels"] as string[] | undefined) ?? []).map((name) => ({ name })),
      created_at: new Date().toISOString(),
      user: BOT,
      performed_via_github_app: APP,
      comments: [],
    };
    audit.issues.push(issue);
    const { comments: _comments, ...data } = issue;
    return { status: 201, data };
  }
  if ((m = new RegExp(`^${AUDIT_PATH}/issues/(\\d+)(/comments|/labels)?$`).exec(path))) {
    const issue = audit.issues.find((i) => i.number === Number(m?.[1]));
    if (!issue) return { status: 404, data: { message: "Not Found" } };
    if (m[2] === "/comments" && method === "GET") return { status: 200, data: issue.comments };
    if (m[2] === "/comments" && method === "POST") {
      const comment = { id: audit.nextComment++, body: String(input["body"]), user: BOT, performed_via_github_app: APP };
      issue.comments.push(comment);
      return { status: 201, data: comment };
    }
    if (m[2] === "/labels" && method === "POST") return { status: 200, data: issue.labels };
    if (m[2] === undefined && method === "GET") return { status: 200, data: issue };
    if (m[2] === undefined && method === "PATCH") {
      if (typeof input["body"] === "string") issue.body = input["body"];
      if (typeof input["state"] === "string") issue.state = input["state"];
      return { status: 200, data: issue };
    }
  }
  if (method === "DELETE" && (m = new RegExp(`^${AUDIT_PATH}/issues/comments/(\\d+)$`).exec(path))) {
    for (const issue of audit.issues) issue.comments = issue.comments.filter((c) => c.id !== Number(m?.[1]));
    return { status: 204, data: "" };
  }
  return undefined;
}

const pr = pullRequestSeven();
const fake = new FakeGitHub({
  owner: "acme",
  repo: "widgets",
  config: CONFIG_YAML,
  pullCommits: new Map([[7, pr.commits]]),
  commitDetails: new Map<string, unknown>([
    [sha(2), pr.claude1Detail],
    [sha(4), pr.claude2Detail],
  ]),
  extra: auditApi,
});

let server: ChildProcess | undefined;
let port = 0;
let serverOutput = "";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const found = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });
}

async function sendWebhook(event: string, body: unknown, delivery: string) {
  const text = JSON.stringify(body);
  const response = await fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": delivery,
      "x-hub-signature-256": "sha256=" + createHmac("sha256", SECRET).update(text).digest("hex"),
      "user-agent": "GitHub-Hookshot/e2e",
    },
    body: text,
  });
  await response.text();
  return response.status;
}

const completedOn = (headSha: string) => () => fake.checkRuns.some((r) => r.head_sha === headSha && r.status === "completed");
const auditWrites = () => fake.requests.filter((r) => r.path.startsWith(AUDIT_PATH) && r.method !== "GET");

beforeAll(async () => {
  let built = 0;
  try {
    built = statSync(SERVER).mtimeMs;
  } catch {
    built = 0;
  }
  if (newestMtime(join(ROOT, "src")) > built) {
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "ignore" });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; a missing server fails below.
    }
  }
  await fake.start();
  port = await freePort();
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  server = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env["PATH"] ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ID: String(APP.id),
      APP_SLUG: APP.slug,
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: SECRET,
      AUDIT_HMAC_KEY: HMAC_KEY,
      GHE_HOST: `127.0.0.1:${fake.port}`,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "debug",
    },
  });
  server.stdout?.on("data", (d: Buffer) => (serverOutput += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverOutput += d.toString()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the App did not start:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 90_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  }
  server?.stdout?.destroy();
  server?.stderr?.destroy();
  await fake.stop();
});

describe("the App's audit trail, end to end", () => {
  it("says at start-up that the audit feature is on", () => {
    expect(serverOutput).toContain("audit feature on");
  });

  it("records a pull request event delivered twice exactly once, in one audit issue whose dashboard matches the records", async () => {
    const delivery = randomUUID();
    expect(await sendWebhook("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), delivery)).toBe(200);
    await fake.waitFor(completedOn(HEAD_SHA));
    expect(await sendWebhook("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), delivery)).toBe(200);
    await new Promise((r) => setTimeout(r, 2000));

    const own = audit.issues.filter((i) => i.title === AUDIT_ISSUE_TITLE);
    expect(own).toHaveLength(1);
    const issue = own[0] as Issue;
    expect(issue.state).toBe("open");
    expect(issue.comments).toHaveLength(1);
    expect(audit.issues.flatMap((i) => i.comments)).toHaveLength(1);

    // The comment holds a record signed with the App's key, of this event.
    const parsed = parseRecordComment((issue.comments[0] as Issue["comments"][number]).body, HMAC_KEY);
    expect(parsed?.signed).toBe(true);
    const record = parsed?.record as AuditRecord;
    expect(record).toMatchObject({ session: { id: delivery }, repository: { owner: "acme", name: "widgets" }, input_summary: { type: "pull_request", pull_request: 7, head_sha: HEAD_SHA, commits: [sha(2), sha(4)] } });
    expect(record.output_summary.findings.secret.critical + record.output_summary.findings.secret.high).toBeGreaterThan(0);
    // The confirmed credential is a critical incident: the notify team is mentioned.
    expect(record.incident.critical).toBe(true);
    expect(issue.comments[0]?.body).toContain("@acme/security");

    // The body is the dashboard rebuilt from the records (the App's renderer, same inputs).
    const records = issue.comments.map((c) => parseRecordComment(c.body, HMAC_KEY)?.record as AuditRecord);
    const controls = deriveControls(records, { auditRepository: true, keyedHashes: true, skillsConfigured: false, contentPathsConfigured: false, failOn: "high", notifyTeams: 1 });
    // Links go to the GitHub the App talks to (GHE_HOST), the owner team from the org's membership.
    expect(record.team).toBe("acme/widgets-team");
    expect(issue.body).toBe(renderDashboard({ org: "acme", key: HMAC_KEY, records, controls, serverUrl: `http://127.0.0.1:${fake.port}` }));
    expect(issue.body).toMatch(/\[#7\]\(http:\/\/127\.0\.0\.1:\d+\/acme\/widgets\/pull\/7\) · \[checks\]\(.*\| `acme\/widgets-team` \|/);
    expect(issue.body).toContain("widgets");

    // The check run says where the record went.
    const run = fake.checkRuns.find((r) => r.head_sha === HEAD_SHA);
    // (The summary escapes Markdown: compare without the backslashes.)
    expect((run?.output.text ?? "").replace(/\\/g, "")).toContain(`Audit record written to acme/${AUDIT_REPO}#${issue.number}`);
  }, 30_000);

  it("sends no whole secret, no key and no file content or commit message in any byte", () => {
    const writes = auditWrites();
    expect(writes.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      expect(request.body).not.toContain(pr.token);
      expect(request.path).not.toContain(pr.token);
      expect(request.body).not.toContain(pr.humanToken);
      expect(request.body).not.toContain(HMAC_KEY);
    }
    for (const request of writes) {
      expect(request.body).not.toContain("talks to the widgets API");
      expect(request.body).not.toContain("AWS_REGION");
      expect(request.body).not.toContain("Add the widgets API client");
      expect(request.body).not.toContain("src/client.ts");
    }
    expect(serverOutput).not.toContain(pr.token);
    expect(serverOutput).not.toContain(HMAC_KEY);
  });

  it("refuses to write to a public audit repository and says so in the check run", async () => {
    audit.visibility = "public";
    const before = auditWrites().length;
    const body = payload("pull-request-opened-with-claude-and-human-commits") as { pull_request: Record<string, unknown> & { head: Record<string, unknown> } };
    body.pull_request = { ...body.pull_request, head: { ...body.pull_request.head, sha: PUBLIC_HEAD } };
    expect(await sendWebhook("pull_request", body, randomUUID())).toBe(200);
    await fake.waitFor(completedOn(PUBLIC_HEAD));
    const run = fake.checkRuns.find((r) => r.head_sha === PUBLIC_HEAD);
    const output = `${run?.output.summary}${run?.output.text}`.replace(/\\/g, "");
    expect(output).toContain("Audit record not written");
    expect(output).toContain(`acme/${AUDIT_REPO} is public`);
    expect(auditWrites().length).toBe(before);
    expect(audit.issues.flatMap((i) => i.comments)).toHaveLength(1);
  }, 30_000);
});
