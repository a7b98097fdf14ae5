/** `pull_request` opened, synchronize, reopened, ready_for_review: one check run on the PR's head SHA. */
import type { Context } from "probot";
import { queueCheck, type AppDeps } from "./deps.js";
import { checkPullRequestPayload } from "./payload.js";
import type { PropertyValues, ScanTarget } from "./scan-target.js";

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
    customProperties: customPropertiesOf(repository),
    ...visibilityOf(repository),
    ...(pr.user?.login ? { actor: pr.user.login } : {}),
  };
  await queueCheck(context, deps, { target, deliveryId: context.id, mode: "event" });
}

/** `{ visibility }` from the payload's `repository.visibility`, else its `private` flag; `{}` when neither. */
export function visibilityOf(repository: unknown): { visibility?: string } {
  const r = repository as { visibility?: unknown; private?: unknown } | null;
  if (typeof r?.visibility === "string" && r.visibility) return { visibility: r.visibility };
  if (typeof r?.private === "boolean") return { visibility: r.private ? "private" : "public" };
  return {};
}

/** `repository.custom_properties` when the payload carries it (absent is not the same as empty). */
export function customPropertiesOf(repository: unknown): PropertyValues | undefined {
  const value = (repository as { custom_properties?: unknown } | null)?.custom_properties;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as PropertyValues) : undefined;
}
