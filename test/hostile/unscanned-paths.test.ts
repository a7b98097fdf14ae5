/**
 * Probe: a Claude commit puts a live-format key under a path scans skip by name (vendored, minified,
 * lockfile). Lines Claude added are scanned whatever the path; the same paths are skipped, and listed,
 * only in a tree scan and in other authors' commits.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { apiCommit, commitDetail, CONFIG_YAML, payload, REPO_PATH, sha } from "../app/github-fixtures.js";
import { CHECK_RUNS_LOOKUP, createTestApp, mockInstallationToken } from "../app/harness.js";
import { assertAllMocksUsed, githubApi, mockNoOrgConfig, sentBodies, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { HUMAN, TempRepo } from "../git/repo-helper.js";
import { CLAUDE_MESSAGE_TRAILER, cli, jsonReport, stripeKey } from "./helpers.js";

const SKIPPED_BY_NAME = ["vendor/payments.js", "third_party/sdk/client.py", "node_modules/pay/index.js", "public/app.min.js", "yarn.lock", "package-lock.json"];

let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo("cg-hostile-paths-");
  repo.write("README.md", "service\n");
  repo.commit("Start");
  SKIPPED_BY_NAME.forEach((path, i) => repo.write(path, `const key = "${stripeKey(`claude-${i}`)}";\n`));
  repo.commit(`Add the payments client${CLAUDE_MESSAGE_TRAILER}`);
  SKIPPED_BY_NAME.forEach((path, i) => repo.write(`human/${path}`, `const key = "${stripeKey(`human-${i}`)}";\n`));
  repo.commit("Vendor a copy of the SDK", HUMAN);
});
afterAll(() => repo.remove());

describe("lines a Claude commit added are scanned whatever the path", () => {
  it("scan --git finds the key in every vendored, minified and lockfile path of Claude's commit", () => {
    const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--format", "json"], repo.dir);
    expect(run.code).toBe(1);
    const report = jsonReport(run);
    expect(report.findings.map((f) => f.path).sort()).toEqual([...SKIPPED_BY_NAME].sort());
    expect(report.findings.every((f) => f.rule.startsWith("stripe"))).toBe(true);
    expect(report.scanned.skipped.filter((s) => SKIPPED_BY_NAME.includes(s.path))).toEqual([]);
  });

  it("with --authors all, the human commit's same paths are skipped and listed, Claude's still scanned", () => {
    const run = cli(["scan", "--git", "--repo", repo.dir, "--all", "--authors", "all", "--format", "json"], repo.dir);
    const report = jsonReport(run);
    expect(report.findings.map((f) => f.path).sort()).toEqual([...SKIPPED_BY_NAME].sort());
    const listed = Object.fromEntries(report.scanned.skipped.map((s) => [s.path, s.reason]));
    expect(listed).toMatchObject({
      "human/vendor/payments.js": "vendored",
      "human/third_party/sdk/client.py": "vendored",
      "human/node_modules/pay/index.js": "vendored",
      "human/public/app.min.js": "generated",
      "human/yarn.lock": "lockfile",
      "human/package-lock.json": "lockfile",
    });
  });

  it("a tree scan skips the same paths and lists each of them", () => {
    const run = cli(["scan", repo.dir, "--format", "json"], repo.dir);
    const report = jsonReport(run);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(0);
    const listed = report.scanned.skipped.map((s) => s.path);
    for (const path of ["vendor/payments.js", "third_party/sdk/client.py", "public/app.min.js", "yarn.lock", "package-lock.json"]) expect(listed).toContain(path);
    expect(listed).toContain("node_modules/"); // not descended into, and said so
  });
});

describe("the App scans a Claude commit's vendored path too", () => {
  const AFTER = "af" + "7".repeat(38);
  const BEFORE = "be" + "f".repeat(38);

  beforeEach(() => setUpHttpMock());
  afterEach(() => assertAllMocksUsed());
  afterAll(() => tearDownHttpMock());

  it("annotates a key Claude added under vendor/ and in yarn.lock", async () => {
    const app = await createTestApp();
    const claude = apiCommit(sha(2), "Vendor the payments SDK", "claude", [BEFORE]);
    mockInstallationToken();
    githubApi().get(CHECK_RUNS_LOOKUP(AFTER)).query(true).reply(200, { total_count: 0, check_runs: [] });
    githubApi().post(`${REPO_PATH}/check-runs`).reply(201, { id: 61 });
    mockNoOrgConfig();
    githubApi().get(`${REPO_PATH}/contents/.github%2Fclaude-guard.yml`).query({ ref: BEFORE }).reply(200, CONFIG_YAML);
    githubApi()
      .get(`${REPO_PATH}/compare/${BEFORE}...${AFTER}`)
      .query({ per_page: "100", page: "1" })
      .reply(200, { total_commits: 1, commits: [claude] });
    const vendorLine = `const key = "${stripeKey("app-vendor")}";`;
    const lockLine = `  token "${stripeKey("app-lock")}"`;
    githubApi()
      .get(`${REPO_PATH}/commits/${sha(2)}`)
      .reply(
        200,
        commitDetail(claude, [
          { filename: "vendor/payments.js", status: "added", patch: `@@ -0,0 +1 @@\n+${vendorLine}` },
          { filename: "yarn.lock", patch: `@@ -4,0 +5 @@\n+${lockLine}` },
        ]),
      );
    // Both lines are still there at the head: their findings are annotated where the commit put them.
    githubApi().get(`${REPO_PATH}/contents/vendor%2Fpayments.js`).query({ ref: AFTER }).reply(200, `${vendorLine}\n`, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/contents/yarn.lock`).query({ ref: AFTER }).reply(200, `a\nb\nc\nd\n${lockLine}\n`, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    githubApi().get(`${REPO_PATH}/git/trees/${AFTER}`).reply(200, { tree: [], truncated: false });
    githubApi().get(`${REPO_PATH}/contents/.claude-guard-ignore`).query({ ref: AFTER }).reply(404, {});
    githubApi().patch(`${REPO_PATH}/check-runs/61`).reply(200, { id: 61 });

    await app.deliver("push", payload("push-to-default-branch"));

    const [done] = sentBodies<{ conclusion?: string; output?: { annotations?: Array<{ path: string; start_line: number }> } }>("PATCH", "/check-runs/61");
    expect(done?.conclusion).toBe("failure");
    expect(done?.output?.annotations?.map((a) => [a.path, a.start_line])).toEqual([
      ["vendor/payments.js", 1],
      ["yarn.lock", 5],
    ]);
  });
});
