/**
 * The bundled Action as the composite step runs it (`node dist/index.js` with the runner's environment),
 * on a pull request over a real repository holding human and Claude-authored commits.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { accessSync, chmodSync, constants, existsSync, readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import {
  checkout,
  CLAUDE_AWS_KEY_ID,
  CLAUDE_PASSWORD,
  ENTRY,
  FakeChecksApi,
  git,
  HUMAN_PASSWORD,
  makeFixture,
  NODE,
  pullRequestEvent,
  runAction,
  type ActionRun,
  write,
  type Fixture,
} from "./harness.js";

let fixture: Fixture;
let api: FakeChecksApi;
let workspace: string;
const runs: ActionRun[] = [];

async function run(options: Parameters<typeof runAction>[0]): Promise<ActionRun> {
  const result = await runAction(options);
  runs.push(result);
  return result;
}

beforeAll(async () => {
  if (!existsSync(ENTRY)) throw new Error("dist/index.js is missing: run npm run build:action");
  fixture = makeFixture();
  workspace = checkout(fixture, "workspace", fixture.head);
  api = new FakeChecksApi();
  await api.start();
});

afterAll(async () => {
  await api.stop();
  fixture.remove();
  for (const r of runs) rmSync(r.dir, { recursive: true, force: true });
});

function noWholeSecret(text: string): void {
  expect(text).not.toContain(CLAUDE_PASSWORD);
  expect(text).not.toContain(CLAUDE_AWS_KEY_ID);
  expect(text).not.toContain(HUMAN_PASSWORD);
}

/** The values the runner is told to mask (`::add-mask::`), with the command's escaping undone. */
function masked(stdout: string): string[] {
  return [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((m) => (m[1] as string).replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%"));
}

/** stdout without the add-mask commands: what ends up readable in the log. */
function logWithoutMasks(stdout: string): string {
  return stdout.replace(/^::add-mask::.*$/gm, "");
}

describe(`the Action's bundle on a pull request (node ${NODE === process.execPath ? process.version : NODE})`, () => {
  let result: ActionRun;

  beforeAll(async () => {
    api.reset("ok");
    result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url });
  });

  it("fails the step on findings at or above the default fail-on (high)", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::claude-guard: \d+ finding\(s\) at or above fail-on high/m);
  });

  it("writes the outputs with the counts of the Claude commit only", () => {
    expect(result.outputs["claude-commits"]).toBe("1");
    expect(result.outputs["secrets"]).toBe("2"); // the password and the AWS key id; the human's password is not Claude's
    expect(result.outputs["placeholders"]).toBe("1");
    expect(result.outputs["findings"]).toBe("3");
    expect(result.outputs["policy-violations"]).toBe("0");
    expect(result.outputs["sarif-file"]).toBe(resolve(result.dir, "temp", "claude-guard.sarif"));
    expect(result.outputs["audit-file"]).toBe(resolve(result.dir, "temp", "claude-guard-audit.json"));
  });

  it("writes a job summary with the check run's content and no whole secret", () => {
    expect(result.summary).toContain("## claude-guard\n\n❌ **2 credentials, 1 placeholder\\: rotate before merge.**");
    // The same table as the check run, one row per finding here (none repeats or pairs).
    expect(result.summary).toContain("| Severity | What | Where (added) | Commit | Fix |");
    expect(result.summary.split("\n").filter((l) => /^\| (critical|high|medium|low) \|/.test(l))).toHaveLength(3);
    expect(result.summary).toContain("How Claude's commits were recognised (1 of 3):");
    // The redacted preview: a name-based match has no public prefix; of 16 characters or more, 2 and 2.
    expect(result.summary).toContain("`" + CLAUDE_PASSWORD.slice(0, 2) + "…" + CLAUDE_PASSWORD.slice(-2) + "`");
    expect(result.summary).not.toContain(CLAUDE_PASSWORD.slice(0, 3));
    expect(result.summary).toContain("### Audit record");
    noWholeSecret(result.summary);
  });

  it("creates the claude-guard check run on the PR's head commit, with annotations and no whole secret", () => {
    const posts = api.checkRunRequests().filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.url).toBe("/repos/acme/widgets/check-runs");
    expect(post.headers["authorization"]).toBe("Bearer fake-token-for-tests");
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({ name: "claude-guard", head_sha: fixture.head, status: "completed", conclusion: "failure" });
    expect(body.output.title).toBe("2 credentials, 1 placeholder: rotate before merge");
    expect(body.output.annotations).toHaveLength(3);
    expect(body.output.annotations.map((a: { path: string }) => a.path)).toEqual(["config/settings.yml", "config/settings.yml", "config/settings.yml"]);
    expect(body.details_url).toBe("https://github.example/acme/widgets/actions/runs/987654");
    noWholeSecret(post.body);
    expect(result.summary).toContain("check run ([open](https://github.example/acme/widgets/runs/4242)) carries 3 annotations.");
    // With a check run, no workflow annotations repeat the findings.
    expect(result.stdout).not.toMatch(/^::(error|warning) file=/m);
  });

  it("registers every detected secret with the runner's masker, and prints no secret otherwise", () => {
    const values = masked(result.stdout);
    expect(values).toEqual(expect.arrayContaining([CLAUDE_PASSWORD, CLAUDE_AWS_KEY_ID]));
    expect(values).not.toContain("your-api-key-here"); // a placeholder is not a secret
    noWholeSecret(logWithoutMasks(result.stdout));
    noWholeSecret(result.stderr);
  });

  it("writes a SARIF 2.1.0 file with the findings, valid for code scanning", () => {
    const text = readFileSync(result.outputs["sarif-file"]!, "utf8");
    noWholeSecret(text);
    const sarif = JSON.parse(text);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("config/settings.yml");
      expect(r.partialFingerprints).toBeDefined();
    }
    const rules = new Set(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id));
    for (const r of results) expect(rules.has(r.ruleId)).toBe(true);
    if (multitool) {
      const out = execFileSync(multitool, ["validate", "--rule-kind", "Gh;Sarif", result.outputs["sarif-file"]!], {
        encoding: "utf8",
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
        timeout: 60_000,
      });
      expect(out).toContain("Analysis completed successfully");
      expect(out.split(/\r?\n/).filter((line) => /:\s+error\s+[A-Z]+\d+/.test(line))).toEqual([]);
    }
  });

  it("writes the audit record as JSON: counts and hashes, never content", () => {
    const text = readFileSync(result.outputs["audit-file"]!, "utf8");
    noWholeSecret(text);
    expect(text).not.toContain("config/settings.yml");
    const record = JSON.parse(text);
    expect(record).toMatchObject({
      version: 1,
      session: { type: "workflow-run", id: "987654.1" },
      repository: { owner: "acme", name: "widgets" },
      user: "dev-person",
      input_summary: { type: "pull_request", pull_request: 7, head_sha: fixture.head, claude_commits: 1, commits: [fixture.claudeCommit], files: 1 },
      output_summary: { findings_total: 3, conclusion: "failure" },
    });
    expect(record.input_summary.content_hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(result.summary).toContain(record.input_summary.content_hash);
  });
});

