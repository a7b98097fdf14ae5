/**
 * The composite Action's step: read the change from the checked-out repository, scan what Claude's
 * commits added, and report it as GitHub expects from a step (job summary, check run or annotations,
 * SARIF file, masked secrets, outputs, exit status). Decisions stay in the core; this file only
 * gathers inputs and hands results to the runner.
 */
import * as core from "@actions/core";
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { errorReason } from "../core/command-line.js";
import os from "node:os";
import path from "node:path";
import { scanGit } from "../git/scan-git.js";
import { renderCheckRun, type CheckRunOutput } from "../core/report/check-run.js";
import { addedLineIndex, locateAtHead } from "../core/report/head-lines.js";
import { codeBlock } from "../core/report/markdown.js";
import { renderSarif } from "../core/report/sarif.js";
import { suppressionNotes } from "../core/scan-change.js";
import { prepareScan } from "../core/setup.js";
import { addedLinesOf, lineIndex, linesOf } from "../core/added-lines.js";
import { isFailing, type AddedLines, type AuthorshipVerdict, type CommitChange, type FailOn, type Finding, type ScanReport } from "../core/types.js";
import { publishCheckRun, type PublishResult } from "../github/check-runs.js";
import { recordTeam } from "../github/teams.js";
import { openRepository, type GitRunner } from "../git/git-runner.js";
import { readScanInputsAt } from "../git/scan-inputs.js";
import { emitWorkflowAnnotations, type AnnotationSink } from "./annotations.js";
import { actionAuditRecord, appendToAuditIssue, auditFileText, auditKey, auditMarkdown } from "./audit.js";
import { planScan, type ScanPlan } from "./event.js";
import { ensureHistory, isShallow, resolveCommit } from "./history.js";
import { readActionInputs, type ActionInputs } from "./inputs.js";
import { SecretMasker } from "./masking.js";
import { actionClassification, actionPolicy } from "./policy.js";
import { restGitHubClient } from "./rest.js";
import { toolVersion } from "../version.js";
import { jobSummaryMarkdown } from "./summary.js";

const USER_AGENT = `claude-guard-action/${toolVersion()}`;

/** What GitHub's runner tells a step about where it runs. */
interface RunContext {
  workspace: string;
  eventName: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  sha?: string;
  ref?: string;
  actor?: string;
  apiUrl: string;
  serverUrl: string;
  runId: string;
  runAttempt?: string;
  tempDir: string;
  /** claude-guard's docs for this release, when the Action runs from GitHub (`uses: owner/repo@ref`). */
  docsUrl?: string;
}

async function readContext(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const [owner = "", repo = ""] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  let payload: Record<string, unknown> = {};
  const eventPath = env["GITHUB_EVENT_PATH"];
  if (eventPath && existsSync(eventPath)) {
    try {
      payload = JSON.parse(await readFile(eventPath, "utf8")) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${eventPath}): ${(error as Error).message}`);
    }
  }
  const context: RunContext = {
    workspace: path.resolve(env["GITHUB_WORKSPACE"] || process.cwd()),
    eventName: env["GITHUB_EVENT_NAME"] ?? "",
    payload,
    owner,
    repo,
    apiUrl: env["GITHUB_API_URL"] || "https://api.github.com",
    serverUrl: env["GITHUB_SERVER_URL"] || "https://github.com",
    runId: env["GITHUB_RUN_ID"] || "local",
    tempDir: env["RUNNER_TEMP"] || os.tmpdir(),
  };
  const optional = { sha: "GITHUB_SHA", ref: "GITHUB_REF", actor: "GITHUB_ACTOR", runAttempt: "GITHUB_RUN_ATTEMPT" } as const;
  for (const [key, name] of Object.entries(optional) as Array<[keyof typeof optional, string]>) {
    const value = env[name];
    if (value) context[key] = value;
  }
  // A composite action's own repository and ref are in its path (`…/_actions/OWNER/REPO/REF`): the rule pages of this release.
  const own = /[\\/]_actions[\\/]([^\\/]+)[\\/]([^\\/]+)[\\/]([^\\/]+)[\\/]?$/.exec(env["GITHUB_ACTION_PATH"] ?? "");
  if (own) context.docsUrl = `${context.serverUrl.replace(/\/+$/, "")}/${own[1]}/${own[2]}/blob/${own[3]}/docs`;
  // The event name is implied by the payload when a test or a local run does not set it.
  if (!context.eventName) context.eventName = payload["pull_request"] ? "pull_request" : payload["before"] !== undefined ? "push" : "";
  return context;
}

/**
 * The config and ignore file (src/git/scan-inputs.ts reads them at the commits of the range); an
 * explicit `config` input is a workspace file instead.
 */
async function readScanInputs(git: GitRunner, context: RunContext, inputs: ActionInputs, base: string | undefined, head: string) {
  if (inputs.config === undefined) return readScanInputsAt(git, { ...(base ? { base } : {}), head });
  const file = path.resolve(context.workspace, inputs.config);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the config file given in the config input (${inputs.config}): ${errorReason(error)}`);
  }
  return readScanInputsAt(git, { ...(base ? { base } : {}), head }, { text, file: inputs.config, source: `\`${inputs.config}\` (config input)` });
}

