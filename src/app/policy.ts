/**
 * SEAM for the policy engine (classification x skills x teams), which is later work. The App calls this
 * once per scan with everything a policy needs and adds what it returns to the report as findings of
 * category `policy` (they fail the check like any finding at or above failOn). Empty for now.
 *
 * When the engine lands in src/core/policy (pure), this function becomes: resolve the team memberships
 * the engine asks about (through `isTeamMember`, the one I/O it needs), then return its findings.
 */
import type { GuardConfig } from "../core/config/config.js";
import type { AuthorshipVerdict, CommitChange, Finding } from "../core/types.js";
import type { Classification } from "../github/properties.js";
import type { TeamMembershipLookup } from "../github/teams.js";

export interface PolicyInput {
  owner: string;
  repo: string;
  config: GuardConfig;
  classification?: Classification;
  /** The Claude-authored commits with the lines they added, and why each was attributed. */
  changes: Array<{ change: CommitChange; authorship: AuthorshipVerdict }>;
  /** Who opened the pull request or pushed. */
  actor?: string;
  isTeamMember: TeamMembershipLookup;
}

export async function evaluatePolicy(_input: PolicyInput): Promise<Finding[]> {
  return [];
}
