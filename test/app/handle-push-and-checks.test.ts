import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { CONFIG_YAML, HEAD_SHA, REPO_PATH, apiCommit, commitDetail, fakeGithubToken, payload, pullRequestSeven, sha } from "./github-fixtures.js";
import { CHECK_RUNS_LOOKUP, createTestApp, mockInstallationToken, type TestApp, headFilesNotReadable } from "./harness.js";
import { assertAllMocksUsed, githubApi, sentBodies, sentRequests, setUpHttpMock, tearDownHttpMock, mockNoOrgConfig } from "./http-mock.js";

const AFTER = "af" + "7".repeat(38);
const BEFORE = "be" + "f".repeat(38);
const CONFIG_PATH = `${REPO_PATH}/contents/.github%2Fclaude-guard.yml`;

interface Body {
  head_sha?: string;
  status?: string;
  conclusion?: string;
  output?: { title: string; summary: string; text?: string; annotations?: Array<{ path: string; start_line: number }> };
}

let app: TestApp;
beforeEach(async () => {
  setUpHttpMock();
  app = await createTestApp();
  headFilesNotReadable(HEAD_SHA, AFTER);
});
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

describe("push", () => {
  it("scans commits pushed straight to the default branch, judged by the config they started from", async () => {
    const claude = apiCommit(sha(2), "Hotfix the client", "claude", [BEFORE]);
    mockInstallationToken();
    githubApi().get(CHECK_RUNS_LOOKUP(AFTER)).query(true).reply(200, { total_count: 0, check_runs: [] });
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 60 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).query({ ref: BEFORE }).reply(200, CONFIG_YAML);
    githubApi()
      .get(`${REPO_PATH}/compare/${BEFORE}...${AFTER}`)
      .query({ per_page: "100", page: "1" })
      .reply(200, { total_commits: 2, commits: [apiCommit(sha(1), "Human", "human"), claude] });
    githubApi()
      .get(`${REPO_PATH}/commits/${sha(2)}`)
      .reply(200, commitDetail(claude, [{ filename: "ops/deploy.sh", patch: `@@ -4,0 +5 @@\n+export GITHUB_TOKEN=${fakeGithubToken("push")}` }]));
    githubApi().get(`${REPO_PATH}/git/trees/${AFTER}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: AFTER }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/60`).reply(200, { id: 60 });

    await app.deliver("push", payload("push-to-default-branch"));

    expect(sentBodies<Body>("POST", "/check-runs")[0]?.head_sha).toBe(AFTER);
    const [done] = sentBodies<Body>("PATCH", "/check-runs/60");
    expect(done?.conclusion).toBe("failure");
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line])).toEqual([["ops/deploy.sh", 5]]);
  });

  it("leaves a push to a branch with an open pull request to the pull_request event", async () => {
    mockInstallationToken();
    githubApi()
      .get(`${REPO_PATH}/commits/${AFTER}/pulls`)
      .query(true)
      .reply(200, [{ number: 7, state: "open", head: { sha: AFTER } }]);

    await app.deliver("push", payload("push-to-feature-branch-with-open-pull-request"));

    expect(sentRequests().map((r) => r.method)).toEqual(["POST", "GET"]); // the token, the lookup: no check run
  });

  it("ignores a branch deletion without any API call", async () => {
    await app.deliver("push", payload("push-deleting-a-branch"));
    expect(sentRequests()).toEqual([]);
  });
});

describe("check_suite and check_run", () => {
  it("does nothing on check_suite.requested: the push and pull_request events scan those commits", async () => {
    await app.deliver("check_suite", payload("check-suite-requested-by-a-push"));
    expect(sentRequests()).toEqual([]);
  });

  it("re-runs a scan on a new check run when GitHub's Re-run is clicked", async () => {
    const pr = pullRequestSeven();
    mockInstallationToken();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 61 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/61`).reply(200, { id: 61 });

    await app.deliver("check_run", payload("check-run-rerequested-from-the-checks-tab"));

    expect(sentBodies<Body>("POST", "/check-runs")[0]).toMatchObject({ head_sha: HEAD_SHA, status: "in_progress" });
    expect(sentBodies<Body>("PATCH", "/check-runs/61")[0]?.conclusion).toBe("failure");
  });

  it("leaves another app's check run alone", async () => {
    await app.deliver("check_run", payload("check-run-rerequested-of-another-app"));
    expect(sentRequests()).toEqual([]);
  });

  it("writes the .claude-guard-ignore lines into the run when its button is clicked", async () => {
    const pr = pullRequestSeven();
    mockInstallationToken();
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/42`).reply(200, { id: 42 });

    await app.deliver("check_run", payload("check-run-show-ignore-lines-button"));

    const [update] = sentBodies<Body>("PATCH", "/check-runs/42");
    expect(update?.output?.title).toBe("1 secret");
    expect(update?.output?.text).toMatch(/^[0-9a-f]{32} {2}# github-pat-classic at src\/client\.ts:12$/m);
    expect(update?.output?.text).not.toContain(pr.token);
    expect(update?.status).toBeUndefined();
  });
});