/** For a new branch: the default branch's tip, fetched when the checkout does not hold it. */
async function defaultBranchTip(git: GitRunner, branch: string): Promise<string> {
  const ref = `origin/${branch}`;
  const known = await resolveCommit(git, ref);
  if (known) return known;
  const args = ["fetch", "--no-tags", "--no-recurse-submodules", "--quiet", "origin", `+refs/heads/${branch}:refs/remotes/origin/${branch}`];
  if (await isShallow(git)) args.splice(1, 0, "--unshallow");
  core.info(`claude-guard: fetching ${branch}, the default branch, to find where the new branch starts`);
  try {
    await git.run(args, `fetching the default branch ${branch}`);
  } catch (error) {
    throw new Error(`${(error as Error).message}. Set \`fetch-depth: 0\` in the actions/checkout step so that the default branch is in the clone.`);
  }
  const fetched = await resolveCommit(git, ref);
  if (!fetched) throw new Error(`The default branch ${branch} could not be found on the remote: set the base input.`);
  return fetched;
}

function count(report: ScanReport, category: string): number {
  return report.findings.filter((f) => f.category === category).length;
}

const ZERO_OUTPUTS = { findings: 0, secrets: 0, placeholders: 0, "policy-violations": 0, "claude-commits": 0 };

function setOutputs(values: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, String(value));
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env["GITHUB_STEP_SUMMARY"]) {
    core.info("claude-guard: GITHUB_STEP_SUMMARY is not set: no job summary written");
    return;
  }
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    core.warning(`claude-guard: could not write the job summary: ${(error as Error).message}`);
  }
}

const annotationSink: AnnotationSink = {
  annotate: (level, message, properties) => core[level](message, properties),
  log: (line) => core.info(line),
};

/**
 * Where the findings of earlier commits are at the head: the head's version of each file they are in,
 * compared with the lines the commits added (kept only for lines with findings).
 */
async function headLinesOf(git: GitRunner, head: string, findings: readonly Finding[], added: Parameters<typeof addedLineIndex>[0]): Promise<Map<Finding, number | null>> {
  const texts = new Map<string, string | null>();
  for (const path of new Set(findings.filter((f) => f.commit && f.commit !== head && f.category !== "policy").map((f) => f.path))) {
    // Absent at the head (deleted, renamed): git show fails, and the findings are gone there.
    texts.set(path, (await git.tryRun(["show", `${head}:${path}`])) ?? null);
  }
  return locateAtHead(findings, head, { text: (path) => texts.get(path), addedLine: addedLineIndex(added) });
}

