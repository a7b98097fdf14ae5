/**
 * Org-level config (the org's `.github` repository) with per-repository override. Pure.
 *
 * The org sets the floor: a repository may add rules, markers, skill policies and forbidden
 * permissions, and may tighten what the org set, but never loosen it. A loosening is not an error (the
 * repository's checks keep running under the org's policy) but a warning that names the key, so the
 * repository's admins see that their value was not applied. The rules, key by key, are in
 * docs/config.md; this file is their implementation and the two must change together.
 */
import { CONFIG_FILE } from "../files.js";
import { formatKeyPath, type ConfigError } from "./errors.js";
import type { KeyPath, Locator } from "./positions.js";
import { CLASSIFICATIONS, defaultConfig, SEVERITY_VALUES, type Classification, type GuardConfig, type PermissionPolicyConfig, type SkillPolicyConfig } from "./schema.js";

interface MergeOptions {
  /** How the org's file is named in messages. */
  orgFile?: string;
  /** How the repository's file is named in messages. */
  repoFile?: string;
  /** Where keys are written in the repository's file (ParsedConfig.locate): warnings get a line, and
   * a key the file does not write is known to be a default rather than a choice. */
  repoLocate?: Locator;
}

interface MergeResult {
  config: GuardConfig;
  /** Repository values that were not applied because they would loosen the org's policy, or are org-only. */
  warnings: ConfigError[];
}

const DEFAULT_ORG_FILE = `.github repository: ${CONFIG_FILE}`;

const rank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);
/** failOn strictness: `low` fails on the most findings, `none` on none. */
const strictness = (f: GuardConfig["failOn"]): number => (f === "none" ? -1 : SEVERITY_VALUES.indexOf(f));
const sameTeam = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const unique = <T>(items: T[]): T[] => [...new Set(items)];

/**
 * The effective config of a repository: `org` (may be undefined: no org file) overridden by `repo`
 * (undefined: no repository file) under the rules of docs/config.md. `_extends` is resolved before
 * (see load.ts): an extended config is one more layer, merged with these same rules.
 */
export function mergeConfigs(org: GuardConfig | undefined, repo: GuardConfig | undefined, options: MergeOptions = {}): MergeResult {
  const repoFile = options.repoFile ?? CONFIG_FILE;
  const warnings: ConfigError[] = [];
  const written = (path: KeyPath): boolean => (options.repoLocate ? options.repoLocate(path) !== undefined : true);
  const warn = (path: KeyPath, message: string) => {
    const position = options.repoLocate?.(path);
    const warning: ConfigError = { file: repoFile, key: formatKeyPath(path), message, severity: "warning" };
    if (position) {
      warning.line = position.line;
      warning.column = position.column;
    }
    warnings.push(warning);
  };
  const orgName = options.orgFile ?? DEFAULT_ORG_FILE;

  // Audit: org level only, so that a repository cannot redirect or silence its own audit trail.
  if (repo?.audit) warn(["audit"], `ignored: audit is set at org level only (${orgName}); a repository's config cannot redirect it`);
  if (!repo) return { config: withoutExtends(org ?? defaultConfig()), warnings };
  if (!org) {
    const config = withoutExtends(repo);
    delete config.audit;
    return { config, warnings };
  }
  // Copies: the result shares nothing with the inputs.
  const base = structuredClone(org);
  const mine = structuredClone(repo);
  const merged = defaultConfig();

  // Scalars. The repository states its own classification (the org custom property, resolved
  // elsewhere, still comes first); which property holds it is the org's choice.
  const classification = mine.classification ?? base.classification;
  if (classification !== undefined) merged.classification = classification;
  merged.classificationProperty = base.classificationProperty;
  if (mine.classificationProperty !== base.classificationProperty && written(["classificationProperty"])) {
    warn(["classificationProperty"], `ignored: the org's config (${orgName}) decides which custom property holds the classification ("${base.classificationProperty}")`);
  }
  merged.failOn = strictness(mine.failOn) >= strictness(base.failOn) ? mine.failOn : base.failOn;
  if (merged.failOn !== mine.failOn && written(["failOn"])) {
    warn(["failOn"], `"${mine.failOn}" would fail on fewer findings than the org's "${base.failOn}": a repository may only lower the threshold; "${base.failOn}" applies`);
  }

  // The hook fails closed if either says so: a repository cannot open what the org closed.
  const failClosed = base.hook?.failClosed === true ? true : (mine.hook?.failClosed ?? base.hook?.failClosed);
  if (failClosed !== undefined) merged.hook = { failClosed };
  if (base.hook?.failClosed === true && mine.hook?.failClosed === false && written(["hook", "failClosed"])) {
    warn(["hook", "failClosed"], `ignored: the org's config (${orgName}) makes the hook block when it cannot finish its check`);
  }

  // Lists: the repository adds to the org's.
  merged.authorship.markers = unique([...base.authorship.markers, ...mine.authorship.markers]);
  merged.paths.ignore = unique([...base.paths.ignore, ...mine.paths.ignore]);
  merged.rules = [...base.rules];
  mine.rules.forEach((rule, index) => {
    if (base.rules.some((r) => r.id === rule.id)) warn(["rules", index, "id"], `ignored: the org's config already defines a rule "${rule.id}"; give this one another id`);
    else merged.rules.push(rule);
  });

  // Skills: per pattern; the repository may only tighten a pattern the org set.
  merged.skills = { ...base.skills };
  for (const [pattern, policy] of Object.entries(mine.skills)) {
    const orgPolicy = base.skills[pattern];
    merged.skills[pattern] = orgPolicy ? tightenSkill(orgPolicy, policy, (key, message) => warn(["skills", pattern, key], message)) : { ...policy };
  }

  // Permissions: per classification, forbidden permissions add up; an MCP allowlist only narrows.
  merged.permissions = { ...base.permissions };
  for (const level of CLASSIFICATIONS) {
    const ours = mine.permissions[level];
    if (!ours) continue;
    const theirs = base.permissions[level];
    merged.permissions[level] = theirs ? tightenPermissions(theirs, ours, (key, message) => warn(["permissions", level, key], message)) : clonePermissions(ours);
  }

  // Content: a path keeps the higher of the two classifications; business hours are the org's if set.
  merged.content.paths = { ...base.content.paths };
  for (const [glob, level] of Object.entries(mine.content.paths)) {
    const orgLevel = base.content.paths[glob];
    if (orgLevel !== undefined && rank(level) < rank(orgLevel)) {
      warn(["content", "paths", glob], `"${level}" is below the org's "${orgLevel}" for this path: a repository may only raise a content classification; "${orgLevel}" applies`);
    } else merged.content.paths[glob] = level;
  }
  const hours = base.content.businessHours ?? mine.content.businessHours;
  if (hours) merged.content.businessHours = hours;
  if (base.content.businessHours && mine.content.businessHours && JSON.stringify(base.content.businessHours) !== JSON.stringify(mine.content.businessHours)) {
    warn(["content", "businessHours"], `ignored: the org's config (${orgName}) sets the business hours`);
  }

  if (base.audit) merged.audit = structuredClone(base.audit);

  return { config: merged, warnings };
}

