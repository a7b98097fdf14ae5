/**
 * The App's installation baseline (issue 15 item 2) against an organization in the fake GitHub: two
 * repositories with Claude's and people's commits, the org's config naming a private audit repository,
 * and an in-memory issues API for it. The baseline writes one signed `inventory-baseline` record per
 * repository whose counts are the ones the test built; a run stopped after the first record and run
 * again (a redelivery, or a restart) reads and writes only the missing one; no record holds content.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { readFileSync } from "node:fs";
import { takeInstallationBaseline } from "../../src/app/handle-installation.js";
import { parseBaselineComment, type InventoryBaselineRecord } from "../../src/core/audit/index.js";
import { fake } from "../../src/core/detect/fake.js";
import type { GitHubClient } from "../../src/github/client.js";
import { FakeGitHub } from "../../src/testing/fake-github.js";
import { fakeOrgEndpoints, type FakeOrg, type FakeOrgCommit } from "../../src/testing/fake-org.js";
import { validate } from "../audit/json-schema-subset.js";

const ORG = "acme";
const AUDIT_REPO = "audit-trail";
const KEY = "baseline-key-" + fake.alnum(32, "installation-baseline");
const BOT = { login: "claude-guard[bot]", type: "Bot" };
const TRAILER = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";
const people = {
  alice: { name: "Alice", email: "alice@acme.example", login: "alice" },
  bob: { name: "Bob", email: "bob@acme.example", login: "bob" },
  dan: { name: "Dan", email: "dan@acme.example", login: "dan" },
};

let counter = 0;
const sha = () => `${(++counter).toString(16).padStart(7, "0")}b`.repeat(5);
const CONTENT_TAG = "baselineContentMarker";
function commit(who: keyof typeof people, byClaude: boolean, date: string, added: number): FakeOrgCommit {
  return {
    sha: sha(),
    message: `${byClaude ? "Claude's" : "A person's"} change number ${counter}${byClaude ? TRAILER : ""}`,
    author: people[who],
    date,
    files: [{ filename: `src/secret-path-${counter}.ts`, lines: Array.from({ length: added }, (_, i) => `export const ${CONTENT_TAG}${i} = "${fake.alnum(12, `line-${counter}-${i}`)}";`) }],
  };
}

interface Issue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: Array<{ name: string }>;
  user: typeof BOT;
  comments: Array<{ id: number; body: string; user: typeof BOT }>;
}

let server: FakeGitHub;
let world: FakeOrg;
let audit: { visibility: "private" | "public"; issues: Issue[]; nextComment: number };

/** The audit repository's issues, as the writer (src/github/audit-issue.ts) uses them. */
function auditApi(request: { method: string; path: string; query: URLSearchParams; body: string }): { status: number; data: unknown } | undefined {
  const { method, path, query, body } = request;
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const base = `/api/v3/repos/${ORG}/${AUDIT_REPO}`;
  if (method === "GET" && path === base) return { status: 200, data: { name: AUDIT_REPO, private: audit.visibility !== "public", visibility: audit.visibility } };
  if (method === "GET" && path === `${base}/issues`) {
    const label = query.get("labels");
    return { status: 200, data: audit.issues.filter((i) => i.state === "open" && (!label || i.labels.some((l) => l.name === label))).map(({ comments: _c, ...issue }) => issue) };
  }
  if (method === "POST" && path === `${base}/issues`) {
    const issue: Issue = { number: audit.issues.length + 1, title: String(input["title"]), body: String(input["body"] ?? ""), state: "open", labels: ((input["labels"] as string[]) ?? []).map((name) => ({ name })), user: BOT, comments: [] };
    audit.issues.push(issue);
    return { status: 201, data: { ...issue, comments: undefined } };
  }
  const m = new RegExp(`^${base}/issues/(\\d+)(/comments)?$`).exec(path);
  const issue = m ? audit.issues.find((i) => i.number === Number(m[1])) : undefined;
  if (!m || !issue) return undefined;
  if (m[2] && method === "GET") {
    const perPage = Number(query.get("per_page") ?? 30);
    const page = Number(query.get("page") ?? 1);
    return { status: 200, data: issue.comments.slice((page - 1) * perPage, page * perPage) };
  }
  if (m[2] && method === "POST") {
    const comment = { id: audit.nextComment++, body: String(input["body"]), user: BOT };
    issue.comments.push(comment);
    return { status: 201, data: comment };
  }
  if (!m[2] && method === "PATCH") {
    if (typeof input["body"] === "string") issue.body = input["body"];
    return { status: 200, data: issue };
  }
  return undefined;
}

