/**
 * Whether the agent configuration found in a repository, and the skills its commits used, are allowed
 * at the repository's classification. Pure: returns findings of category `policy`.
 *
 * Skill patterns (`skills:` in the config)
 * - A pattern is a glob over skill ids (`deploy/prod`, `code-review`): `*` matches any run of characters,
 *   `/` included, `?` one character; comparison ignores case. A pattern ending in `/*` also matches the
 *   bare prefix, so `deploy/*` governs the skill `deploy` as well as `deploy/prod`.
 * - The most specific pattern wins: a pattern without wildcards beats any glob; among globs the one with
 *   more literal characters wins, then the one with fewer wildcards, then the first in alphabetical
 *   order (so the outcome never depends on the order of keys in the YAML).
 * - A skill answers to its `name` and to its folder path; when the two select different patterns, both
 *   apply (a skill cannot escape `deploy/*` by naming itself `helper`).
 * - A skill no pattern matches is not governed: no finding. Add a `"*"` pattern to govern every skill.
 * - Slash commands (`.claude/commands/`) are governed like skills: Claude Code runs both the same way.
 *
 * Tool permissions (`permissions:` in the config, per classification: `forbid`, `mcpServers`)
 * - A `forbid` entry is a permission rule (`Bash(*)`, `WebFetch`, `Bash(curl:*)`) or a permission mode
 *   name (`bypassPermissions`). An `allow` rule of a settings file, or an `allowed-tools` entry of a skill
 *   or command, violates it when it grants at least what the entry names (see `ruleCovers`):
 *   `Bash(npm run test:*)` does not violate `Bash(*)`, `Bash` does. An allow rule that a `deny` or `ask`
 *   rule fully covers grants nothing and is not reported.
 * - A `defaultMode` (settings) or `permissionMode` (subagent) named in `forbid` is a violation.
 * - `mcpServers`: the approved MCP server names; undefined approves every server. Each server of
 *   `.mcp.json` (unless listed in `disabledMcpjsonServers`) and each name in `enabledMcpjsonServers` that
 *   is not approved is an `mcp-server-not-approved` finding: its own rule id, so that a reviewer (and
 *   `.claude-guard-ignore`) can tell an unapproved integration from a forbidden tool grant.
 * - Subagent `tools` lists only limit what a subagent sees; they pre-approve nothing and are not checked.
 */
import { CONFIG_FILE } from "../files.js";
import { CLASSIFICATIONS, type Classification } from "../config/config.js";
import { fingerprint } from "../report/redact.js";
import type { Finding, Severity } from "../types.js";
import { type AgentConfig, type AgentItem, type Declaration, PERMISSION_MODES, coverIndex, ruleCovers } from "./agent-config.js";

export interface SkillPolicy {
  maxClassification?: Classification;
  /** GitHub team slugs (`platform` or `acme/platform`) whose members may run the skill. */
  teams?: string[];
}
export type SkillsPolicy = Record<string, SkillPolicy>;

export interface ClassificationPermissions {
  /** Permission rules and permission modes that must not be granted. */
  forbid: string[];
  /** Approved MCP server names; undefined approves every server, `[]` approves none. */
  mcpServers?: string[];
}
/** Per classification; a classification without an entry forbids nothing (see `withDefaultPermissions`). */
export type PermissionsPolicy = Partial<Record<Classification, ClassificationPermissions>>;

/**
 * Built-in defaults, used where the config sets nothing for a classification:
 * - every classification forbids `bypassPermissions`: an agent that approves its own tool calls is never
 *   a default an org should inherit silently, even in a public repository (it runs with the developer's
 *   or the runner's credentials);
 * - `confidential` also forbids blanket shell access (`Bash`, `Bash(*)`); narrow rules such as
 *   `Bash(npm run test:*)` remain fine;
 * - `restricted` also forbids blanket web access (`WebFetch`, `WebSearch`: ways out for the data),
 *   the `auto` mode (approval by a model instead of a person), and approves no MCP server.
 */
export const DEFAULT_PERMISSIONS_POLICY: Readonly<Record<Classification, Readonly<ClassificationPermissions>>> = {
  public: { forbid: ["bypassPermissions"] },
  internal: { forbid: ["bypassPermissions"] },
  confidential: { forbid: ["Bash", "Bash(*)", "bypassPermissions"] },
  restricted: { forbid: ["Bash", "Bash(*)", "WebFetch", "WebSearch", "bypassPermissions", "auto"], mcpServers: [] },
};

/**
 * The policy with the defaults filled in: a classification the config sets replaces the default for that
 * classification entirely (lists are not merged, so an org can also relax a default on purpose).
 */
