/**
 * The App's policy checks (classification, skills, permissions) through its real webhook path, with GitHub's API mocked by nock: the
 * classification from the payload's custom properties, the agent configuration read through the git
 * trees and blobs API (and how many requests that costs), team membership, and the check run.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { BASE_SHA, HEAD_SHA, REPO_PATH, apiCommit, commitDetail, payload, sha } from "./github-fixtures.js";
import { CHECK_RUNS_LOOKUP, createTestApp, mockInstallationToken, type TestApp } from "./harness.js";
import { assertAllMocksUsed, githubApi, sentBodies, sentRequests, setUpHttpMock, tearDownHttpMock, mockNoOrgConfig } from "./http-mock.js";

interface CheckRunBody {
  status?: string;
  conclusion?: string;
  output?: { title: string; summary: string; text?: string; annotations?: Array<{ path: string; start_line: number; annotation_level: string; message: string }> };
}

const CONFIG_PATH = `${REPO_PATH}/contents/.github%2Fclaude-guard.yml`;
const SKILL_MD = "---\nname: deploy\ndescription: Deploy the service to production.\n---\n\nRun the release script.\n";
const CLAUDE_TREE = "7c".repeat(20);
const SKILL_BLOB = "b1".repeat(20);

/** The summary as a reviewer reads it: without Markdown escapes and the zero-width breaks after `@`. */
const plain = (markdown: string | undefined): string => (markdown ?? "").replace(/\\(.)/g, "$1").replace(/\u200b/g, "");

let app: TestApp;
beforeEach(async () => {
  setUpHttpMock();
  app = await createTestApp();
});
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

/** PR #7 of the fixtures, in a repository whose custom property says `classification`. */
function pullRequestPayload(classification: string): Record<string, unknown> {
  const body = payload("pull-request-opened-with-claude-and-human-commits");
  (body["repository"] as Record<string, unknown>)["custom_properties"] = { data_classification: classification };
  return body;
}

function mockStart(id: number, configYaml: string) {
  mockInstallationToken();
  githubApi().get(CHECK_RUNS_LOOKUP(HEAD_SHA)).query(true).reply(200, { total_count: 0, check_runs: [] });
  githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id });
  mockNoOrgConfig();
  githubApi().get(CONFIG_PATH).reply(200, configYaml, { "content-type": "application/vnd.github.raw; charset=utf-8" });
}

/** A Claude commit (by @dana) that adds .claude/skills/deploy/SKILL.md, and the trees it leaves at the head. */
function mockClaudeAddsDeploySkill(message = "Add a deploy skill") {
  const claude = apiCommit(sha(2), message, "claude", [BASE_SHA]);
  githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [claude]);
  const patch = "@@ -0,0 +1,6 @@\n" + SKILL_MD.trimEnd().split("\n").map((l) => `+${l}`).join("\n");
  githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, commitDetail(claude, [{ filename: ".claude/skills/deploy/SKILL.md", status: "added", patch }]));
  const rootWithClaude = { tree: [{ path: ".claude", type: "tree", sha: CLAUDE_TREE }, { path: "src", type: "tree", sha: "5c".repeat(20) }], truncated: false };
  // The head and the commit hold the same .claude folder (read once); the parent has none.
  githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, rootWithClaude);
  githubApi().get(`${REPO_PATH}/git/trees/${sha(2)}`).reply(200, rootWithClaude);
  githubApi().get(`${REPO_PATH}/git/trees/${BASE_SHA}`).reply(200, { tree: [{ path: "src", type: "tree", sha: "5c".repeat(20) }], truncated: false });
  githubApi()
    .get(`${REPO_PATH}/git/trees/${CLAUDE_TREE}`)
    .query({ recursive: "1" })
    .reply(200, { tree: [{ path: "skills", type: "tree", sha: "d1".repeat(20) }, { path: "skills/deploy/SKILL.md", type: "blob", sha: SKILL_BLOB, size: SKILL_MD.length }], truncated: false });
  githubApi().get(`${REPO_PATH}/git/blobs/${SKILL_BLOB}`).reply(200, { sha: SKILL_BLOB, encoding: "base64", content: Buffer.from(SKILL_MD).toString("base64") });
}