describe("when the token may not write check runs (HTTP 403)", () => {
  let result: ActionRun;

  beforeAll(async () => {
    api.reset("forbidden");
    result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url });
  });

  it("reports the findings as workflow annotations on the files instead", () => {
    expect(api.checkRunRequests().map((r) => r.method)).toEqual(["POST"]);
    const errors = result.stdout.split("\n").filter((l) => /^::error title=[^:]*,file=config\/settings\.yml,line=[35],/.test(l));
    expect(errors).toHaveLength(2);
    expect(result.stdout).toMatch(/^::warning title=Placeholder secret \(medium\),file=config\/settings\.yml,line=7,endLine=7,col=\d+,endColumn=\d+::/m);
    // The App's publisher words the failure (src/github/check-runs.ts): status, method and route, GitHub's message.
    expect(result.stdout).toMatch(/^::warning::claude-guard: no check run \(GitHub API error HTTP 403 on POST \S*\/repos\/acme\/widgets\/check-runs: Resource not accessible by integration\)/m);
    noWholeSecret(logWithoutMasks(result.stdout));
  });

  it("says in the summary why there is no check run, and still fails the step", () => {
    expect(result.summary).toContain("HTTP 403: give the job `permissions: checks: write`");
    expect(result.summary).toContain("3 of 3 annotations shown as workflow annotations.");
    // Every count said is true: nothing claims the table or the annotations list more than they do.
    expect(result.summary).not.toMatch(/all are listed above|all of them are annotated/);
    expect(result.code).toBe(1);
    noWholeSecret(result.summary);
  });
});

