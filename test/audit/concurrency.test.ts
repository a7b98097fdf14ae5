/**
 * Twenty events for twenty repositories, delivered at once to two App processes (two writers, each
 * with its own Octokit, sharing nothing) against one fake GitHub: twenty records, one open issue, and a
 * final body that counts all twenty. A redelivery handled by the other process adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { AUDIT_ISSUE_TITLE, deriveControls, parseRecordComment, renderDashboard, type AuditRecord, type OrgFacts } from "../../src/core/audit/index.js";
import { AuditIssueWriter, type AuditWriteResult } from "../../src/github/audit-issue.js";
import type { GitHubClient } from "../../src/github/client.js";
import { FakeIssuesApi } from "./fake-issues-api.js";
import { HMAC_KEY, simpleRecord } from "./fixtures.js";

const APP = { id: 4242, slug: "claude-guard" };
const ORG_FACTS: OrgFacts = { auditRepository: true, keyedHashes: true, skillsConfigured: false, contentPathsConfigured: false, failOn: "high", notifyTeams: 0 };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function appProcess(api: FakeIssuesApi): AuditIssueWriter {
  const gh = new Octokit({ baseUrl: api.baseUrl, auth: "test-token", log: quiet }) as unknown as GitHubClient;
  return new AuditIssueWriter({ gh, repo: { owner: "acme", repo: "governance" }, key: HMAC_KEY, identity: { appId: APP.id }, orgFacts: ORG_FACTS, sleep: async () => {} });
}

let api: FakeIssuesApi;
afterEach(async () => api.stop());

describe.each([1, 2, 3])("20 events at once across two App processes (interleaving seed %i)", (seed) => {
  beforeEach(async () => {
    api = new FakeIssuesApi("/repos/acme/governance", APP, { seed });
    await api.start();
  });

  it("leaves 20 records, 1 open issue, and a body that counts all 20", async () => {
    const processA = appProcess(api);
    const processB = appProcess(api);
    const events: AuditRecord[] = Array.from({ length: 20 }, (_, i) => simpleRecord(i + 1, `service-${String(i + 1).padStart(2, "0")}`));
    // Event 1 is also redelivered to the other process while everything else is in flight.
    const work = [...events.map((record, i) => (i % 2 === 0 ? processA : processB).write(record)), processB.write(structuredClone(events[0] as AuditRecord))];
    const results: AuditWriteResult[] = await Promise.all(work);

    const open = api.openIssues();
    expect(open).toHaveLength(1);
    const issue = open[0]!;
    expect(issue.title).toBe(AUDIT_ISSUE_TITLE);
    const keys = issue.comments.map((c) => parseRecordComment(c.body, HMAC_KEY)).filter((p) => p?.signed).map((p) => `${p?.deliveryId}@${p?.headSha}`);
    expect(new Set(keys).size).toBe(20);
    expect(keys).toHaveLength(20); // nothing twice: the redelivery added no comment
    // Duplicate issues (both processes created one) are closed and point at the survivor.
    for (const closed of [...api.issues.values()].filter((i) => i.state === "closed")) {
      expect(closed.comments.some((c) => c.body.startsWith(`Closed as a duplicate of #${issue.number}`))).toBe(true);
    }
    const expected = renderDashboard({ org: "acme", key: HMAC_KEY, records: events, controls: deriveControls(events, ORG_FACTS) });
    expect(issue.body).toBe(expected);
    expect(issue.body).toContain("20 repositories, 20 scanned changes, 20 Claude commits");
    expect(results.filter((r) => r.outcome === "appended")).toHaveLength(20);
    expect(results.filter((r) => r.outcome === "already-recorded")).toHaveLength(1);

    const perEvent = api.requests.length / work.length;
    // The cost of audited events under contention, for the report: printed, and bounded.
    const byKind = new Map<string, number>();
    for (const r of api.requests) {
      const kind = `${r.method} ${r.path.replace(/\/\d+/g, "/N")}`;
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    process.stdout.write(`seed ${seed}: ${api.requests.length} requests for ${work.length} events (${perEvent.toFixed(1)} per event; issues created ${api.issues.size}) ${JSON.stringify(Object.fromEntries(byKind))}\n`);
    expect(perEvent).toBeLessThan(20);
  });
});

it("20 events at once on an existing issue: 20 records, the body counts them all, cost per event reported", async () => {
  api = new FakeIssuesApi("/repos/acme/governance", APP, { seed: 11 });
  await api.start();
  const first = simpleRecord(100, "bootstrap");
  await appProcess(api).write(first);
  const before = api.requests.length;
  const [a, b] = [appProcess(api), appProcess(api)];
  const events = Array.from({ length: 20 }, (_, i) => simpleRecord(i + 1, `svc-${i + 1}`));
  await Promise.all(events.map((r, i) => (i % 2 === 0 ? a : b).write(r)));
  const issue = api.openIssues()[0]!;
  expect(api.openIssues()).toHaveLength(1);
  expect(issue.comments).toHaveLength(21);
  expect(issue.body).toContain("21 repositories, 21 scanned changes, 21 Claude commits");
  const perEvent = (api.requests.length - before) / 20;
  process.stdout.write(`existing issue: ${api.requests.length - before} requests for 20 concurrent events (${perEvent.toFixed(1)} per event)\n`);
  expect(perEvent).toBeLessThan(15);
});

it("in steady state one audited event costs 5 issue API requests (list issues, list comments, comment, body, re-read)", async () => {
  api = new FakeIssuesApi("/repos/acme/governance", APP, { maxDelayMs: 1 });
  await api.start();
  const writer = appProcess(api);
  expect((await writer.write(simpleRecord(1))).requests).toBe(8); // first event: creates the issue
  const second = await writer.write(simpleRecord(2));
  expect(second).toMatchObject({ outcome: "appended", created: false, bodyWrites: 1, requests: 5 });
  expect((await writer.write(simpleRecord(2))).requests).toBe(2); // a redelivery: two reads, no write
});
