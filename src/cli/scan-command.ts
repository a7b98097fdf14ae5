/** `claude-guard scan`: a tree, stdin, the staged changes or the git history, then the policy checks and the report. */
import { appendAll } from "../core/collections.js";
import { statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { renderSarif, renderText, writeJson } from "../core/report/index.js";
import { suppressionNotes, type ChangeScan } from "../core/scan-change.js";
import { prepareScan } from "../core/setup.js";
import { isFailing, type FailOn, type ScanReport } from "../core/types.js";
import { localPolicy, repositoryLabel, type LocalPolicyInput } from "../git/local-policy.js";
import { hasOwnSettings, readWorkingTreeScanInputs } from "../git/scan-inputs.js";
import { openRepositoryForScan, scanGit } from "../git/scan-git.js";
import { gitIgnoredPaths } from "../git/ignored.js";
import { scanStaged } from "../git/staged.js";
import type { ScanCommand } from "./args.js";
import { findRepositoryRoot } from "./init.js";
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, writeOutputFile, type CliIO } from "./io.js";
import { scanPaths } from "./parallel.js";
import { emptyResult, scanFileBytes } from "./file-scan.js";
import { readBounded } from "./stdin.js";
import { readBaselineFile, writeBaselineFile } from "./baseline.js";
import { splitBaselined } from "../core/baseline.js";
import { DEFAULT_MAX_FILE_BYTES, skipReasonForPath } from "../core/detect/skip.js";
import { reportAgentProblems } from "./policy.js";
import { toolVersion } from "../version.js";
import { readPrebuiltPrefilter } from "./prebuilt.js";

