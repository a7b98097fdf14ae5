import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import {
  BASE_SHA,
  CONFIG_YAML,
  HEAD_SHA,
  REPO_PATH,
  apiCommit,
  commitDetail,
  fakeGithubToken,
  payload,
  pullRequestSeven,
  sha,
} from "./github-fixtures.js";
import { CHECK_RUNS_LOOKUP, createTestApp, mockInstallationToken, type TestApp, headFilesNotReadable, mockHeadFile } from "./harness.js";
import { assertAllMocksUsed, githubApi, sentBodies, sentRequests, setUpHttpMock, tearDownHttpMock, mockNoOrgConfig } from "./http-mock.js";

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  external_id?: string;
  output?: { title: string; summary: string; text?: string; annotations?: Array<{ path: string; start_line: number; annotation_level: string; message: string }> };
  actions?: unknown[];
}

const CONFIG_PATH = `${REPO_PATH}/contents/.github%2Fclaude-guard.yml`;

let app: TestApp;
beforeEach(async () => {
  setUpHttpMock();
  app = await createTestApp();
  headFilesNotReadable(HEAD_SHA);
});
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

/** The mocks every pull request scan of PR #7 needs before its commits are read. */
function mockCheckRunStart(existing: unknown[] = []) {
  mockInstallationToken();
  githubApi()
    .get(CHECK_RUNS_LOOKUP(HEAD_SHA))
    .query({ check_name: "claude-guard", filter: "latest", app_id: "123", per_page: "20" })
    .reply(200, { total_count: existing.length, check_runs: existing });
}

describe("pull_request.opened with human and Claude-authored commits", () => {
  it("creates one in-progress check run, scans only Claude's commits, and fails on the token with annotations", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 42 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, { message: "Not Found" });
    githubApi().patch(`${REPO_PATH}/check-runs/42`).reply(200, { id: 42 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-pr-7");

    const [created] = sentBodies<CheckRunBody>("POST", "/check-runs");
    expect(created).toMatchObject({ name: "claude-guard", head_sha: HEAD_SHA, status: "in_progress", external_id: "delivery:delivery-pr-7:running" });
    const updates = sentBodies<CheckRunBody>("PATCH", "/check-runs/42");
    expect(updates).toHaveLength(1);
    const done = updates[0] as CheckRunBody;
    expect(done.status).toBe("completed");
    expect(done.conclusion).toBe("failure");
    expect(done.external_id).toBe("delivery:delivery-pr-7");
    const annotations = done.output?.annotations ?? [];
    expect(annotations.map((a) => [a.path, a.start_line])).toEqual(
      expect.arrayContaining([
        ["src/client.ts", 12],
        ["config/example.env", 3],
      ]),
    );
    // The human commit's token was never read, so never reported.
    expect(annotations.some((a) => a.path === "src/debug.ts")).toBe(false);
    expect(`${done.output?.summary}${done.output?.text}`).toContain("assets/logo.png");
    // No whole secret in anything the App sent.
    for (const request of sentRequests()) {
      expect(request.body).not.toContain(pr.token);
      expect(request.body).not.toContain(pr.humanToken);
    }
  });

  it("annotates a line a later commit moved where it is at the head, and a line deleted since only in the table, linked at the commit that added it", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 43 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false });
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, { message: "Not Found" });
    // At the head, two lines were added above the token (line 12 -> 14), and the example .env file was deleted.
    const clientAtHead = [...Array.from({ length: 9 }, (_, i) => `// line ${i + 1}`), "export class Client {", "  constructor() {}", "  // new", "  // talks to the widgets API", `  private token = "${pr.token}";`, "  get() {}", "}"].join("\n");
    mockHeadFile("src/client.ts", HEAD_SHA, clientAtHead);
    mockHeadFile("config/example.env", HEAD_SHA, null);
    githubApi().patch(`${REPO_PATH}/check-runs/43`).reply(200, { id: 43 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-pr-7-moved");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/43");
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line])).toEqual([["src/client.ts", 14]]);
    const summary = done?.output?.summary ?? "";
    // The deleted line keeps its row, linked at the commit that added it, at its line there.
    expect(summary).toContain(`[\`config/example.env:3\`](https://github.com/acme/widgets/blob/${sha(4)}/config/example.env#L3) (gone at the head)`);
    expect(summary).toContain(`[\`src/client.ts:12\`](https://github.com/acme/widgets/blob/${sha(2)}/src/client.ts#L12)`);
  });

  it("passes a pull request without Claude-authored commits after reading no commit's files", async () => {
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 43 });
    githubApi().get(CONFIG_PATH).reply(404, { message: "Not Found" });
    githubApi().get(`/repos/acme/.github/contents/.github%2Fclaude-guard.yml`).reply(404, { message: "Not Found" });
    githubApi()
      .get(`${REPO_PATH}/pulls/7/commits`)
      .query({ per_page: "100" })
      .reply(200, [apiCommit(sha(1), "Human work", "human"), apiCommit(sha(3), "More human work", "human")]);
    githubApi().patch(`${REPO_PATH}/check-runs/43`).reply(200, { id: 43 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    const [done] = sentBodies<CheckRunBody>("PATCH");
    expect(done).toMatchObject({ status: "completed", conclusion: "success" });
    expect(done?.output?.annotations ?? []).toHaveLength(0);
  });
});

