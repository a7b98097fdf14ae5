/**
 * What the REST adapters need from an Octokit: Probot's (`context.octokit`) and @octokit/rest's both fit,
 * and so does the Action's fetch-based client (src/action/rest.ts), so the App and the Action share these
 * readers and writers.
 */
import type { ProbotOctokit } from "probot";
import { describeSystemError } from "../core/command-line.js";

export type GitHubClient = InstanceType<typeof ProbotOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

interface HttpErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined> };
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpErrorLike | null)?.status;
  return typeof status === "number" ? status : undefined;
}

export function isNotFound(error: unknown): boolean {
  return httpStatus(error) === 404;
}

/** True for GitHub's primary and secondary rate limits (403/429 with the telltale headers or message). */
export function isRateLimited(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== 403 && status !== 429) return false;
  const e = error as HttpErrorLike;
  const headers = e.response?.headers ?? {};
  if (String(headers["x-ratelimit-remaining"] ?? "") === "0" || headers["retry-after"] !== undefined) return true;
  return /rate limit/i.test(e.message ?? "");
}

/**
 * One line about a failed API call that is safe to log and to show in a check run: status, method and
 * route, and GitHub's own message cut short. Never the request body or the response body (which may
 * hold file content), never headers (which hold the token).
 */
export function describeApiError(error: unknown): string {
  const e = (error ?? {}) as HttpErrorLike;
  const status = httpStatus(error);
  const where = e.request?.method && e.request.url ? ` on ${e.request.method} ${stripQuery(e.request.url)}` : "";
  const firstLine = String(e.message ?? error ?? "unknown error").split("\n", 1)[0] ?? "";
  const message = firstLine.length > 200 ? firstLine.slice(0, 199) + "…" : firstLine;
  // Octokit reports a request that never reached the server (DNS, refused connection, TLS) as HTTP 500.
  const network = describeSystemError(error);
  if (network !== undefined) return `${network}${where ? ` (${where.slice(4)})` : ""}`;
  if (isRateLimited(error)) {
    const reset = e.response?.headers?.["x-ratelimit-reset"];
    const when = reset !== undefined && !Number.isNaN(Number(reset)) ? `; the limit resets at ${new Date(Number(reset) * 1000).toISOString()}` : "";
    return `GitHub API rate limit reached (HTTP ${status})${where}${when}`;
  }
  return status !== undefined ? `GitHub API error HTTP ${status}${where}: ${message}` : message;
}

function stripQuery(url: string): string {
  const at = url.indexOf("?");
  return at === -1 ? url : url.slice(0, at);
}

/** The `rel="next"` URL of a Link header, if any. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** 40 zeros: the `before` of a push that created a branch, the `after` of one that deleted it. */
export const ZERO_SHA = "0000000000000000000000000000000000000000";

/** How long to wait before asking again after a rate-limited answer: retry-after, else until the reset. */
function rateLimitWaitMs(headers: Record<string, string | number | undefined> | undefined, now: number): number {
  const retryAfter = Number(headers?.["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter * 1000;
  const reset = Number(headers?.["x-ratelimit-reset"]);
  // A minute when GitHub does not say (its advice for secondary limits).
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
}

interface RateLimitOptions {
  /** Told before each wait (the CLI says so on stderr). */
  onWait: (waitMs: number, why: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Waits at most this many times in a row for one request before giving up (default 10). */
  maxWaits?: number;
}

/**
 * Makes a client wait out GitHub's rate limits instead of failing: a request answered 403/429 for a
 * rate limit is sent again after the wait GitHub asks for, and an answer that used the last request
 * of the window (`x-ratelimit-remaining: 0`) makes the next request wait for the reset. For long
 * read-only runs (the inventory); the App and the Action fail fast and say so instead.
 */
export function honourRateLimits(gh: Pick<GitHubClient, "hook">, options: RateLimitOptions): void {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  let pausedUntil = 0;
  gh.hook.wrap("request", async (request, params) => {
    for (let waits = 0; ; waits++) {
      if (pausedUntil > now()) {
        const wait = pausedUntil - now();
        options.onWait(wait, "the rate limit's window is used up");
        await sleep(wait);
      }
      try {
        const response = await request(params);
        const headers = response.headers as Record<string, string | number | undefined>;
        if (String(headers["x-ratelimit-remaining"] ?? "") === "0") pausedUntil = now() + rateLimitWaitMs(headers, now());
        return response;
      } catch (error) {
        if (!isRateLimited(error) || waits >= (options.maxWaits ?? 10)) throw error;
        const wait = rateLimitWaitMs((error as HttpErrorLike).response?.headers, now());
        options.onWait(wait, describeApiError(error));
        await sleep(wait);
      }
    }
  });
}
