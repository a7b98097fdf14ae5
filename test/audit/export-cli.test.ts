/**
 * `claude-guard audit export` against nock: the audit issue is found as the App finds it, comments are
 * read page by page, only the App's signed records come out, one JSON record a line, filtered.
 * Every test ends by asserting no mock was left unused and no request went unmocked.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AUDIT_ISSUE_TITLE, AUDIT_LABEL, issueMarker, renderRecordComment, type AuditRecord } from "../../src/core/audit/index.js";
import { run } from "../../src/cli/main.js";
import { assertAllMocksUsed, githubApi, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { HMAC_KEY, OTHER_KEY, simpleRecord } from "./fixtures.js";

const AUDIT = "/repos/acme/governance";
const BOT = { login: "claude-guard[bot]", type: "Bot" };
const VIA = { id: 4242, slug: "claude-guard" };
const TOKEN = "test-token-" + "x".repeat(8);

function cli(env: Record<string, string | undefined>, cwd = process.cwd()) {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { GITHUB_TOKEN: TOKEN, AUDIT_HMAC_KEY: HMAC_KEY, ...env } as NodeJS.ProcessEnv,
    cwd,
  };
  return { io, out };
}

const issue = (number: number, overrides: Record<string, unknown> = {}) => ({
  number,
  title: AUDIT_ISSUE_TITLE,
  body: issueMarker("acme", HMAC_KEY) + "\n(dashboard)",
  state: "open",
  user: BOT,
  performed_via_github_app: VIA,
  labels: [{ name: AUDIT_LABEL }],
  ...overrides,
});
const comment = (id: number, record: AuditRecord, key = HMAC_KEY, user = BOT) => ({ id, body: renderRecordComment(record, { key }), user, performed_via_github_app: user === BOT ? VIA : null });

// Four events over a week, two users, two classifications.
const mon = simpleRecord(1, "api", { user: "alice", timestamp: "2025-03-03T09:00:00Z", classification: { value: "restricted", source: "custom property" } });
const wed = simpleRecord(2, "web", { user: "bob", timestamp: "2025-03-05T12:00:00Z", classification: { value: "internal", source: "custom property" } });
const fri = simpleRecord(3, "api", { user: "alice", timestamp: "2025-03-07T23:30:00Z", classification: { value: "restricted", source: "custom property" } });
const nextMon = simpleRecord(4, "api", { user: "ALICE", timestamp: "2025-03-10T08:00:00Z", classification: { value: "restricted", source: "custom property" } });

function mockIssueWithComments(pages: unknown[][], base?: string) {
  const api = githubApi(base);
  api
    .get(`${AUDIT}/issues`)
    .query((q) => q["labels"] === AUDIT_LABEL && q["state"] === "open")
    .reply(200, [issue(3, { user: { login: "mallory", type: "User" }, performed_via_github_app: null }), issue(5), issue(9)]);
  pages.forEach((page, i) => {
    const next: Record<string, string> = i < pages.length - 1 ? { link: `<https://api.github.com${AUDIT}/issues/5/comments?per_page=100&page=${i + 2}>; rel="next"` } : {};
    api
      .get(`${AUDIT}/issues/5/comments`)
      .query((q) => q["page"] === String(i + 1))
      .reply(200, page, next);
  });
  return api;
}

const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as AuditRecord);

beforeEach(() => setUpHttpMock());
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

describe("audit export", () => {
  it("reads every page of the oldest App-written issue's comments and writes only signed App records, once each, as JSON Lines", async () => {
    const forgedByHuman = comment(104, simpleRecord(50, "evil"), HMAC_KEY, { login: "mallory", type: "User" });
    const wrongKey = comment(105, simpleRecord(51, "evil"), OTHER_KEY);
    mockIssueWithComments([
      [comment(101, mon), { id: 102, body: "a human's remark", user: { login: "carol", type: "User" } }, comment(103, wed), forgedByHuman],
      [wrongKey, comment(106, fri), comment(107, mon) /* a redelivery appended twice */, comment(108, nextMon)],
    ]);
    const { io, out } = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance"], io)).toBe(0);
    const records = lines(out.stdout);
    expect(records.map((r) => r.session.id)).toEqual(["delivery-1", "delivery-2", "delivery-3", "delivery-4"]);
    // Each line is the record with its comment's signature, for `audit verify`.
    const { signature, ...first } = records[0] as AuditRecord & { signature?: unknown };
    expect(first).toEqual(mon);
    expect(signature).toEqual({ record: expect.stringMatching(/^[0-9a-f]{32}$/), fields: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(out.stderr).toContain("4 of 4 record(s) exported from acme/governance#5");
    expect(out.stderr).toContain("1 record comment(s) skipped");
  });

  it("filters by --since/--until (a bare --until day is inclusive), --user (any case) and --classification", async () => {
    const all = [[comment(1, mon), comment(2, wed), comment(3, fri), comment(4, nextMon)]];
    mockIssueWithComments(all);
    let c = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance", "--since", "2025-03-03", "--until", "2025-03-07", "--user", "Alice", "--classification", "restricted"], c.io)).toBe(0);
    // Friday 23:30 is inside "--until 2025-03-07"; next Monday and bob's internal change are not.
    expect(lines(c.out.stdout).map((r) => r.session.id)).toEqual(["delivery-1", "delivery-3"]);
    assertAllMocksUsed();

    setUpHttpMock();
    mockIssueWithComments(all);
    c = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance", "--since", "2025-03-05T00:00:00Z", "--classification", "internal"], c.io)).toBe(0);
    expect(lines(c.out.stdout).map((r) => r.session.id)).toEqual(["delivery-2"]);
    assertAllMocksUsed();

    setUpHttpMock();
    mockIssueWithComments(all);
    c = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance", "--user", "bob", "--until", "2025-03-04"], c.io)).toBe(0);
    expect(c.out.stdout).toBe("");
    expect(c.out.stderr).toContain("0 of 4 record(s)");
  });

  it("uses GITHUB_API_URL, writes --output FILE, and without AUDIT_HMAC_KEY exports App-written records with a warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cg-export-"));
    try {
      mockIssueWithComments([[comment(1, mon), comment(2, wed, OTHER_KEY), comment(3, fri, HMAC_KEY, { login: "mallory", type: "User" })]], "https://ghe.example.com/api/v3");
      const { io, out } = cli({ GITHUB_API_URL: "https://ghe.example.com/api/v3/", AUDIT_HMAC_KEY: undefined }, dir);
      mkdirSync(join(dir, "out"));
      expect(await run(["audit", "export", "--repo", "acme/governance", "--output", "out/records.jsonl"], io)).toBe(0);
      expect(out.stdout).toBe("");
      expect(out.stderr).toContain("AUDIT_HMAC_KEY is not set");
      // Both App-written records (signatures not checkable), not the human's copy.
      expect(lines(readFileSync(join(dir, "out/records.jsonl"), "utf8")).map((r) => r.session.id)).toEqual(["delivery-1", "delivery-2"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finds the issue among unlabelled ones, as the App does, when its label was removed", async () => {
    const api = githubApi();
    api.get(`${AUDIT}/issues`).query((q) => q["labels"] === AUDIT_LABEL).reply(200, []);
    api
      .get(`${AUDIT}/issues`)
      .query((q) => q["labels"] === undefined)
      .reply(200, [issue(7, { labels: [] })]);
    api.get(`${AUDIT}/issues/7/comments`).query(true).reply(200, [comment(1, wed)]);
    const { io, out } = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance"], io)).toBe(0);
    expect(lines(out.stdout).map((r) => r.session.id)).toEqual(["delivery-2"]);
  });

  it("exits 2 with a clear message when there is no audit issue (a look-alike by a person or signed with another key does not count)", async () => {
    const api = githubApi();
    const lookAlikes = [issue(1, { user: { login: "mallory", type: "User" }, performed_via_github_app: null }), issue(2, { body: issueMarker("acme", OTHER_KEY) })];
    api.get(`${AUDIT}/issues`).query((q) => q["labels"] === AUDIT_LABEL).reply(200, lookAlikes);
    api.get(`${AUDIT}/issues`).query((q) => q["labels"] === undefined).reply(200, lookAlikes);
    const { io, out } = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance"], io)).toBe(2);
    expect(out.stderr).toContain("no audit issue found in acme/governance");
    expect(out.stdout).toBe("");
  });

  it("exits 2 on an API error, saying which call failed", async () => {
    githubApi().get(`${AUDIT}/issues`).query(true).reply(404, { message: "Not Found" });
    const { io, out } = cli({});
    expect(await run(["audit", "export", "--repo", "acme/governance"], io)).toBe(2);
    expect(out.stderr).toMatch(/HTTP 404 on GET .*\/repos\/acme\/governance\/issues/);
  });

  it.each([
    [["--repo", "acme/governance"], { GITHUB_TOKEN: undefined }, "GITHUB_TOKEN is not set"],
    [["--repo", "acme/governance", "--since", "2025-02-30"], {}, `--since: "2025-02-30" is not a date`],
    [["--repo", "acme/governance", "--until", "last week"], {}, `--until: "last week" is not a date`],
    [["--repo", "acme/governance", "--since", "2025-03-09", "--until", "2025-03-01"], {}, "--since is after --until"],
    [["--repo", "acme/governance", "--classification", "secret"], {}, "--classification takes one of"],
    [["--repo", "governance"], {}, "export requires --repo OWNER/REPO"],
    [[], {}, "export requires --repo OWNER/REPO"],
  ])("exits 2 without calling GitHub for %j", async (args, env, message) => {
    const { io, out } = cli(env);
    expect(await run(["audit", "export", ...args], io)).toBe(2);
    expect(out.stderr).toContain(message);
  });
});