async function scanAndReport(env: NodeJS.ProcessEnv): Promise<void> {
  const context = await readContext(env);
  const inputs = readActionInputs(env);
  const plan: ScanPlan = planScan(context.eventName, context.payload, inputs, context.sha);
  if (plan.kind === "nothing") {
    core.info(`claude-guard: ${plan.reason}`);
    setOutputs({ ...ZERO_OUTPUTS });
    await writeSummary(`## claude-guard\n\nNothing to scan: ${plan.reason}.\n`);
    return;
  }

  const git = await openRepository(context.workspace);
  let base = plan.kind === "range" ? plan.base : undefined;
  if (plan.kind === "new-branch") base = await defaultBranchTip(git, plan.defaultBranch);
  const history = await ensureHistory(
    git,
    { ...(base ? { base } : {}), head: plan.head, ...(plan.kind === "range" && plan.commitCount !== undefined ? { commitCount: plan.commitCount } : {}) },
    (line) => core.info(line),
  );
  const head = history.head;
  base = history.base;

  const { inputs: scanInputs, source } = await readScanInputs(git, context, inputs, base, head);
  // The audit key is a secret like any other: masked before anything can print it.
  if (inputs.auditHmacKey) core.setSecret(inputs.auditHmacKey);
  if (inputs.auditToken) core.setSecret(inputs.auditToken);
  const setup = prepareScan(scanInputs);
  for (const warning of setup.warnings) core.warning(`claude-guard: ${warning}`);
  const failOn: FailOn = inputs.failOn ?? setup.config.failOn;

  // Secrets are masked while their lines are in memory; Claude's commits are kept for the audit record.
  const masker = new SecretMasker((value) => core.setSecret(value));
  const claudeChanges: CommitChange[] = [];
  // The added lines that hold findings, to place them at the head (annotations can only sit there).
  const findingLines: Array<{ commit: string; files: AddedLines[] }> = [];
  const branch = "branch" in plan ? plan.branch : undefined;
  const result = await scanGit(setup, {
    repo: context.workspace,
    range: base ? `${base}..${head}` : head,
    all: false,
    authors: inputs.authors,
    ...(branch ? { branch } : {}),
    // The policy checks below read the agent configuration: which of Claude's commits change it is read
    // off the diffs this scan parses, as `scan --git` does (no git call of its own).
    prefetchAgentFiles: true,
    onFindings: (file, findings, change) => {
      const indexOf = lineIndex(file.lineNumbers);
      const lines = linesOf(file);
      masker.add(file, findings, { lines, indexOf });
      const at = findings.map((f) => indexOf(f.line)).filter((i) => i >= 0);
      findingLines.push({ commit: change.commit.sha, files: [addedLinesOf(file.path, at.map((i) => lines[i] as string), at.map((i) => file.lineNumbers[i] as number))] });
    },
    onCommit: (change: CommitChange, authorship: AuthorshipVerdict) => {
      if (authorship.isClaude) claudeChanges.push(change);
    },
  });

  // The policy checks, as `claude-guard scan --git` runs them on a clone: skills, tool permissions and
  // drift of the agent configuration, content classification. The classification: the custom property
  // (read with github-token), else the config, else the payload's visibility.
  const api = inputs.githubToken && context.owner && context.repo ? restGitHubClient({ apiUrl: context.apiUrl, token: inputs.githubToken, userAgent: USER_AGENT }) : undefined;
  const resolved = await actionClassification({
    ...(api ? { gh: api } : {}),
    owner: context.owner,
    repo: context.repo,
    payload: context.payload,
    setup,
    ...(scanInputs.configFile ? { configFile: scanInputs.configFile } : {}),
  });
  const classification = resolved.classification;
  const policy = await actionPolicy({
    workspace: context.workspace,
    setup,
    ...(scanInputs.configFile ? { configFile: scanInputs.configFile } : {}),
    classification,
    findings: result.scan.findings,
    changes: result.scan.scanned,
    headRevision: head,
    claudeChanges: result.claudeChanges,
    ...(result.agentFiles ? { agentFiles: result.agentFiles } : {}),
    repository: `${context.owner}/${context.repo}`,
  });
  const configErrors = [...setup.errors, ...policy.problems];

  const report: ScanReport = {
    version: 1,
    tool: { name: "claude-guard", version: toolVersion() },
    scanned: {
      files: result.scan.files,
      bytes: result.scan.bytes,
      commits: result.commits,
      claudeCommits: result.claudeCommits,
      skipped: result.scan.skipped,
      ...(result.incomplete.length > 0 ? { incomplete: result.incomplete } : {}),
    },
    findings: [...result.scan.findings, ...policy.findings],
    commits: result.scannedCommits,
  };
  const notes = [
    `Scanned ${plan.description}${inputs.authors === "all" ? ", every commit" : ""}.`,
    ...history.notes,
    `Config: ${source}.`,
    ...resolved.notes,
    ...policy.notes.map((n) => `Agent configuration at an earlier commit: ${n}`),
    ...suppressionNotes(setup, result.scan),
  ];
  const sarifFile = path.resolve(context.workspace, inputs.sarifFile ?? path.join(context.tempDir, "claude-guard.sarif"));
  const rendered: CheckRunOutput = renderCheckRun({
    report,
    rules: setup.metas,
    failOn,
    configErrors,
    notes,
    ...(classification ? { classification } : {}),
    repository: { owner: context.owner, repo: context.repo, headSha: head, serverUrl: context.serverUrl },
    headLines: await headLinesOf(git, head, report.findings, findingLines),
    ...(context.docsUrl ? { docsUrl: context.docsUrl } : {}),
    everyFindingIn: `Every finding is in the SARIF file \`${sarifFile}\` (output \`sarif-file\`)`,
  });

  await mkdir(path.dirname(sarifFile), { recursive: true });
  await writeFile(sarifFile, renderSarif(report, setup.metas) + "\n");

  // The check run goes through the same publisher as the App's (src/github/check-runs.ts).
  let published: PublishResult | undefined;
  if (api) {
    published = await publishCheckRun(
      api,
      { owner: context.owner, repo: context.repo },
      head,
      rendered,
      context.runId !== "local" ? { detailsUrl: `${context.serverUrl.replace(/\/+$/, "")}/${context.owner}/${context.repo}/actions/runs/${context.runId}` } : {},
    );
    if (published.status === "created") core.info(`claude-guard: check run ${published.id} created with ${published.annotations} annotation(s)`);
    else core.warning(`claude-guard: no check run (${published.message}); reporting the findings as workflow annotations instead`);
  }
  let annotated = 0;
  if (published?.status !== "created") {
    annotated = emitWorkflowAnnotations(rendered.annotations, annotationSink, `the SARIF file ${sarifFile}`);
  }

  // The audit record: counts and keyed hashes, never content. Its team comes from the org's membership,
  // asked with the audit token (an App installation token can read it) or else the workflow's token.
  const key = auditKey(env, inputs.auditHmacKey);
  const auditApi = inputs.auditToken && context.owner ? restGitHubClient({ apiUrl: context.apiUrl, token: inputs.auditToken, userAgent: USER_AGENT }) : undefined;
  const teamApi = auditApi ?? api;
  const team = teamApi && context.actor && context.owner ? await recordTeam(teamApi, setup.config, context.owner, context.actor) : undefined;
  const record = actionAuditRecord({
    timestamp: new Date().toISOString(),
    runId: context.runId,
    ...(context.runAttempt ? { runAttempt: context.runAttempt } : {}),
    repository: { owner: context.owner, name: context.repo },
    classification,
    ...(context.actor ? { user: context.actor } : {}),
    ...(team ? { team } : {}),
    change: plan.kind === "range" && plan.pullRequest !== undefined ? { type: "pull_request", number: plan.pullRequest } : { type: "push", ref: context.ref ?? branch ?? head },
    headSha: head,
    changes: claudeChanges,
    claudeCommits: result.claudeCommits,
    findings: report.findings,
    failOn,
    configErrorCount: configErrors.length,
    piiScanRan: setup.metas.some((m) => m.category === "pii"),
    skillPolicyRan: Object.keys(setup.config.skills).length > 0 || report.findings.some((f) => f.category === "policy"),
    contentPaths: setup.config.content.paths,
    hmacKey: key.key,
    tool: { name: "claude-guard", version: toolVersion() },
  });
  const auditFile = path.join(context.tempDir, "claude-guard-audit.json");
  await writeFile(auditFile, auditFileText(record, key));
  let auditNote: string | undefined;
  if (auditApi) {
    const appended = await appendToAuditIssue(auditApi, context.owner, record, key, context.serverUrl);
    auditNote = appended.note;
    if (appended.status === "failed" || appended.status === "refused") core.warning(`claude-guard: ${appended.note.replace(/\*\*/g, "")}`);
    else core.info(`claude-guard: ${appended.note}`);
  }

  await writeSummary(jobSummaryMarkdown({ rendered, ...(published ? { published } : {}), sarifFile, annotated, auditSection: auditMarkdown(record, auditFile, key, auditNote) }));

  setOutputs({
    findings: report.findings.length,
    secrets: count(report, "secret"),
    placeholders: count(report, "placeholder"),
    "policy-violations": report.findings.filter((f) => f.category === "policy" && f.severity !== "low").length,
    "claude-commits": result.claudeCommits,
    "sarif-file": sarifFile,
    "audit-file": auditFile,
  });

  const failing = report.findings.filter((f) => isFailing(f, failOn)).length;
  core.info(
    `claude-guard: ${result.claudeCommits} Claude-authored commit(s) of ${result.commits}; ${result.scan.files} file(s) scanned; ` +
      `${report.findings.length} finding(s), ${failing} at or above fail-on ${failOn}; ${masker.count} value(s) masked in the logs`,
  );
  if (configErrors.length > 0) {
    core.setFailed(`claude-guard: the configuration has ${configErrors.length} error(s):\n${configErrors.join("\n")}`);
  } else if (failing > 0) {
    core.setFailed(`claude-guard: ${failing} finding(s) at or above fail-on ${failOn}: ${rendered.title}. See the job summary.`);
  }
}

/** The step's entry (src/index.ts calls it): any error fails the step with a message meant for people. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await scanAndReport(env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await writeSummary(`## claude-guard could not scan\n\n${codeBlock(message)}\n`);
    core.setFailed(`claude-guard: ${message}`);
  }
}
