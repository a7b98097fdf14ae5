/**
 * The daily-workflow side of the CLI (issue 16), through the built `bin/claude-guard.js`: tree scans
 * that honour .gitignore, `scan --staged` and the git pre-commit hook, `scan -` from stdin, the
 * baseline, history windows and the summary's counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fake } from "../../src/core/detect/fake.js";

const BIN = resolve("bin/claude-guard.js");
let work: string;

function cli(args: string[], cwd = work, input?: string) {
  const out = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

function git(repo: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z", ...env },
  });
}

function newRepo(name: string): string {
  const repo = join(work, name);
  mkdirSync(repo, { recursive: true });
  git(repo, ["init", "-q", "-b", "main"]);
  return repo;
}

// Built at run time: the repository never holds a realistic secret.
const password = (seed: string) => "Vb" + fake.alnum(10, seed) + "%3";
const json = (stdout: string) => JSON.parse(stdout) as { findings: Array<{ path: string; line: number; rule: string; fingerprint: string }>; scanned: Record<string, unknown> };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cg-flow-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("scan PATH honours .gitignore", () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo("gitignore");
    mkdirSync(join(repo, "src"));
    mkdirSync(join(repo, "dist"));
    mkdirSync(join(repo, "fixtures"));
    writeFileSync(join(repo, ".gitignore"), "dist/\n*.log\n");
    const line = `const password = "${password("gi")}";\n`;
    writeFileSync(join(repo, "src", "db.ts"), line);
    writeFileSync(join(repo, "dist", "db.js"), line); // build output: the same finding again
    writeFileSync(join(repo, "debug.log"), line);
    writeFileSync(join(repo, "fixtures", "sample.ts"), line);
    writeFileSync(join(repo, ".claude-guard-ignore"), "# test data, not secrets\nfixtures/\n");
    git(repo, ["add", "src", ".gitignore"]);
  });

  it("leaves out what git ignores and the ignore file's paths, and lists them as skipped", () => {
    const { code, stdout } = cli(["scan", ".", "--format", "json"], repo);
    expect(code).toBe(1);
    const report = json(stdout);
    expect(report.findings.map((f) => f.path)).toEqual(["src/db.ts"]);
    expect(report.scanned["skipped"]).toEqual(
      expect.arrayContaining([
        { path: "dist/", reason: "ignored", detail: ".gitignore" },
        { path: "debug.log", reason: "ignored", detail: ".gitignore" },
        { path: "fixtures/", reason: "ignored", detail: ".claude-guard-ignore" },
      ]),
    );
  });

  it("--no-gitignore scans them again (the ignore file's paths stay left out); a file named is always read", () => {
    const all = json(cli(["scan", ".", "--no-gitignore", "--format", "json"], repo).stdout);
    expect(all.findings.map((f) => f.path).sort()).toEqual(["debug.log", "dist/db.js", "src/db.ts"]);
    const named = json(cli(["scan", "debug.log", "--format", "json"], repo).stdout);
    expect(named.findings.map((f) => f.path)).toEqual(["debug.log"]);
  });

  it("outside a repository there is no .gitignore to honour: every file is scanned", () => {
    const plain = join(work, "plain");
    mkdirSync(plain);
    writeFileSync(join(plain, ".gitignore"), "*.log\n");
    writeFileSync(join(plain, "debug.log"), `password = "${password("plain")}"\n`);
    expect(json(cli(["scan", plain, "--format", "json"]).stdout).findings.map((f) => f.path)).toEqual(["debug.log"]);
  });
});

describe("scan --staged and the git pre-commit hook", () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo("staged");
    writeFileSync(join(repo, "old.env"), `DB_PASSWORD=${password("committed")}\n`);
    git(repo, ["add", "."]);
    git(repo, ["commit", "-q", "-m", "old"]);
  });

  it("scans only the lines staged for the next commit: not the committed ones, not the unstaged ones", () => {
    writeFileSync(join(repo, "old.env"), `DB_PASSWORD=${password("committed")}\nAPI_PASSWORD=${password("staged")}\n`);
    git(repo, ["add", "old.env"]);
    writeFileSync(join(repo, "later.env"), `OTHER_PASSWORD=${password("unstaged")}\n`);
    const { code, stdout } = cli(["scan", "--staged", "--format", "json"], repo);
    expect(code).toBe(1);
    const report = json(stdout);
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(["old.env:2"]);
    expect(report.scanned).toMatchObject({ files: 1, commits: 0 });
    expect(stdout).not.toContain(password("staged"));
    // Nothing staged: clean.
    git(repo, ["reset", "-q"]);
    expect(cli(["scan", "--staged"], repo).code).toBe(0);
    expect(cli(["scan", "--staged", "--git"], repo).code).toBe(2);
  });

  it("hook install --git writes an executable pre-commit hook that blocks a commit with a secret; uninstall removes it", () => {
    const installed = cli(["hook", "install", "--git"], repo);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(join(repo, ".git", "hooks", "pre-commit"));
    writeFileSync(join(repo, "new.env"), `NEW_PASSWORD=${password("hooked")}\n`);
    git(repo, ["add", "new.env"]);
    expect(() => git(repo, ["commit", "-q", "-m", "with a secret"])).toThrow(/new\.env:1/);
    git(repo, ["reset", "-q"]);
    expect(cli(["hook", "install", "--git"], repo).stdout).toContain("already installed");
    expect(cli(["hook", "uninstall", "--git"], repo).code).toBe(0);
    git(repo, ["add", "new.env"]);
    git(repo, ["commit", "-q", "-m", "no hook now"]);
  });

  it("leaves someone else's hook alone unless --chain, which runs it first; respects core.hooksPath", () => {
    const hooks = join(repo, ".githooks");
    mkdirSync(hooks);
    git(repo, ["config", "core.hooksPath", ".githooks"]);
    writeFileSync(join(hooks, "pre-commit"), "#!/bin/sh\necho theirs-ran >&2\n", { mode: 0o755 });
    const refused = cli(["hook", "install", "--git"], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists and is not claude-guard's; nothing was changed\. Run `claude-guard hook install --git --chain`/);
    expect(cli(["hook", "install", "--git", "--chain"], repo).code).toBe(0);
    writeFileSync(join(repo, "chained.env"), `CHAINED_PASSWORD=${password("chained")}\n`);
    git(repo, ["add", "chained.env"]);
    const commit = spawnSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "x"], { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" } });
    expect(commit.status).toBe(1);
    expect(commit.stderr).toContain("theirs-ran");
    expect(commit.stdout + commit.stderr).toContain("chained.env:1");
    expect(cli(["hook", "uninstall", "--git"], repo).stdout).toContain("is back in");
    expect(readFileSync(join(hooks, "pre-commit"), "utf8")).toBe("#!/bin/sh\necho theirs-ran >&2\n");
  });
});

describe("scan - (stdin)", () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo("stdin");
    writeFileSync(join(repo, ".claude-guard-ignore"), "fixtures/\n");
  });

  it("scans stdin as the file --stdin-name names, with that file's path rules", () => {
    const text = `export const password = "${password("stdin")}";\n`;
    const named = cli(["scan", "-", "--stdin-name", "src/db.ts", "--format", "json"], repo, text);
    expect(named.code).toBe(1);
    expect(json(named.stdout).findings.map((f) => `${f.path}:${f.line}`)).toEqual(["src/db.ts:1"]);
    // The same fingerprint as a tree scan of that file would give.
    mkdirSync(join(repo, "src"), { recursive: true });
    writeFileSync(join(repo, "src", "db.ts"), text);
    expect(json(cli(["scan", ".", "--format", "json"], repo).stdout).findings[0]?.fingerprint).toBe(json(named.stdout).findings[0]?.fingerprint);
    const ignored = cli(["scan", "-", "--stdin-name", "fixtures/db.ts", "--format", "json"], repo, text);
    expect(ignored.code).toBe(0);
    expect(json(ignored.stdout).scanned["skipped"]).toEqual([{ path: "fixtures/db.ts", reason: "ignored", detail: ".claude-guard-ignore" }]);
    expect(cli(["scan", "-", "--stdin-name", "package-lock.json"], repo, text).code).toBe(0);
    expect(cli(["scan", "--stdin-name", "x.ts"], repo).code).toBe(2);
  });

  it("an endless stream ends the scan with a clear error, not a hang", () => {
    const started = Date.now();
    const out = spawnSync("sh", ["-c", `yes | "${process.execPath}" "${BIN}" scan -`], { cwd: repo, encoding: "utf8", timeout: 60_000 });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/stdin holds more than 8 MB, the most claude-guard reads of one file/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

describe("a reader that stops early", () => {
  it("ends the output, not the command: no EPIPE crash, and the exit status still says findings", async () => {
    const dir = join(work, "many-findings");
    mkdirSync(dir);
    // Far more report than a pipe holds (64 KiB), so the writes go on after the reader has gone.
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `db${i}.ts`), `const password = "${password(`pipe${i}`)}";\n`);
    const child = spawn(process.execPath, [BIN, "scan", dir, "--format", "json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(1);
  });
});

describe("baseline", () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo("baseline");
    writeFileSync(join(repo, "old.ts"), `const password = "${password("old")}";\n`);
    writeFileSync(join(repo, "allowed.ts"), `const password = "${password("allowed")}"; // claude-guard:allow test fixture\n`);
  });

  it("records today's findings without values, and a scan with --baseline fails only on new ones, counting the rest apart", () => {
    const recorded = cli(["baseline"], repo);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain("recorded 1 finding(s) in");
    const file = readFileSync(join(repo, ".claude-guard-baseline.json"), "utf8");
    expect(file).not.toContain(password("old"));
    expect(JSON.parse(file).findings).toEqual([{ fingerprint: expect.stringMatching(/^[a-f0-9]{32}$/), rule: "generic-password", path: "old.ts" }]);
    // Without --update an existing baseline is never replaced.
    expect(cli(["baseline"], repo).code).toBe(2);

    const known = cli(["scan", ".", "--baseline", ".claude-guard-baseline.json"], repo);
    expect(known.code).toBe(0);
    expect(known.stdout.trimEnd().split("\n").pop()).toMatch(/^No findings · .* · 1 suppressed · 1 baselined$/);
    const asJson = JSON.parse(cli(["scan", ".", "--baseline", ".claude-guard-baseline.json", "--format", "json"], repo).stdout);
    expect(asJson.findings).toEqual([]);
    expect(asJson.scanned).toMatchObject({ suppressed: 1, baselined: 1 });
    expect(asJson.baselined.map((f: { path: string }) => f.path)).toEqual(["old.ts"]);

    writeFileSync(join(repo, "new.ts"), `const password = "${password("new")}";\n`);
    const fresh = cli(["scan", ".", "--baseline", ".claude-guard-baseline.json", "-q"], repo);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toMatch(/^1 finding \(1 high\) · .* · 1 suppressed · 1 baselined\n$/);

    const updated = cli(["baseline", "--update"], repo);
    expect(updated.stdout).toContain("1 new finding(s) added, 0 no longer found removed, 2 in all");
    expect(cli(["scan", ".", "--baseline", ".claude-guard-baseline.json"], repo).code).toBe(0);
    expect(cli(["scan", ".", "--baseline", "missing.json"], repo).stderr).toContain("the baseline file missing.json does not exist");
  });
});

describe("every text summary counts suppressed findings", () => {
  it("says 0 suppressed when nothing was", () => {
    const dir = join(work, "summary");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.ts"), "const x = 1;\n");
    expect(cli(["scan", dir]).stdout).toMatch(/^No findings · 1 file, \d+ B scanned · 0 suppressed\n$/m);
  });
});

describe("scan --git history windows", () => {
  let repo: string;
  beforeAll(() => {
    repo = newRepo("window");
    for (const [n, day] of [[1, "2026-01-01"], [2, "2026-02-01"], [3, "2026-03-01"], [4, "2026-04-01"]] as const) {
      writeFileSync(join(repo, `c${n}.env`), `PASSWORD_${n}=${password(`window-${n}`)}\n`);
      git(repo, ["add", "."]);
      git(repo, ["commit", "-q", "-m", `commit ${n}`], { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` });
    }
  });
  const paths = (args: string[]) => {
    const out = cli(["scan", "--git", "--repo", repo, "--all", "--authors", "all", "--format", "json", ...args]);
    const report = json(out.stdout);
    return { commits: report.scanned["commits"], paths: report.findings.map((f) => f.path).sort() };
  };

  it("--since and --until keep the commits made in the window (a bare --until day includes that day)", () => {
    expect(paths(["--since", "2026-02-01", "--until", "2026-03-01"])).toEqual({ commits: 2, paths: ["c2.env", "c3.env"] });
    expect(paths(["--since", "2026-03-15T00:00:00Z"])).toEqual({ commits: 1, paths: ["c4.env"] });
  });

  it("--max-commits keeps the newest N; bad values are usage errors", () => {
    expect(paths(["--max-commits", "2"])).toEqual({ commits: 2, paths: ["c3.env", "c4.env"] });
    expect(paths(["--max-commits", "1", "--until", "2026-02-15"])).toEqual({ commits: 1, paths: ["c2.env"] });
    const bad = cli(["scan", "--git", "--repo", repo, "--since", "last tuesday"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: "last tuesday" is not a date');
    expect(cli(["scan", "--git", "--repo", repo, "--max-commits", "0"]).code).toBe(2);
    expect(cli(["scan", ".", "--since", "2026-01-01"], repo).code).toBe(2);
  });
});
