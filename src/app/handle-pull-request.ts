/** `pull_request` opened, synchronize, reopened, ready_for_review: one check run on the PR's head SHA. */
import type { Context } from "probot";
import { queueCheck, type AppDeps } from "./deps.js";
import { checkPullRequestPayload } from "./payload.js";
import { payloadCustomProperties } from "../github/properties.js";
import { visibilityOf, type ScanTarget } from "./scan-target.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

export async function handlePullRequest(context: Context<"pull_request">, deps: AppDeps): Promise<void> {
  checkPullRequestPayload(context.payload);
  const { pull_request: pr, repository } = context.payload;
  const target: ScanTarget = {
    owner: repository.owner.login,
    repo: repository.name,
    headSha: pr.head.sha,
    defaultBranch: repository.default_branch,
    change: {
      kind: "pull_request",
      number: pr.number,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      headRef: pr.head.ref,
      ...(typeof pr.commits === "number" ? { commitCount: pr.commits } : {}),
    },
    customProperties: payloadCustomProperties(repository),
    ...visibilityOf(repository),
    ...(pr.user?.login ? { actor: pr.user.login } : {}),
  };
  await queueCheck(context, deps, { target, deliveryId: context.id, mode: "event" });
}
