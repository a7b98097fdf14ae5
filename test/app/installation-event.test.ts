/**
 * The App's wiring of the installation baseline: an `installation.created` and an
 * `installation_repositories.added` event each queue the baseline, which reads the org's config for
 * its audit repository (here none: nothing more is asked). The baseline itself is tested in
 * installation-baseline.test.ts.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { INSTALLATION_ID } from "./github-fixtures.js";
import { createTestApp, mockInstallationToken, type TestApp } from "./harness.js";
import { assertAllMocksUsed, mockNoOrgConfig, sentRequests, setUpHttpMock, tearDownHttpMock } from "./http-mock.js";

let app: TestApp;
const savedKey = process.env["AUDIT_HMAC_KEY"];
beforeEach(async () => {
  setUpHttpMock();
  process.env["AUDIT_HMAC_KEY"] = "installation-event-test-key-of-some-length";
  app = await createTestApp();
});
afterEach(() => {
  if (savedKey === undefined) delete process.env["AUDIT_HMAC_KEY"];
  else process.env["AUDIT_HMAC_KEY"] = savedKey;
  assertAllMocksUsed();
});
afterAll(() => tearDownHttpMock());

const installation = { id: INSTALLATION_ID, account: { login: "acme", type: "Organization" } };

describe("installation events", () => {
  it("installation.created queues the baseline of the repositories the App was given", async () => {
    mockInstallationToken();
    mockNoOrgConfig();
    await app.deliver("installation", { action: "created", installation, repositories: [{ name: "widgets", full_name: "acme/widgets", private: true }] });
    expect(sentRequests().map((r) => r.path)).toContain("/repos/acme/.github/contents/.github%2Fclaude-guard.yml");
  });

  it("installation_repositories.added queues the baseline of the added repositories", async () => {
    mockInstallationToken();
    mockNoOrgConfig();
    await app.deliver("installation_repositories", { action: "added", installation, repositories_added: [{ name: "widgets", full_name: "acme/widgets", private: true }], repositories_removed: [] });
    expect(sentRequests().map((r) => r.path)).toContain("/repos/acme/.github/contents/.github%2Fclaude-guard.yml");
  });

  it("a removal or an installation without repositories asks nothing", async () => {
    await app.deliver("installation_repositories", { action: "removed", installation, repositories_added: [], repositories_removed: [{ name: "widgets" }] });
    await app.deliver("installation", { action: "created", installation, repositories: [] }, "delivery-2");
    expect(sentRequests()).toEqual([]);
  });
});
