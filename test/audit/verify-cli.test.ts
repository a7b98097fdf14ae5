/**
 * `claude-guard audit verify` against a real temporary git repository: a record built by the core's
 * builder from the commits readCommits reads, signed as the App signs it, verifies; a record whose lines, hash, commits or key do
 * not fit the clone does not; missing key or commits are errors (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAuditRecord, exportedRecord, renderRecordComment, signRecord, type AuditRecord } from "../../src/core/audit/index.js";
import type { CommitChange } from "../../src/core/types.js";
import { run } from "../../src/cli/main.js";
import { readCommits } from "../../src/git/read-commits.js";
import { HMAC_KEY, OTHER_KEY, recordInput } from "./fixtures.js";

let repo = "";
const claudeShas: string[] = [];
let humanSha = "";
const changes: CommitChange[] = [];

function git(args: string[], author = "Jane Dev <jane@example.org>"): string {
  const [, name = "", email = ""] = /^(.*) <(.*)>$/.exec(author) ?? [];
  return execFileSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: "2025-03-04T10:00:00Z", GIT_COMMITTER_DATE: "2025-03-04T10:00:00Z" },
  }).trim();
}

function commit(files: Record<string, string>, message: string, author?: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, ".."), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(["add", "-A"], author);
  git(["commit", "-q", "-m", message], author);
  return git(["rev-parse", "HEAD"]);
}

function recordFrom(changeSet: readonly CommitChange[], key = HMAC_KEY): AuditRecord {
  const head = claudeShas[claudeShas.length - 1] as string;
  return buildAuditRecord(recordInput({ changes: changeSet, claudeCommits: changeSet.length, findings: [], headSha: head, hmacKey: key }));
}

function cli(env: Record<string, string | undefined> = {}, stdin = "") {
  const out = { stdout: "", stderr: "" };
  const io = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: { AUDIT_HMAC_KEY: HMAC_KEY, ...env } as NodeJS.ProcessEnv,
    cwd: repo,
  };
  return { io, out, stdin: async () => stdin };
}

/** A record as `audit export` writes it: signed with the App's key over what the App built. */
function signed(record: AuditRecord, key = HMAC_KEY): Record<string, unknown> {
  return exportedRecord(record, signRecord(key, record));
}

