/**
 * The policy checks on a local clone, for `claude-guard scan`, `claude-guard policy` and the Action:
 * the classification with no GitHub at hand (a flag, else the config, else `internal`), the agent
 * configuration (the working tree for a plain scan, the commits for a history scan), and the core's
 * evaluateRepositoryPolicy. The decisions are the core's (src/core/policy); this file reads.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Classification } from "../core/config/config.js";
import {
  evaluateRepositoryPolicy,
  resolveClassification,
  type AgentConfigProblem,
  type ClaudeCommitInput,
  type RepositoryPolicyResult,
  type ResolvedClassification,
  type ScannedChange,
} from "../core/policy/index.js";
import type { ScanSetup } from "../core/setup.js";
import type { CommitInfo, Finding } from "../core/types.js";
import { agentFileReader, type AgentFileReader } from "./agent-files.js";
import { mayBeInRepository, uncheckedRepository } from "./git-runner.js";

const AGENT_FILE_LIMIT = 1024 * 1024;

/** `.claude/**` and `.mcp.json` of a folder as they are on disk (symbolic links are not followed). */
function readWorkingTreeAgentFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = (absolute: string, path: string) => {
    const stat = lstatSync(absolute, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > AGENT_FILE_LIMIT) return;
    try {
      files.set(path, readFileSync(absolute, "utf8"));
    } catch {
      // Unreadable: as if absent (the scan itself reports unreadable files).
    }
  };
  add(join(root, ".mcp.json"), ".mcp.json");
  const walk = (dir: string, prefix: string, depth: number) => {
    if (depth > 12) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(absolute, path, depth + 1);
      else if (entry.isFile()) add(absolute, path);
    }
  };
  walk(join(root, ".claude"), ".claude", 0);
  return files;
}

/**
 * The person behind a commit, offline: the login of a GitHub noreply address (`123+octocat@users.noreply…`),
 * else the email's local part, else the author's name.
 */
export function localLogin(author: CommitInfo["author"]): string | undefined {
  if (author.login) return author.login;
  const noreply = /^(?:\d+\+)?([A-Za-z0-9-]+)@users\.noreply\.github\.com$/i.exec(author.email);
  if (noreply) return noreply[1];
  const local = author.email.split("@", 1)[0]?.trim();
  return local || author.name.trim() || undefined;
}

/** `owner/name` from the `origin` remote when it is a GitHub-style URL, else the folder's name. */
export async function repositoryLabel(root: string): Promise<string> {
  try {
    // Not opened first: outside a repository this call fails too, and one git process is enough.
    if (!mayBeInRepository(root, { bare: true })) return basename(resolve(root));
    const url = (await uncheckedRepository(root).tryRun(["remote", "get-url", "origin"]))?.trim();
    const match = url ? /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) : null;
    if (match) return `${match[1]}/${match[2]}`;
  } catch {
    // Not a repository: the folder's name.
  }
  return basename(resolve(root));
}

function localClassification(setup: ScanSetup, flag: Classification | undefined, configFile: string | undefined): { classification: ResolvedClassification; problems: string[] } {
  const resolved = resolveClassification({
    propertyName: setup.config.classificationProperty,
    ...(flag ? { cliValue: flag } : {}),
    ...(setup.config.classification ? { configValue: setup.config.classification } : {}),
    ...(configFile ? { configFile } : {}),
    defaultSource: "--classification flag and no classification in the config",
  });
  return resolved;
}

export interface LocalPolicyInput {
  root: string;
  setup: ScanSetup;
  configFile?: string;
  classificationFlag?: Classification;
  findings: readonly Finding[];
  changes: readonly ScannedChange[];
  /** `scan --git`: the range's head and the Claude-authored commits read. */
  git?: {
    headRevision: string;
    claudeCommits: Array<{ commit: CommitInfo; firstFile?: { path: string; line: number } }>;
    /** The scan's reader of the agent files, its reads already under way (scanGit's `prefetchAgentFiles`). */
    agentFiles?: AgentFileReader;
  };
  /** Plain scan: judge the agent configuration of the working tree. */
  workingTree: boolean;
  /**
   * `owner/name` when the caller knows it (the Action: GITHUB_REPOSITORY), or the caller's own
   * repositoryLabel started early; else read from the `origin` remote here.
   */
  repository?: string | Promise<string>;
}

export interface LocalPolicyOutput {
  classification: ResolvedClassification;
  /** Classification values that were not used (never silently). */
  notes: string[];
  result: RepositoryPolicyResult;
}

/** Every policy finding of a scan of a local clone, and the agent-configuration problems (they fail it). */
export async function localPolicy(input: LocalPolicyInput): Promise<LocalPolicyOutput> {
  const { classification, problems: notes } = localClassification(input.setup, input.classificationFlag, input.configFile);
  // Started now: git answers while the agent files are read.
  const repository = input.repository ?? repositoryLabel(input.root);
  let headAgentFiles: Map<string, string> | undefined;
  const claudeCommits: ClaudeCommitInput[] = [];
  if (input.workingTree) headAgentFiles = readWorkingTreeAgentFiles(input.root);
  if (input.git && input.git.claudeCommits.length > 0) {
    // The history scan that gave these commits has checked the repository: no need to again.
    const reader = input.git.agentFiles ?? agentFileReader(uncheckedRepository(input.root));
    // Judged only when Claude worked here: a range without Claude's commits has nothing to judge.
    const single = input.git.claudeCommits.filter((c) => (c.commit.parents?.length ?? 0) <= 1);
    const [head, touching] = await Promise.all([reader.filesAt(input.git.headRevision), reader.touchingCommits(single.map((c) => c.commit.sha))]);
    headAgentFiles = head;
    // Every commit's files and its parent's asked for at once: the reader reads them together (a few git
    // processes for all, where one commit at a time took a few each).
    const drift = input.git.claudeCommits.map(({ commit }) => {
      if (!touching.has(commit.sha)) return undefined;
      const parent = commit.parents?.[0];
      return Promise.all([parent ? reader.filesAt(parent) : new Map<string, string>(), reader.filesAt(commit.sha)]);
    });
    for (const [i, { commit, firstFile }] of input.git.claudeCommits.entries()) {
      const entry: ClaudeCommitInput = { commit };
      const login = localLogin(commit.author);
      if (login) entry.login = login;
      if (firstFile) entry.firstFile = firstFile;
      const files = await drift[i];
      if (files) entry.agentFiles = { before: files[0], after: files[1] };
      claudeCommits.push(entry);
    }
  }
  const result = evaluateRepositoryPolicy({
    repository: await repository,
    config: input.setup.config,
    classification,
    ...(headAgentFiles ? { headAgentFiles } : {}),
    claudeCommits,
    changes: input.changes,
    findings: input.findings,
    teamsOf: () => undefined,
    door: "cli",
  });
  return { classification, notes, result };
}

export function formatProblem(problem: AgentConfigProblem & { commit?: string }): string {
  return `${problem.path}${problem.line !== undefined ? `:${problem.line}` : ""}: ${problem.message}${problem.commit ? ` (at commit ${problem.commit.slice(0, 12)})` : ""}`;
}
