/**
 * A small Octokit-shaped REST client over fetch, for the readers and writers of src/github/ (custom
 * properties, file contents, the audit issue, team membership) that take an Octokit and call only its
 * `request(route, params)` and `graphql(query, variables)`. Bundling Octokit for that is not worth its weight in dist/; this keeps the same contract:
 * `"METHOD /path/{param}"` routes, the remaining parameters as the query (GET, DELETE) or the JSON body,
 * `mediaType.format`, `{ status, headers, data }` answers, and errors carrying `status`, `request` and
 * `response.headers` as src/github/client.ts reads them (retries, rate limits, safe messages).
 */
import type { GitHubClient } from "../github/client.js";

interface RestOptions {
  apiUrl: string;
  token: string;
  userAgent: string;
  timeoutMs?: number;
}

interface RestResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  data: unknown;
}

/** What Octokit's RequestError holds and src/github/client.ts reads. Never the token nor the body sent. */
class RestError extends Error {
  override name = "HttpError";
  constructor(
    message: string,
    readonly status: number,
    readonly request: { method: string; url: string },
    readonly response: { status: number; headers: Record<string, string>; data: unknown },
  ) {
    super(message);
  }
}

type Params = Record<string, unknown>;

function queryValue(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(",") : String(value);
}

interface RestClient {
  request(route: string, params?: Params): Promise<RestResponse>;
  graphql<T>(query: string, variables?: Params): Promise<T>;
}

/** GitHub's GraphQL endpoint for a REST base: `/graphql` beside it, or `/api/graphql` on GitHub Enterprise Server. */
function graphqlUrl(base: string): string {
  return base.endsWith("/api/v3") ? `${base.slice(0, -"/v3".length)}/graphql` : `${base}/graphql`;
}

function restClient(options: RestOptions): RestClient {
  const base = options.apiUrl.replace(/\/+$/, "");
  return {
    // As Octokit's graphql(): the answer's `data`, or an error when GitHub reports errors and no data.
    async graphql<T>(query: string, variables: Params = {}): Promise<T> {
      const { data } = await send("POST", graphqlUrl(base), "", { query, variables });
      const answer = data as { data?: T | null; errors?: Array<{ message?: string }> } | undefined;
      if (!answer?.data) throw new Error(`GraphQL: ${answer?.errors?.[0]?.message ?? "no data in the answer"}`);
      return answer.data;
    },
    async request(route: string, params: Params = {}): Promise<RestResponse> {
      const space = route.indexOf(" ");
      const method = space > 0 ? route.slice(0, space).toUpperCase() : "GET";
      const template = space > 0 ? route.slice(space + 1) : route;
      const rest: Params = { ...params };
      const format = (rest["mediaType"] as { format?: string } | undefined)?.format;
      delete rest["mediaType"];
      delete rest["headers"];
      // `{path}` of the contents API keeps its slashes; every other parameter is one URL segment.
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = String(rest[name] ?? "");
        delete rest[name];
        return name === "path" ? value.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value);
      });
      const entries = Object.entries(rest).filter(([, v]) => v !== undefined);
      const inQuery = method === "GET" || method === "HEAD" || method === "DELETE";
      const query = inQuery && entries.length > 0 ? "?" + entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(queryValue(v))}`).join("&") : "";
      return send(method, `${base}${path}`, query, inQuery ? undefined : Object.fromEntries(entries), format);
    },
  };

  async function send(method: string, where: string, query: string, body: Params | undefined, format?: string): Promise<RestResponse> {
    const url = `${where}${query}`;
    const inQuery = body === undefined;
    const response = await fetch(url, {
      method,
      headers: {
        accept: format ? `application/vnd.github.${format}` : "application/vnd.github+json",
        authorization: `Bearer ${options.token}`,
        "user-agent": options.userAgent,
        "x-github-api-version": "2022-11-28",
        ...(inQuery ? {} : { "content-type": "application/json" }),
      },
      ...(inQuery ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    const text = await response.text();
    let data: unknown = text;
    if ((headers["content-type"] ?? "").includes("json") && text !== "") {
      try {
        data = JSON.parse(text);
      } catch {
        // a raw file that happens to be served as JSON: keep the text
      }
    }
    if (response.status >= 400) {
      const said = data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string" ? (data as { message: string }).message : text.slice(0, 200);
      throw new RestError(said || `HTTP ${response.status}`, response.status, { method, url: where }, { status: response.status, headers, data });
    }
    return { status: response.status, url, headers, data: text === "" && !format ? undefined : data };
  }
}

/** The client as src/github/ types it (an Octokit); only `request` and `graphql` are ever called on it. */
export function restGitHubClient(options: RestOptions): GitHubClient {
  return restClient(options) as unknown as GitHubClient;
}
