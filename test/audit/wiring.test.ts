/**
 * src/app/audit.ts against nock: what the check run is told in each case, and which requests are made
 * (none without the key; the org's config only, never the repository's own; nothing written to a
 * public repository).
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { recordAudit, type AuditEvent, type AuditSettings } from "../../src/app/audit.js";
import { ownerTeam } from "../../src/github/teams.js";
import { parseRecordComment } from "../../src/core/audit/index.js";
import type { GitHubClient } from "../../src/github/client.js";
import { assertAllMocksUsed, githubApi, sentBodies, sentRequests, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { claudeChange, CONTENT_SENTINEL, HMAC_KEY, scanFindings, SECRET, sha } from "./fixtures.js";

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const gh = (): GitHubClient => new Octokit({ auth: "test-token", log: quiet }) as unknown as GitHubClient;
const ORG_CONFIG = "/repos/acme/.github/contents/.github%2Fclaude-guard.yml";
const AUDIT = "/repos/acme/governance";
const BOT = { login: "claude-guard[bot]", type: "Bot" };

let logged: Array<[string, string]> = [];
const log = {
  debug: () => {},
  info: () => {},
  warn: (...args: unknown[]) => void logged.push(["warn", String(args.find((a) => typeof a === "string"))]),
  error: (...args: unknown[]) => void logged.push(["error", String(args.find((a) => typeof a === "string"))]),
} as unknown as Parameters<typeof recordAudit>[1];

const settings = (overrides: Partial<AuditSettings> = {}): AuditSettings => ({ hmacKey: HMAC_KEY, identity: { appId: 4242 }, sleep: async () => {}, now: () => Date.parse("2025-03-04T10:00:00Z"), ...overrides });

function event(claudeCommits = 1): AuditEvent {
  const changes = claudeCommits > 0 ? [claudeChange(1, { withSecret: true })] : [];
  const findings = scanFindings(changes);
  return {
    target: { owner: "acme", repo: "api", headSha: sha(99), defaultBranch: "main", change: { kind: "pull_request", number: 7, baseRef: "main", baseSha: sha(98), headRef: "feature" }, actor: "jane-dev" },
    deliveryId: "5f1c2e00-0000-4000-8000-000000000001",
    scan: {
      report: { version: 1, tool: { name: "claude-guard", version: "0.1.0" }, scanned: { files: 2, bytes: 100, commits: claudeCommits, claudeCommits, skipped: [] }, findings },
      failOn: "high",
      rules: [{ id: "email-address", title: "Email", category: "pii", severity: "medium" } as never],
      configErrors: [],
      classification: { value: "internal", source: "custom property data_classification" },
      changes,
    },
  };
}

const orgConfig = (yaml: string) => githubApi().get(ORG_CONFIG).reply(200, yaml, { "content-type": "application/vnd.github.raw; charset=utf-8" });
const AUDIT_CONFIG = "audit:\n  repository: governance\n  notify: [acme/security]\n";

beforeEach(() => {
  setUpHttpMock();
  logged = [];
});
afterEach(() => assertAllMocksUsed());
afterAll(() => tearDownHttpMock());

describe("recordAudit", () => {
  it("without AUDIT_HMAC_KEY: makes no request, and says why in the logs and the check run", async () => {
    const outcome = await recordAudit(gh(), log, settings({ hmacKey: undefined }), event());
    expect(outcome).toEqual({ status: "refused", note: expect.stringContaining("AUDIT_HMAC_KEY is not set"), requests: 0 });
    expect(outcome.note).toContain("Scanning is not affected");
    expect(logged).toEqual([["warn", expect.stringContaining("AUDIT_HMAC_KEY is not set")]]);
    expect(sentRequests()).toEqual([]);
  });

  it("a change without Claude commits is not audited", async () => {
    expect(await recordAudit(gh(), log, settings(), event(0))).toEqual({ status: "no-claude-changes", requests: 0 });
  });

  it("an org without audit.repository: reads the org's config only, says nothing", async () => {
    githubApi().get(ORG_CONFIG).reply(404, { message: "Not Found" });
    expect(await recordAudit(gh(), log, settings(), event())).toEqual({ status: "not-configured", requests: 1 });
  });

  it("refuses a public audit repository and says so; the scanned repository's own config is never consulted", async () => {
    orgConfig(AUDIT_CONFIG);
    githubApi().get(AUDIT).reply(200, { private: false, visibility: "public" });
    const outcome = await recordAudit(gh(), log, settings(), event());
    expect(outcome).toMatchObject({ status: "refused", requests: 2 });
    expect(outcome.note).toMatch(/^Audit record not written: the App refused because the audit repository acme\/governance is public/);
  });

  it("writes the record to the private audit repository, mentioning the notify teams on a critical incident", async () => {
    orgConfig(AUDIT_CONFIG);
    githubApi().get(AUDIT).reply(200, { private: true, visibility: "private" });
    // The author's teams, from the org's membership (no team named in any config).
    githubApi()
      .post("/graphql", (body: { variables?: { org?: string; login?: string } }) => body.variables?.org === "acme" && body.variables?.login === "jane-dev")
      .reply(200, { data: { organization: { teams: { nodes: [{ slug: "payments" }, { slug: "platform" }] } } } });
    githubApi().get(`${AUDIT}/issues`).query(true).reply(200, []);
    githubApi().get(`${AUDIT}/issues`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues`).reply(201, { number: 5 });
    githubApi()
      .get(`${AUDIT}/issues`)
      .query(true)
      .reply(200, () => {
        const created = sentBodies<{ title: string; body: string; labels: string[] }>("POST", `${AUDIT}/issues`)[0];
        return [{ number: 5, ...created, labels: [{ name: "claude-guard-audit" }], state: "open", user: BOT, performed_via_github_app: { id: 4242 } }];
      });
    githubApi().get(`${AUDIT}/issues/5/comments`).query(true).reply(200, []);
    githubApi().post(`${AUDIT}/issues/5/comments`).reply(201, { id: 77 });
    githubApi().patch(`${AUDIT}/issues/5`).reply(200, {});
    githubApi()
      .get(`${AUDIT}/issues/5/comments`)
      .query(true)
      .reply(200, () => [{ id: 77, body: sentBodies<{ body: string }>("POST", "/issues/5/comments")[0]?.body, user: BOT, performed_via_github_app: { id: 4242 } }]);

    const outcome = await recordAudit(gh(), log, settings(), event());
    expect(outcome).toEqual({
      status: "written",
      note: "Audit record written to acme/governance#5 (critical incident: the notify teams were mentioned).",
      issue: { repository: "acme/governance", number: 5 },
      requests: 11,
    });
    const comment = sentBodies<{ body: string }>("POST", "/issues/5/comments")[0]?.body ?? "";
    expect(comment).toContain("cc @acme/security");
    const parsed = parseRecordComment(comment, HMAC_KEY);
    expect(parsed?.signed).toBe(true);
    expect(parsed?.record).toMatchObject({
      user: "jane-dev",
      team: "acme/payments",
      session: { type: "webhook-delivery", id: "5f1c2e00-0000-4000-8000-000000000001" },
      repository: { owner: "acme", name: "api", classification: "internal" },
      input_summary: { type: "pull_request", pull_request: 7, head_sha: sha(99), claude_commits: 1 },
      policy_checks: { secret_scan: "failed" },
      incident: { critical: true, reasons: ["confirmed-credential"] },
    });
    // Not one byte written anywhere holds the secret or the added content.
    for (const request of sentRequests()) {
      expect(request.body).not.toContain(SECRET);
      expect(request.body).not.toContain(CONTENT_SENTINEL);
    }
  });

  it("when GitHub keeps failing, the check run is told the audit write failed", async () => {
    orgConfig(AUDIT_CONFIG);
    githubApi().get(AUDIT).reply(200, { private: true });
    githubApi().post("/graphql").reply(200, { data: { organization: { teams: { nodes: [] } } } });
    githubApi().get(`${AUDIT}/issues`).query(true).times(4).reply(502, { message: "Bad Gateway" });
    const outcome = await recordAudit(gh(), log, settings(), event());
    expect(outcome).toMatchObject({ status: "failed", requests: 7 });
    expect(outcome.note).toMatch(/^Audit write failed: the record of this scan could not be written to acme\/governance \(GitHub API error HTTP 502/);
    expect(logged).toEqual([["error", "audit write failed"]]);
  });

  it("a broken org config read is an audit failure, not a crash", async () => {
    githubApi().get(ORG_CONFIG).reply(500, { message: "boom" });
    const outcome = await recordAudit(gh(), log, settings(), event());
    expect(outcome).toMatchObject({ status: "failed", note: expect.stringMatching(/^Audit write failed: GitHub API error HTTP 500/) });
  });
});

describe("ownerTeam: the author's team from the org's membership", () => {
  const teamsAnswer = (slugs: string[]) => ({ data: { organization: { teams: { nodes: slugs.map((slug) => ({ slug })) } } } });

  it("one GraphQL request; the first team by name, or a team the config names", async () => {
    githubApi().post("/graphql").reply(200, teamsAnswer(["payments", "platform"]));
    expect(await ownerTeam(gh(), "acme", "jane-dev", [])).toBe("acme/payments");
    githubApi().post("/graphql").reply(200, teamsAnswer(["payments", "platform"]));
    expect(await ownerTeam(gh(), "acme", "jane-dev", ["@acme/platform"])).toBe("acme/platform");
    githubApi().post("/graphql").reply(200, teamsAnswer([]));
    expect(await ownerTeam(gh(), "acme", "jane-dev", ["platform"])).toBeUndefined();
    expect(sentRequests().filter((r) => r.path === "/graphql")).toHaveLength(3);
  });

  it("without GraphQL (no permission), asks about the config's teams one by one; `@acme/platform` is acme's platform", async () => {
    githubApi().post("/graphql").reply(403, { message: "Resource not accessible by integration" });
    githubApi().get("/orgs/acme/teams/platform/memberships/jane-dev").reply(200, { state: "active" });
    let requests = 0;
    expect(await ownerTeam(gh(), "acme", "jane-dev", ["@acme/platform", "other-org/x"], { onRequest: () => requests++ })).toBe("acme/platform");
    expect(requests).toBe(2);
    githubApi().post("/graphql").reply(502, { message: "Bad Gateway" });
    githubApi().get("/orgs/acme/teams/platform/memberships/jane-dev").reply(404, { message: "Not Found" });
    expect(await ownerTeam(gh(), "acme", "jane-dev", ["platform"])).toBeUndefined();
  });
});
