/**
 * The App's policy checks (skills, permissions, drift, content classification): it reads what the core's policy needs through the REST API and
 * hands it to evaluateRepositoryPolicy, the same function the CLI and the Action call.
 *
 * What is read, and only when the scan has Claude-authored commits (a change without any is not judged):
 * - the agent configuration at the head SHA (skills, permissions, MCP servers), through
 *   src/github/agent-files.ts: 1 request when the repository has neither `.claude/` nor `.mcp.json`,
 *   else 2 + one per file;
 * - for each Claude commit whose file list touches `.claude/**` or `.mcp.json`: the same at the commit
 *   and at its parent, for drift (trees and blobs already read are not read again);
 * - team memberships, only for logins that used a skill whose policy names teams: one request per
 *   (login, team), memoized (src/github/teams.ts).
 */
import type { GuardConfig } from "../core/config/config.js";
import {
  evaluateRepositoryPolicy,
  isAgentConfigPath,
  membershipQuestions,
  readAgentConfig,
  usedSkillsOf,
  type ClaudeCommitInput,
  type ResolvedClassification,
  type ScannedChange,
} from "../core/policy/index.js";
import type { AuthorshipVerdict, CommitChange, Finding } from "../core/types.js";
import { githubAgentFiles } from "../github/agent-files.js";
import { describeApiError, type GitHubClient } from "../github/client.js";
import { teamRef, type TeamMembershipLookup } from "../github/teams.js";

interface PolicyInput {
  gh: GitHubClient;
  owner: string;
  repo: string;
  headSha: string;
  config: GuardConfig;
  classification: ResolvedClassification;
  /** The Claude-authored commits with the lines they added, and why each was attributed. */
  changes: Array<{ change: CommitChange; authorship: AuthorshipVerdict }>;
  /** Every file x commit the scanner read, and its findings (for content classification). */
  scannedChanges: ScannedChange[];
  findings: readonly Finding[];
  /** Who opened the pull request or pushed: the person behind a commit without a GitHub login. */
  actor?: string;
  isTeamMember: TeamMembershipLookup;
}

interface PolicyOutput {
  findings: Finding[];
  /** Agent-configuration problems at the head, as `path:line: message`: they fail the check like config errors. */
  problems: string[];
  notes: string[];
}

export async function evaluatePolicy(input: PolicyInput): Promise<PolicyOutput> {
  const notes: string[] = [];
  if (input.changes.length === 0) return { findings: [], problems: [], notes };
  const reader = githubAgentFiles(input.gh, { owner: input.owner, repo: input.repo });
  const headAgentFiles = await reader.filesAt(input.headSha);

  // Every drift read requested at once (the reader caches trees and blobs by id, and the client bounds
  // how many requests run together): one commit at a time, a pull request whose commits each changed the
  // settings waited for two or three requests in turn per commit.
  const drift = input.changes.map(({ change }) => {
    const commit = change.commit;
    const touched = [...change.files.map((f) => f.path), ...change.skipped.map((s) => s.path)].some(isAgentConfigPath);
    if (!touched || (commit.parents?.length ?? 0) > 1) return undefined;
    const parent = commit.parents?.[0];
    return Promise.all([parent ? reader.filesAt(parent) : new Map<string, string>(), commit.sha === input.headSha ? headAgentFiles : reader.filesAt(commit.sha)]);
  });
  // Settled before any is awaited: a failed read is thrown below, in order, never left unhandled.
  await Promise.allSettled(drift);
  const claudeCommits: ClaudeCommitInput[] = [];
  for (const [i, { change }] of input.changes.entries()) {
    const commit = change.commit;
    const entry: ClaudeCommitInput = { commit };
    const login = commit.author.login ?? input.actor;
    if (login) entry.login = login;
    const first = change.files.find((f) => f.lineNumbers.length > 0);
    if (first) entry.firstFile = { path: first.path, line: first.lineNumbers[0] ?? 1 };
    const files = await drift[i];
    if (files) entry.agentFiles = { before: files[0], after: files[1] };
    claudeCommits.push(entry);
  }

  // Team membership: only what the skills policy will ask about.
  const teamsByLogin = new Map<string, string[] | undefined>();
  const questions = membershipQuestions(input.config, readAgentConfig(headAgentFiles).config, usedSkillsOf(claudeCommits));
  for (const [login, teams] of questions) {
    const member: string[] = [];
    try {
      for (const team of teams) {
        const { org, slug } = teamRef(team, input.owner);
        if (await input.isTeamMember(org, slug, login)) member.push(team);
      }
      teamsByLogin.set(login, member);
    } catch (error) {
      // No "members: read" permission, or GitHub failing: the policy says membership is unknown.
      teamsByLogin.set(login, undefined);
      notes.push(`Team membership of @${login} could not be read (${describeApiError(error)}).`);
    }
  }

  const result = evaluateRepositoryPolicy({
    repository: `${input.owner}/${input.repo}`,
    config: input.config,
    classification: input.classification,
    headAgentFiles,
    claudeCommits,
    changes: input.scannedChanges,
    findings: input.findings,
    teamsOf: (login) => teamsByLogin.get(login),
    door: "app",
  });
  // Sorted: the reads ran together, and their notes came in the order they finished.
  notes.push(...[...new Set(reader.notes)].sort());
  for (const p of result.historyProblems) notes.push(`${p.path}${p.line !== undefined ? `:${p.line}` : ""} at ${p.commit.slice(0, 7)}: ${p.message}`);
  const problems = result.problems.map((p) => `${p.path}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message} (agent configuration at ${input.headSha.slice(0, 7)})`);
  return { findings: result.findings, problems, notes };
}
