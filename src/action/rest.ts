/**
 * A small Octokit-shaped REST client over fetch, for the readers and writers of src/github/ (custom
 * properties, file contents, the audit issue) that take an Octokit and call only its `request(route,
 * params)`. Bundling Octokit for that is not worth its weight in dist/; this keeps the same contract:
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

function restClient(options: RestOptions): { request(route: string, params?: Params): Promise<RestResponse> } {
  const base = options.apiUrl.replace(/\/+$/, "");
  return {
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
      const url = `${base}${path}${query}`;
      const response = await fetch(url, {
        method,
        headers: {
          accept: format ? `application/vnd.github.${format}` : "application/vnd.github+json",
          authorization: `Bearer ${options.token}`,
          "user-agent": options.userAgent,
          "x-github-api-version": "2022-11-28",
          ...(inQuery ? {} : { "content-type": "application/json" }),
        },
        ...(inQuery ? {} : { body: JSON.stringify(Object.fromEntries(entries)) }),
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
        throw new RestError(said || `HTTP ${response.status}`, response.status, { method, url: `${base}${path}` }, { status: response.status, headers, data });
      }
      return { status: response.status, url, headers, data: text === "" && !format ? undefined : data };
    },
  };
}

/** The client as src/github/ types it (an Octokit); only `request` is ever called on it. */
export function restGitHubClient(options: RestOptions): GitHubClient {
  return restClient(options) as unknown as GitHubClient;
}
