/**
 * Hostile input for the App: signed webhooks whose payload is malformed get HTTP 400 naming
 * what is wrong, never a 500 with a TypeError, and make no request to GitHub. The server is the one
 * `npm start` builds (app-server.ts); GitHub there answers 401, so any request it records is a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { payload } from "../app/github-fixtures.js";
import { startAgainstRejectingGitHub, type RejectingSetup } from "./app-server.js";

let setup: RejectingSetup;
beforeAll(async () => {
  setup = await startAgainstRejectingGitHub();
});
afterAll(async () => {
  await setup.stop();
});

type Payload = Record<string, unknown>;
const pullRequest = () => payload("pull-request-opened-with-claude-and-human-commits");
const pr = (p: Payload) => p["pull_request"] as Payload;

const cases: Array<[string, string, () => unknown, RegExp]> = [
  ["pull_request without a pull_request object", "pull_request", () => ({ ...pullRequest(), pull_request: undefined }), /pull_request is missing/],
  ["pull_request whose pull_request is a string", "pull_request", () => ({ ...pullRequest(), pull_request: "7" }), /pull_request is not an object/],
  ["pull_request without its head", "pull_request", () => ({ ...pullRequest(), pull_request: { ...pr(pullRequest()), head: null } }), /pull_request\.head is not an object/],
  ["pull_request whose head SHA is a path", "pull_request", () => ({ ...pullRequest(), pull_request: { ...pr(pullRequest()), head: { ref: "x", sha: "../../../../user" } } }), /pull_request\.head\.sha/],
  ["pull_request whose number is text", "pull_request", () => ({ ...pullRequest(), pull_request: { ...pr(pullRequest()), number: "7" } }), /pull_request\.number/],
  ["pull_request without a repository", "pull_request", () => ({ ...pullRequest(), repository: undefined }), /repository is missing/],
  ["pull_request whose owner has no login", "pull_request", () => ({ ...pullRequest(), repository: { ...(pullRequest()["repository"] as Payload), owner: {} } }), /repository\.owner\.login/],
  ["pull_request without an installation", "pull_request", () => ({ ...pullRequest(), installation: undefined }), /installation is missing/],
  ["push without its SHAs", "push", () => ({ ...payload("push-to-default-branch"), after: undefined }), /after is missing/],
  ["push whose commits are not a list", "push", () => ({ ...payload("push-to-default-branch"), commits: "many" }), /commits is not a list/],
  ["push whose ref is a number", "push", () => ({ ...payload("push-to-default-branch"), ref: 1 }), /ref is not a non-empty string/],
  ["check_run re-run without a check_run", "check_run", () => ({ ...payload("check-run-rerequested-from-the-checks-tab"), check_run: undefined }), /check_run is missing/],
  ["check_run re-run whose suite is missing", "check_run", () => {
    const body = payload("check-run-rerequested-from-the-checks-tab");
    return { ...body, check_run: { ...(body["check_run"] as Payload), check_suite: undefined } };
  }, /check_run\.check_suite is missing/],
  ["check_suite re-run whose head SHA is a number", "check_suite", () => {
    const body = payload("check-suite-requested-by-a-push");
    return { ...body, action: "rerequested", check_suite: { ...(body["check_suite"] as Payload), head_sha: 42 } };
  }, /check_suite\.head_sha/],
];

describe("signed webhooks with a malformed payload", () => {
  it.each(cases)("%s: HTTP 400 naming the field", async (_name, event, body, problem) => {
    const before = setup.githubRequests.length;
    const answer = await setup.send(event, body());
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(problem);
    expect(answer.text).not.toMatch(/TypeError|Cannot read|undefined \(reading/);
    expect(setup.githubRequests.length).toBe(before);
  });

  it.each([
    ["null", "null"],
    ["a list", "[]"],
    ["a string", '"opened"'],
    ["a number", "42"],
    ["not JSON at all", "{\"action\": "],
  ])("a payload that is %s: HTTP 400", async (_name, raw) => {
    const answer = await setup.send("pull_request", raw, { raw: true });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/not (?:a JSON object|JSON)/);
    expect(answer.text).not.toMatch(/TypeError/);
  });

  it("still takes a well-formed payload (HTTP 200)", async () => {
    expect((await setup.send("pull_request", pullRequest())).status).toBe(200);
    await setup.running.queue.idle();
  });
});
