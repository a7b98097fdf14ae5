/**
 * `push`: commits pushed straight to a branch, the default branch above all. A push to a branch with an
 * open pull request is left to `pull_request.synchronize` (which scans every commit of the PR), so one
 * push never yields two scans; tags and branch deletions carry no new code to judge.
 */
import type { Context } from "probot";
import { ZERO_SHA, type GitHubClient } from "../github/client.js";
import { queueCheck, type AppDeps } from "./deps.js";
import { checkPushPayload } from "./payload.js";
import { payloadCustomProperties } from "../github/properties.js";
import { visibilityOf, type PushPayloadCommit, type ScanTarget } from "./scan-target.js";

export async function handlePush(context: Context<"push">, deps: AppDeps): Promise<void> {
  checkPushPayload(context.payload);
  const payload = context.payload;
  if (payload.deleted || payload.after === ZERO_SHA || !payload.ref.startsWith("refs/heads/")) {
    context.log.debug({ ref: payload.ref }, "push without new branch commits: nothing to scan");
    return;
  }
  const repository = payload.repository;
  const branch = payload.ref.slice("refs/heads/".length);
  const defaultBranch = repository.default_branch ?? (repository as { master_branch?: string }).master_branch ?? "main";
  const target: ScanTarget = {
    owner: repository.owner?.login ?? repository.owner?.name ?? "",
    repo: repository.name,
    headSha: payload.after,
    defaultBranch,
    change: {
      kind: "push",
      branch,
      before: payload.before,
      after: payload.after,
      payloadCommits: (payload.commits ?? []) as unknown as PushPayloadCommit[],
    },
    customProperties: payloadCustomProperties(repository),
    ...visibilityOf(repository),
    ...(payload.pusher?.name ? { actor: payload.pusher.name } : {}),
  };
  const gh = context.octokit as unknown as GitHubClient;
  const skipIf = async () =>
    branch !== defaultBranch && (await hasOpenPullRequest(gh, target)) ? "a push to a branch with an open pull request: the pull_request event scans it" : undefined;
  await queueCheck(context, deps, { target, deliveryId: context.id, mode: "event", skipIf });
}

/** One request, made only for pushes to other branches than the default one. */
async function hasOpenPullRequest(gh: GitHubClient, target: ScanTarget): Promise<boolean> {
  try {
    const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner: target.owner, repo: target.repo, commit_sha: target.headSha, per_page: 10 });
    return data.some((pr) => pr.state === "open" && pr.head.sha === target.headSha);
  } catch {
    // Unknown: scan rather than risk scanning nothing.
    return false;
  }
}
