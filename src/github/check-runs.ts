/**
 * The `claude-guard` check run through the Checks API, for the App and the Action alike. The App finds
 * the one already on a head SHA (redelivered and repeated webhooks update it instead of adding another),
 * creates it `in_progress`, completes it with the rendered output (annotations 50 per request: GitHub's
 * limit), or completes it with the reason the scan could not finish, so that it never stays
 * `in_progress`. The Action, which runs after its scan, publishes a finished run in one go.
 *
 * Only `gh.request(route, params)` is called: Probot's and @octokit/rest's clients fit, and so does the
 * Action's small fetch-based client (src/action/rest.ts), so one publisher serves both doors.
 */
import { ACTION_LIMITS, annotationBatches, CHECK_RUN_NAME, type CheckAnnotation, type CheckRunAction, type CheckRunOutput } from "../core/report/check-run.js";
import { describeApiError, httpStatus, type GitHubClient, type RepoRef } from "./client.js";

/** An in-progress run younger than this is taken as another replica still working on it. */
export const STALE_IN_PROGRESS_MS = 10 * 60 * 1000;

export type CheckAction = CheckRunAction;
type RenderedCheckRun = CheckRunOutput;

interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion: string | null;
  externalId: string;
  startedAt?: string;
  annotationsCount: number;
}

const CHECK_RUNS = "/repos/{owner}/{repo}/check-runs";
const CHECK_RUN = "/repos/{owner}/{repo}/check-runs/{check_run_id}";

/** The output of a run: title, summary and (`withText`) text, with one batch of annotations. */
function outputWith(rendered: Pick<CheckRunOutput, "title" | "summary" | "text">, annotations: CheckAnnotation[] | undefined, withText: boolean) {
  return {
    title: rendered.title,
    summary: rendered.summary,
    ...(withText && rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  };
}

/**
 * external_id records which webhook delivery a run belongs to and whether it finished: GitHub keeps the
 * state, so any replica can tell a redelivery from a new event.
 */
export function externalIdFor(deliveryId: string, outcome: "running" | "done" | "retry"): string {
  return `delivery:${deliveryId}${outcome === "done" ? "" : `:${outcome}`}`;
}

export function parseExternalId(externalId: string): { deliveryId?: string; outcome?: "running" | "done" | "retry" } {
  const match = /^delivery:(.+?)(?::(running|retry))?$/.exec(externalId);
  if (!match) return {};
  return { deliveryId: match[1] as string, outcome: (match[2] as "running" | "retry" | undefined) ?? "done" };
}

interface ListedCheckRun {
  id: number;
  name: string;
  status: string;
  conclusion?: string | null;
  external_id?: string | null;
  started_at?: string | null;
  app?: { id: number } | null;
  output?: { annotations_count?: number };
}

export async function findCheckRun(gh: GitHubClient, repo: RepoRef, headSha: string, appId?: number): Promise<ExistingCheckRun | undefined> {
  const { data } = (await gh.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: repo.owner,
    repo: repo.repo,
    ref: headSha,
    check_name: CHECK_RUN_NAME,
    filter: "latest",
    ...(appId ? { app_id: appId } : {}),
    per_page: 20,
  })) as { data: { check_runs?: ListedCheckRun[] } };
  const runs = (data.check_runs ?? [])
    .filter((run) => run.name === CHECK_RUN_NAME && (!appId || !run.app || run.app.id === appId))
    .sort((a, b) => b.id - a.id);
  const run = runs[0];
  if (!run) return undefined;
  const existing: ExistingCheckRun = {
    id: run.id,
    status: run.status,
    conclusion: run.conclusion ?? null,
    externalId: run.external_id ?? "",
    annotationsCount: run.output?.annotations_count ?? 0,
  };
  if (run.started_at) existing.startedAt = run.started_at;
  return existing;
}

export async function createInProgress(gh: GitHubClient, repo: RepoRef, headSha: string, externalId: string, summary: string): Promise<number> {
  const { data } = (await gh.request(`POST ${CHECK_RUNS}`, {
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_RUN_NAME,
    head_sha: headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    external_id: externalId,
    output: { title: "Scanning Claude-authored commits…", summary },
  })) as { data: { id: number } };
  return data.id;
}

/** Takes over an existing run (a stale in-progress one, or a redelivery's failed attempt). */
export async function resumeRun(gh: GitHubClient, repo: RepoRef, existing: ExistingCheckRun, externalId: string, summary: string): Promise<number> {
  // A completed run cannot go back to in_progress; its output is overwritten when the scan completes.
  if (existing.status === "completed") {
    await gh.request(`PATCH ${CHECK_RUN}`, { owner: repo.owner, repo: repo.repo, check_run_id: existing.id, external_id: externalId });
  } else {
    await gh.request(`PATCH ${CHECK_RUN}`, {
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: existing.id,
      status: "in_progress",
      external_id: externalId,
      output: { title: "Scanning Claude-authored commits…", summary },
    });
  }
  return existing.id;
}

