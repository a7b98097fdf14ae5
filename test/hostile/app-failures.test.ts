/**
 * Hostile conditions for the App (no silent failures): every failed job is logged at error level
 * with its delivery id, through Probot's logger (the queue's too), and leaves a completed check run
 * saying why whenever GitHub lets the App create one.
 *
 * Here the nock-backed Probot of test/app/harness.ts, for failures after the check run exists;
 * app-failures-server.test.ts runs the server as `npm start` builds it against a GitHub that answers 401.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createApp } from "../../src/app/index.js";
import { HEAD_SHA, REPO_PATH, payload } from "../app/github-fixtures.js";
import { CHECK_RUNS_LOOKUP, createTestApp, mockInstallationToken } from "../app/harness.js";
import { assertAllMocksUsed, githubApi, sentBodies, setUpHttpMock, tearDownHttpMock, mockNoOrgConfig } from "../app/http-mock.js";
import { capturingLogger, ERROR } from "./app-server.js";

describe("the App's queue", () => {
  it("does not exist before Probot loads the app (a queue without Probot's logger would fail in silence)", () => {
    const created = createApp({ appId: 123 });
    expect(() => created.queue).toThrow(/once Probot has loaded the app/);
  });
});

describe("a scan that fails after its check run exists", () => {
  beforeEach(() => setUpHttpMock());
  afterEach(() => assertAllMocksUsed());
  afterAll(() => tearDownHttpMock());

  it("completes the check run as a failure that says why, and logs the error with the delivery id", async () => {
    const captured = capturingLogger();
    const app = await createTestApp({ log: captured.log });
    mockInstallationToken();
    githubApi().get(CHECK_RUNS_LOOKUP(HEAD_SHA)).query(true).reply(200, { total_count: 0, check_runs: [] });
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 77 });
    mockNoOrgConfig();
    githubApi().get(`${REPO_PATH}/contents/.github%2Fclaude-guard.yml`).reply(200, "failOn: high\n");
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(500, { message: "Server Error" });
    githubApi().patch(`${REPO_PATH}/check-runs/77`).reply(200, { id: 77 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-broken-7");

    const [done] = sentBodies<{ status?: string; conclusion?: string; output?: { title: string; summary: string } }>("PATCH", "/check-runs/77");
    expect(done?.status).toBe("completed");
    expect(done?.conclusion).toBe("failure");
    expect(done?.output?.title).toMatch(/could not finish/);
    expect(done?.output?.summary).toMatch(/HTTP 500/);
    const errors = captured.lines.filter((l) => l.level >= ERROR);
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ deliveryId: "delivery-broken-7", checkRunId: 77 })]));
  });
});