describe("exit status per fail-on", () => {
  it("passes with fail-on none: the findings are still reported, the check run is neutral", async () => {
    api.reset("ok");
    const none = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { "fail-on": "none" } });
    expect(none.code).toBe(0);
    expect(none.outputs["findings"]).toBe("3");
    expect(JSON.parse(api.checkRunRequests()[0]!.body).conclusion).toBe("neutral");
  });

  it("follows the threshold: the AWS key id is high (format-only, docs/severity.md), so fail-on high fails and critical passes; a config's failOn is overridden by the input", async () => {
    api.reset("ok");
    const high = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { "fail-on": "high" } });
    expect(high.code).toBe(1);
    expect(high.stdout).toMatch(/^::error::claude-guard: \d+ finding\(s\) at or above fail-on high/m);
    const critical = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { "fail-on": "critical" } });
    expect(critical.code).toBe(0);
    // A config file (the config input) that says failOn: none passes the step...
    write(workspace, "ci/claude-guard.yml", "failOn: none\n");
    const relaxed = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { config: "ci/claude-guard.yml" } });
    expect(relaxed.code).toBe(0);
    expect(relaxed.summary).toContain("config input");
    // ...and the fail-on input wins over it.
    const strict = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { config: "ci/claude-guard.yml", "fail-on": "high" } });
    expect(strict.code).toBe(1);
  });

  it("passes with exit 0 and a success summary when the change has no Claude commit", async () => {
    api.reset("ok");
    const base = fixture.base;
    const humanOnly = git(fixture.origin, ["rev-parse", `${fixture.claudeCommit}~1`]).trim();
    const result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { base, head: humanOnly } });
    expect(result.code).toBe(0);
    expect(result.outputs["claude-commits"]).toBe("0");
    expect(result.outputs["findings"]).toBe("0");
    expect(result.summary).toContain("✅ **No Claude-authored commits** in this change");
    // A clean run says nothing about annotations, and no "0 of 0".
    expect(result.summary).not.toMatch(/0 of 0|annotation/);
    expect(JSON.parse(readFileSync(result.outputs["audit-file"]!, "utf8")).input_summary).toMatchObject({ type: "pull_request", pull_request: 7, claude_commits: 0 });
    expect(JSON.parse(api.checkRunRequests()[0]!.body)).toMatchObject({ conclusion: "success", head_sha: humanOnly });
  });

  it("rejects an unknown fail-on value with a message naming the input", async () => {
    const result = await run({ workspace, event: pullRequestEvent(fixture), apiUrl: api.url, inputs: { "fail-on": "severe" } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::error::claude-guard: Input fail-on is \"severe\"");
  });
});