function tightenSkill(org: SkillPolicyConfig, repo: SkillPolicyConfig, warn: (key: string, message: string) => void): SkillPolicyConfig {
  const out: SkillPolicyConfig = {};
  const max = repo.maxClassification ?? org.maxClassification;
  if (max !== undefined) out.maxClassification = max;
  if (org.maxClassification !== undefined && repo.maxClassification !== undefined && rank(repo.maxClassification) > rank(org.maxClassification)) {
    out.maxClassification = org.maxClassification;
    warn("maxClassification", `"${repo.maxClassification}" is above the org's "${org.maxClassification}": a repository may only lower a skill's maxClassification; "${org.maxClassification}" applies`);
  }
  if (org.teams === undefined) {
    if (repo.teams !== undefined) out.teams = [...repo.teams];
  } else if (repo.teams === undefined) {
    out.teams = [...org.teams];
  } else {
    out.teams = repo.teams.filter((team) => org.teams?.some((t) => sameTeam(t, team)));
    const extra = repo.teams.filter((team) => !org.teams?.some((t) => sameTeam(t, team)));
    if (extra.length > 0) {
      warn("teams", `${extra.map((t) => `"${t}"`).join(", ")} not applied: the org allows only ${org.teams.join(", ")}; a repository may only narrow the teams`);
    }
  }
  return out;
}

function tightenPermissions(org: PermissionPolicyConfig, repo: PermissionPolicyConfig, warn: (key: string, message: string) => void): PermissionPolicyConfig {
  const out: PermissionPolicyConfig = { forbid: unique([...org.forbid, ...repo.forbid]) };
  if (org.mcpServers === undefined) {
    if (repo.mcpServers !== undefined) out.mcpServers = [...repo.mcpServers];
  } else if (repo.mcpServers === undefined) {
    out.mcpServers = [...org.mcpServers];
  } else {
    out.mcpServers = repo.mcpServers.filter((s) => org.mcpServers?.includes(s));
    const extra = repo.mcpServers.filter((s) => !org.mcpServers?.includes(s));
    if (extra.length > 0) {
      warn("mcpServers", `${extra.map((s) => `"${s}"`).join(", ")} not applied: the org approves only ${org.mcpServers.join(", ") || "no MCP server"}; a repository may only narrow the list`);
    }
  }
  return out;
}

function clonePermissions(p: PermissionPolicyConfig): PermissionPolicyConfig {
  return p.mcpServers === undefined ? { forbid: [...p.forbid] } : { forbid: [...p.forbid], mcpServers: [...p.mcpServers] };
}

function withoutExtends(config: GuardConfig): GuardConfig {
  const { _extends: _ignored, ...rest } = config;
  return structuredClone(rest);
}

/**
 * The git ref whose config governs a pull request: its **base**. A pull request must not be able to
 * loosen the policy that judges it: read from the head, a PR could add `failOn: none`, raise a skill's
 * maxClassification or drop a forbidden permission in the same change that needs it. A policy change
 * takes effect once it is merged into the base, after review.
 */
export function configSourceRef(pr: { baseRef: string; headRef: string }): string {
  return pr.baseRef;
}

/**
 * The same for a `pull_request` webhook payload: the base commit (its sha, fixed when the event was
 * sent, so the config matches the range being scanned), else the base branch name.
 */
export function policyRefForPullRequest(event: { pull_request: { base: { ref: string; sha?: string }; head: { ref: string; sha?: string } } }): string {
  const { base, head } = event.pull_request;
  return configSourceRef({ baseRef: base.sha ?? base.ref, headRef: head.sha ?? head.ref });
}
