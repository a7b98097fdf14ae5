/**
 * Tampering with exported audit records: a record taken out of the audit issue with
 * `audit export` keeps its comment's signature on its line, and `audit verify` checks it with
 * AUDIT_HMAC_KEY. Editing any field after the App wrote it (the findings count, the lines added, the
 * classification, ...) fails with exit 1 naming the field; a record without a signature fails too.
 *
 * The record describes two real Claude commits of a temporary git repository; the audit issue is
 * served by nock (test/app/http-mock.ts); export and verify run through the CLI's entry point.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditFileText } from "../../src/action/audit.js";
import { run } from "../../src/cli/main.js";
import { AUDIT_ISSUE_TITLE, AUDIT_LABEL, buildAuditRecord, issueMarker, renderRecordComment, type AuditRecord } from "../../src/core/audit/index.js";
import type { CommitChange } from "../../src/core/types.js";
import { readCommits } from "../../src/git/read-commits.js";
import { assertAllMocksUsed, githubApi, setUpHttpMock, tearDownHttpMock } from "../app/http-mock.js";
import { HMAC_KEY, OTHER_KEY, recordInput } from "../audit/fixtures.js";
import { validate } from "../audit/json-schema-subset.js";

const AUDIT = "/repos/acme/governance";
const BOT = { login: "claude-guard[bot]", type: "Bot" };
const VIA = { id: 4242, slug: "claude-guard" };

let root = "";
let repo = "";
let record: AuditRecord;
/** The line `audit export` wrote for `record`. */
let exported = "";

function git(args: string[]): string {
  const who = { GIT_AUTHOR_NAME: "Jane Dev", GIT_AUTHOR_EMAIL: "jane@example.org", GIT_COMMITTER_NAME: "Jane Dev", GIT_COMMITTER_EMAIL: "jane@example.org" };
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, ...who, GIT_AUTHOR_DATE: "2025-03-04T10:00:00Z", GIT_COMMITTER_DATE: "2025-03-04T10:00:00Z" } }).trim();
}

function commit(path: string, text: string, message: string): string {
  mkdirSync(join(repo, path, ".."), { recursive: true });
  writeFileSync(join(repo, path), text);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", message]);
  return git(["rev-parse", "HEAD"]);
}

function io(env: Record<string, string | undefined> = {}) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { GITHUB_TOKEN: "test-token", AUDIT_HMAC_KEY: HMAC_KEY, ...env } as NodeJS.ProcessEnv,
      cwd: root,
    },
  };
}