describe("redelivered and repeated webhooks", () => {
  it("does nothing when the delivery's check run is already complete (GitHub holds the state)", async () => {
    mockCheckRunStart([{ id: 42, name: "claude-guard", status: "completed", conclusion: "failure", external_id: "delivery:delivery-pr-7", app: { id: 123 }, output: { annotations_count: 2 } }]);

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-pr-7");

    expect(sentRequests().filter((r) => r.method !== "GET" && !r.path.includes("access_tokens"))).toEqual([]);
  });

  it("drops a redelivery that arrives on the same replica while the first is queued, without any API call", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 42 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/42`).reply(200, { id: 42 });

    const event = { id: "delivery-twice", name: "pull_request", payload: payload("pull-request-opened-with-claude-and-human-commits") } as Parameters<TestApp["probot"]["receive"]>[0];
    await Promise.all([app.probot.receive(event), app.probot.receive(event)]);
    await app.queue.idle();
    await app.probot.receive(event);
    await app.queue.idle();

    expect(sentBodies("POST", "/check-runs")).toHaveLength(1);
  });

  it("completes its own failed attempt in place when a failed delivery is redelivered", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart([{ id: 42, name: "claude-guard", status: "completed", conclusion: "failure", external_id: "delivery:delivery-pr-7:retry", app: { id: 123 }, output: { annotations_count: 0 } }]);
    githubApi().patch(`${REPO_PATH}/check-runs/42`).reply(200, { id: 42 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/42`).reply(200, { id: 42 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-pr-7");

    expect(sentBodies("POST", "/check-runs")).toHaveLength(0);
    const updates = sentBodies<CheckRunBody>("PATCH", "/check-runs/42");
    expect(updates[updates.length - 1]).toMatchObject({ status: "completed", conclusion: "failure", external_id: "delivery:delivery-pr-7" });
  });
});

