/**
 * Hostile conditions for the App (no silent failures), on the server as `npm start` builds it:
 * with credentials GitHub rejects (401 on every request) no check run can be created, and the failed
 * job must still be an error line with its delivery id, logged through Probot's logger (the queue's
 * too), never a lone warning.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { payload } from "../app/github-fixtures.js";
import { ERROR, startAgainstRejectingGitHub, until, WARN, type RejectingSetup } from "./app-server.js";

let setup: RejectingSetup;
beforeAll(async () => {
  setup = await startAgainstRejectingGitHub();
});
afterAll(async () => {
  await setup.stop();
});

describe("the server, with credentials GitHub rejects (401 on every request)", () => {
  it("logs the failed scan at error level with the delivery id, not only a warning", async () => {
    const delivery = randomUUID();
    expect((await setup.send("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), { delivery })).status).toBe(200);
    await setup.running.queue.idle();
    await until(() => setup.lines.some((l) => l.level >= ERROR && l.deliveryId === delivery), "an error line");

    const mine = setup.lines.filter((l) => l.deliveryId === delivery);
    const errors = mine.filter((l) => l.level >= ERROR);
    expect(errors[0]?.msg).toMatch(/check run could not be created/);
    expect(String(errors[0]?.["reason"])).toMatch(/401/);
    // The warning about the lookup is no longer the only trace.
    expect(mine.some((l) => l.level === WARN)).toBe(true);
    // The App did try: GitHub refused its installation token.
    expect(setup.githubRequests.some((r) => r.startsWith("POST /api/v3/app/installations/"))).toBe(true);
  });

  it("logs a failed button job through Probot's logger: the queue is the one built with it", async () => {
    const delivery = randomUUID();
    expect((await setup.send("check_run", payload("check-run-show-ignore-lines-button"), { delivery })).status).toBe(200);
    await setup.running.queue.idle();
    await until(() => setup.lines.some((l) => l.level >= ERROR && l.deliveryId === delivery), "the queue's error line");
    const line = setup.lines.find((l) => l.level >= ERROR && l.deliveryId === delivery);
    expect(line?.msg).toBe("scan job failed");
    expect(String(line?.["error"])).toMatch(/credentials|401/i);
  });
});
