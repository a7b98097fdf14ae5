/** What the event handlers share: the work queue and what identifies this App. */
import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { runCheck, type CheckJob } from "./run-check.js";
import type { JobResult, WorkQueue } from "./work-queue.js";

export interface AppDeps {
  queue: WorkQueue;
  /** This App's id: check runs of other apps (or of the Action) named `claude-guard` are left alone. */
  appId?: number;
  /** GitHub Enterprise Server's web host, for links in the check run. */
  serverUrl?: string;
}

/** Queues a check-run job for the event; the handler returns at once (see work-queue.ts). */
export function queueCheck(context: Context, deps: AppDeps, job: CheckJob): Promise<void> {
  const log = context.log.child({ deliveryId: job.deliveryId, repo: `${job.target.owner}/${job.target.repo}`, headSha: job.target.headSha, event: context.name });
  const gh = context.octokit as unknown as GitHubClient;
  const key = `${job.target.owner}/${job.target.repo}@${job.target.headSha}`;
  const work = (): Promise<JobResult> => runCheck({ gh, log, ...(deps.appId ? { appId: deps.appId } : {}), ...(deps.serverUrl ? { serverUrl: deps.serverUrl } : {}) }, job);
  log.info("queued a claude-guard scan");
  return deps.queue.submit(key, job.deliveryId, work);
}

/** Submits other work (the "show ignore lines" button) under the same rules. */
export function queueWork(context: Context, deps: AppDeps, key: string, work: () => Promise<JobResult>): Promise<void> {
  return deps.queue.submit(key, context.id, work);
}
