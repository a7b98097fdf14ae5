/**
 * Which commits to scan, from the event that started the workflow (GITHUB_EVENT_PATH) or the `base` and
 * `head` inputs. Pure: the caller reads the payload and later resolves and fetches the revisions.
 *
 * - pull_request / pull_request_target: `pull_request.base.sha..pull_request.head.sha`, the commits the
 *   PR adds (not the merge commit actions/checkout checks out by default).
 * - push: `before..after`. An all-zero `before` is a new branch: what it holds beyond the default branch
 *   (or, for the first push to the default branch itself, its whole history). A deleted branch: nothing.
 * - merge_group: `base_sha..head_sha`.
 * - Inputs win over the event, each on its own: `base` alone keeps the event's head, and so on.
 */
export type ScanPlan =
  | {
      kind: "range";
      base: string;
      head: string;
      /** The head branch, an authorship hint (`claude/...` branches). */
      branch?: string;
      /** Commits in the pull request, when the payload says (for the fetch-depth advice). */
      commitCount?: number;
      pullRequest?: number;
      description: string;
    }
  | { kind: "new-branch"; head: string; branch: string; defaultBranch: string; description: string }
  | { kind: "history"; head: string; branch?: string; description: string }
  | { kind: "nothing"; reason: string };

interface PlanInputs {
  base?: string;
  head?: string;
}

type Json = Record<string, unknown>;

const isZeroSha = (sha: unknown): boolean => typeof sha === "string" && /^0+$/.test(sha);

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

const short = (rev: string) => (/^[0-9a-f]{40,64}$/i.test(rev) ? rev.slice(0, 7) : rev);

/** The plan the event alone gives, or undefined for events that carry no range (workflow_dispatch, schedule). */
function planFromEvent(eventName: string, payload: Json, fallbackSha: string | undefined): ScanPlan | undefined {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    const pr = obj(payload["pull_request"]);
    const base = str(obj(pr?.["base"])?.["sha"]);
    const head = str(obj(pr?.["head"])?.["sha"]);
    if (!pr || !base || !head) return undefined;
    const number = typeof pr["number"] === "number" ? pr["number"] : typeof payload["number"] === "number" ? payload["number"] : undefined;
    const branch = str(obj(pr["head"])?.["ref"]);
    const plan: ScanPlan = {
      kind: "range",
      base,
      head,
      description: `pull request${number !== undefined ? ` #${number}` : ""} (${short(base)}..${short(head)})`,
    };
    if (branch) plan.branch = branch;
    if (typeof pr["commits"] === "number") plan.commitCount = pr["commits"];
    if (number !== undefined) plan.pullRequest = number;
    return plan;
  }
  if (eventName === "push") {
    const before = str(payload["before"]);
    const after = str(payload["after"]) ?? fallbackSha;
    const ref = str(payload["ref"]) ?? "";
    const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : undefined;
    if (payload["deleted"] === true || isZeroSha(after)) return { kind: "nothing", reason: `the push deleted ${ref || "a ref"}: there is nothing to scan` };
    if (!after) return undefined;
    if (before && !isZeroSha(before)) {
      return { kind: "range", base: before, head: after, ...(branch ? { branch } : {}), description: `push to ${branch ?? ref} (${short(before)}..${short(after)})` };
    }
    const defaultBranch = str(obj(payload["repository"])?.["default_branch"]);
    if (branch && defaultBranch && branch !== defaultBranch) {
      return { kind: "new-branch", head: after, branch, defaultBranch, description: `new branch ${branch}: its commits beyond ${defaultBranch} (up to ${short(after)})` };
    }
    return { kind: "history", head: after, ...(branch ? { branch } : {}), description: `first push to ${branch ?? ref}: all history of ${short(after)}` };
  }
  if (eventName === "merge_group") {
    const group = obj(payload["merge_group"]);
    const base = str(group?.["base_sha"]);
    const head = str(group?.["head_sha"]);
    if (base && head) return { kind: "range", base, head, description: `merge queue group (${short(base)}..${short(head)})` };
  }
  return undefined;
}

/**
 * The plan for this run. Throws when neither the event nor the inputs say what to scan, with a message
 * that says which inputs to set.
 */
export function planScan(eventName: string, payload: Json, inputs: PlanInputs, githubSha?: string): ScanPlan {
  const fromEvent = planFromEvent(eventName, payload, githubSha);
  if (inputs.base === undefined && inputs.head === undefined) {
    if (fromEvent) return fromEvent;
    throw new Error(
      `The ${eventName || "unknown"} event does not say which commits to scan: set the base and head inputs ` +
        "(for example base: ${{ github.event.before }} and head: ${{ github.sha }}), or run on pull_request or push.",
    );
  }
  const eventHead = fromEvent && fromEvent.kind !== "nothing" ? fromEvent.head : undefined;
  const head = inputs.head ?? eventHead ?? githubSha;
  if (!head) throw new Error("Input base is set but no head is known: set the head input too.");
  const branch = fromEvent && "branch" in fromEvent ? fromEvent.branch : undefined;
  const base = inputs.base ?? (fromEvent?.kind === "range" ? fromEvent.base : undefined);
  if (base === undefined) {
    return { kind: "history", head, ...(branch ? { branch } : {}), description: `all history of ${short(head)} (input head, no base)` };
  }
  // Still the event's pull request (for the audit record), only over other commits.
  const pullRequest = fromEvent?.kind === "range" ? fromEvent.pullRequest : undefined;
  return {
    kind: "range",
    base,
    head,
    ...(branch ? { branch } : {}),
    ...(pullRequest !== undefined ? { pullRequest } : {}),
    description: `${short(base)}..${short(head)} (from the inputs)`,
  };
}