export function withDefaultPermissions(policy: PermissionsPolicy | undefined): Record<Classification, ClassificationPermissions> {
  const out = {} as Record<Classification, ClassificationPermissions>;
  for (const c of CLASSIFICATIONS) {
    const entry = policy?.[c] ?? DEFAULT_PERMISSIONS_POLICY[c];
    out[c] = { forbid: [...entry.forbid], ...(entry.mcpServers ? { mcpServers: [...entry.mcpServers] } : {}) };
  }
  return out;
}

export interface SkillUse {
  skill: string;
  commit?: string;
  /** GitHub login of the commit's author (or of the PR's author). */
  login?: string;
  path?: string;
  line?: number;
}

export interface AgentPolicyInput {
  /** `owner/name`, for messages. */
  repository: string;
  classification: Classification;
  skillsPolicy: SkillsPolicy;
  permissionsPolicy: PermissionsPolicy;
  agentConfig: AgentConfig;
  usedSkills: SkillUse[];
  /** Team slugs of a login; undefined when membership cannot be read (no token, no permission). */
  teamsOf: (login: string) => string[] | undefined;
}

export const POLICY_RULE_TITLES = {
  "skill-above-classification": "Skill not allowed at this repository's classification",
  "skill-team-not-allowed": "Skill run by someone outside the teams allowed to run it",
  "forbidden-tool-permission": "Agent permission forbidden at this repository's classification",
  "mcp-server-not-approved": "MCP server not approved for this repository's classification",
} as const;
type PolicyRuleId = keyof typeof POLICY_RULE_TITLES;

const ORG_CONFIG = `the org's ${CONFIG_FILE}`;

// ---------------------------------------------------------------------------------------------------
// Skill patterns

export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

const hasWildcard = (pattern: string): boolean => /[*?]/.test(pattern);

export function skillPatternMatches(pattern: string, skill: string): boolean {
  const p = pattern.toLowerCase();
  const id = skill.toLowerCase().replace(/^\/+|\/+$/g, "");
  if (!hasWildcard(p)) return p === id;
  const source = p
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  if (new RegExp(`^${source}$`, "s").test(id)) return true;
  // `deploy/*` also names the namespace's own root skill `deploy`.
  const root = /^(.*)\/\*+$/.exec(p);
  return root !== null && !hasWildcard(root[1] as string) && root[1] === id;
}

/** Higher is more specific: see the module comment for the order. */
function compareSpecificity(a: string, b: string): number {
  const key = (p: string) => [hasWildcard(p) ? 0 : 1, p.replace(/[*?]/g, "").length, -(p.match(/[*?]/g)?.length ?? 0)] as const;
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
  return a < b ? 1 : a > b ? -1 : 0; // alphabetical first wins
}

/** The most specific pattern of `policy` that matches `skill`, if any. */
export function matchSkillPattern(skill: string, policy: SkillsPolicy): { pattern: string; policy: SkillPolicy } | undefined {
  let best: string | undefined;
  for (const pattern of Object.keys(policy)) {
    if (skillPatternMatches(pattern, skill) && (best === undefined || compareSpecificity(pattern, best) > 0)) best = pattern;
  }
  return best === undefined ? undefined : { pattern: best, policy: policy[best] as SkillPolicy };
}

/** The patterns that govern an item answering to several ids: the best per id, without repeats. */
function governingPatterns(ids: readonly string[], policy: SkillsPolicy): Array<{ pattern: string; policy: SkillPolicy }> {
  const out: Array<{ pattern: string; policy: SkillPolicy }> = [];
  for (const id of ids) {
    const match = matchSkillPattern(id, policy);
    if (match && !out.some((m) => m.pattern === match.pattern)) out.push(match);
  }
  return out;
}

/** `acme/platform` and `platform` name the same team (claude-guard runs within one org). */
const teamSlug = (team: string): string => team.trim().toLowerCase().replace(/^@/, "").split("/").pop() ?? "";

// ---------------------------------------------------------------------------------------------------
// Evaluation

function isModeName(entry: string): boolean {
  return (PERMISSION_MODES as readonly string[]).includes(entry.trim());
}

const quote = (s: string): string => JSON.stringify(s);