async function verify(text: string, env: Record<string, string | undefined> = {}) {
  const file = join(root, `record-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, text);
  const c = io(env);
  const code = await run(["audit", "verify", "--repo", repo, "--record", file], c.io);
  return { code, ...c.out };
}

type Json = Record<string, unknown>;

/** The object holding the field at a dotted path, and the field's name in it. */
function slot(line: Json, path: string): [Json, string] {
  const parts = path.split(".");
  let node = line;
  for (const part of parts.slice(0, -1)) node = node[part] as Json;
  return [node, parts[parts.length - 1] as string];
}
const get = (line: Json, path: string): unknown => {
  const [node, key] = slot(line, path);
  return node[key];
};
const set = (line: Json, path: string, value: unknown): void => {
  const [node, key] = slot(line, path);
  node[key] = value;
};
const remove = (line: Json, path: string): void => {
  const [node, key] = slot(line, path);
  delete node[key];
};

/** The exported line with one edit made by `edit` on its parsed JSON. */
function edited(edit: (line: Json) => void, text = exported): string {
  const line = JSON.parse(text) as Json;
  edit(line);
  return JSON.stringify(line) + "\n";
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "cg-tamper-"));
  repo = join(root, "clone");
  mkdirSync(repo);
  git(["init", "-q", "-b", "main"]);
  commit("README.md", "# widgets\n", "Initial commit");
  const first = commit("src/a.ts", "export const a = 1;\nexport const b = 2;\n", "Add a\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
  const second = commit("src/b.py", "x = 1\ny = 2\nz = 3\n", "Add b\n\nCo-Authored-By: Claude <noreply@anthropic.com>");
  const changes: CommitChange[] = [];
  const wanted = new Set([first, second]);
  for await (const change of readCommits(repo, { filter: (c) => wanted.has(c.sha) })) changes.push(change);
  record = buildAuditRecord(
    recordInput({ changes, claudeCommits: 2, findings: [{ category: "secret", severity: "high" }, { category: "pii", severity: "medium" }], headSha: second, hmacKey: HMAC_KEY }),
  );

  // `audit export` of the issue holding the App's comment for this record.
  setUpHttpMock();
  const api = githubApi();
  api
    .get(`${AUDIT}/issues`)
    .query((q) => q["labels"] === AUDIT_LABEL)
    .reply(200, [{ number: 5, title: AUDIT_ISSUE_TITLE, body: issueMarker("acme", HMAC_KEY), state: "open", user: BOT, performed_via_github_app: VIA, labels: [{ name: AUDIT_LABEL }] }]);
  api.get(`${AUDIT}/issues/5/comments`).query(true).reply(200, [{ id: 1, body: renderRecordComment(record, { key: HMAC_KEY }), user: BOT, performed_via_github_app: VIA }]);
  const c = io();
  expect(await run(["audit", "export", "--repo", "acme/governance"], c.io)).toBe(0);
  assertAllMocksUsed();
  tearDownHttpMock();
  exported = c.out.stdout.trim();
}, 30_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("audit export keeps each record's signature", () => {
  it("writes the signature on the record's line", () => {
    const line = JSON.parse(exported) as Record<string, unknown>;
    expect(line["signature"]).toEqual({ record: expect.stringMatching(/^[0-9a-f]{32}$/), fields: expect.stringMatching(/^[0-9a-f]+$/) });
    const { signature: _signature, ...fields } = line;
    expect(fields).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it("writes lines that schema/audit-record.v1.json accepts, signature included", () => {
    const schema = JSON.parse(readFileSync(new URL("../../schema/audit-record.v1.json", import.meta.url), "utf8")) as Record<string, unknown>;
    expect(validate(schema, JSON.parse(exported))).toEqual([]);
    expect(validate(schema, { ...JSON.parse(exported), signature: { record: "x" } })).not.toEqual([]);
  });

  it("verifies the untouched line (exit 0), and the same line with its keys reordered (as jq -S writes it)", async () => {
    const untouched = await verify(exported + "\n");
    expect(untouched.stdout).toMatch(/signature\s+match/);
    expect(untouched.code).toBe(0);
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)])) : v;
    expect((await verify(JSON.stringify(sortKeys(JSON.parse(exported))) + "\n")).code).toBe(0);
  });
});

describe("audit verify catches an edited record, naming the field", () => {
  const edits: Array<[string, (line: Json) => void]> = [
    ["output_summary.findings_total", (l) => set(l, "output_summary.findings_total", 0)],
    ["output_summary.findings.secret.high", (l) => set(l, "output_summary.findings.secret.high", 0)],
    ["input_summary.lines_added", (l) => set(l, "input_summary.lines_added", (get(l, "input_summary.lines_added") as number) + 10)],
    ["repository.classification", (l) => set(l, "repository.classification", "public")],
    ["policy_checks.content_classification", (l) => set(l, "policy_checks.content_classification", "public")],
    ["user", (l) => set(l, "user", "someone-else")],
    ["incident.critical", (l) => set(l, "incident.critical", !get(l, "incident.critical"))],
    ["timestamp", (l) => set(l, "timestamp", "2025-01-01T00:00:00.000Z")],
  ];

  it.each(edits)("%s edited: exit 1, the field named", async (field, edit) => {
    const result = await verify(edited(edit));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature\s+MISMATCH/);
    expect(result.stdout).toContain(`field          ${field}: CHANGED`);
    // Only that field is named.
    expect(result.stdout.match(/field {10}\S+: CHANGED/g)).toHaveLength(1);
    expect(result.stdout).toContain("result: MISMATCH");
  });

  it("names a field added to the record", async () => {
    const result = await verify(edited((l) => set(l, "output_summary.reviewed", true)));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("output_summary.reviewed: ADDED");
  });

  it("names a field removed from the record", async () => {
    const result = await verify(edited((l) => remove(l, "repository.classification_source")));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("field          repository.classification_source: CHANGED");
  });

  it("refuses a record without a signature: an error, never a pass", async () => {
    const result = await verify(edited((l) => remove(l, "signature")));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature\s+MISSING/);
    expect(result.stdout).not.toContain("result: signature and hashes match");
  });

  it("refuses a record whose field tags were stripped, without naming a field it cannot know", async () => {
    const result = await verify(
      edited((l) => {
        remove(l, "signature.fields");
        set(l, "output_summary.findings_total", 0);
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature\s+MISMATCH \(the record was changed after it was signed; it carries no field tags/);
  });

  it("says so when the record was signed with another key", async () => {
    const result = await verify(exported + "\n", { AUDIT_HMAC_KEY: OTHER_KEY });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature\s+MISMATCH \(signed with another key/);
  });

  it("exits 2 for a signature that is not one (damaged)", async () => {
    const result = await verify(edited((l) => set(l, "signature", { record: "not-a-signature" })));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"signature" is malformed');
  });
});

describe("the Action's audit file", () => {
  beforeEach(() => setUpHttpMock());
  afterEach(() => tearDownHttpMock());

  it("carries the signature when the org's key is given, so verify accepts it and catches an edit", async () => {
    const text = auditFileText(record, { key: HMAC_KEY, provided: true });
    expect((await verify(text)).code).toBe(0);
    const result = await verify(edited((l) => set(l, "output_summary.findings_total", 0), text));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("output_summary.findings_total: CHANGED");
  });

  it("carries none with a one-off key, and verify refuses it as unsigned", async () => {
    const result = await verify(auditFileText(record, { key: "one-off-" + "k".repeat(24), provided: false }));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signature\s+MISSING/);
  });
});
