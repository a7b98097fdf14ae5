/**
 * One change, four doors: a Claude commit that adds a file with three tokens (one plain, one marked with
 * an allow comment, one whose fingerprint is in .claude-guard-ignore, beside a line that is not a
 * fingerprint) and a file under `paths.ignore`. Each door reads the change its own way (the CLI from the
 * working tree and git, the Action at the commits of the range, the App through the REST API, the hook
 * from a Write event), and each hands it to the core's scanChange: the core results, rendered as JSON,
 * must be the same, and so must the suppression notes every door reports.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { scanTarget, type ScanTarget } from "../../src/app/scan-target.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { CONFIG_FILE, IGNORE_FILE } from "../../src/core/files.js";
import { suppressionNotes, type ChangeScan } from "../../src/core/scan-change.js";
import { prepareScan } from "../../src/core/setup.js";
import { openRepository } from "../../src/git/git-runner.js";
import { readScanInputsAt, readWorkingTreeScanInputs } from "../../src/git/scan-inputs.js";
import { scanGit } from "../../src/git/scan-git.js";
import type { GitHubClient } from "../../src/github/client.js";
import { decide } from "../../src/hook/decide.js";
import { parseHookEvent } from "../../src/hook/event.js";
import { loadHookSetup } from "../../src/hook/setup.js";
import { FakeGitHub } from "../../src/testing/fake-github.js";
import { CLAUDE_TRAILERS, fakeGithubToken } from "../app/github-fixtures.js";
import { TempRepo } from "../git/repo-helper.js";

const CLAUDE = { name: "Dana Developer", email: "dana@example.com" };
const SETTINGS = "src/settings.py";

interface DoorResult {
  scan: ChangeScan;
  notes: string[];
}

/** The parts of a core result every door must agree on, as JSON. */
function rendered(result: DoorResult, options: { withoutCommit?: boolean; only?: string } = {}): string {
  const findings = result.scan.findings.map((f) => (options.withoutCommit ? { ...f, commit: undefined } : f)).filter((f) => !options.only || f.path === options.only);
  if (options.only) return JSON.stringify({ findings, suppressed: result.scan.suppressed, legacyIgnored: result.scan.legacyIgnored, notes: result.notes });
  return JSON.stringify({ ...result.scan, findings, notes: result.notes }, null, 1);
}

