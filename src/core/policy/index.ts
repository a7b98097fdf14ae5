/** Governance of Claude Code's own configuration: discovery, skills and permissions policy, drift. */
export {
  emptyAgentConfig,
  parseJsonWithLines,
  parsePermissionRule,
  permissionModeRank,
  PERMISSION_MODES,
  readAgentConfig,
  ruleCovers,
  skillsFromTrailers,
  splitToolList,
} from "./agent-config.js";
export type {
  AgentConfig,
  AgentConfigProblem,
  AgentItem,
  AgentItemKind,
  Declaration,
  HookDecl,
  McpServerDecl,
  ParsedPermissionRule,
  PermissionList,
  PermissionRuleDecl,
  SettingDecl,
} from "./agent-config.js";
export {
  classificationRank,
  DEFAULT_PERMISSIONS_POLICY,
  evaluateAgentPolicy,
  matchSkillPattern,
  POLICY_RULE_TITLES,
  skillPatternMatches,
  withDefaultPermissions,
} from "./skills-policy.js";
export type { AgentPolicyInput, ClassificationPermissions, PermissionsPolicy, SkillPolicy, SkillsPolicy, SkillUse } from "./skills-policy.js";
export { AGENT_PERMISSION_WIDENED, detectAgentDrift } from "./drift.js";
