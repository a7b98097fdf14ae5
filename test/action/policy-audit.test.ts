/**
 * The bundled Action's policy checks and its audit-token path, run as the composite step runs it
 * against a local fake of the REST API: the classification from the repository's custom property, the
 * policy violations in the outputs, summary, check run and SARIF; and the record appended to the org
 * audit issue only when the audit repository is private.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fake } from "../../src/core/detect/fake.js";
import {
  checkout,
  CLAUDE_AWS_KEY_ID,
  CLAUDE_PASSWORD,
  CLAUDE_TRAILER,
  commit,
  customPropertyRoute,
  ENTRY,
  FakeAuditOrg,
  FakeChecksApi,
  git,
  makeFixture,
  pullRequestEvent,
  runAction,
  write,
  type ActionRun,
  type Fixture,
} from "./harness.js";

const CLAUDE = { name: "Dev Person", email: "dev@example.com" };
const AUDIT_KEY = "k" + fake.alnum(47, "action-audit-key");
const AUDIT_TOKEN = "audit-token-for-tests";

let api: FakeChecksApi;
const fixtures: Fixture[] = [];
const runs: ActionRun[] = [];

/** The summary without Markdown's escapes, to look for plain text in it. */
const plain = (markdown: string) => markdown.replace(/\\/g, "");

async function run(options: Parameters<typeof runAction>[0]): Promise<ActionRun> {
  const result = await runAction(options);
  runs.push(result);
  return result;
}

/** A repository where Claude's commit adds `.claude/settings.json` allowing every shell command. */
function makePolicyFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), "cg-action-policy-"));
  const origin = join(root, "origin");
  mkdirSync(origin);
  git(origin, ["init", "-q", "-b", "main"]);
  write(origin, "README.md", "# widgets\n");
  const base = commit(origin, "Initial commit");
  git(origin, ["checkout", "-q", "-b", "feature"]);
  write(origin, ".claude/settings.json", JSON.stringify({ permissions: { allow: ["Bash(*)", "Read"] } }, null, 2) + "\n");
  write(origin, "src/tool.ts", "export const tool = 'widgets';\n");
  const head = commit(origin, `Let Claude run the build\n\n${CLAUDE_TRAILER}`, CLAUDE);
  git(origin, ["checkout", "-q", "main"]);
  const fixture = { root, origin, base, head, claudeCommit: head, remove: () => rmSync(root, { recursive: true, force: true }) };
  fixtures.push(fixture);
  return fixture;
}

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error("dist/index.js is missing: run npm run build:action");
  api = new FakeChecksApi();
  await api.start();
});

afterAll(async () => {
  await api.stop();
  for (const f of fixtures) f.remove();
  for (const r of runs) rmSync(r.dir, { recursive: true, force: true });
});

