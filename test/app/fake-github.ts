/** The fake GitHub API lives in src/testing/ so that bench/app.mjs can run it from lib/ too. */
export { FakeGitHub, type FakeCheckRun, type FakeRepoData, type RecordedRequest } from "../../src/testing/fake-github.js";