export async function runScan(cmd: ScanCommand, io: CliIO): Promise<number> {
  // Paths in the report (and so fingerprints) are relative to the scan root: the repository with
  // --git, the folder when one folder is scanned, else the working directory.
  // With --staged, the repository's top: staged paths are relative to it.
  const first = resolve(io.cwd, cmd.git || cmd.staged ? (cmd.repo ?? ".") : (cmd.paths[0] ?? "."));
  const firstIsDirectory = statSync(first, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const scanRoot = cmd.staged ? findRepositoryRoot(first) : cmd.git || (cmd.paths.length === 1 && firstIsDirectory) ? first : cmd.paths.length === 1 ? dirname(first) : io.cwd;
  const root = cmd.git || cmd.staged || hasOwnSettings(scanRoot) ? scanRoot : findRepositoryRoot(scanRoot);
  // Started first: git answers while the scan runs (the policy names the repository in its findings).
  const repository = repositoryLabel(scanRoot);
  // A history scan's first git calls (the repository's check, the range's ends) run while the rules are
  // compiled (prepareScan, synchronous): one turn of the event loop lets simple-git start them. A config
  // error stops the scan before it is awaited.
  const history = { repo: scanRoot, ...(cmd.range !== undefined ? { range: cmd.range } : {}), all: cmd.all };
  const opening = cmd.git ? openRepositoryForScan(history) : undefined;
  // A tree scan's .gitignore listing (inside a work tree, what git ignores is left out: build output,
  // dependencies, local files) is asked for as early, for the same reason.
  const fromStdin = cmd.paths.length === 1 && cmd.paths[0] === "-" && !cmd.git && !cmd.staged;
  const ignoring = !fromStdin && !cmd.git && !cmd.staged && cmd.gitignore ? gitIgnoredPaths(scanRoot) : undefined;
  for (const started of [opening, ignoring]) started?.catch(() => undefined);
  if (opening || ignoring) await new Promise((next) => setImmediate(next));
  const prebuiltPrefilter = readPrebuiltPrefilter();
  const inputs = { ...readWorkingTreeScanInputs(root, cmd.config, io.cwd), ...(prebuiltPrefilter ? { prebuiltPrefilter } : {}) };
  const setup = prepareScan(inputs);
  if (setup.errors.length > 0) {
    for (const warning of setup.warnings) io.stderr.write(`claude-guard: warning: ${warning}\n`);
    io.stderr.write(`claude-guard: the configuration has ${setup.errors.length} error(s); nothing was scanned:\n${setup.errors.map((e) => `  ${e}\n`).join("")}`);
    return EXIT_ERROR;
  }
  const failOn: FailOn = cmd.failOn ?? setup.config.failOn;
  // Read before the scan: a baseline that cannot be used stops it at once.
  const baseline = cmd.baseline !== undefined ? readBaselineFile(io.cwd, cmd.baseline) : undefined;
  const report: ScanReport = {
    version: 1,
    tool: { name: "claude-guard", version: toolVersion() },
    scanned: { files: 0, bytes: 0, commits: 0, claudeCommits: 0, skipped: [] },
    findings: [],
  };
  // What the policy checks need from the scan: the changes scanned, and with --git the commits.
  let changes: LocalPolicyInput["changes"] = [];
  let gitPolicy: LocalPolicyInput["git"];
  let suppression: Pick<ChangeScan, "suppressed" | "legacyIgnored"> = { suppressed: 0, legacyIgnored: [] };

  if (fromStdin) {
    if (!io.stdin || io.stdin.isTTY) throw new Error("scan - reads the text to scan from stdin, and stdin is a terminal: pipe it in (for example: cat file | claude-guard scan - --stdin-name file)");
    const bytes = await readBounded(io.stdin, DEFAULT_MAX_FILE_BYTES);
    // Named from the repository's root, as a tree scan there names the file: path rules and fingerprints match.
    const named = cmd.stdinName === undefined ? "stdin" : relative(root, resolve(io.cwd, cmd.stdinName)).split(sep).join("/");
    const path = cmd.stdinName === undefined || named.startsWith("../") || isAbsolute(named) ? (cmd.stdinName ?? "stdin") : named;
    const result = emptyResult();
    const skip = skipReasonForPath(path);
    if (setup.isIgnoredPath(path)) result.skipped.push({ path, reason: "ignored", detail: setup.ignoredPathDetail(path) });
    else if (skip) result.skipped.push({ path, reason: skip });
    else scanFileBytes(setup, path, bytes, result);
    report.scanned = { files: result.files, bytes: result.bytes, commits: 0, claudeCommits: 0, skipped: result.skipped };
    report.findings = result.findings;
    suppression = result;
    changes = result.files > 0 ? [{ path, firstLine: 1 }] : [];
  } else if (cmd.staged) {
    const result = await scanStaged(setup, scanRoot);
    report.scanned = { files: result.scan.files, bytes: result.scan.bytes, commits: 0, claudeCommits: 0, skipped: result.scan.skipped };
    report.findings = result.scan.findings;
    suppression = result.scan;
    changes = result.scan.scanned;
  } else if (cmd.git) {
    const progress = cmd.progress && io.stderr.isTTY ? progressPrinter(io) : undefined;
    const result = await scanGit(setup, {
      ...history,
      ...(opening ? { opening } : {}),
      authors: cmd.authors,
      ...(cmd.window ? { window: cmd.window } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      prefetchAgentFiles: true,
    });
    progress?.done();
    report.scanned = { files: result.scan.files, bytes: result.scan.bytes, commits: result.commits, claudeCommits: result.claudeCommits, skipped: result.scan.skipped };
    // Named in the summary (and the JSON) only when other agents wrote some of the commits read.
    if (Object.keys(result.otherAgents).length > 0) report.scanned.otherAgents = result.otherAgents;
    if (result.incomplete.length > 0) report.scanned.incomplete = result.incomplete;
    report.findings = result.scan.findings;
    report.commits = result.scannedCommits;
    suppression = result.scan;
    changes = result.scan.scanned;
    if (result.headRevision) gitPolicy = { headRevision: result.headRevision, claudeCommits: result.claudeChanges, ...(result.agentFiles ? { agentFiles: result.agentFiles } : {}) };
  } else {
    const ignored = await ignoring;
    const exclusion = ignored ? { isExcluded: ignored.isIgnored, detail: ".gitignore" } : undefined;
    const listed = await scanPaths(setup, inputs, cmd.paths.map((p) => resolve(io.cwd, p)), scanRoot, firstIsDirectory, exclusion);
    const result = listed.result;
    report.scanned = { files: result.files, bytes: result.bytes, commits: 0, claudeCommits: 0, skipped: [...listed.skipped, ...result.skipped] };
    suppression = result;
    report.findings = result.findings;
    const notRead = new Set(result.skipped.map((s) => s.path));
    changes = listed.files.filter((f) => !notRead.has(f.path)).map((f) => ({ path: f.path, firstLine: 1 }));
  }

  // Policy: skills, tool permissions and drift of the agent configuration, content classification.
  // A plain scan judges the working tree's agent configuration when it scans the repository's root.
  const policy = await localPolicy({
    root: scanRoot,
    repository,
    setup,
    ...(inputs.configFile ? { configFile: inputs.configFile } : {}),
    ...(cmd.classification ? { classificationFlag: cmd.classification } : {}),
    findings: report.findings,
    changes,
    ...(gitPolicy ? { git: gitPolicy } : {}),
    workingTree: !cmd.git && scanRoot === root && cmd.paths.some((p) => resolve(io.cwd, p) === scanRoot),
  });
  appendAll(report.findings, policy.result.findings);
  report.scanned.suppressed = suppression.suppressed;
  if (cmd.record) return writeBaselineFile(cmd.record, report.findings, new Set(changes.map((c) => c.path)), root, io);
  if (baseline) {
    const split = splitBaselined(report.findings, baseline);
    report.findings = split.fresh;
    report.baselined = split.baselined;
    report.scanned.baselined = split.baselined.length;
  }

  const color = cmd.output === undefined && (cmd.color ?? (Boolean(io.stdout.isTTY) && io.env["NO_COLOR"] === undefined));
  if (cmd.format === "json") {
    // Written as it is rendered, to the file or stdout: a report of many findings is megabytes (json.ts writeJson).
    const render = (write: (piece: string) => void) => writeJson(report, policy.classification, write);
    if (cmd.output !== undefined) await writeOutputFile(resolve(io.cwd, cmd.output), render);
    else render((piece) => io.stdout.write(piece));
  } else {
    const rendered = cmd.format === "sarif" ? renderSarif(report, setup.metas) : renderText(report, { color, rules: setup.metas, detail: cmd.detail, ...(cmd.git ? { authors: cmd.authors } : {}) });
    if (cmd.output !== undefined) {
      await writeOutputFile(resolve(io.cwd, cmd.output), rendered.endsWith("\n") ? rendered : rendered + "\n");
    } else {
      io.stdout.write(rendered.endsWith("\n") ? rendered : rendered + "\n");
    }
  }
  // What was suppressed and what the ignore file should change: the notes every door gives.
  for (const note of suppressionNotes(setup, suppression)) io.stderr.write(`claude-guard: note: ${note}\n`);
  // Problems in the agent configuration are reported like config errors: the policy could not judge it.
  if (reportAgentProblems(io, policy)) return EXIT_ERROR;
  return report.findings.some((f) => isFailing(f, failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A one-line progress indicator on stderr for long history scans (only on a terminal). */
function progressPrinter(io: CliIO) {
  let last = 0;
  let shown = false;
  return {
    update: (done: number, total: number) => {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[2Kclaude-guard: reading commits ${done}/${total}`);
    },
    done: () => {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