export function evaluateAgentPolicy(input: AgentPolicyInput): Finding[] {
  const { repository, classification, skillsPolicy, agentConfig: config } = input;
  const findings = new Map<string, Finding>();
  const where = `${repository} is classified ${classification}`;

  const add = (rule: PolicyRuleId, severity: Severity, at: Declaration, value: string, redacted: string, message: string, commit?: string) => {
    const id = fingerprint(rule, at.path, value);
    const existing = findings.get(id);
    if (existing) {
      if (!existing.commit && commit) existing.commit = commit;
      return;
    }
    const finding: Finding = {
      rule,
      category: "policy",
      severity,
      path: at.path,
      line: at.line,
      column: 1,
      endColumn: at.endColumn,
      fingerprint: id,
      redacted,
      message,
      title: POLICY_RULE_TITLES[rule],
    };
    if (commit) finding.commit = commit;
    findings.set(id, finding);
  };

  // --- skills and commands: classification ---------------------------------------------------------
  const items: AgentItem[] = [...config.skills, ...config.commands];
  /** `subject` opens the message, e.g. `This repository installs the skill "deploy"`. */
  const aboveClassification = (skill: string, ids: readonly string[], at: Declaration, subject: string, commit?: string) => {
    for (const { pattern, policy } of governingPatterns(ids, skillsPolicy)) {
      const max = policy.maxClassification;
      if (!max || classificationRank(classification) <= classificationRank(max)) continue;
      add(
        "skill-above-classification",
        classification === "restricted" ? "critical" : "high",
        at,
        skill,
        skill,
        `${subject}, which the skills policy allows only in repositories classified up to ${max} ` +
          `(skills.${quote(pattern)}.maxClassification), but ${where}. Remove the skill from this repository or stop using it here; ` +
          `if it must run here, have security review it and raise skills.${quote(pattern)}.maxClassification in ${ORG_CONFIG}.`,
        commit,
      );
    }
  };
  for (const item of items) {
    aboveClassification(item.id, item.aliases, item, `${item.path} installs the ${item.kind === "command" ? "slash command" : "skill"} ${quote(item.id)}`);
  }

  // --- skills used (Claude-Skill trailers): classification and teams -----------------------------------
  for (const use of input.usedSkills) {
    const skill = use.skill.trim().replace(/^\/+/, "");
    if (!skill) continue;
    const lower = skill.toLowerCase();
    const installed = items.find((i) => i.aliases.some((a) => a.toLowerCase() === lower));
    const ids = installed ? [skill, ...installed.aliases] : [skill];
    // Point at where the use was recorded, else at the skill's declaration, else where it would live.
    const at: Declaration = use.path
      ? { path: use.path, line: use.line ?? 1, endColumn: 2 }
      : installed
        ? { path: installed.path, line: installed.line, endColumn: installed.endColumn }
        : { path: `.claude/skills/${skill}/SKILL.md`, line: 1, endColumn: 2 };
    const commitText = use.commit ? `Commit ${use.commit.slice(0, 12)}` : "A commit";
    aboveClassification(skill, ids, at, `${commitText} used the skill ${quote(skill)}`, use.commit);

    for (const { pattern, policy } of governingPatterns(ids, skillsPolicy)) {
      if (!policy.teams) continue;
      const allowed = policy.teams.map(teamSlug);
      const teamsText = policy.teams.length ? policy.teams.join(", ") : "no team";
      const rule = `skills.${quote(pattern)}.teams`;
      const fix = `If this person should run it, add them to one of those teams or ask security to extend ${rule} in ${ORG_CONFIG}.`;
      if (!use.login) {
        add(
          "skill-team-not-allowed",
          "medium",
          at,
          `${skill}@:unknown-login`,
          skill,
          `${commitText} used the skill ${quote(skill)}, which only members of ${teamsText} may run (${rule}), but no GitHub login is known for its author, so membership could not be checked (${where}). ` +
            `Link the commit author's email to a GitHub account, or review who ran it. ${fix}`,
          use.commit,
        );
        continue;
      }
      const teams = input.teamsOf(use.login);
      if (teams === undefined) {
        add(
          "skill-team-not-allowed",
          "medium",
          at,
          `${skill}@${use.login}:membership-unknown`,
          skill,
          `${commitText} by @${use.login} used the skill ${quote(skill)}, which only members of ${teamsText} may run (${rule}); ` +
            `@${use.login}'s team membership could not be read, so this was not verified (${where}). ` +
            `Grant claude-guard read access to the org's members (the App's "Members: read" permission), or review who ran it. ${fix}`,
          use.commit,
        );
        continue;
      }
      if (teams.map(teamSlug).some((t) => allowed.includes(t))) continue;
      add(
        "skill-team-not-allowed",
        "high",
        at,
        `${skill}@${use.login}`,
        skill,
        `${commitText} by @${use.login} used the skill ${quote(skill)}, which only members of ${teamsText} may run (${rule}); ` +
          `@${use.login} is in ${teams.length ? teams.join(", ") : "no team"} (${where}). ${fix}`,
        use.commit,
      );
    }
  }

  // --- tool permissions ----------------------------------------------------------------------------------
  const entry = input.permissionsPolicy[classification];
  const forbid = entry?.forbid ?? [];
  const forbiddenRules = forbid.filter((f) => !isModeName(f));
  const forbiddenModes = forbid.filter(isModeName).map((f) => f.trim());
  const policyKey = `permissions.${classification}.forbid`;
  const exception = `to request an exception, ask security to change ${policyKey} in ${ORG_CONFIG}.`;
  // ask and deny beat allow in Claude Code: an allow rule they fully cover grants nothing.
  const blocked = coverIndex(config.permissions.filter((p) => p.list !== "allow").map((p) => p.rule));
  // The forbidden rules first: the policy names a few, and most allow rules grant none of them, so the
  // blockers (every ask and deny rule) are read only for a rule that does. Asked of every allow rule,
  // 12,000 rules took 90 s.
  const forbiddenBy = (rule: string): string[] => {
    const hits = forbiddenRules.filter((f) => ruleCovers(rule, f));
    return hits.length === 0 || blocked(rule) ? [] : hits;
  };
  const forbidText = (hits: string[]) => hits.map(quote).join(" and ");

  for (const p of config.permissions) {
    if (p.list !== "allow") continue;
    const hits = forbiddenBy(p.rule);
    if (!hits.length) continue;
    add(
      "forbidden-tool-permission",
      "high",
      p,
      p.rule,
      p.rule,
      `${p.path} allows ${quote(p.rule)} without asking, which grants ${forbidText(hits)}: forbidden in ${classification} repositories (${policyKey}), and ${where}. ` +
        `Remove the rule or narrow it to what the agent needs (for example "Bash(npm run test:*)"), or move it to "ask" so that a person approves each use; ${exception}`,
    );
  }
  for (const item of items) {
    for (const tool of item.tools ?? []) {
      const hits = forbiddenBy(tool);
      if (!hits.length) continue;
      add(
        "forbidden-tool-permission",
        "high",
        item.toolsDeclaration ?? item,
        tool,
        tool,
        `The ${item.kind === "command" ? "slash command" : "skill"} ${quote(item.id)} pre-approves ${quote(tool)} in allowed-tools, which grants ${forbidText(hits)} while it runs: ` +
          `forbidden in ${classification} repositories (${policyKey}), and ${where}. Remove ${quote(tool)} from allowed-tools or narrow it; ${exception}`,
      );
    }
  }
  for (const mode of config.defaultModes) {
    if (!forbiddenModes.includes(mode.value)) continue;
    add(
      "forbidden-tool-permission",
      "high",
      mode,
      `defaultMode:${mode.value}`,
      mode.value,
      `${mode.path} sets permissions.defaultMode to ${quote(mode.value)}, so the agent runs tools without a person approving them: forbidden in ${classification} repositories (${policyKey}), and ${where}. ` +
        `Remove defaultMode or set it to "default", "acceptEdits" or "plan"; ${exception}`,
    );
  }
  for (const agent of config.subagents) {
    const mode = agent.permissionMode;
    if (!mode || !forbiddenModes.includes(mode.mode)) continue;
    add(
      "forbidden-tool-permission",
      "high",
      mode,
      `permissionMode:${agent.id}:${mode.mode}`,
      mode.mode,
      `The subagent ${quote(agent.id)} runs with permissionMode ${quote(mode.mode)}: forbidden in ${classification} repositories (${policyKey}), and ${where}. Remove permissionMode from its front matter; ${exception}`,
    );
  }

  // --- MCP servers -----------------------------------------------------------------------------------------
  const approved = entry?.mcpServers;
  if (approved) {
    const approvedText = approved.length ? `only ${approved.map(quote).join(", ")}` : "none";
    const disabled = new Set(config.disabledMcpjsonServers.map((d) => d.value));
    const declared = new Set(config.mcpServers.map((s) => s.name));
    const mcpMessage = (name: string, how: string) =>
      `${how} the MCP server ${quote(name)}, but the policy for ${classification} repositories approves ${approvedText} (permissions.${classification}.mcpServers), and ${where}. ` +
      `Remove the server (or list it in disabledMcpjsonServers); to have it approved, ask security to add it to permissions.${classification}.mcpServers in ${ORG_CONFIG}.`;
    for (const server of config.mcpServers) {
      if (approved.includes(server.name) || disabled.has(server.name)) continue;
      add("mcp-server-not-approved", "high", server, server.name, server.name, mcpMessage(server.name, `${server.path} declares`));
    }
    for (const enabled of config.enabledMcpjsonServers) {
      if (approved.includes(enabled.value) || declared.has(enabled.value) || disabled.has(enabled.value)) continue;
      add("mcp-server-not-approved", "high", enabled, enabled.value, enabled.value, mcpMessage(enabled.value, `${enabled.path} enables`));
    }
  }

  return [...findings.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}
