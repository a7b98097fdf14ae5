/**
 * `check_suite` and `check_run` events: re-runs asked for from GitHub's UI, and the check run's buttons.
 *
 * - `check_suite.requested` comes with every push, together with `push` (and `pull_request.synchronize`
 *   on a PR branch), which already scan those commits: acting on it too would scan each push twice.
 * - `check_suite.rerequested` ("Re-run all checks") and `check_run.rerequested` ("Re-run"): a new scan,
 *   on a new run as GitHub expects for re-runs.
 * - `check_run.requested_action`: "Re-scan" does the same; "Show ignore lines" writes the
 *   `.claude-guard-ignore` lines of the current findings into the run's details.
 */
import type { Context } from "probot";
import { ZERO_SHA, type GitHubClient } from "../github/client.js";
import { CHECK_RUN_NAME } from "../core/report/check-run.js";
import { updateRunText } from "../github/check-runs.js";
import { payloadCustomProperties } from "../github/properties.js";
import { ACTION_IDS, renderIgnoreLinesMarkdown } from "../core/report/check-run.js";
import { queueCheck, queueWork, type AppDeps } from "./deps.js";
import { checkCheckRunPayload, checkCheckSuitePayload } from "./payload.js";
import { scanTarget, visibilityOf, type ScanTarget } from "./scan-target.js";

export const CHECK_EVENTS = ["check_suite.requested", "check_suite.rerequested", "check_run.rerequested", "check_run.requested_action"] as const;

interface SuiteLike {
  head_sha: string;
  head_branch: string | null;
  before: string | null;
  after?: string | null;
  pull_requests?: Array<{ number: number; head: { ref: string; sha: string }; base: { ref: string; sha: string } }> | null;
}

interface RepositoryLike {
  name: string;
  owner: { login: string };
  default_branch: string;
}

export async function handleCheckSuite(context: Context<"check_suite">, deps: AppDeps): Promise<void> {
  if (context.payload.action === "requested") {
    context.log.debug("check_suite.requested: the push and pull_request events of the same commits do the scan");
    return;
  }
  if (context.payload.action !== "rerequested") return;
  checkCheckSuitePayload(context.payload);
  const target = targetFromSuite(context.payload.repository, context.payload.check_suite as SuiteLike, context.payload.check_suite.head_sha);
  await queueCheck(context, deps, { target, deliveryId: context.id, mode: "rerun" });
}

export async function handleCheckRun(context: Context<"check_run">, deps: AppDeps): Promise<void> {
  checkCheckRunPayload(context.payload);
  const run = context.payload.check_run;
  // Only our own runs: another app's (or the Action's) run of the same name is not ours to redo.
  if (run.name !== CHECK_RUN_NAME || (deps.appId && run.app?.id && run.app.id !== deps.appId)) return;
  const suite = { ...(run.check_suite as unknown as SuiteLike) };
  if (run.pull_requests?.length) suite.pull_requests = run.pull_requests as SuiteLike["pull_requests"];
  const target = targetFromSuite(context.payload.repository, suite, run.head_sha);

  if (context.payload.action === "rerequested") {
    await queueCheck(context, deps, { target, deliveryId: context.id, mode: "rerun" });
    return;
  }
  if (context.payload.action !== "requested_action") return;
  const identifier = (context.payload as { requested_action?: { identifier?: string } }).requested_action?.identifier ?? "";
  if (identifier === ACTION_IDS.ignoreLines) {
    const gh = context.octokit as unknown as GitHubClient;
    const output = run.output ?? { title: null, summary: null, text: null };
    await queueWork(context, deps, `${target.owner}/${target.repo}@${target.headSha}`, async () => {
      const scan = await scanTarget(gh, target);
      const ignoreLines = scan.report.findings.length === 0 ? "No finding to suppress.\n" : renderIgnoreLinesMarkdown(scan.report.findings);
      // The ignore lines first; the run's former details after them, within GitHub's 65,535 characters.
      const text = ignoreLines + (output.text ? `\n${output.text}` : "");
      await updateRunText(gh, { owner: target.owner, repo: target.repo }, run.id, {
        title: output.title ?? "claude-guard",
        summary: output.summary ?? "",
        text: text.length > 65_000 ? text.slice(0, 64_900) + "\n\n_… the rest of the details was cut to fit GitHub's limit._" : text,
      });
      return "done";
    });
    return;
  }
  // "rescan" and any other button: scan again.
  await queueCheck(context, deps, { target, deliveryId: context.id, mode: "rerun" });
}

function targetFromSuite(repositoryPayload: unknown, suite: SuiteLike, headSha: string): ScanTarget {
  const repository = repositoryPayload as RepositoryLike;
  const base = {
    owner: repository.owner.login,
    repo: repository.name,
    headSha,
    defaultBranch: repository.default_branch,
    customProperties: payloadCustomProperties(repositoryPayload),
    ...visibilityOf(repositoryPayload),
  };
  const pr = suite.pull_requests?.[0];
  if (pr) {
    return { ...base, change: { kind: "pull_request", number: pr.number, baseRef: pr.base.ref, baseSha: pr.base.sha, headRef: pr.head.ref } };
  }
  return { ...base, change: { kind: "push", branch: suite.head_branch ?? repository.default_branch, before: suite.before ?? ZERO_SHA, after: headSha } };
}
