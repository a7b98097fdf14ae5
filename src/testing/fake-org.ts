/**
 * An organization in the fake GitHub (fake-github.ts's `extra` endpoints): its repositories, their
 * custom property values and config files, their commits (the commit list, paginated by `per_page` and
 * filtered by `since`/`until`, and each commit's detail with stats and patches), and its teams (the
 * GraphQL query src/github/teams.ts sends). For the inventory's tests, which count every request. Test
 * support only: nothing in the doors imports it.
 */
import type { FakeRepoData } from "./fake-github.js";

export interface FakeOrgCommit {
  sha: string;
  message: string;
  author: { name: string; email: string; login?: string };
  /** ISO 8601, used as author and committer date. */
  date: string;
  /** Files with the lines they add (each file's patch is made from them). */
  files: Array<{ filename: string; lines: string[] }>;
}

export interface FakeOrgRepo {
  name: string;
  visibility: "public" | "private" | "internal";
  /** Custom property values (e.g. data_classification). */
  properties?: Record<string, string>;
  /** `.github/claude-guard.yml` of the repository. */
  config?: string;
  commits: FakeOrgCommit[];
}

export interface FakeOrg {
  org: string;
  repos: FakeOrgRepo[];
  /** The `.github` repository's config (the org's floor). */
  orgConfig?: string;
  /** login -> team slugs. */
  teams: Record<string, string[]>;
  /**
   * Answers to send instead of the real one, once each, for requests whose path starts with the key
   * (e.g. a rate limit on a repository's commit list): consumed in order.
   */
  interruptions?: Array<{ pathPrefix: string; status: number; data: unknown; headers?: Record<string, string> }>;
}

const CONFIG_PATH = ".github/claude-guard.yml";

function apiCommit(org: string, repo: string, c: FakeOrgCommit) {
  const person = { name: c.author.name, email: c.author.email, date: c.date };
  return {
    sha: c.sha,
    url: `/repos/${org}/${repo}/commits/${c.sha}`,
    commit: { message: c.message, author: person, committer: person },
    author: c.author.login ? { login: c.author.login } : null,
    committer: c.author.login ? { login: c.author.login } : null,
    parents: [],
  };
}

function commitDetail(org: string, repo: string, c: FakeOrgCommit) {
  const additions = c.files.reduce((sum, f) => sum + f.lines.length, 0);
  return {
    ...apiCommit(org, repo, c),
    stats: { additions, deletions: 0, total: additions },
    files: c.files.map((f) => ({
      filename: f.filename,
      status: "added",
      additions: f.lines.length,
      deletions: 0,
      changes: f.lines.length,
      patch: `@@ -0,0 +1,${f.lines.length} @@\n${f.lines.map((l) => `+${l}`).join("\n")}`,
    })),
  };
}

type Extra = NonNullable<FakeRepoData["extra"]>;

/** The `extra` handler that serves `org`; `port()` gives the fake's port for Link headers. */
export function fakeOrgEndpoints(world: FakeOrg, port: () => number): Extra {
  const interruptions = [...(world.interruptions ?? [])];
  const base = `/api/v3`;
  const page = <T>(items: T[], query: URLSearchParams, path: string) => {
    const perPage = Number(query.get("per_page") ?? 30);
    const at = Number(query.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const next = new URLSearchParams(query);
    next.set("page", String(at + 1));
    const headers: Record<string, string> = at < last ? { link: `<http://127.0.0.1:${port()}${path}?${next.toString()}>; rel="next"` } : {};
    return { status: 200, data: items.slice((at - 1) * perPage, at * perPage), headers };
  };
  return ({ method, path, query, body }) => {
    const interruption = interruptions.findIndex((i) => path.startsWith(i.pathPrefix));
    if (interruption !== -1) {
      const [answer] = interruptions.splice(interruption, 1);
      return { status: answer?.status ?? 500, data: answer?.data ?? {}, headers: answer?.headers ?? {} };
    }
    const { org } = world;
    let m: RegExpExecArray | null;
    if (method === "POST" && path === "/api/graphql") {
      const variables = (JSON.parse(body) as { variables?: { org?: string; login?: string } }).variables ?? {};
      if (variables.org !== org) return { status: 200, data: { data: { organization: null } } };
      const slugs = [...(world.teams[variables.login ?? ""] ?? [])].sort();
      return { status: 200, data: { data: { organization: { teams: { nodes: slugs.map((slug) => ({ slug })) } } } } };
    }
    if (method !== "GET") return undefined;
    if (path === `${base}/orgs/${org}/repos`) {
      return page(
        world.repos.map((r) => ({ name: r.name, full_name: `${org}/${r.name}`, visibility: r.visibility, private: r.visibility !== "public", archived: false, default_branch: "main" })),
        query,
        path,
      );
    }
    if (path === `${base}/orgs/${org}/properties/values`) {
      return page(
        world.repos.map((r) => ({ repository_name: r.name, properties: Object.entries(r.properties ?? {}).map(([property_name, value]) => ({ property_name, value })) })),
        query,
        path,
      );
    }
    if ((m = new RegExp(`^${base}/repos/${org}/([^/]+)/contents/(.+)$`).exec(path))) {
      const text = m[1] === ".github" ? world.orgConfig : world.repos.find((r) => r.name === m?.[1])?.config;
      return m[2] === CONFIG_PATH && text !== undefined ? { status: 200, data: text, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } } : { status: 404, data: { message: "Not Found" } };
    }
    if ((m = new RegExp(`^${base}/repos/${org}/([^/]+)/commits$`).exec(path))) {
      const repo = world.repos.find((r) => r.name === m?.[1]);
      if (!repo) return { status: 404, data: { message: "Not Found" } };
      const since = query.get("since");
      const until = query.get("until");
      const listed = repo.commits
        .filter((c) => (!since || Date.parse(c.date) >= Date.parse(since)) && (!until || Date.parse(c.date) <= Date.parse(until)))
        .sort((a, b) => Date.parse(b.date) - Date.parse(a.date)) // newest first, as GitHub lists them
        .map((c) => apiCommit(org, repo.name, c));
      return page(listed, query, path);
    }
    if ((m = new RegExp(`^${base}/repos/${org}/([^/]+)/commits/([0-9a-f]{40})$`).exec(path))) {
      const repo = world.repos.find((r) => r.name === m?.[1]);
      const commit = repo?.commits.find((c) => c.sha === m?.[2]);
      return repo && commit ? { status: 200, data: commitDetail(org, repo.name, commit) } : { status: 404, data: { message: "Not Found" } };
    }
    return undefined;
  };
}