async function verify(record: AuditRecord | string, env: Record<string, string | undefined> = {}) {
  const file = join(repo, "..", `record-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof record === "string" ? record : JSON.stringify(signed(record), null, 2));
  const c = cli(env);
  const code = await run(["audit", "verify", "--repo", repo, "--record", file], c.io);
  return { code, ...c.out };
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "cg-verify-"));
  repo = join(root, "clone");
  mkdirSync(repo);
  git(["init", "-q", "-b", "main"]);
  humanSha = commit({ "README.md": "# widgets\n" }, "Initial commit");
  claudeShas.push(commit({ "src/a.ts": "export const a = 1;\nexport const b = 2;\n", "src/b.py": "x = 1\n" }, "Add a and b\n\nCo-Authored-By: Claude <noreply@anthropic.com>"));
  claudeShas.push(commit({ "src/a.ts": "export const a = 1;\nexport const b = 3;\nexport const c = 4;\n" }, "Change b, add c\n\nCo-Authored-By: Claude <noreply@anthropic.com>"));
  const wanted = new Set(claudeShas);
  for await (const change of readCommits(repo, { filter: (c) => wanted.has(c.sha) })) changes.push(change);
  expect(changes.map((c) => c.commit.sha)).toEqual(claudeShas);
}, 30_000);

afterAll(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

describe("audit verify", () => {
  it("matches a record built from the clone's commits (key_id and content_hash), exit 0", async () => {
    const result = await verify(recordFrom(changes));
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/key_id\s+match/);
    expect(result.stdout).toMatch(/content_hash\s+match/);
    expect(result.stdout).toMatch(/signature\s+match/);
    expect(result.stdout).toContain("result: signature and hashes match");
    expect(result.code).toBe(0);
  });

  it("reports a mismatch (exit 1) when the record was built from commits with one line changed", async () => {
    const tampered = structuredClone(changes);
    const file = tampered[1]?.files.find((f) => f.path === "src/a.ts");
    if (!file) throw new Error("fixture: src/a.ts not in the second commit");
    const [first = "", ...rest] = file.text.split("\n");
    file.text = [first + " // changed", ...rest].join("\n");
    const result = await verify(recordFrom(tampered));
    expect(result.stdout).toMatch(/content_hash\s+MISMATCH/);
    expect(result.stdout).toMatch(/key_id\s+match/);
    expect(result.code).toBe(1);
  });

  it("reports a mismatch when the record's hash or its commit list was edited", async () => {
    const record = recordFrom(changes);
    const editedHash = structuredClone(record);
    editedHash.input_summary.content_hash = editedHash.input_summary.content_hash.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect((await verify(editedHash)).code).toBe(1);
    // Leaving out a commit (or listing the human's) changes what was hashed.
    const fewer = structuredClone(record);
    fewer.input_summary.commits = [claudeShas[1] as string];
    expect((await verify(fewer)).code).toBe(1);
    const other = structuredClone(record);
    other.input_summary.commits = [humanSha, ...claudeShas];
    expect((await verify(other)).code).toBe(1);
  });

  it("says the key differs (key_id mismatch) for a record hashed with another key", async () => {
    const result = await verify(recordFrom(changes, OTHER_KEY));
    expect(result.stdout).toMatch(/key_id\s+MISMATCH/);
    expect(result.stdout).toMatch(/content_hash\s+MISMATCH/);
    expect(result.code).toBe(1);
  });

  it("reads a record comment's body on stdin and checks its signature too", async () => {
    const record = recordFrom(changes);
    // run() would read process.stdin: the audit module is called directly to give stdin.
    const { runAuditCli } = await import("../../src/cli/audit.js");
    let c = cli({}, renderRecordComment(record, { key: HMAC_KEY }));
    expect(await runAuditCli(["verify", "--repo", repo, "--stdin"], c.io, { readStdin: c.stdin })).toBe(0);
    expect(c.out.stdout).toMatch(/signature\s+match/);
    // A comment whose marker was signed with another key (a forged comment) does not verify.
    c = cli({}, renderRecordComment(record, { key: OTHER_KEY }));
    expect(await runAuditCli(["verify", "--repo", repo, "--stdin"], c.io, { readStdin: c.stdin })).toBe(1);
    expect(c.out.stdout).toMatch(/signature\s+MISMATCH/);
  });

  it("verifies each line of `audit export` output (JSON Lines)", async () => {
    const good = recordFrom(changes);
    const bad = structuredClone(good);
    bad.session.id = "delivery-2";
    bad.input_summary.commits = [claudeShas[0] as string];
    const result = await verify(`${JSON.stringify(signed(good))}\n${JSON.stringify(signed(bad))}\n`);
    expect(result.stdout.match(/content_hash\s+match/g)).toHaveLength(1);
    expect(result.stdout.match(/content_hash\s+MISMATCH/g)).toHaveLength(1);
    expect(result.code).toBe(1);
  });

  it("exits 2 without the key, for commits not in the clone, for input that is not a record, and for bad usage", async () => {
    const record = recordFrom(changes);
    let result = await verify(record, { AUDIT_HMAC_KEY: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("AUDIT_HMAC_KEY is not set");

    const missing = structuredClone(record);
    const absent = "ab".repeat(20);
    missing.input_summary.commits = [claudeShas[0] as string, absent];
    result = await verify(missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not in the clone");

    result = await verify(`{"version": 1, "hello": "world"}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not an audit record");

    const c = cli();
    expect(await run(["audit", "verify", "--repo", repo], c.io)).toBe(2);
    expect(c.out.stderr).toContain("exactly one of --record FILE or --stdin");
  });
});
