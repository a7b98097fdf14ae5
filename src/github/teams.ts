/**
 * Team membership: for the skill permissions of the policy (`skills.<pattern>.teams`), and for the team
 * an audit record names. Needs the App's "members: read" organization permission. Answers are memoized
 * per scan: a policy asks about the same user and team for every commit.
 */
import type { GuardConfig } from "../core/config/config.js";
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

/** A team as a config names it: `platform`, `acme/platform` and `@acme/platform` are acme's platform. */
export function teamRef(team: string, defaultOrg: string): { org: string; slug: string } {
  const bare = team.trim().replace(/^@/, "");
  const [org, slug] = bare.includes("/") ? (bare.split("/", 2) as [string, string]) : [defaultOrg, bare];
  return { org, slug };
}

/** True for an active member or maintainer; a pending invitation is not membership. */
async function isTeamMember(gh: GitHubClient, org: string, teamSlug: string, username: string): Promise<boolean> {
  try {
    // The route form, not gh.rest.teams: the Action's small REST client answers routes only.
    const { data } = await gh.request("GET /orgs/{org}/teams/{team_slug}/memberships/{username}", { org, team_slug: teamSlug, username });
    return data.state === "active";
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Teams a user is in, by name; GraphQL is the one API that answers it in one request for an App. */
const USER_TEAMS_QUERY = `query($org: String!, $login: String!) {
  organization(login: $org) { teams(first: 25, userLogins: [$login], orderBy: { field: NAME, direction: ASC }) { nodes { slug } } }
}`;

interface UserTeamsAnswer {
  organization?: { teams?: { nodes?: Array<{ slug?: unknown } | null> } } | null;
}

/** Membership questions one record may ask at most, when GitHub will not list a user's teams. */
const MAX_TEAM_LOOKUPS = 5;

/**
 * The team an audit record names for `login`, for every door (App and Action): the owner team below,
 * preferring the teams the policy names (`skills.*.teams`).
 */
export function recordTeam(gh: GitHubClient, config: GuardConfig, org: string, login: string, onRequest?: () => void): Promise<string | undefined> {
  const named = Object.values(config.skills).flatMap((policy) => policy.teams ?? []);
  return ownerTeam(gh, org, login, named, { maxLookups: MAX_TEAM_LOOKUPS, ...(onRequest ? { onRequest } : {}) });
}

/**
 * The team a record names as the owner of a user's change: the first (by name) of the org's teams the
 * user is in, a team in `preferred` first (`platform`, `acme/platform` and `@acme/platform` name the same
 * team). When GitHub will not list the user's teams, the preferred teams are asked about one by one
 * (`maxLookups` at most). Undefined when no team is known; never throws.
 */
export async function ownerTeam(
  gh: GitHubClient,
  org: string,
  login: string,
  preferred: readonly string[],
  options: { maxLookups?: number; onRequest?: () => void } = {},
): Promise<string | undefined> {
  const named = new Set<string>();
  for (const team of preferred) {
    const ref = teamRef(team, org);
    if (ref.org.toLowerCase() === org.toLowerCase() && ref.slug) named.add(ref.slug.toLowerCase());
  }
  options.onRequest?.();
  const teams = await userTeams(gh, org, login);
  if (teams) {
    const team = teams.find((t) => named.has(t.toLowerCase())) ?? teams[0];
    return team ? `${org}/${team}` : undefined;
  }
  for (const slug of [...named].sort().slice(0, options.maxLookups ?? 5)) {
    options.onRequest?.();
    if (await isTeamMember(gh, org, slug, login).catch(() => false)) return `${org}/${slug}`;
  }
  return undefined;
}

/**
 * The slugs of the org's teams that `login` is a member of (maintainers included), in name order;
 * undefined when GitHub would not say (no "members: read", GraphQL unavailable, an error).
 */
export async function userTeams(gh: GitHubClient, org: string, login: string): Promise<string[] | undefined> {
  try {
    const answer = await gh.graphql<UserTeamsAnswer>(USER_TEAMS_QUERY, { org, login });
    const nodes = answer.organization?.teams?.nodes;
    if (!Array.isArray(nodes)) return undefined;
    return nodes.map((node) => node?.slug).filter((slug): slug is string => typeof slug === "string" && slug.length > 0);
  } catch {
    return undefined;
  }
}
