import { afterAll, afterEach, beforeEach, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "../../src/github/client.js";
import { loadGuardConfig } from "../../src/github/config.js";
import { assertAllMocksUsed, githubApi, setUpHttpMock, tearDownHttpMock } from "./http-mock.js";

beforeEach(() => setUpHttpMock());
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

const gh = new Octokit({ auth: "test" }) as unknown as GitHubClient;

it("follows _extends like Probot, merges objects and concatenates lists, and names errors by file and line", async () => {
  githubApi().get("/repos/acme/widgets/contents/.github%2Fclaude-guard.yml").reply(200, "_extends: policies:base.yml\npaths:\n  ignore: [\"fixtures/**\"]\nfailOn: critical\n");
  githubApi().get("/repos/acme/policies/contents/base.yml").reply(200, "failOn: medium\npaths:\n  ignore: [\"vendor/**\"]\nfialOn: low\n");

  const loaded = await loadGuardConfig(gh, { owner: "acme", repo: "widgets" });

  expect(loaded.files.map((f) => f.label)).toEqual([".github/claude-guard.yml", "acme/policies:base.yml"]);
  expect(loaded.errors.some((e) => e.startsWith("acme/policies:base.yml:4") && e.includes("fialOn"))).toBe(true);
  const { prepareScan } = await import("../../src/core/setup.js");
  const setup = prepareScan(loaded.inputs);
  expect(setup.config.failOn).toBe("critical");
  expect(setup.config.paths.ignore).toEqual(["vendor/**", "fixtures/**"]);
});

it("reads nothing more than the repository's file when it exists, at the ref asked for", async () => {
  githubApi().get("/repos/acme/widgets/contents/.github%2Fclaude-guard.yml").query({ ref: "release/1.x" }).reply(200, "failOn: low\n");
  const loaded = await loadGuardConfig(gh, { owner: "acme", repo: "widgets" }, "release/1.x");
  expect(loaded.inputs).toEqual({ configText: "failOn: low\n", configFile: ".github/claude-guard.yml" });
});