describe("policy: Claude adds Bash(*) to a repository classified restricted by its custom property", () => {
  let fixture: Fixture;
  let workspace: string;
  let result: ActionRun;

  beforeAll(async () => {
    fixture = makePolicyFixture();
    workspace = checkout(fixture, "workspace", fixture.head);
    api.reset("ok", [customPropertyRoute("acme/widgets", "data_classification", "restricted")]);
    result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url });
  });

  it("reads the custom property with github-token and counts the violation in the outputs", () => {
    const read = api.requests.find((r) => r.url === "/repos/acme/widgets/properties/values");
    expect(read?.method).toBe("GET");
    expect(read?.headers["authorization"]).toBe("Bearer fake-token-for-tests");
    expect(Number(result.outputs["policy-violations"])).toBeGreaterThanOrEqual(1);
    expect(result.outputs["secrets"]).toBe("0");
    expect(Number(result.outputs["findings"])).toBe(Number(result.outputs["policy-violations"]));
  });

  it("names the violation and the classification's source in the job summary, and fails the step", () => {
    const summary = plain(result.summary);
    expect(summary).toMatch(/\| (critical|high) \| Agent permission forbidden at this repository's classification \|/);
    // The repository is named from GITHUB_REPOSITORY, not from the clone's remote.
    expect(summary).toContain("acme/widgets is classified restricted");
    expect(summary).toContain('.claude/settings.json allows "Bash(*)" without asking');
    expect(summary).toContain("forbidden in restricted repositories");
    expect(summary).toContain("Classification: `restricted`, from custom property data_classification");
    expect(summary).not.toContain("--classification");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::claude-guard: \d+ finding\(s\) at or above fail-on high/m);
  });

  it("puts the violation in the check run, the SARIF file and the audit record", () => {
    const post = api.checkRunRequests().find((r) => r.method === "POST");
    const body = JSON.parse(post!.body);
    expect(body.conclusion).toBe("failure");
    expect(body.output.annotations.some((a: { path: string; message: string }) => a.path === ".claude/settings.json" && a.message.includes("Bash(*)"))).toBe(true);
    const sarif = JSON.parse(readFileSync(result.outputs["sarif-file"]!, "utf8"));
    const policy = sarif.runs[0].results.filter((r: { properties: { category: string } }) => r.properties.category === "policy");
    expect(policy.length).toBeGreaterThanOrEqual(1);
    expect(policy.some((r: { ruleId: string }) => r.ruleId === "forbidden-tool-permission")).toBe(true);
    // Claude's own commit wrote the permission: drift, found from the commits the history scan read.
    expect(policy.some((r: { ruleId: string }) => r.ruleId === "agent-permission-widened")).toBe(true);
    const record = JSON.parse(readFileSync(result.outputs["audit-file"]!, "utf8"));
    expect(record.repository).toMatchObject({ classification: "restricted", classification_source: "custom property data_classification" });
  });

  it("without the property (HTTP 404), falls back to the payload's visibility: Bash(*) is allowed in a public repository", async () => {
    api.reset("ok");
    const publicRepo = await run({ workspace, event: pullRequestEvent(fixture, { repository: { full_name: "acme/widgets", default_branch: "main", private: false } }), apiUrl: api.url });
    expect(plain(publicRepo.summary)).toContain("repository visibility (public)");
    expect(plain(publicRepo.summary)).toContain("could not be read (HTTP 404)");
    const sarif = JSON.parse(readFileSync(publicRepo.outputs["sarif-file"]!, "utf8"));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).not.toContain("forbidden-tool-permission");
  });

  it("a config classification beats the visibility when the property cannot be read", async () => {
    api.reset("forbidden");
    write(workspace, "ci/restricted.yml", "classification: restricted\n");
    const configured = await run({ workspace, event: pullRequestEvent(fixture, { repository: { private: false } }), apiUrl: api.url, inputs: { config: "ci/restricted.yml" } });
    expect(plain(configured.summary)).toContain("could not be read (HTTP 403)");
    expect(plain(configured.summary)).toContain("from config ci/restricted.yml");
    expect(Number(configured.outputs["policy-violations"])).toBeGreaterThanOrEqual(1);
    const sarif = JSON.parse(readFileSync(configured.outputs["sarif-file"]!, "utf8"));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("forbidden-tool-permission");
    expect(configured.code).toBe(1);
  });
});

