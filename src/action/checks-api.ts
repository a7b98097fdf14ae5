/**
 * Creates the `claude-guard` check run through the REST API at GITHUB_API_URL (github.com, GitHub
 * Enterprise Server, or a local fake in tests) with plain fetch: two endpoints do not justify bundling
 * Octokit. The first request creates the run completed, with the first 50 annotations; further batches
 * are appended by updates (GitHub takes 50 per request).
 */
import { annotationBatches, CHECK_RUN_NAME, type CheckRunOutput } from "../core/report/check-run.js";

export interface ChecksApi {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
  userAgent: string;
}

export type PublishResult =
  | { status: "created"; id: number; url?: string; annotations: number }
  /** The token may not write checks (403, or 404 where GitHub hides the endpoint): fall back to workflow annotations. */
  | { status: "forbidden"; httpStatus: number; message: string }
  | { status: "failed"; message: string; id?: number };

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call(api: ChecksApi, method: "POST" | "PATCH", route: string, body: unknown): Promise<Record<string, unknown>> {
  const url = `${api.apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(api.owner)}/${encodeURIComponent(api.repo)}${route}`;
  const response = await fetch(url, {
    method,
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${api.token}`,
      "content-type": "application/json",
      "user-agent": api.userAgent,
      "x-github-api-version": "2022-11-28",
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 300);
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
    } catch {
      // not JSON: keep the start of the body
    }
    throw new ApiError(response.status, `${method} ${route}: HTTP ${response.status} ${message}`.trim());
  }
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function publishCheckRun(api: ChecksApi, headSha: string, rendered: CheckRunOutput, detailsUrl?: string): Promise<PublishResult> {
  const batches = annotationBatches(rendered.annotations);
  const output = (annotations: CheckRunOutput["annotations"]) => ({
    title: rendered.title,
    summary: rendered.summary,
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  });
  let id: number | undefined;
  try {
    const created = await call(api, "POST", "/check-runs", {
      name: CHECK_RUN_NAME,
      head_sha: headSha,
      status: "completed",
      conclusion: rendered.conclusion,
      completed_at: new Date().toISOString(),
      ...(detailsUrl ? { details_url: detailsUrl } : {}),
      output: output(batches[0] ?? []),
    });
    id = typeof created["id"] === "number" ? created["id"] : undefined;
    if (id === undefined) return { status: "failed", message: "the API answered without a check run id" };
    // The buttons of the App's check run are not sent: their events would reach no one here.
    for (const batch of batches.slice(1)) await call(api, "PATCH", `/check-runs/${id}`, { output: output(batch) });
    const url = typeof created["html_url"] === "string" ? created["html_url"] : undefined;
    return { status: "created", id, ...(url ? { url } : {}), annotations: rendered.annotations.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (id === undefined && error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      return { status: "forbidden", httpStatus: error.status, message };
    }
    return { status: "failed", message, ...(id !== undefined ? { id } : {}) };
  }
}
