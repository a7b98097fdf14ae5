/**
 * Every policy check of one scan, in one place, so that the CLI, the App and the Action give the same
 * findings for the same change: skills and tool permissions at the head (evaluateAgentPolicy), skills
 * used by Claude's commits (`Claude-Skill:` trailers), agent configuration drift per Claude commit that
 * touched `.claude/**` or `.mcp.json` (detectAgentDrift), content classification per scanned change and
 * business hours (content.ts). Pure: the doors read the files and the memberships and pass them in.
 */
import { appendAll } from "../collections.js";
import type { GuardConfig } from "../config/config.js";
import type { CommitInfo, Finding } from "../types.js";
import { emptyAgentConfig, readAgentConfig, skillsFromTrailers, type AgentConfig, type AgentConfigProblem } from "./agent-config.js";
import type { ResolvedClassification } from "./classification.js";
import { businessHoursFindings, contentAboveFindings, type ScannedChange } from "./content.js";
import { detectAgentDrift } from "./drift.js";
import { evaluateAgentPolicy, matchSkillPattern, withDefaultPermissions, type SkillUse } from "./skills-policy.js";

/** Paths whose change makes a commit worth a drift check (the root `.claude` folder and `.mcp.json`). */
export function isAgentConfigPath(path: string): boolean {
  return path === ".mcp.json" || path.startsWith(".claude/");
}

export interface ClaudeCommitInput {
  commit: CommitInfo;
  /** The person behind the commit: its GitHub author login, else the PR's author, else (CLI) a local name. */
  login?: string;
  /** Only for a commit that touched agent configuration: the agent files at its first parent and at it. */
  agentFiles?: { before: ReadonlyMap<string, string>; after: ReadonlyMap<string, string> };
  /** The first file (and line) the commit added lines to: where a note about the commit as a whole points. */
  firstFile?: { path: string; line: number };
}

export interface RepositoryPolicyInput {
  /** `owner/name` (or the folder's name in the CLI), for messages. */
  repository: string;
  config: GuardConfig;
  classification: ResolvedClassification;
  /** The agent files at the head (the working tree for a plain scan); undefined: not read (no finding about them). */
  headAgentFiles?: ReadonlyMap<string, string>;
  claudeCommits: readonly ClaudeCommitInput[];
  /** Every scanned change (file x commit) and the scanner's findings, for content classification. */
  changes: readonly ScannedChange[];
  findings: readonly Finding[];
  /**
   * Team slugs of a login. `cli`: nothing is known (membership cannot be checked offline); `app`: the
   * answer lists the teams of the policy the login is a member of, undefined when GitHub would not say.
   */
  teamsOf: (login: string) => string[] | undefined;
  door: "cli" | "app";
}

export interface RepositoryPolicyResult {
  findings: Finding[];
  /** Problems in the agent configuration at the head: reported like config errors. */
  problems: AgentConfigProblem[];
  /** Problems in agent files at earlier commits (drift was computed from what could be read). */
  historyProblems: Array<AgentConfigProblem & { commit: string }>;
  agentConfig: AgentConfig;
  usedSkills: SkillUse[];
}

export function usedSkillsOf(commits: readonly ClaudeCommitInput[]): SkillUse[] {
  return commits.flatMap(({ commit, login }) => skillsFromTrailers(commit.message).map((skill) => ({ skill, commit: commit.sha, ...(login ? { login } : {}) })));
}

/**
 * Which memberships the skills policy will ask about: login -> team slugs (as written in the config).
 * The App reads exactly these, so that it sends no request the policy does not need.
 */
export function membershipQuestions(config: GuardConfig, agentConfig: AgentConfig, usedSkills: readonly SkillUse[]): Map<string, Set<string>> {
  const questions = new Map<string, Set<string>>();
  const items = [...agentConfig.skills, ...agentConfig.commands];
  for (const use of usedSkills) {
    if (!use.login) continue;
    const lower = use.skill.toLowerCase();
    const installed = items.find((i) => i.aliases.some((a) => a.toLowerCase() === lower));
    for (const id of installed ? [use.skill, ...installed.aliases] : [use.skill]) {
      const teams = matchSkillPattern(id, config.skills)?.policy.teams;
      if (!teams?.length) continue;
      const set = questions.get(use.login) ?? new Set<string>();
      for (const team of teams) set.add(team);
      questions.set(use.login, set);
    }
  }
  return questions;
}

/** Rewrites the membership sentences of skill-team findings for what the door could actually check. */
function explainMembership(finding: Finding, door: "cli" | "app"): Finding {
  if (finding.rule !== "skill-team-not-allowed") return finding;
  let message = finding.message;
  if (door === "cli") {
    message = message
      .replace(/team membership could not be read, so this was not verified/, "team membership could not be checked offline (the CLI does not ask GitHub), so this was not verified")
      .replace(/Grant claude-guard read access to the org's members \(the App's "Members: read" permission\), or review who ran it\./, "The claude-guard App checks membership on pull requests; until then, review who ran it.");
  } else {
    // The App asks GitHub about the policy's teams only: "in no team" means "in none of those".
    message = message.replace(/ is in no team \(/, " is not a member of any of them (");
  }
  return message === finding.message ? finding : { ...finding, message };
}

export function evaluateRepositoryPolicy(input: RepositoryPolicyInput): RepositoryPolicyResult {
  const { config, classification } = input;
  const head = input.headAgentFiles ? readAgentConfig(input.headAgentFiles) : { config: emptyAgentConfig(), problems: [] };
  const usedSkills = usedSkillsOf(input.claudeCommits);
  const findings: Finding[] = [];

  // Skills, permissions and MCP servers of the head; skills the commits used. A scan without Claude
  // commits and without head files (nothing to judge) gives nothing here.
  if (input.headAgentFiles || usedSkills.length > 0) {
    findings.push(
      ...evaluateAgentPolicy({
        repository: input.repository,
        classification: classification.value,
        skillsPolicy: config.skills,
        permissionsPolicy: withDefaultPermissions(config.permissions),
        agentConfig: head.config,
        usedSkills,
        teamsOf: input.teamsOf,
      }).map((f) => explainMembership(f, input.door)),
    );
  }

  // Drift: each Claude commit that touched the agent's configuration, against its parent.
  const historyProblems: RepositoryPolicyResult["historyProblems"] = [];
  for (const { commit, agentFiles } of input.claudeCommits) {
    if (!agentFiles) continue;
    const before = readAgentConfig(agentFiles.before);
    const after = readAgentConfig(agentFiles.after);
    historyProblems.push(...after.problems.map((p) => ({ ...p, commit: commit.sha })));
    findings.push(...detectAgentDrift(before.config, after.config, commit.sha));
  }

  const repository = { name: input.repository, classification: classification.value, source: classification.source };
  appendAll(findings, contentAboveFindings(input.changes, input.findings, config.content.paths, repository));
  findings.push(
    ...businessHoursFindings(
      input.claudeCommits.map((c) => ({ commit: c.commit, ...(c.firstFile ? { path: c.firstFile.path, line: c.firstFile.line } : {}) })),
      config.content.businessHours,
      repository,
    ),
  );

  // One finding per fingerprint and commit (a skill installed and used in the same commit is one finding).
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.fingerprint}\0${f.commit ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
  return { findings: unique, problems: head.problems, historyProblems, agentConfig: head.config, usedSkills };
}