describe("the App's policy checks", () => {
  it("fails the check run when a Claude commit adds a skill above the repository's classification, and the summary names the violation", async () => {
    mockStart(60, 'failOn: high\nskills:\n  "deploy/*": { maxClassification: internal }\n');
    mockClaudeAddsDeploySkill();
    githubApi().patch(`${REPO_PATH}/check-runs/60`).reply(200, { id: 60 });

    await app.deliver("pull_request", pullRequestPayload("restricted"), "delivery-policy-1");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/60");
    expect(done?.conclusion).toBe("failure");
    const summary = plain(`${done?.output?.summary}\n${done?.output?.text}`);
    expect(summary).toMatch(/restricted`?, from custom property data_classification/);
    expect(plain(done?.output?.summary)).toMatch(/\| critical \| Skill not allowed at this repository's classification \|/);
    expect(summary).toMatch(/skill "deploy", which the skills policy allows only in repositories classified up to internal/);
    expect(summary).toMatch(/acme\/widgets is classified restricted/);
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([[".claude/skills/deploy/SKILL.md", 2, "failure"]]);
    // The agent configuration cost 5 requests: 3 root trees (head, commit, parent), the shared .claude
    // tree once, the skill's blob once.
    expect(sentRequests().filter((r) => r.path.includes("/git/"))).toHaveLength(5);
  });

  it("passes the same change in an internal repository", async () => {
    mockStart(61, 'failOn: high\nskills:\n  "deploy/*": { maxClassification: internal }\n');
    mockClaudeAddsDeploySkill();
    githubApi().patch(`${REPO_PATH}/check-runs/61`).reply(200, { id: 61 });

    await app.deliver("pull_request", pullRequestPayload("internal"), "delivery-policy-2");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/61");
    expect(done?.conclusion).toBe("success");
  });

  it("checks the team of the person behind a Claude-Skill trailer, asking GitHub only about the policy's teams", async () => {
    mockStart(62, 'failOn: high\nskills:\n  "deploy/*": { maxClassification: restricted, teams: [platform] }\n');
    mockClaudeAddsDeploySkill("Deploy the fix\n\nClaude-Skill: deploy");
    githubApi().get("/orgs/acme/teams/platform/memberships/dana").reply(404, { message: "Not Found" });
    githubApi().patch(`${REPO_PATH}/check-runs/62`).reply(200, { id: 62 });

    await app.deliver("pull_request", pullRequestPayload("internal"), "delivery-policy-3");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/62");
    expect(done?.conclusion).toBe("failure");
    expect(plain(done?.output?.text)).toMatch(/@dana used the skill "deploy", which only members of platform may run.*@dana is not a member of any of them/s);
  });

  it("reads `@acme/platform` in a skills policy as acme's platform team, and lets its member run the skill", async () => {
    mockStart(64, 'failOn: high\nskills:\n  "deploy/*": { maxClassification: restricted, teams: ["@acme/platform"] }\n');
    mockClaudeAddsDeploySkill("Deploy the fix\n\nClaude-Skill: deploy");
    githubApi().get("/orgs/acme/teams/platform/memberships/dana").reply(200, { state: "active" });
    githubApi().patch(`${REPO_PATH}/check-runs/64`).reply(200, { id: 64 });

    await app.deliver("pull_request", pullRequestPayload("internal"), "delivery-policy-5");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/64");
    expect(plain(done?.output?.text ?? "")).not.toMatch(/only members of/);
    expect(done?.conclusion).toBe("success");
  });

  it("reports a malformed settings file at the head like a config error", async () => {
    mockStart(63, "failOn: high\n");
    const claude = apiCommit(sha(2), "Tidy", "claude", [BASE_SHA]);
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, [claude]);
    githubApi().get(`${REPO_PATH}/commits/${sha(2)}`).reply(200, commitDetail(claude, [{ filename: "README.md", patch: "@@ -1,0 +2,1 @@\n+More words." }]));
    githubApi().get(`${REPO_PATH}/git/trees/${HEAD_SHA}`).reply(200, { tree: [{ path: ".mcp.json", type: "blob", sha: SKILL_BLOB, size: 20 }], truncated: false });
    githubApi().get(`${REPO_PATH}/git/blobs/${SKILL_BLOB}`).reply(200, { encoding: "base64", content: Buffer.from('{\n  "mcpServers": {\n}').toString("base64") });
    githubApi().patch(`${REPO_PATH}/check-runs/63`).reply(200, { id: 63 });

    await app.deliver("pull_request", pullRequestPayload("internal"), "delivery-policy-4");

    const [done] = sentBodies<CheckRunBody>("PATCH", "/check-runs/63");
    expect(done?.conclusion).toBe("failure");
    expect(plain(done?.output?.summary)).toMatch(/Configuration errors \(1\)\*\*\n- \.mcp\.json:3: not valid JSON/);
  });
  it("reads the agent files of every commit that changed them at once, not one commit after another", async () => {
    mockStart(64, "failOn: high\n");
    // Three Claude commits in a row, each changing .claude/settings.json.
    const commits = [2, 3, 4].map((n) => apiCommit(sha(n), `Settings ${n}`, "claude", [n === 2 ? BASE_SHA : sha(n - 1)]));
    githubApi().get(`${REPO_PATH}/pulls/7/commits`).query({ per_page: "100" }).reply(200, commits);
    for (const commit of commits) {
      githubApi().get(`${REPO_PATH}/commits/${commit.sha}`).reply(200, commitDetail(commit, [{ filename: ".claude/settings.json", patch: "@@ -1,0 +1,1 @@\n+{}" }]));
    }
    // Each root tree answers after a pause; how many were asked for before the first answer says whether they ran together.
    let inFlight = 0;
    let most = 0;
    const slowRoot = () => async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 40));
      inFlight--;
      return [200, { tree: [{ path: "src", type: "tree", sha: "5c".repeat(20) }], truncated: false }];
    };
    for (const tree of [HEAD_SHA, BASE_SHA, sha(2), sha(3), sha(4)]) githubApi().get(`${REPO_PATH}/git/trees/${tree}`).reply(slowRoot());
    githubApi().patch(`${REPO_PATH}/check-runs/64`).reply(200, { id: 64 });

    await app.deliver("pull_request", pullRequestPayload("internal"), "delivery-policy-5");

    expect(sentRequests().filter((r) => r.path.includes("/git/trees/"))).toHaveLength(5);
    // The head's first; then the three commits' and their parents' (four distinct trees) together.
    expect(most).toBeGreaterThanOrEqual(3);
    expect(sentBodies<CheckRunBody>("PATCH", "/check-runs/64")[0]?.conclusion).toBe("success");
  });
});
