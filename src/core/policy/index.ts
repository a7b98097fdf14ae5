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
export { parseClassification, resolveClassification } from "./classification.js";
export type { ClassificationInputs, ClassificationResolution, ResolvedClassification } from "./classification.js";
export {
  businessHoursFindings,
  classifyChange,
  CONTENT_ABOVE_CLASSIFICATION,
  CONTENT_RULE_TITLES,
  contentAboveFinding,
  contentAboveFindings,
  isOutsideBusinessHours,
  OUTSIDE_BUSINESS_HOURS,
  PII_CLASSIFICATION,
} from "./content.js";
export type { ChangeContent, ContentSignal, ScannedChange } from "./content.js";
export { evaluateRepositoryPolicy, isAgentConfigPath, membershipQuestions, usedSkillsOf } from "./repository-policy.js";
export type { ClaudeCommitInput, RepositoryPolicyInput, RepositoryPolicyResult } from "./repository-policy.js";
