/**
 * The `claude-guard` check run through the Checks API: find the one already on a head SHA (redelivered
 * and repeated webhooks update it instead of adding another), create it `in_progress`, complete it with
 * the rendered output (annotations 50 per request: GitHub's limit), or complete it with the reason the
 * scan could not finish, so that it never stays `in_progress`.
 */
import type { GitHubClient, RepoRef } from "./client.js";

export const CHECK_NAME = "claude-guard";
/** An in-progress run younger than this is taken as another replica still working on it. */
export const STALE_IN_PROGRESS_MS = 10 * 60 * 1000;

/** One annotation as the Checks API takes it: the core renderer's shape. */
export type { CheckAnnotation } from "../core/report/check-run.js";
import type { CheckAnnotation } from "../core/report/check-run.js";

export interface CheckAction {
  label: string;
  description: string;
  identifier: string;
}

export interface RenderedCheckRun {
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
  actions: CheckAction[];
}

export interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion: string | null;
  externalId: string;
  startedAt?: string;
  annotationsCount: number;
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

export async function findCheckRun(gh: GitHubClient, repo: RepoRef, headSha: string, appId?: number): Promise<ExistingCheckRun | undefined> {
  const { data } = await gh.rest.checks.listForRef({
    owner: repo.owner,
    repo: repo.repo,
    ref: headSha,
    check_name: CHECK_NAME,
    filter: "latest",
    ...(appId ? { app_id: appId } : {}),
    per_page: 20,
  });
  const runs = (data.check_runs ?? [])
    .filter((run) => run.name === CHECK_NAME && (!appId || !run.app || run.app.id === appId))
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
  const { data } = await gh.rest.checks.create({
    owner: repo.owner,
    repo: repo.repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    external_id: externalId,
    output: { title: "Scanning Claude-authored commits…", summary },
  });
  return data.id;
}

/** Takes over an existing run (a stale in-progress one, or a redelivery's failed attempt). */
export async function resumeRun(gh: GitHubClient, repo: RepoRef, existing: ExistingCheckRun, externalId: string, summary: string): Promise<number> {
  // A completed run cannot go back to in_progress; its output is overwritten when the scan completes.
  if (existing.status === "completed") {
    await gh.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: existing.id, external_id: externalId });
  } else {
    await gh.rest.checks.update({
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
    await gh.rest.checks.update({
      owner: repo.owner,
      repo: repo.repo,
      check_run_id: checkRunId,
      output: { title: rendered.title, summary: rendered.summary, annotations: batch },
    });
    requests++;
  }
  const last = pending[pending.length - 1];
  await gh.rest.checks.update({
    owner: repo.owner,
    repo: repo.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: rendered.conclusion,
    completed_at: new Date().toISOString(),
    external_id: externalId,
    output: {
      title: rendered.title,
      summary: rendered.summary,
      ...(rendered.text !== undefined ? { text: rendered.text } : {}),
      ...(last ? { annotations: last } : {}),
    },
    actions: rendered.actions.slice(0, 3),
  });
  return requests + 1;
}

/** Ends a run whose scan could not finish: `failure`, never a silent pass, with a button to try again. */
export async function failRun(gh: GitHubClient, repo: RepoRef, checkRunId: number, reason: string, externalId: string, actions: CheckAction[]): Promise<void> {
  await gh.rest.checks.update({
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
    actions: actions.slice(0, 3),
  });
}

/** Replaces the text of a completed run (the "show ignore lines" button), keeping title and summary. */
export async function updateRunText(gh: GitHubClient, repo: RepoRef, checkRunId: number, output: { title: string; summary: string; text: string }): Promise<void> {
  await gh.rest.checks.update({ owner: repo.owner, repo: repo.repo, check_run_id: checkRunId, output });
}