/**
 * All annotation batches but the last go out while the run is still in progress, the last one with the
 * conclusion: the run never shows as complete with half of its annotations.
 */
export async function completeRun(gh: GitHubClient, repo: RepoRef, checkRunId: number, rendered: RenderedCheckRun, batches: CheckAnnotation[][], externalId: string): Promise<number> {
  let requests = 0;
  const pending = batches.filter((b) => b.length > 0);
  for (const batch of pending.slice(0, -1)) {
    await gh.request(`PATCH ${CHECK_RUN}`, { owner: repo.owner, repo: repo.repo, check_run_id: checkRunId, output: outputWith(rendered, batch, false) });
    requests++;
  }
  await gh.request(`PATCH ${CHECK_RUN}`, {
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: rendered.conclusion,
    completed_at: new Date().toISOString(),
    external_id: externalId,
    output: outputWith(rendered, pending[pending.length - 1], true),
    actions: rendered.actions.slice(0, ACTION_LIMITS.count),
  });
  return requests + 1;
}

/** Ends a run whose scan could not finish: `failure`, never a silent pass, with a button to try again. */
export async function failRun(gh: GitHubClient, repo: RepoRef, checkRunId: number, reason: string, externalId: string, actions: CheckAction[]): Promise<void> {
  await gh.request(`PATCH ${CHECK_RUN}`, {
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: "failure",
    completed_at: new Date().toISOString(),
    external_id: externalId,
    output: {
      title: "claude-guard could not finish the scan",
      summary:
        `The scan stopped before it could read every Claude-authored change, so this check cannot pass.\n\n` +
        `**Reason:** ${reason}\n\n` +
        "Nothing was judged clean. Re-run the check (the button above, or **Re-run** in GitHub's checks tab) once GitHub's API answers again; " +
        "redelivering the webhook retries too.",
    },
    actions: actions.slice(0, ACTION_LIMITS.count),
  });
}

/** Replaces the text of a completed run (the "show ignore lines" button), keeping title and summary. */
export async function updateRunText(gh: GitHubClient, repo: RepoRef, checkRunId: number, output: { title: string; summary: string; text: string }): Promise<void> {
  await gh.request(`PATCH ${CHECK_RUN}`, { owner: repo.owner, repo: repo.repo, check_run_id: checkRunId, output });
}

export type PublishResult =
  | { status: "created"; id: number; url?: string; annotations: number }
  /** The token may not write checks (403, or 404 where GitHub hides the endpoint): the caller falls back to workflow annotations. */
  | { status: "forbidden"; httpStatus: number; message: string }
  | { status: "failed"; message: string; id?: number };

/**
 * A finished scan as a new, completed run in one go (the Action, which has no webhook to answer and no
 * buttons whose events would reach it): created with the first 50 annotations, the other batches
 * appended by updates. Never throws: the caller reports what happened.
 */
export async function publishCheckRun(gh: GitHubClient, repo: RepoRef, headSha: string, rendered: RenderedCheckRun, options: { detailsUrl?: string } = {}): Promise<PublishResult> {
  const batches = annotationBatches(rendered.annotations);
  let id: number | undefined;
  try {
    const { data } = (await gh.request(`POST ${CHECK_RUNS}`, {
      owner: repo.owner,
      repo: repo.repo,
      name: CHECK_RUN_NAME,
      head_sha: headSha,
      status: "completed",
      conclusion: rendered.conclusion,
      completed_at: new Date().toISOString(),
      ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
      output: outputWith(rendered, batches[0], true),
    })) as { data: { id?: unknown; html_url?: unknown } };
    id = typeof data?.id === "number" ? data.id : undefined;
    if (id === undefined) return { status: "failed", message: "the API answered without a check run id" };
    for (const batch of batches.slice(1)) {
      await gh.request(`PATCH ${CHECK_RUN}`, { owner: repo.owner, repo: repo.repo, check_run_id: id, output: outputWith(rendered, batch, true) });
    }
    const url = typeof data.html_url === "string" ? data.html_url : undefined;
    return { status: "created", id, ...(url ? { url } : {}), annotations: rendered.annotations.length };
  } catch (error) {
    const message = describeApiError(error);
    const status = httpStatus(error);
    if (id === undefined && (status === 403 || status === 404)) return { status: "forbidden", httpStatus: status, message };
    return { status: "failed", message, ...(id !== undefined ? { id } : {}) };
  }
}
