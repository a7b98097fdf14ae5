/**
 * Team membership, for the skill permissions of the policy (`skills.<pattern>.teams`). Needs the App's
 * "members: read" organization permission. Answers are memoized per scan: a policy asks about the same
 * user and team for every commit.
 */
import { isNotFound, type GitHubClient } from "./client.js";

export type TeamMembershipLookup = (org: string, teamSlug: string, username: string) => Promise<boolean>;

export function teamMembershipLookup(gh: GitHubClient): TeamMembershipLookup {
  const cache = new Map<string, Promise<boolean>>();
  return (org, teamSlug, username) => {
    const key = `${org.toLowerCase()}/${teamSlug.toLowerCase()}/${username.toLowerCase()}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = isTeamMember(gh, org, teamSlug, username);
      cache.set(key, answer);
    }
    return answer;
  };
}

/** True for an active member or maintainer; a pending invitation is not membership. */
export async function isTeamMember(gh: GitHubClient, org: string, teamSlug: string, username: string): Promise<boolean> {
  try {
    const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username });
    return data.state === "active";
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