describe("shallow clones", () => {
  it("deepens a fetch-depth 1 checkout until the whole pull request is readable, and says so", async () => {
    api.reset("ok");
    const shallow = checkout(fixture, "shallow", fixture.head, 1);
    expect(git(shallow, ["rev-parse", "--is-shallow-repository"]).trim()).toBe("true");
    const result = await run({ workspace: shallow, event: pullRequestEvent(fixture), apiUrl: api.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("running git fetch --no-tags --no-recurse-submodules --deepen=");
    expect(result.outputs["claude-commits"]).toBe("1");
    expect(result.outputs["findings"]).toBe("3"); // not the whole history as "added" lines
    expect(result.summary).toContain("shallow clone");
  });

  it("reads the PR's own commits from actions/checkout's default: the merge ref at depth 1, whose parents are missing", async () => {
    api.reset("ok");
    // What GitHub serves as refs/pull/7/merge: the head merged into the base.
    const merge = git(fixture.origin, ["commit-tree", "-p", fixture.base, "-p", fixture.head, "-m", "Merge feature into main", `${fixture.head}^{tree}`], {
      GIT_AUTHOR_NAME: "GitHub",
      GIT_AUTHOR_EMAIL: "noreply@github.com",
      GIT_COMMITTER_NAME: "GitHub",
      GIT_COMMITTER_EMAIL: "noreply@github.com",
    }).trim();
    git(fixture.origin, ["update-ref", "refs/pull/7/merge", merge]);
    const dir = checkout(fixture, "merge-ref", merge, 1);
    expect(() => git(dir, ["cat-file", "-e", `${fixture.head}^{commit}`])).toThrow(); // not in the clone yet
    const result = await run({ workspace: dir, event: pullRequestEvent(fixture), apiUrl: api.url, env: { GITHUB_SHA: merge } });
    expect(result.code).toBe(1);
    expect(result.outputs["claude-commits"]).toBe("1");
    expect(result.outputs["findings"]).toBe("3");
    expect(JSON.parse(api.checkRunRequests()[0]!.body).head_sha).toBe(fixture.head); // the check run goes on the PR head, not the merge
  });

  it("stops with the fetch-depth to set when the history cannot be fetched", async () => {
    const shallow = checkout(fixture, "shallow-offline", fixture.head, 1);
    git(shallow, ["remote", "remove", "origin"]);
    const result = await run({ workspace: shallow, event: pullRequestEvent(fixture), apiUrl: api.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Set `fetch-depth: 0` in the actions/checkout step");
    expect(result.summary).toContain("claude-guard could not scan");
    expect(result.outputs["findings"]).toBeUndefined(); // never a partial scan reported as complete
  });
});

describe("push events", () => {
  it("scans before..after", async () => {
    api.reset("ok");
    const payload = { ref: "refs/heads/feature", before: fixture.base, after: fixture.head, repository: { default_branch: "main" } };
    const result = await run({ workspace, event: { name: "push", payload }, apiUrl: api.url, env: { GITHUB_REF: "refs/heads/feature" } });
    expect(result.outputs["claude-commits"]).toBe("1");
    expect(result.outputs["secrets"]).toBe("2");
    expect(JSON.parse(readFileSync(result.outputs["audit-file"]!, "utf8")).input_summary).toMatchObject({ type: "push", ref: "refs/heads/feature" });
  });

  it("scans a new branch (all-zero before) from where it leaves the default branch", async () => {
    api.reset("ok");
    const payload = { ref: "refs/heads/feature", before: "0".repeat(40), after: fixture.head, created: true, repository: { default_branch: "main" } };
    const result = await run({ workspace, event: { name: "push", payload }, apiUrl: api.url });
    expect(result.summary).toContain("new branch feature\\: its commits beyond main"); // Markdown-escaped
    expect(result.summary).toContain("How Claude's commits were recognised (1 of 3):");
    expect(result.outputs["secrets"]).toBe("2");
  });
});

/*
 * Microsoft's SARIF Multitool (devDependency @microsoft/sarif-multitool), when its Linux binary is
 * there; the structural checks above run either way.
 */
const multitool = ((): string | undefined => {
  const candidate = process.env["SARIF_MULTITOOL"] ?? resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
  if (process.platform !== "linux" || !existsSync(candidate)) return undefined;
  try {
    accessSync(candidate, constants.X_OK);
  } catch {
    chmodSync(candidate, 0o755);
  }
  return candidate;
})();