describe("failures end the check run instead of leaving it in progress", () => {
  it("still creates and completes the run when the lookup for an existing one fails", async () => {
    mockInstallationToken();
    githubApi().get(CHECK_RUNS_LOOKUP(HEAD_SHA)).query(true).reply(404, { message: "Not Found" });
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 53 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [apiCommit(sha(1), "Human", "human")]);
    githubApi().patch(`${REPO_PATH}/check-runs/53`).reply(200, { id: 53 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    expect(sentBodies<CheckRunBody>("PATCH", "/check-runs/53")[0]).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("completes with failure and the reason when a commit cannot be read", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 44 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, pr.commits);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(502, { message: "Server Error" });
    githubApi().get(`${REPO_PATH}/commits/${sha(4)}`).reply(200, pr.claude2Detail);
    githubApi().patch(`${REPO_PATH}/check-runs/44`).reply(200, { id: 44 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-502");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/44");
    expect(done).toMatchObject({ status: "completed", conclusion: "failure", external_id: "delivery:delivery-502:retry" });
    expect(done?.output?.title).toBe("claude-guard could not finish the scan");
    expect(done?.output?.summary).toContain("HTTP 502");
    expect(done?.output?.summary).toContain(`/commits/${sha(2)}`);
  });

  it("names GitHub's rate limit when that is what stopped the scan", async () => {
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 45 });
    // The org's file is read first and meets the limit: the repository's file is never asked for.
    githubApi()
      .get("/repos/acme/.github/contents/.github%2Fclaude-guard.yml")
      .reply(403, { message: "API rate limit exceeded for installation ID 4242." }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1893456000" });
    githubApi().patch(`${REPO_PATH}/check-runs/45`).reply(200, { id: 45 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"), "delivery-limited");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/45");
    expect(done).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(done?.output?.summary).toContain("rate limit");
    expect(done?.output?.summary).toContain("2030-01-01T00:00:00.000Z");
  });
});

describe("reading the change through the REST API", () => {
  it("reads past the 250-commit listing limit through the compare API, and says so", async () => {
    const commits = Array.from({ length: 300 }, (_, i) => apiCommit(sha(i + 16).slice(0, 40), `Step ${i}`, i === 299 ? "claude" : "human"));
    const claude = commits[299] as ReturnType<typeof apiCommit>;
    const token = fakeGithubToken("compare");
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 46 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    for (let page = 1; page <= 3; page++) {
      githubApi()
        .get(`${REPO_PATH}/compare/${BASE_SHA}...${HEAD_SHA}`)
        .query({ per_page: "100", page: String(page) })
        .reply(200, { total_commits: 300, commits: commits.slice((page - 1) * 100, page * 100), files: [] });
    }
    githubApi()
      .get(`${REPO_PATH}/commits/${claude.sha}`)
      .reply(200, commitDetail(claude, [{ filename: "deploy.sh", status: "added", patch: `@@ -0,0 +1 @@\n+export GH_TOKEN=${token}` }]));
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/46`).reply(200, { id: 46 });

    await app.deliver("pull_request", payload("pull-request-with-300-commits"));

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/46");
    expect(done?.conclusion).toBe("failure");
    expect(`${done?.output?.summary}${done?.output?.text}`).toContain("compare API");
    expect(done?.output?.annotations?.[0]).toMatchObject({ path: "deploy.sh", start_line: 1 });
  });

  it("reads a file GitHub sent no patch for at the commit and its parent, and reports the added line", async () => {
    const token = fakeGithubToken("no-patch");
    const claude = apiCommit(sha(2), "Regenerate the big settings file", "claude", [sha(1)]);
    const before = Array.from({ length: 50 }, (_, i) => `setting_${i} = ${i}`).join("\n") + "\n";
    const after = before.replace("setting_30 = 30\n", `setting_30 = 30\nsecret_token = "${token}"\n`);
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 47 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [claude]);
    githubApi()
      .get(`${REPO_PATH}/commits/${sha(2)}`)
      .reply(200, commitDetail(claude, [{ filename: "conf/settings.toml", additions: 1 }, { filename: "data/huge.json", additions: 90000 }]));
    githubApi().get(`${REPO_PATH}/contents/conf%2Fsettings.toml`).query({ ref: sha(2) }).reply(200, after, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/contents/conf%2Fsettings.toml`).query({ ref: sha(1) }).reply(200, before, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    // Over the size read whole: reported as not scanned, never passed silently.
    githubApi()
      .get(`${REPO_PATH}/contents/data%2Fhuge.json`)
      .query({ ref: sha(2) })
      .reply(200, "x".repeat(9 * 1024 * 1024), { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/47`).reply(200, { id: 47 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/47");
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line])).toEqual([["conf/settings.toml", 32]]);
    expect(`${done?.output?.summary}${done?.output?.text}`).toContain("data/huge.json");
  });

  it("follows the Link header past the first page of a commit's files", async () => {
    const token = fakeGithubToken("page-two");
    const claude = apiCommit(sha(2), "Touch many files", "claude", [sha(1)]);
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 48 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [claude]);
    githubApi()
      .get(`${REPO_PATH}/commits/${sha(2)}`)
      .reply(200, commitDetail(claude, [{ filename: "a.txt", patch: "@@ -1 +1 @@\n-a\n+b" }]), {
        link: `<https://api.github.com/repositories/1296269/commits/${sha(2)}?page=2>; rel="next", <https://api.github.com/repositories/1296269/commits/${sha(2)}?page=2>; rel="last"`,
      });
    githubApi()
      .get(`/repositories/1296269/commits/${sha(2)}`)
      .query({ page: "2" })
      .reply(200, commitDetail(claude, [{ filename: "z/last.py", status: "added", patch: `@@ -0,0 +1,2 @@\n+import os\n+TOKEN = "${token}"` }]));
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/48`).reply(200, { id: 48 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/48");
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line])).toEqual([["z/last.py", 2]]);
  });

  it("judges a PR into a release branch by that branch's config, falling back to the org's .github repository", async () => {
    const claude = apiCommit(sha(2), "Backport", "claude", [sha(1)]);
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 49 });
    githubApi().get(CONFIG_PATH).query({ ref: "release/1.x" }).reply(404, { message: "Not Found" });
    githubApi().get(`/repos/acme/.github/contents/.github%2Fclaude-guard.yml`).reply(200, "failOn: none\n");
    githubApi().get(`${REPO_PATH}/pulls/9/commits`).query({ per_page: "100" }).reply(200, [claude]);
    githubApi()
      .get(`${REPO_PATH}/commits/${sha(2)}`)
      .reply(200, commitDetail(claude, [{ filename: "src/a.py", patch: `@@ -1 +1,2 @@\n x = 1\n+TOKEN = "${fakeGithubToken("release")}"` }]));
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/49`).reply(200, { id: 49 });

    await app.deliver("pull_request", payload("pull-request-into-release-branch"));

    // failOn: none from the org config: the token (critical: its checksum verified) no longer fails the check.
    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/49");
    expect(done?.conclusion).toBe("neutral");
    expect(`${done?.output?.summary}${done?.output?.text}`).toMatch(/acme\/\\?\.github/); // Markdown-escaped in the summary
  });

  it("suppresses a finding whose fingerprint is in .claude-guard-ignore at the head", async () => {
    const pr = pullRequestSeven();
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 50 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [pr.commits[1]]);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, pr.claude1Detail);
    const { prepareScan } = await import("../../src/core/setup.js");
    const [finding] = prepareScan({}).scanner.scan({ path: "src/client.ts", text: `  private token = "${pr.token}";` }).findings;
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi()
      .get(`${REPO_PATH}/contents/.claude-guard-ignore`)
      .query({ ref: HEAD_SHA })
      .reply(200, `# accepted test value\n${finding?.fingerprint}\n`);
    githubApi().patch(`${REPO_PATH}/check-runs/50`).reply(200, { id: 50 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/50");
    expect(done?.conclusion).toBe("success");
    expect(done?.output?.annotations ?? []).toHaveLength(0);
  });

  it("reads the custom property values when the payload does not carry them", async () => {
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 51 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/properties/values`).reply(200, [{ property_name: "data_classification", value: "restricted" }]);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [apiCommit(sha(1), "Human", "human")]);
    githubApi().patch(`${REPO_PATH}/check-runs/51`).reply(200, { id: 51 });

    await app.deliver("pull_request", payload("pull-request-synchronize-without-custom-properties"));

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/51");
    expect(`${done?.output?.summary}${done?.output?.text}`).toContain("restricted");
    expect(`${done?.output?.summary}${done?.output?.text}`).toMatch(/custom property data\\?_classification/);
  });

  it("sends annotations 50 per request, the last batch with the conclusion", async () => {
    const claude = apiCommit(sha(2), "Seed data", "claude", [sha(1)]);
    const lines = Array.from({ length: 120 }, (_, i) => `+TOKEN_${i} = "${fakeGithubToken(`batch-${i}`)}"`).join("\n");
    mockCheckRunStart();
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 52 });
    mockNoOrgConfig();
    githubApi().get(CONFIG_PATH).reply(200, CONFIG_YAML);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [claude]);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, commitDetail(claude, [{ filename: "seed.py", status: "added", patch: `@@ -0,0 +1,120 @@\n${lines}` }]));
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [], truncated: false }); // agent configuration at the head: none
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: HEAD_SHA }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/52`).times(3).reply(200, { id: 52 });

    await app.deliver("pull_request", payload("pull-request-opened-with-claude-and-human-commits"));

    const updates = sentBodies<CheckRunBody>("PATCH", "/check-runs/52");
    expect(updates.map((u) => [u.status, u.output?.annotations?.length])).toEqual([
      [undefined, 50],
      [undefined, 50],
      ["completed", 20],
    ]);
  });
});
