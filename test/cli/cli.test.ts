/**
 * The CLI as users run it: the built `bin/claude-guard.js` in a child process, on real folders and a
 * real git repository, checking exit codes, the JSON contract and that no output holds a whole secret.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fake } from "../../src/core/detect/fake.js";

const BIN = resolve("bin/claude-guard.js");
let work: string;

function cli(args: string[], cwd = work) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function git(repo: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z", ...env },
  });
}

// Built at run time: the repository never holds a realistic key.
const password = "Vb" + fake.alnum(10, "cli-pw") + "%3";
const awsKeyId = "AK" + "IA" + fake.upper(16, "cli-aws");

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-cli-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("claude-guard scan (files)", () => {
  it("finds a hardcoded password, reports JSON per the contract, exits 1, never prints the value", () => {
    const dir = join(work, "files1");
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(join(dir, "src", "db.ts"), `export const config = {\n  host: "db",\n  password: "${password}",\n};\n`);
    writeFileSync(join(dir, "README.md"), "nothing to see\n");
    const { code, stdout } = cli(["scan", dir, "--format", "json"]);
    expect(code).toBe(1);
    expect(stdout).not.toContain(password);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.scanned).toMatchObject({ files: 2, commits: 0, claudeCommits: 0 });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ rule: "generic-password", category: "secret", severity: "high", path: "src/db.ts", line: 3, column: 14 });
    expect(report.findings[0].fingerprint).toMatch(/^[a-f0-9]{32}$/);
    // A password under 16 characters shows nothing of itself (nor does its fingerprint hash it).
    expect(password.length).toBeLessThan(16);
    expect(report.findings[0].redacted).toBe("…");
  });

  it("exits 0 below --fail-on and with --fail-on none", () => {
    const dir = join(work, "files2");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "app.yml"), "db:\n  password: changeme\n");
    expect(cli(["scan", dir]).code).toBe(0); // a placeholder is medium: below the default (high)
    expect(cli(["scan", dir, "--fail-on", "medium"]).code).toBe(1);
    writeFileSync(join(dir, "x.env"), `DB_PASSWORD=${password}\n`);
    expect(cli(["scan", dir, "--fail-on", "none"]).code).toBe(0);
  });

  it("honours inline allow comments and the ignore file", () => {
    const dir = join(work, "files3");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "a.py"), `PASSWORD = "${password}"  # claude-guard:allow test fixture\n`);
    writeFileSync(join(dir, "b.py"), `API_TOKEN = "${fake.alnum(32, "cli-token")}"\n`);
    const first = JSON.parse(cli(["scan", dir, "--format", "json"]).stdout);
    expect(first.findings.map((f: { path: string }) => f.path)).toEqual(["b.py"]);
    writeFileSync(join(dir, ".claude-guard-ignore"), `# reviewed: a test token\n${first.findings[0].fingerprint}\n`);
    const second = cli(["scan", dir, "--format", "json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).findings).toEqual([]);
  });

  it("lists lockfiles, vendored and binary files as skipped, never silently", () => {
    const dir = join(work, "files4");
    mkdirSync(join(dir, "node_modules", "x"), { recursive: true });
    writeFileSync(join(dir, "package-lock.json"), "{}\n");
    writeFileSync(join(dir, "node_modules", "x", "index.js"), `const password = "${password}";\n`);
    writeFileSync(join(dir, "logo.bin"), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(dir, "data.txt"), Buffer.from([65, 0, 66]));
    const report = JSON.parse(cli(["scan", dir, "--format", "json"]).stdout);
    const reasons = Object.fromEntries(report.scanned.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]));
    expect(reasons).toMatchObject({ "package-lock.json": "lockfile", "node_modules/": "vendored", "logo.bin": "binary", "data.txt": "binary" });
    expect(report.findings).toEqual([]);
  });

  it("writes SARIF to --output", () => {
    const dir = join(work, "files5");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "c.env"), `DB_PASSWORD=${password}\n`);
    // --output writes into an existing folder only (test/cli/mistakes.test.ts covers a missing one).
    mkdirSync(join(work, "out"), { recursive: true });
    const out = join(work, "out", "report.sarif");
    expect(cli(["scan", dir, "--format", "sarif", "--output", out]).code).toBe(1);
    const sarif = JSON.parse(readFileSync(out, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results[0].ruleId).toBe("generic-password");
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("c.env");
    expect(readFileSync(out, "utf8")).not.toContain(password);
  });

  it("exits 2 with a message naming the key and line for a bad config, and for usage errors", () => {
    const dir = join(work, "files6");
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(join(dir, ".github", "claude-guard.yml"), "failOn: high\npaths:\n  ignroe: ['x']\n");
    const bad = cli(["scan", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(".github/claude-guard.yml:3: paths.ignroe: unknown key (did you mean \"ignore\"?)");
    writeFileSync(join(dir, ".github", "claude-guard.yml"), "rules:\n  - id: evil\n    regex: '(a+)+$'\n    keywords: [aa]\n");
    const dangerous = cli(["scan", dir]);
    expect(dangerous.code).toBe(2);
    // The config names the rule's key path and the line of its regex.
    expect(dangerous.stderr).toContain(".github/claude-guard.yml:3: rules[0].regex: regex refused: nested quantifiers");
    writeFileSync(join(dir, ".github", "claude-guard.yml"), "failOn: high\nskills:\n  deploy: [unclosed\n");
    const malformed = cli(["scan", dir]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/\.github\/claude-guard\.yml:\d+: not valid YAML: /);
    expect(malformed.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(cli(["scan", "--format", "xml"]).code).toBe(2);
    expect(cli(["scan", join(work, "does-not-exist")]).code).toBe(2);
  });

  it("init writes a starter config that the next scan accepts, and refuses to overwrite it", () => {
    const dir = join(work, "init1");
    mkdirSync(join(dir, ".git"), { recursive: true });
    const first = cli(["init", "--classification", "restricted"], dir);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, ".github", "claude-guard.yml"), "utf8")).toContain("classification: restricted");
    writeFileSync(join(dir, "ok.txt"), "nothing to see\n");
    expect(cli(["scan", dir]).code).toBe(0);
    const again = cli(["init"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; nothing was written (run `claude-guard init --force` to replace it)");
    expect(cli(["init", "--force"], dir).code).toBe(0);
  });

  it("applies custom rules and paths.ignore from the config", () => {
    const dir = join(work, "files7");
    mkdirSync(join(dir, ".github"), { recursive: true });
    mkdirSync(join(dir, "testdata"), { recursive: true });
    writeFileSync(join(dir, ".github", "claude-guard.yml"), "paths:\n  ignore: ['**/testdata/**']\nrules:\n  - id: acme-internal-token\n    regex: 'acme_[a-z0-9]{24}'\n    keywords: [acme_]\n    severity: critical\n");
    writeFileSync(join(dir, "testdata", "x.env"), `DB_PASSWORD=${password}\n`);
    writeFileSync(join(dir, "svc.js"), `const t = "acme_${fake.lowerDigits(24, "acme")}";\n`);
    const report = JSON.parse(cli(["scan", dir, "--format", "json"]).stdout);
    expect(report.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([["acme-internal-token", "critical"]]);
    expect(report.scanned.skipped).toContainEqual(expect.objectContaining({ path: "testdata/", reason: "ignored" }));
  });

  it("finds a German mobile number written the international and the national ways in a data file", () => {
    const dir = join(work, "phones");
    mkdirSync(dir, { recursive: true });
    const subscriber = fake.digits(8, "cli-de-mobile").replace(/^0/, "4");
    const forms = [`+49 151 ${subscriber}`, `0049 151 ${subscriber}`, `0151/${subscriber}`];
    writeFileSync(join(dir, "contacts.csv"), ["name,phone", ...forms.map((f, i) => `Person ${i},${f}`), "Build,1.2.3+49.151.1", "Stamp,2024/01/15 10:22:31"].join("\n") + "\n");
    const r = cli(["scan", dir, "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ rule: string; line: number }> }).findings;
    expect(findings.filter((f) => f.rule === "phone-number").map((f) => f.line)).toEqual([2, 3, 4]);
  });
});

describe("claude-guard's start-up (lib/cli/code-cache.js)", () => {
  it("runs the CLI through the code cache, written by the first run and used by the next, and its scan workers the same way", () => {
    // Over 2 MiB, so that a scan worker starts too; the key sits in the last batch.
    const dir = join(work, "large");
    mkdirSync(dir, { recursive: true });
    const filler = "export const total = values.reduce((sum, value) => sum + value, 0);\n".repeat(600);
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `module${String(i).padStart(2, "0")}.ts`), filler);
    writeFileSync(join(dir, "zz-settings.ts"), `export const keyId = "${awsKeyId}";\n`);
    const env = { ...process.env, XDG_CACHE_HOME: join(work, "xdg"), NODE_DEBUG: "claude-guard" };
    // Node 22.1 and later keep the cache themselves (module.enableCompileCache): nothing to report.
    const nodeCaches = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";
    for (const expected of ["miss", "hit"]) {
      const r = spawnSync(process.execPath, [BIN, "scan", dir, "--format", "json"], { encoding: "utf8", env });
      expect(r.status).toBe(1);
      expect((JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path)).toEqual(["zz-settings.ts"]);
      if (nodeCaches) continue;
      expect(r.stderr).toMatch(new RegExp(`code cache ${expected}: \\S*cli\\.bundle\\.cjs-`));
      // A worker the main thread outran (a loaded machine) is stopped before it says anything.
      for (const line of r.stderr.split("\n").filter((l) => l.includes("scan-worker.bundle.cjs"))) expect(line).toMatch(/code cache (miss|hit|written): /);
    }
    expect(readdirSync(join(work, "xdg", "claude-guard")).length).toBeGreaterThan(0);
  });

  it("starts no scan worker for a folder whose text is one large file: a file is never split, so there is nothing to share", () => {
    const dir = join(work, "one-large");
    mkdirSync(dir, { recursive: true });
    // Lines that wake the name-based rules and hold no finding: the main thread is busy long enough for a
    // worker, had one started, to load and say so.
    writeFileSync(join(dir, "limits.yml"), Array.from({ length: 150_000 }, (_, i) => `auth_token_ttl_${i % 97}: ${10 + (i % 80)}m`).join("\n") + "\n");
    writeFileSync(join(dir, "settings.ts"), `export const keyId = "${awsKeyId}";\n`);
    const env = { ...process.env, XDG_CACHE_HOME: join(work, "xdg-one"), NODE_DEBUG: "claude-guard" };
    const nodeCaches = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";
    const r = spawnSync(process.execPath, [BIN, "scan", dir, "--format", "json"], { encoding: "utf8", env });
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: Array<{ path: string }> }).findings.map((f) => f.path)).toEqual(["settings.ts"]);
    // The main thread's own bundle says what its cache did; a worker's would too (Node 20: V8's cache).
    if (nodeCaches) return;
    expect(r.stderr).toMatch(/code cache \w+: \S*cli\.bundle\.cjs-/);
    expect(r.stderr).not.toMatch(/scan-worker\.bundle\.cjs/);
  });
});

describe("claude-guard scan --git", () => {
  let repo: string;
  beforeAll(() => {
    repo = join(work, "repo");
    mkdirSync(repo);
    git(repo, ["init", "-q", "-b", "main"]);
    writeFileSync(join(repo, "README.md"), "# demo\n");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Initial commit"]);
    // Claude adds a key, then removes it in a later commit: it is still leaked in history.
    writeFileSync(join(repo, "deploy.sh"), `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${awsKeyId}\nexport DB_PASSWORD=${password}\n`);
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Add deploy script\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>"]);
    writeFileSync(join(repo, "deploy.sh"), "#!/bin/sh\n");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Remove credentials\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>"]);
    // A human commit with a secret: only reported with --authors all.
    writeFileSync(join(repo, "human.env"), `API_TOKEN=${fake.alnum(32, "human")}\n`);
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Human change"]);
  });

  it("scans only Claude's commits by default, finds what a later commit deleted, and says why each commit is Claude's", () => {
    const { code, stdout } = cli(["scan", "--git", "--repo", repo, "--all", "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.scanned).toMatchObject({ commits: 4, claudeCommits: 2 });
    expect(report.findings.every((f: { path: string }) => f.path === "deploy.sh")).toBe(true);
    expect(report.findings.map((f: { line: number }) => f.line).sort()).toEqual([2, 3]);
    expect(report.findings.every((f: { commit: string }) => /^[0-9a-f]{40}$/.test(f.commit))).toBe(true);
    expect(report.commits[0].authorship.signals.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(["co-author-trailer", "generated-with-line"]));
    expect(stdout).not.toContain(password);
    expect(stdout).not.toContain(awsKeyId);
  });

  it("scans every commit with --authors all, and a range with --range", () => {
    const all = JSON.parse(cli(["scan", "--git", "--repo", repo, "--all", "--authors", "all", "--format", "json"]).stdout);
    expect(all.findings.map((f: { path: string }) => f.path)).toContain("human.env");
    const last = JSON.parse(cli(["scan", "--git", "--repo", repo, "--range", "HEAD~1..HEAD", "--authors", "all", "--format", "json"]).stdout);
    expect(last.scanned.commits).toBe(1);
    expect(last.findings.map((f: { path: string }) => f.path)).toEqual(["human.env"]);
  });

  it("exits 2 for a range that does not resolve, or a folder that is not a repository", () => {
    const bad = cli(["scan", "--git", "--repo", repo, "--range", "nope..HEAD"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("nope");
    expect(cli(["scan", "--git", "--repo", work]).code).toBe(2);
  });

  // The order a history scan's failures are reported in (the set-up's, then git's), whatever order their work runs in.
  it("stops for a configuration with errors or an unusable baseline before anything is reported, ahead of git's own failures", () => {
    const config = join(work, "bad-config.yml");
    writeFileSync(config, "classification: secretive\n");
    const output = join(work, "never-written.json");
    const configError = 'the configuration has 1 error(s); nothing was scanned:\n  ' + config + ':1: classification: expected one of public, internal, confidential, restricted, got "secretive"\n';
    for (const authors of ["all", "claude"]) {
      const bad = cli(["scan", "--git", "--repo", repo, "--all", "--authors", authors, "--config", config, "--format", "json", "--output", output]);
      expect(bad).toEqual({ code: 2, stdout: "", stderr: `claude-guard: ${configError}` });
    }
    const baselineError = "the baseline file missing-baseline.json does not exist; write it with `claude-guard baseline --output missing-baseline.json`";
    const noBaseline = cli(["scan", "--git", "--repo", repo, "--all", "--baseline", "missing-baseline.json", "--format", "json", "--output", output]);
    expect(noBaseline).toEqual({ code: 2, stdout: "", stderr: `claude-guard: ${baselineError}\n` });
    expect(readdirSync(work)).not.toContain("never-written.json");

    // git fails too (no repository, a range that does not resolve): the configuration, then the baseline, are reported first.
    for (const where of [["--repo", work], ["--repo", repo, "--range", "nope..HEAD"]]) {
      expect(cli(["scan", "--git", ...where, "--config", config, "--baseline", "missing-baseline.json"])).toEqual({ code: 2, stdout: "", stderr: `claude-guard: ${configError}` });
      expect(cli(["scan", "--git", ...where, "--baseline", "missing-baseline.json"])).toEqual({ code: 2, stdout: "", stderr: `claude-guard: ${baselineError}\n` });
    }
    // Alone, git's failures keep their words.
    const notRepository = cli(["scan", "--git", "--repo", work]);
    expect(notRepository).toMatchObject({ code: 2, stdout: "" });
    expect(notRepository.stderr.startsWith(`claude-guard: Not a git repository: ${work} (fatal: not a git repository`)).toBe(true);
    expect(cli(["scan", "--git", "--repo", repo, "--range", "nope..HEAD"])).toEqual({ code: 2, stdout: "", stderr: `claude-guard: Unknown revision "nope" in --range nope..HEAD: it does not name a commit in ${repo}.\n` });
  });
});

describe("claude-guard scan --git: the text report's detail", () => {
  let repo: string;
  const token = "ghp_" + fake.alnum(36, "cli-detail");
  beforeAll(() => {
    repo = join(work, "detail");
    mkdirSync(join(repo, "services", "payments", "config", "environments", "production", "overrides"), { recursive: true });
    git(repo, ["init", "-q", "-b", "main"]);
    writeFileSync(join(repo, "README.md"), "# demo\n");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Initial commit"]);
    const deep = join("services", "payments", "config", "environments", "production", "overrides", "a-rather-long-file-name-for-settings.env");
    writeFileSync(join(repo, deep), `GITHUB_TOKEN=${token}\nAWS_ACCESS_KEY_ID=${awsKeyId}\n`);
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Add settings\n\nCo-Authored-By: Claude <noreply@anthropic.com>"]);
    writeFileSync(join(repo, "notes.md"), "notes\n");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "Add notes\n\nCo-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>"]);
  });

  it("default: one line per finding within 120 columns, no commit list, other agents named in the summary", () => {
    const { code, stdout } = cli(["scan", "--git", "--repo", repo, "--all"]);
    expect(code).toBe(1);
    for (const line of stdout.split("\n")) expect(Array.from(line).length).toBeLessThanOrEqual(120);
    expect(stdout).toMatch(/^ {2}[a-z]+ +services\/\S*…\S*-for-settings\.env:1 +github-pat-classic +ghp_\S*…/m);
    expect(stdout).not.toContain("co-author-trailer");
    expect(stdout).toMatch(/Claude's 1 of 3 commits scanned \(the rest: 1 by Copilot, 1 with no agent marker\)/);
    expect(stdout).not.toContain(token);
    expect(stdout).not.toContain(awsKeyId);
  });

  it("--verbose lists the Claude commits with their evidence; --quiet prints the summary line only", () => {
    const verbose = cli(["scan", "--git", "--repo", repo, "--all", "--verbose"]);
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toContain("Claude-authored commits (1)");
    expect(verbose.stdout).toMatch(/co-author-trailer \[claude, strong\]: Co-Authored-By: Claude <noreply@anthropic\.com>/);
    const quiet = cli(["scan", "--git", "--repo", repo, "--all", "-q"]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout.trimEnd().split("\n")).toEqual([expect.stringMatching(/^2 findings \(.*\) · Claude's 1 of 3 commits scanned/)]);
    for (const out of [verbose.stdout, quiet.stdout]) {
      expect(out).not.toContain(token);
      expect(out).not.toContain(awsKeyId);
    }
    expect(cli(["scan", "--quiet", "--verbose"]).code).toBe(2);
  });
});
