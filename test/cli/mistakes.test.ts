/**
 * Mistakes on the command line and in the file system, through the built CLI: a typo gets a "did you
 * mean" and a non-zero exit, and every error is a sentence, never a raw errno code.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve("bin/claude-guard.js");
let work: string;

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? work, encoding: "utf8", input: options.input ?? "", timeout: 20000, env: { ...process.env, NO_COLOR: "1", ...options.env } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** No raw system error code (ENOENT, EEXIST, ...) in what a person reads. */
const RAW_ERRNO = /\bE[A-Z]{3,}\b/;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-mistakes-"));
  writeFileSync(join(work, "a.txt"), "nothing to see\n");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("typos get a suggestion and a non-zero exit", () => {
  it.each([
    [["scna", "."], 'unknown command "scna"; did you mean "scan"?'],
    [["scan", "--formt", "json"], "unknown option --formt; did you mean --format?"],
    [["scan", "--fail-on"], "--fail-on needs a value"],
    [["audit", "exprot"], 'unknown audit command "exprot"; did you mean "export"?'],
    [["audit", "export", "--repo", "a/b", "--sinse", "2026-01-01"], "unknown option --sinse; did you mean --since?"],
    [["hook", "install", "--lcoal"], "unknown option --lcoal; did you mean --local?"],
  ])("claude-guard %j", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("`hook instal` does not wait for an event: it names `install` and exits non-zero", () => {
    const r = cli(["hook", "instal"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown hook command "instal"; did you mean "install"?');
    expect(r.stdout).toBe("");
  });

  it("says the mistake in a few lines, not the whole help", () => {
    const r = cli(["scan", "--stagd"]);
    expect(r.stderr.trim().split("\n")).toEqual(["claude-guard: unknown option --stagd; did you mean --staged?", "Run `claude-guard --help` for the commands and options."]);
  });

  it("a word with no near command lists the commands", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"; use scan, baseline, init, policy, hook, audit, inventory, usage, help');
  });
});

describe("errors are sentences", () => {
  it("under node --jitless (no WebAssembly) a scan stops with exit 2 and says why, and reports nothing", () => {
    const out = spawnSync(process.execPath, ["--jitless", BIN, "scan", "a.txt", "--format", "json"], { cwd: work, encoding: "utf8", timeout: 20000, env: { ...process.env, NO_COLOR: "1" } });
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("needs WebAssembly, which this Node.js has switched off (it is under --jitless): run claude-guard without that flag.");
    expect(out.stdout).toBe("");
  });

  it("--output into a missing folder is an error, and no folder is made", () => {
    const target = join(work, "no-such-folder", "report.json");
    const r = cli(["scan", "a.txt", "--format", "json", "--output", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the folder ${join(work, "no-such-folder")} does not exist`);
    expect(r.stderr).not.toMatch(RAW_ERRNO);
    expect(existsSync(join(work, "no-such-folder"))).toBe(false);
  });

  it("--output through a file where a folder should be", () => {
    const r = cli(["scan", "a.txt", "--output", join(work, "a.txt", "report.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*a\.txt\/report\.txt: a part of the path is a file, not a folder/);
    expect(r.stderr).not.toMatch(RAW_ERRNO);
  });

  it("a missing --config file", () => {
    const r = cli(["scan", "a.txt", "--config", "missing.yml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read the config file missing.yml: no such file or folder");
    expect(r.stderr).not.toMatch(RAW_ERRNO);
  });

  it("init where .github is a file says so, not EEXIST: mkdir", () => {
    const repo = join(work, "init-repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    writeFileSync(join(repo, ".github"), "not a folder\n");
    const r = cli(["init"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("something of that name is already there");
    expect(r.stderr).not.toContain("already exists; nothing was written");
    expect(r.stderr).not.toMatch(RAW_ERRNO);
  });

  it("audit export names a host that does not resolve, not HTTP 500", () => {
    // .invalid never resolves (RFC 2606), with or without a network.
    const r = cli(["audit", "export", "--repo", "acme/governance"], { env: { GITHUB_TOKEN: "not-a-real-token", GITHUB_API_URL: "https://api.claude-guard.invalid", AUDIT_HMAC_KEY: "k" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot resolve host api.claude-guard.invalid");
    expect(r.stderr).not.toContain("HTTP 500");
    expect(r.stderr).not.toMatch(RAW_ERRNO);
  });

  it("audit verify of a missing record file", () => {
    const r = cli(["audit", "verify", "--record", join(work, "missing.jsonl")], { env: { AUDIT_HMAC_KEY: "k" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot open ${join(work, "missing.jsonl")}: no such file or folder`);
  });
});

describe("hook uninstall", () => {
  it("--local removes the settings file it leaves empty, and keeps one that holds more", () => {
    const project = join(work, "hook-project");
    mkdirSync(join(project, ".git"), { recursive: true });
    const env = { CLAUDE_PROJECT_DIR: project };
    expect(cli(["hook", "install", "--local"], { cwd: project, env }).code).toBe(0);
    const local = join(project, ".claude", "settings.local.json");
    expect(existsSync(local)).toBe(true);
    const removed = cli(["hook", "uninstall", "--local"], { cwd: project, env });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("the file was removed");
    expect(existsSync(local)).toBe(false);

    expect(cli(["hook", "install", "--local"], { cwd: project, env }).code).toBe(0);
    const withMore = { ...(JSON.parse(readFileSync(local, "utf8")) as object), model: "opus" };
    writeFileSync(local, JSON.stringify(withMore));
    expect(cli(["hook", "uninstall", "--local"], { cwd: project, env }).code).toBe(0);
    expect(JSON.parse(readFileSync(local, "utf8"))).toEqual({ model: "opus" });
  });
});