describe("the same change through every door", () => {
  const repo = new TempRepo("cg-doors-");
  const tokens = [fakeGithubToken("door-plain"), fakeGithubToken("door-allowed"), fakeGithubToken("door-ignored")];
  const settings = [`GITHUB_TOKEN = "${tokens[0]}"`, `BACKUP_TOKEN = "${tokens[1]}"  # claude-guard:allow`, `DEPLOY_TOKEN = "${tokens[2]}"`].join("\n");
  let base = "";
  let head = "";
  let fakeGitHub: FakeGitHub;
  const doors = new Map<string, DoorResult>();

  beforeAll(async () => {
    const ignored = new Scanner(builtinRules).scan({ path: SETTINGS, text: settings }).findings.find((f) => f.line === 3);
    if (!ignored) throw new Error("the third token is not found: the fixture no longer tests suppression");
    repo.write(CONFIG_FILE, 'paths:\n  ignore: ["fixtures/**"]\n');
    repo.write("README.md", "# demo\n");
    base = repo.commit("Set up the project");
    repo.write(SETTINGS, settings);
    repo.write("fixtures/sample.txt", `token = "${fakeGithubToken("door-fixture")}"\n`);
    repo.write(IGNORE_FILE, `# reviewed\n${ignored.fingerprint}\nnot-a-fingerprint\n`);
    head = repo.commit(`Add the settings${CLAUDE_TRAILERS}`, CLAUDE);

    // The CLI: the working tree's config and ignore file, the history through git.
    const cliSetup = prepareScan(readWorkingTreeScanInputs(repo.dir, undefined, repo.dir));
    const cli = await scanGit(cliSetup, { repo: repo.dir, range: `${base}..${head}`, all: false, authors: "claude" });
    doors.set("cli", { scan: cli.scan, notes: suppressionNotes(cliSetup, cli.scan) });

    // The Action: the config at the base, the ignore file at the head, the range through git.
    const git = await openRepository(repo.dir);
    const { inputs } = await readScanInputsAt(git, { base, head });
    const actionSetup = prepareScan(inputs);
    const action = await scanGit(actionSetup, { repo: repo.dir, range: `${base}..${head}`, all: false, authors: "claude" });
    doors.set("action", { scan: action.scan, notes: suppressionNotes(actionSetup, action.scan) });

    // The App: the same commit as the REST API serves it, files with their patches.
    const show = (file: string) => repo.git(["show", `${head}:${file}`]);
    // In path order, as git and the REST API list a commit's files.
    const added = [IGNORE_FILE, "fixtures/sample.txt", SETTINGS].map((filename) => {
      const lines = show(filename).replace(/\n$/, "").split("\n");
      return { filename, status: "added", additions: lines.length, changes: lines.length, patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}` };
    });
    const message = repo.git(["log", "-1", "--format=%B", head]);
    const commit = {
      sha: head,
      commit: { message, author: { ...CLAUDE, date: "2024-01-01T12:02:00Z" }, committer: { ...CLAUDE, date: "2024-01-01T12:02:00Z" } },
      author: { login: "dana" },
      committer: { login: "dana" },
      parents: [{ sha: base }],
    };
    fakeGitHub = new FakeGitHub({
      owner: "acme",
      repo: "widgets",
      config: show(CONFIG_FILE),
      pullCommits: new Map([[7, [commit]]]),
      commitDetails: new Map([[head, { ...commit, files: added }]]),
      extra: ({ method, path }) => (method === "GET" && path === `/api/v3/repos/acme/widgets/contents/${IGNORE_FILE}` ? { status: 200, data: show(IGNORE_FILE), headers: { "content-type": "application/vnd.github.raw" } } : undefined),
    });
    await fakeGitHub.start();
    const gh = new Octokit({ baseUrl: `http://127.0.0.1:${fakeGitHub.port}/api/v3`, auth: "test-token", log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } }) as unknown as GitHubClient;
    const target: ScanTarget = {
      owner: "acme",
      repo: "widgets",
      headSha: head,
      defaultBranch: "main",
      change: { kind: "pull_request", number: 7, baseRef: "main", baseSha: base, headRef: "feature", commitCount: 1 },
    };
    const app = await scanTarget(gh, target);
    // The App's notes also say where the config and the classification came from: its suppression notes are those naming the ignore file.
    doors.set("app", { scan: app.scan, notes: app.notes.filter((n) => n.includes(IGNORE_FILE)) });

    // The hook: Claude writing the same file.
    const hookSetup = await loadHookSetup(repo.dir);
    const event = parseHookEvent(JSON.stringify({ hook_event_name: "PreToolUse", tool_name: "Write", cwd: repo.dir, tool_input: { file_path: `${repo.dir}/${SETTINGS}`, content: settings } }));
    if (!event.ok) throw new Error(event.error);
    const decision = decide(event.event, { scanner: hookSetup.scanner, config: hookSetup.config, isIgnoredPath: hookSetup.isIgnoredPath, root: repo.dir });
    if (!decision.scan) throw new Error(`the hook did not scan the Write: ${decision.notScanned ?? "?"}`);
    doors.set("hook", { scan: decision.scan, notes: suppressionNotes(hookSetup, decision.scan) });
  }, 60_000);

  afterAll(async () => {
    await fakeGitHub?.stop();
    repo.remove();
  });

  it("the change is one the test means: a finding, suppressions, a skipped path, an ignore-file warning", () => {
    const cli = doors.get("cli") as DoorResult;
    expect(cli.scan.findings.filter((f) => f.category === "secret").map((f) => [f.path, f.line])).toEqual([[SETTINGS, 1]]);
    // The allowed and the ignored token (more than one rule may report a token: each is suppressed).
    expect(cli.scan.suppressed).toBeGreaterThanOrEqual(2);
    expect(cli.scan.skipped).toEqual([{ path: "fixtures/sample.txt", reason: "ignored", commit: head, detail: "paths.ignore" }]);
    expect(cli.notes).toEqual([
      `${IGNORE_FILE}:3: "not-a-fingerprint" is not a finding fingerprint (32 hex characters); the line is ignored`,
      `${cli.scan.suppressed} finding(s) suppressed by an allow comment or ${IGNORE_FILE}.`,
    ]);
  });

  it("the CLI, the Action and the App compute the same core result", () => {
    const cli = rendered(doors.get("cli") as DoorResult);
    expect(rendered(doors.get("action") as DoorResult)).toBe(cli);
    expect(rendered(doors.get("app") as DoorResult)).toBe(cli);
  });

  it("the hook computes the same findings, suppressions and notes for the file it is asked to write", () => {
    const options = { withoutCommit: true, only: SETTINGS };
    expect(rendered(doors.get("hook") as DoorResult, options)).toBe(rendered(doors.get("cli") as DoorResult, options));
  });
});
