import { afterAll, afterEach, beforeEach, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { prepareScan } from "../../src/core/setup.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadRepoConfig } from "../../src/github/config.js";
import { assertAllMocksUsed, githubApi, setUpHttpMock, tearDownHttpMock } from "./http-mock.js";

beforeEach(() => setUpHttpMock());
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

const gh = new Octokit({ auth: "test" }) as unknown as GitHubClient;
const REPO_CONFIG = "/repos/acme/widgets/contents/.github%2Fclaude-guard.yml";
const ORG_CONFIG = "/repos/acme/.github/contents/.github%2Fclaude-guard.yml";

it("puts the repository's file on top of the org's: it may tighten the org's policy, never loosen it", async () => {
  githubApi().get(ORG_CONFIG).reply(200, "failOn: high\npaths:\n  ignore: [\"vendor/**\"]\n");
  githubApi().get(REPO_CONFIG).reply(200, "failOn: none\npaths:\n  ignore: [\"fixtures/**\"]\n");

  const loaded = await loadRepoConfig(gh, { owner: "acme", repo: "widgets" });
  const setup = prepareScan({ effectiveConfig: loaded });

  expect(setup.config.failOn).toBe("high");
  expect(setup.config.paths.ignore).toEqual(["vendor/**", "fixtures/**"]);
  expect(setup.warnings.some((w) => w.includes("failOn"))).toBe(true);
  expect(loaded.sources).toEqual(["acme/.github:.github/claude-guard.yml", "acme/widgets:.github/claude-guard.yml"]);
});

it("follows the repository's _extends one level and names errors by file and line", async () => {
  githubApi().get(ORG_CONFIG).reply(404, { message: "Not Found" });
  githubApi().get(REPO_CONFIG).reply(200, "_extends: policies:base.yml\nfailOn: critical\n");
  githubApi().get("/repos/acme/policies/contents/base.yml").reply(200, "failOn: medium\nfialOn: low\n");

  const loaded = await loadRepoConfig(gh, { owner: "acme", repo: "widgets" });
  const setup = prepareScan({ effectiveConfig: loaded });

  expect(setup.errors.some((e) => e.startsWith("acme/policies:base.yml:2") && e.includes("fialOn"))).toBe(true);
  // The extended file is the floor: the repository's `critical` would loosen its `medium`.
  expect(setup.config.failOn).toBe("medium");
});

it("reads the repository's file at the ref asked for (a pull request's base branch)", async () => {
  githubApi().get(ORG_CONFIG).reply(404, { message: "Not Found" });
  githubApi().get(REPO_CONFIG).query({ ref: "release/1.x" }).reply(200, "failOn: low\n");
  const loaded = await loadRepoConfig(gh, { owner: "acme", repo: "widgets" }, "release/1.x");
  expect(prepareScan({ effectiveConfig: loaded }).config.failOn).toBe("low");
  expect(loaded.sources).toEqual(["acme/widgets:.github/claude-guard.yml@release/1.x"]);
});