function buildWorld(): FakeOrg {
  counter = 0;
  return {
    org: ORG,
    orgConfig: `audit:\n  repository: ${AUDIT_REPO}\n`,
    teams: { alice: ["platform"], bob: ["web"] },
    repos: [
      {
        name: "api",
        visibility: "private",
        properties: { data_classification: "confidential" },
        commits: [
          commit("alice", true, "2026-11-03T10:00:00Z", 5),
          commit("alice", true, "2026-11-04T22:00:00Z", 3),
          commit("bob", true, "2026-11-05T11:00:00Z", 2),
          commit("dan", false, "2026-11-05T12:00:00Z", 4),
          commit("dan", false, "2026-11-06T12:00:00Z", 1),
        ],
      },
      {
        name: "web",
        visibility: "internal",
        commits: [commit("bob", true, "2026-11-10T09:30:00Z", 7), commit("dan", false, "2026-11-11T12:00:00Z", 2)],
      },
    ],
  };
}

const gh = () => new Octokit({ auth: "test-token", baseUrl: `http://127.0.0.1:${server.port}/api/v3`, log: { debug() {}, info() {}, warn() {}, error() {} } }) as unknown as GitHubClient;
const silent = { info() {}, warn() {}, error() {} };
const settings = { hmacKey: KEY, identity: { slug: "claude-guard" } };
const event = (deliveryId: string) => ({ owner: ORG, deliveryId, repositories: world.repos.map((r) => ({ name: r.name, visibility: r.visibility })) });
const baselineComments = () => (audit.issues[0]?.comments ?? []).filter((c) => c.body.includes("claude-guard:inventory-baseline"));
const records = () => baselineComments().map((c) => parseBaselineComment(c.body, KEY));

beforeEach(async () => {
  world = buildWorld();
  audit = { visibility: "private", issues: [], nextComment: 100 };
  const orgEndpoints = fakeOrgEndpoints(world, () => server.port);
  server = new FakeGitHub({ owner: ORG, repo: "-", pullCommits: new Map(), commitDetails: new Map(), extra: (request) => auditApi(request) ?? orgEndpoints(request) });
  await server.start();
});
afterEach(async () => {
  await server.stop();
});