describe("audit-token: the record appended to the org audit issue, as the App does", () => {
  let fixture: Fixture;
  let workspace: string;
  let org: FakeAuditOrg;

  beforeAll(() => {
    fixture = makeFixture();
    fixtures.push(fixture);
    workspace = checkout(fixture, "workspace", fixture.head);
  });

  function auditRun(extraEnv: Record<string, string> = {}, inputs: Record<string, string> = {}) {
    api.reset("ok", [org.route()]);
    return run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { "audit-token": AUDIT_TOKEN, ...inputs }, env: extraEnv });
  }

  it("reads audit.repository from the org's .github with the audit token, and appends the record comment to a private audit repository", async () => {
    org = new FakeAuditOrg("acme", "audit", "audit:\n  repository: audit\n", AUDIT_TOKEN);
    org.teams["dev-person"] = ["payments", "platform"];
    const result = await auditRun({ AUDIT_HMAC_KEY: AUDIT_KEY });
    const config = api.requests.find((r) => r.url.startsWith("/repos/acme/.github/contents/.github/claude-guard.yml"));
    expect(config?.headers["authorization"]).toBe(`Bearer ${AUDIT_TOKEN}`);
    expect(org.issues).toHaveLength(1);
    expect(org.comments).toHaveLength(1);
    const comment = org.comments[0]!.body;
    const record = JSON.parse(readFileSync(result.outputs["audit-file"]!, "utf8"));
    expect(comment).toContain(record.input_summary.content_hash);
    expect(comment).toContain("987654.1"); // the workflow run's session
    expect(record.team).toBe("acme/payments"); // the actor's first team by name, from the org's membership
    expect(comment).toContain("acme/payments");
    expect(comment).not.toContain(CLAUDE_PASSWORD);
    expect(comment).not.toContain(CLAUDE_AWS_KEY_ID);
    expect(comment).not.toContain(AUDIT_KEY);
    expect(org.issues[0]!.body).not.toBe(""); // the dashboard, rebuilt from the records
    expect(result.summary).toContain("Audit record written to acme/audit#1");
    expect(result.summary).not.toContain(AUDIT_KEY);
    expect(result.code).toBe(1); // the scan's own result is unchanged
  });

  it("adds nothing twice for the same run attempt, and takes the key from the audit-hmac-key input", async () => {
    const again = await auditRun({}, { "audit-hmac-key": AUDIT_KEY });
    expect(org.comments).toHaveLength(1);
    expect(again.summary).toContain("Audit record already in acme/audit#1");
    expect(again.stdout).toContain(`::add-mask::${AUDIT_KEY}`);
  });

  it("writes nothing when the audit repository is public, and says why in the summary", async () => {
    org = new FakeAuditOrg("acme", "audit", "audit:\n  repository: audit\n", AUDIT_TOKEN);
    org.visibility = "public";
    const result = await auditRun({ AUDIT_HMAC_KEY: AUDIT_KEY });
    expect(api.requests.filter((r) => r.url.startsWith("/repos/acme/audit/issues"))).toEqual([]);
    expect(org.issues).toHaveLength(0);
    expect(result.summary).toContain("the audit repository acme/audit is public");
    expect(result.stdout).toMatch(/^::warning::claude-guard: Audit record not written/m);
    // The record is still kept in the summary and the file.
    expect(result.summary).toContain("### Audit record");
    expect(existsSync(result.outputs["audit-file"]!)).toBe(true);
  });

  it("writes nothing without the HMAC key, and makes no request to the org", async () => {
    org = new FakeAuditOrg("acme", "audit", "audit:\n  repository: audit\n", AUDIT_TOKEN);
    const result = await auditRun();
    expect(api.requests.filter((r) => r.url.startsWith("/repos/acme/.github") || r.url.startsWith("/repos/acme/audit"))).toEqual([]);
    expect(result.summary).toContain("`AUDIT_HMAC_KEY` (or the `audit-hmac-key` input) is not");
  });

  it("without audit-token, keeps the record local: no request reaches the org's repositories", async () => {
    org = new FakeAuditOrg("acme", "audit", "audit:\n  repository: audit\n", AUDIT_TOKEN);
    api.reset("ok", [org.route()]);
    const result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, env: { AUDIT_HMAC_KEY: AUDIT_KEY } });
    expect(api.requests.filter((r) => r.url.startsWith("/repos/acme/.github") || r.url.startsWith("/repos/acme/audit"))).toEqual([]);
    expect(result.summary).toContain("### Audit record");
    expect(result.summary).not.toContain("acme/audit#");
  });

  it("asks the workflow's token for the actor's team without audit-token, and records none when GitHub refuses", async () => {
    org = new FakeAuditOrg("acme", "audit", "audit:\n  repository: audit\n", AUDIT_TOKEN);
    org.teams["dev-person"] = ["payments"];
    api.reset("ok", [org.route()]);
    const result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, env: { AUDIT_HMAC_KEY: AUDIT_KEY } });
    const asked = api.requests.filter((r) => r.url === "/graphql");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.headers["authorization"]).toBe("Bearer fake-token-for-tests");
    expect(JSON.parse(readFileSync(result.outputs["audit-file"]!, "utf8")).team).toBeNull();
  });
});
