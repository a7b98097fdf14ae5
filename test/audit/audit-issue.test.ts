/**
 * The audit issue's REST flow against nock: every test ends by asserting that no mock was left unused
 * and no request went unmocked, so an extra or missing call fails the test.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { AUDIT_ISSUE_TITLE, AUDIT_LABEL, deriveControls, issueMarker, renderDashboard, renderRecordComment, type AuditRecord, type OrgFacts } from "../../src/core/audit/index.js";
import { AuditIssueWriter, AuditWriteError, checkAuditRepository, type AuditWriterOptions } from "../../src/github/audit-issue.js";
import type { GitHubClient } from "../../src/github/client.js";
import { assertAllMocksUsed, githubApi, sentBodies, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { HMAC_KEY, OTHER_KEY, simpleRecord } from "./fixtures.js";

const APP_ID = 4242;
const AUDIT = "/repos/acme/governance";
const BOT = { login: "claude-guard[bot]", type: "Bot" };
const VIA = { id: APP_ID, slug: "claude-guard" };
const ORG_FACTS: OrgFacts = { auditRepository: true, keyedHashes: true, skillsConfigured: false, contentPathsConfigured: false, failOn: "high", notifyTeams: 1 };

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const gh = (): GitHubClient => new Octokit({ auth: "test-token", log: quiet }) as unknown as GitHubClient;

let sleeps: number[] = [];
function writer(overrides: Partial<AuditWriterOptions> = {}): AuditIssueWriter {
  return new AuditIssueWriter({
    gh: gh(),
    repo: { owner: "acme", repo: "governance" },
    key: HMAC_KEY,
    identity: { appId: APP_ID },
    orgFacts: ORG_FACTS,
    notify: ["acme/security"],
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

const dashboardOf = (records: AuditRecord[]) => renderDashboard({ org: "acme", key: HMAC_KEY, records, controls: deriveControls(records, ORG_FACTS) });

function ourIssue(number: number, body = issueMarker("acme", HMAC_KEY) + "\n(an older dashboard)") {
  return { number, title: AUDIT_ISSUE_TITLE, body, state: "open", user: BOT, performed_via_github_app: VIA, labels: [{ name: AUDIT_LABEL }] };
}
function ourComment(id: number, record: AuditRecord) {
  return { id, body: renderRecordComment(record, { key: HMAC_KEY }), user: BOT, performed_via_github_app: VIA };
}
const labelled = (q: Record<string, unknown>) => q["labels"] === AUDIT_LABEL && q["state"] === "open";
const unlabelled = (q: Record<string, unknown>) => q["labels"] === undefined && q["state"] === "open";

beforeEach(() => {
  setUpHttpMock();
  sleeps = [];
});
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

describe("finding or creating the audit issue", () => {
  it("creates the issue when there is none (a human's issue with the same title does not count), then appends and writes the body", async () => {
    const record = simpleRecord(1, "api");
    const humans = { ...ourIssue(1), user: { login: "mallory", type: "User" }, performed_via_github_app: null };
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [humans]);
    githubApi().get(`${AUDIT}/issues`).query(unlabelled).reply(200, [humans]);
    githubApi().post(`${AUDIT}/issues`).reply(201, { number: 5 });
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [humans, ourIssue(5, dashboardOf([]))]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 900 });
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(900, record)]);

    const result = await writer().write(record);

    expect(result).toEqual({ outcome: "appended", issueNumber: 5, created: true, duplicatesClosed: [], bodyWrites: 1, requests: 8 });
    const [created] = sentBodies<{ title: string; body: string; labels: string[] }>("POST", `${AUDIT}/issues`).filter((b) => "title" in b);
    expect(created).toMatchObject({ title: AUDIT_ISSUE_TITLE, labels: [AUDIT_LABEL] });
    expect(created?.body.startsWith(issueMarker("acme", HMAC_KEY))).toBe(true);
    const [comment] = sentBodies<{ body: string }>("POST", "/issues/5/comments");
    expect(comment?.body).toBe(renderRecordComment(record, { key: HMAC_KEY, notify: ["acme/security"] }));
    const [patched] = sentBodies<{ body: string }>("PATCH", "/issues/5");
    expect(patched?.body).toBe(dashboardOf([record]));
  });

  it("finds its own issue by title, label, signed marker and authorship, ignoring look-alikes", async () => {
    const record = simpleRecord(2, "api");
    const lookAlikes = [
      { ...ourIssue(1), user: { login: "mallory", type: "User" }, performed_via_github_app: VIA }, // a person acting through the App
      { ...ourIssue(2), performed_via_github_app: { id: 999, slug: "other-app" }, user: { login: "other-app[bot]", type: "Bot" } },
      ourIssue(3, issueMarker("acme", OTHER_KEY)), // marker not signed with our key
      { ...ourIssue(4), title: `${AUDIT_ISSUE_TITLE} (copy)` },
      { ...ourIssue(6), pull_request: { url: "x" } },
    ];
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [...lookAlikes, ourIssue(7)]);
    githubApi().get(`${AUDIT}/issues/7/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/7/comments`).reply(201, { id: 901 });
    githubApi().patch(`${AUDIT}/issues/7`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/7/comments`).query(true).reply(200, [ourComment(901, record)]);

    const result = await writer().write(record);
    expect(result).toMatchObject({ outcome: "appended", issueNumber: 7, created: false, duplicatesClosed: [], requests: 5 });
  });

  it("finds its issue whose label was removed, and puts the label back instead of creating another", async () => {
    const record = simpleRecord(3, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, []);
    githubApi().get(`${AUDIT}/issues`).query(unlabelled).reply(200, [{ ...ourIssue(9), labels: [] }]);
    githubApi().post(`${AUDIT}/issues/9/labels`, { labels: [AUDIT_LABEL] }).reply(200, []);
    githubApi().get(`${AUDIT}/issues/9/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/9/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/9`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/9/comments`).query(true).reply(200, [ourComment(1, record)]);
    expect(await writer().write(record)).toMatchObject({ issueNumber: 9, created: false });
  });

  it("closes duplicates (the oldest wins) with a pointer, copying their records to the survivor", async () => {
    const stray = simpleRecord(10, "web");
    const record = simpleRecord(11, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(8), ourIssue(3)]);
    githubApi().get(`${AUDIT}/issues/8/comments`).query(true).reply(200, [ourComment(50, stray)]);
    githubApi().get(`${AUDIT}/issues/3/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/3/comments`, { body: renderRecordComment(stray, { key: HMAC_KEY }) }).reply(201, { id: 51 });
    githubApi().post(`${AUDIT}/issues/8/comments`, (b: { body: string }) => b.body.startsWith("Closed as a duplicate of #3")).reply(201, { id: 52 });
    githubApi().patch(`${AUDIT}/issues/8`, { state: "closed", state_reason: "not_planned" }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/3/comments`).query(true).reply(200, [ourComment(51, stray)]);
    githubApi().post(`${AUDIT}/issues/3/comments`).reply(201, { id: 53 });
    githubApi().patch(`${AUDIT}/issues/3`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/3/comments`).query(true).reply(200, [ourComment(51, stray), ourComment(53, record)]);

    const result = await writer().write(record);
    expect(result).toMatchObject({ outcome: "appended", issueNumber: 3, duplicatesClosed: [8], bodyWrites: 1 });
    const body = sentBodies<{ body?: string }>("PATCH", "/issues/3")[0]?.body ?? "";
    expect(body).toBe(dashboardOf([stray, record]));
    expect(body).toContain("2 repositories, 2 scanned changes, 2 Claude commits");
  });
});

describe("duplicates created in a burst", () => {
  it("leaves a young duplicate to the replica that created it (that one closes it), and uses the oldest issue", async () => {
    const record = simpleRecord(12, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(3), { ...ourIssue(8), created_at: new Date().toISOString() }]);
    githubApi().get(`${AUDIT}/issues/3/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/3/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/3`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/3/comments`).query(true).reply(200, [ourComment(1, record)]);
    expect(await writer().write(record)).toMatchObject({ issueNumber: 3, duplicatesClosed: [] });
  });

  it("a creator that lost the race closes its own issue and writes to the oldest", async () => {
    const record = simpleRecord(13, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, []);
    githubApi().get(`${AUDIT}/issues`).query(unlabelled).reply(200, []);
    githubApi().post(`${AUDIT}/issues`).reply(201, { number: 9 });
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [{ ...ourIssue(4), created_at: new Date().toISOString() }, ourIssue(9), { ...ourIssue(11), created_at: new Date().toISOString() }]);
    githubApi().get(`${AUDIT}/issues/9/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/9/comments`, (b: { body: string }) => b.body.startsWith("Closed as a duplicate of #4")).reply(201, {});
    githubApi().patch(`${AUDIT}/issues/9`, { state: "closed", state_reason: "not_planned" }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/4/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/4/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/4`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/4/comments`).query(true).reply(200, [ourComment(1, record)]);
    expect(await writer().write(record)).toMatchObject({ issueNumber: 4, created: true, duplicatesClosed: [9] });
  });
});

describe("records: nothing twice, nothing lost", () => {
  it("adds nothing for a redelivery (same delivery id and head SHA), and writes no body that did not change", async () => {
    const record = simpleRecord(20, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5, dashboardOf([record]))]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);

    const result = await writer().write(structuredClone(record));
    expect(result).toEqual({ outcome: "already-recorded", issueNumber: 5, created: false, duplicatesClosed: [], bodyWrites: 0, requests: 2 });
  });

  it("a redelivery still repairs a body left stale by a crash between the comment and the body write", async () => {
    const record = simpleRecord(21, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5, dashboardOf([]))]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);
    expect(await writer().write(record)).toMatchObject({ outcome: "already-recorded", bodyWrites: 1 });
  });

  it("ignores a forged record comment (not the App's, or not signed) when deduplicating and counting", async () => {
    const record = simpleRecord(22, "api");
    const forgedByHuman = { ...ourComment(1, record), user: { login: "mallory", type: "User" }, performed_via_github_app: null };
    const unsigned = { id: 2, body: renderRecordComment(simpleRecord(23, "fake"), { key: OTHER_KEY }), user: BOT, performed_via_github_app: VIA };
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [forgedByHuman, unsigned]);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 3 });
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [forgedByHuman, unsigned, ourComment(3, record)]);
    expect(await writer().write(record)).toMatchObject({ outcome: "appended", bodyWrites: 1 });
    expect(sentBodies<{ body: string }>("PATCH")[0]?.body).toBe(dashboardOf([record]));
  });

  it("re-reads after writing the body and writes again when another replica's record arrived meanwhile", async () => {
    const mine = simpleRecord(30, "api");
    const theirs = simpleRecord(31, "web");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/5`, { body: dashboardOf([mine]) }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, mine), ourComment(2, theirs)]);
    // The other replica's body write landed before ours: the body now counts only ours.
    githubApi().get(`${AUDIT}/issues/5`).reply(200, ourIssue(5, dashboardOf([mine])));
    githubApi().patch(`${AUDIT}/issues/5`, { body: dashboardOf([mine, theirs]) }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, mine), ourComment(2, theirs)]);
    expect(await writer().write(mine)).toMatchObject({ bodyWrites: 2, requests: 8 });
  });

  it("writes no second body when the other replica already wrote the complete one", async () => {
    const mine = simpleRecord(32, "api");
    const theirs = simpleRecord(33, "web");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/5`, { body: dashboardOf([mine]) }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, mine), ourComment(2, theirs)]);
    githubApi().get(`${AUDIT}/issues/5`).reply(200, ourIssue(5, dashboardOf([mine, theirs])));
    expect(await writer().write(mine)).toMatchObject({ bodyWrites: 1, requests: 6 });
  });

  it("two replicas appending the same redelivered event at once: the later comment is deleted by its writer", async () => {
    const record = simpleRecord(34, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 41 });
    githubApi().patch(`${AUDIT}/issues/5`, { body: dashboardOf([record]) }).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(40, record), ourComment(41, record)]);
    githubApi().delete(`${AUDIT}/issues/comments/41`).reply(204);
    expect(await writer().write(record)).toMatchObject({ outcome: "already-recorded", bodyWrites: 1, requests: 6 });
  });

  it("pages through every comment (100 a page, Link header) to rebuild the body", async () => {
    const records = Array.from({ length: 150 }, (_, i) => simpleRecord(100 + i, `repo-${i % 7}`));
    const mine = simpleRecord(400, "api");
    const comments = records.map((r, i) => ourComment(i + 1, r));
    const next = { link: `<https://api.github.com${AUDIT}/issues/5/comments?per_page=100&page=2>; rel="next"` };
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query({ per_page: "100", page: "1" }).reply(200, comments.slice(0, 100), next);
    githubApi().get(`${AUDIT}/issues/5/comments`).query({ per_page: "100", page: "2" }).reply(200, comments.slice(100));
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 999 });
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query({ per_page: "100", page: "1" }).reply(200, comments.slice(0, 100), next);
    githubApi().get(`${AUDIT}/issues/5/comments`).query({ per_page: "100", page: "2" }).reply(200, [...comments.slice(100), ourComment(999, mine)]);
    await writer().write(mine);
    expect(sentBodies<{ body: string }>("PATCH")[0]?.body).toContain("8 repositories, 151 scanned changes, 151 Claude commits");
  });
});

describe("GitHub refusing writes", () => {
  it("retries 5xx and rate limits with backoff (Retry-After honoured), then succeeds", async () => {
    const record = simpleRecord(40, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(503, { message: "Service Unavailable" });
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(403, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "7" });
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(502, { message: "Bad Gateway" });
    // Before posting again, the comments are read: the 502 may have hidden a comment that landed.
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 1 });
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);

    const result = await writer({ retry: { baseMs: 100 } }).write(record);
    expect(result).toMatchObject({ outcome: "appended", requests: 9 });
    expect(sleeps).toEqual([100, 7000, 100]);
    expect(sentBodies("POST", "/issues/5/comments")).toHaveLength(2);
  });

  it("does not post twice when a comment landed although GitHub answered 502", async () => {
    const record = simpleRecord(41, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(502, { message: "Bad Gateway" });
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [ourComment(1, record)]);
    expect(await writer().write(record)).toMatchObject({ bodyWrites: 1 });
    expect(sentBodies("POST", "/issues/5/comments")).toHaveLength(1);
  });

  it("gives up after the last attempt and reports the failure with the status", async () => {
    const record = simpleRecord(42, "api");
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(200, [ourIssue(5)]);
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).times(3).reply(500, { message: "Internal Server Error" });
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).times(2).reply(200, []);
    const failure = await writer({ retry: { attempts: 3 } })
      .write(record)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuditWriteError);
    expect((failure as AuditWriteError).message).toMatch(/HTTP 500 on POST .*\/issues\/5\/comments/);
    expect((failure as AuditWriteError).requests).toBe(7);
  });

  it("does not retry a 404 or 422: it reports at once", async () => {
    githubApi().get(`${AUDIT}/issues`).query(labelled).reply(404, { message: "Not Found" });
    await expect(writer().write(simpleRecord(43))).rejects.toThrow(/HTTP 404/);
    expect(sleeps).toEqual([]);
  });
});

describe("the audit repository's visibility", () => {
  it.each([
    [{ private: true, visibility: "private" }, true],
    [{ private: true, visibility: "internal" }, true],
    [{ private: false, visibility: "internal" }, true],
    [{ private: true }, true],
    [{ private: false, visibility: "public" }, false],
    [{ private: true, visibility: "public" }, false],
    [{ name: "governance" }, false],
  ])("%j -> writable: %s", async (answer, ok) => {
    githubApi().get(AUDIT).reply(200, answer);
    const check = await checkAuditRepository(gh(), { owner: "acme", repo: "governance" });
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toMatch(/public|could not be confirmed/);
  });

  it("refuses when GitHub cannot say (404, 5xx)", async () => {
    githubApi().get(AUDIT).reply(404, { message: "Not Found" });
    expect(await checkAuditRepository(gh(), { owner: "acme", repo: "governance" })).toEqual({ ok: false, reason: expect.stringMatching(/does not exist or the App is not installed/) });
    githubApi().get(AUDIT).reply(500, { message: "oops" });
    expect(await checkAuditRepository(gh(), { owner: "acme", repo: "governance" })).toEqual({ ok: false, reason: expect.stringMatching(/could not be confirmed.*HTTP 500/) });
  });
});