describe("installation baseline", () => {
  it("writes one signed inventory-baseline record per repository, with the counts of the commits built, and no content", async () => {
    const outcome = await takeInstallationBaseline(gh(), silent, settings, event("delivery-1"));
    expect(outcome).toEqual({ status: "done", written: ["acme/api", "acme/web"], alreadyRecorded: [] });
    const parsed = records();
    expect(parsed).toHaveLength(2);
    expect(parsed.every((p) => p?.signed === true)).toBe(true);
    // Signed with AUDIT_HMAC_KEY: another key does not verify them.
    expect(baselineComments().map((c) => parseBaselineComment(c.body, KEY + "x")?.signed)).toEqual([false, false]);
    const schema = JSON.parse(readFileSync("schema/inventory-baseline.v1.json", "utf8")) as Parameters<typeof validate>[0];
    for (const repo of world.repos) {
      const record = parsed.find((p) => p?.record.repository.name === `${ORG}/${repo.name}`)?.record as InventoryBaselineRecord;
      expect(validate(schema, record)).toEqual([]);
      expect(record.type).toBe("inventory-baseline");
      expect(record.session).toEqual({ type: "installation", id: "delivery-1" });
      const claudeCommits = repo.commits.filter((c) => c.message.includes(TRAILER));
      expect(record.repository.commitsRead).toBe(repo.commits.length);
      expect(record.repository.claude.commits).toBe(claudeCommits.length);
      expect(record.repository.claude.linesAdded).toBe(claudeCommits.reduce((sum, c) => sum + c.files[0]!.lines.length, 0));
      const byLogin = new Map<string, number>();
      for (const c of claudeCommits) byLogin.set(c.author.login as string, (byLogin.get(c.author.login as string) ?? 0) + 1);
      expect(Object.fromEntries(record.repository.claude.authors.map((a) => [a.login, a.commits]))).toEqual(Object.fromEntries(byLogin));
      for (const author of record.repository.claude.authors) expect(author.teams).toEqual((world.teams[author.login] ?? []).map((t) => `${ORG}/${t}`));
      expect(Date.parse(record.repository.claude.firstChange as string)).toBe(Math.min(...claudeCommits.map((c) => Date.parse(c.date))));
    }
    const api = parsed.find((p) => p?.record.repository.name === "acme/api")?.record;
    expect(api?.repository.classification).toBe("confidential");
    expect(api?.repository.claude.offHoursCommits).toBe(1);
    // No content: no added line, file path or commit message is in any comment the App wrote.
    const written = audit.issues.flatMap((i) => [i.body, ...i.comments.map((c) => c.body)]).join("\n");
    expect(written).not.toContain(CONTENT_TAG);
    expect(written).not.toContain("secret-path");
    expect(written).not.toContain("change number");
    expect(written).not.toContain(KEY);
  });

  it("resumes from the records already in the issue: a run stopped after one record, run again, writes only the missing one", async () => {
    // The second repository's commit list fails once: the run ends with the first record only.
    world.interruptions = [{ pathPrefix: `/api/v3/repos/${ORG}/web/commits`, status: 500, data: { message: "Server Error" } }];
    await server.stop();
    const orgEndpoints = fakeOrgEndpoints(world, () => server.port);
    server = new FakeGitHub({ owner: ORG, repo: "-", pullCommits: new Map(), commitDetails: new Map(), extra: (request) => auditApi(request) ?? orgEndpoints(request) });
    await server.start();

    const first = await takeInstallationBaseline(gh(), silent, settings, event("delivery-1"));
    expect(first).toEqual({ status: "failed", written: ["acme/api"], alreadyRecorded: [] });
    expect(records().map((p) => p?.record.repository.name)).toEqual(["acme/api"]);

    const before = server.requests.length;
    const again = await takeInstallationBaseline(gh(), silent, settings, event("delivery-1"));
    expect(again).toEqual({ status: "done", written: ["acme/web"], alreadyRecorded: ["acme/api"] });
    expect(records().map((p) => p?.record.repository.name)).toEqual(["acme/api", "acme/web"]);
    // The recorded repository is not read again.
    expect(server.requests.slice(before).filter((r) => r.path.includes(`/repos/${ORG}/api/`))).toEqual([]);

    // A third delivery finds both: nothing is read or written.
    const third = await takeInstallationBaseline(gh(), silent, settings, event("delivery-2"));
    expect(third).toEqual({ status: "done", written: [], alreadyRecorded: ["acme/api", "acme/web"] });
    expect(baselineComments()).toHaveLength(2);
    expect(audit.issues).toHaveLength(1);
  });

  it("an unreadable repository does not hold up the others: it is skipped, and the next run takes it", async () => {
    world.interruptions = [{ pathPrefix: `/api/v3/repos/${ORG}/api/commits`, status: 403, data: { message: "Resource not accessible by integration" } }];
    await server.stop();
    const orgEndpoints = fakeOrgEndpoints(world, () => server.port);
    server = new FakeGitHub({ owner: ORG, repo: "-", pullCommits: new Map(), commitDetails: new Map(), extra: (request) => auditApi(request) ?? orgEndpoints(request) });
    await server.start();

    expect(await takeInstallationBaseline(gh(), silent, settings, event("delivery-1"))).toEqual({ status: "failed", written: ["acme/web"], alreadyRecorded: [] });
    expect(await takeInstallationBaseline(gh(), silent, settings, event("delivery-1"))).toEqual({ status: "done", written: ["acme/api"], alreadyRecorded: ["acme/web"] });
    expect(records().map((p) => [p?.record.repository.name, p?.record.repository.claude.commits])).toEqual([
      ["acme/web", 1],
      ["acme/api", 3],
    ]);
  });

  it("writes nothing to a public audit repository, without the key, or without audit.repository", async () => {
    audit.visibility = "public";
    expect((await takeInstallationBaseline(gh(), silent, settings, event("d"))).status).toBe("refused");
    expect((await takeInstallationBaseline(gh(), silent, { identity: {} }, event("d"))).status).toBe("refused");
    world.orgConfig = "# no audit settings\n";
    audit.visibility = "private";
    expect((await takeInstallationBaseline(gh(), silent, settings, event("d"))).status).toBe("not-configured");
    expect(audit.issues).toEqual([]);
    expect(server.requests.filter((r) => r.path.includes("/commits"))).toEqual([]);
  });
});
