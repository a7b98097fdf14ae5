/**
 * One check run's life: find or create the `claude-guard` run on the head SHA, scan, render, complete.
 * Whatever fails after the run exists ends it with a clear `failure` (never left `in_progress`, never a
 * silent pass). Logs carry ids, counts and error summaries only: never file content, never a secret.
 */
import type { Logger } from "probot";
import { describeApiError, type GitHubClient } from "../github/client.js";
import {
  completeRun,
  createInProgress,
  externalIdFor,
  failRun,
  findCheckRun,
  parseExternalId,
  resumeRun,
  STALE_IN_PROGRESS_MS,
  type CheckAction,
} from "../github/check-runs.js";
import { ACTION_IDS, annotationBatches, renderCheckRun } from "../core/report/check-run.js";
import { addedLineIndex, locateAtHead } from "../core/report/head-lines.js";
import type { Finding } from "../core/types.js";
import { readFileAt } from "../github/contents.js";
import { auditSettingsFromEnv, recordAudit, type AuditSettings } from "./audit.js";
import { scanTarget, type ScanTarget, type TargetScan } from "./scan-target.js";
import type { JobResult } from "./work-queue.js";

/** Files read at the head to place earlier commits' findings there; past this, findings are taken as at the head. */
const HEAD_FILE_READS = 30;

/**
 * Where the findings of earlier commits are at the head (annotations can only sit there): each file
 * they are in, read once at the head, compared with the line the commit added. A file that cannot be
 * read leaves its findings where the commit put them.
 */
async function headLinesOf(gh: GitHubClient, target: ScanTarget, scan: TargetScan): Promise<Map<Finding, number | null>> {
  const repo = { owner: target.owner, repo: target.repo };
  const findings = scan.report.findings;
  const paths = [...new Set(findings.filter((f) => f.commit && f.commit !== target.headSha && f.category !== "policy").map((f) => f.path))].slice(0, HEAD_FILE_READS);
  const texts = new Map<string, string | null>();
  for (let i = 0; i < paths.length; i += 5) {
    await Promise.all(
      paths.slice(i, i + 5).map(async (path) => {
        const read = await readFileAt(gh, repo, path, target.headSha).catch(() => undefined);
        if (read?.status === "ok") texts.set(path, read.text);
        else if (read?.status === "missing") texts.set(path, null);
      }),
    );
  }
  const addedLine = addedLineIndex(scan.changes.map((c) => ({ commit: c.commit.sha, files: c.files })));
  return locateAtHead(findings, target.headSha, { text: (path) => texts.get(path), addedLine });
}

const RESCAN_ACTION: CheckAction = { label: "Re-scan", description: "Scan the Claude-authored commits again", identifier: ACTION_IDS.rescan };

interface CheckDeps {
  gh: GitHubClient;
  log: Pick<Logger, "info" | "warn" | "error" | "debug">;
  appId?: number;
  /** The web host for links in the summary, for GitHub Enterprise Server (default https://github.com). */
  serverUrl?: string;
  /** Injected by tests and the bench; defaults to Date.now. */
  now?: () => number;
  /** The audit trail's key and the App's identity; default from the environment (AUDIT_HMAC_KEY). */
  audit?: AuditSettings;
}

export interface CheckJob {
  target: ScanTarget;
  deliveryId: string;
  /**
   * `event`: a webhook about new code (a redelivery, or several events on one SHA, reuse the run);
   * `rerun`: a person asked for a new scan (GitHub's re-run pattern: a new run on the same SHA).
   */
  mode: "event" | "rerun";
  /** Checked inside the job (not while GitHub waits for the webhook's answer): a reason to do nothing. */
  skipIf?: () => Promise<string | undefined>;
}

export async function runCheck(deps: CheckDeps, job: CheckJob): Promise<JobResult> {
  const { gh, log } = deps;
  const { target, deliveryId } = job;
  const repo = { owner: target.owner, repo: target.repo };
  const started = Date.now();
  const running = externalIdFor(deliveryId, "running");
  const inProgressSummary = describeWork(target);

  const skipReason = job.skipIf ? await job.skipIf() : undefined;
  if (skipReason) {
    log.info({ reason: skipReason }, "nothing to scan");
    return "skipped";
  }

  let checkRunId: number | undefined;
  let existing: Awaited<ReturnType<typeof findCheckRun>>;
  if (job.mode === "event") {
    try {
      existing = await findCheckRun(gh, repo, target.headSha, deps.appId);
    } catch (error) {
      // Not knowing is no reason to leave the change unjudged: create a run (at worst a second one).
      log.warn({ reason: describeApiError(error) }, "could not look for an existing check run; creating one");
    }
  }
  if (existing) {
    const previous = parseExternalId(existing.externalId);
    const sameDelivery = previous.deliveryId === deliveryId;
    const age = existing.startedAt ? (deps.now ?? Date.now)() - Date.parse(existing.startedAt) : Infinity;
    if (sameDelivery && existing.status === "completed" && previous.outcome === "done") {
      log.info({ checkRunId: existing.id }, "redelivered webhook: its check run is already complete, nothing to do");
      return "skipped";
    }
    if (sameDelivery && existing.status !== "completed" && age < STALE_IN_PROGRESS_MS) {
      log.info({ checkRunId: existing.id }, "redelivered webhook: its check run is in progress elsewhere, nothing to do");
      return "skipped";
    }
  }
  // Reused: a run still in progress (a crashed attempt, another event on this SHA), or this delivery's
  // own failed attempt (it carries no annotations, so completing it again cannot duplicate any).
  const reusable =
    existing &&
    (existing.status !== "completed" || (parseExternalId(existing.externalId).deliveryId === deliveryId && existing.annotationsCount === 0));

  let stage = "creating the check run";
  try {
    if (existing && reusable) {
      checkRunId = existing.id;
      await resumeRun(gh, repo, existing, running, inProgressSummary);
    } else {
      checkRunId = await createInProgress(gh, repo, target.headSha, running, inProgressSummary);
    }
    log.info({ checkRunId, headSha: target.headSha, reused: Boolean(reusable) }, "check run in progress");

    stage = "scanning";
    const scan: TargetScan = await scanTarget(gh, target);
    // Before the run completes, so that a refused or failed audit write is said in the check run.
    // recordAudit never throws and never changes the conclusion.
    const audited = await recordAudit(gh, log, deps.audit ?? auditSettingsFromEnv(process.env, deps.appId), { target, deliveryId, scan });
    const headLines = await headLinesOf(gh, target, scan);
    const rendered = renderCheckRun({
      report: scan.report,
      headLines,
      // Where this deployment's claude-guard docs are (e.g. https://github.com/OWNER/claude-guard/blob/main/docs): rule pages are linked.
      ...(process.env["CLAUDE_GUARD_DOCS_URL"] ? { docsUrl: process.env["CLAUDE_GUARD_DOCS_URL"] } : {}),
      rules: scan.rules,
      failOn: scan.failOn,
      ...(scan.classification ? { classification: scan.classification } : {}),
      configErrors: scan.configErrors,
      // A failed audit write is said on the first screen; a written or refused record is a note.
      notes: audited.note && audited.status !== "failed" ? [...scan.notes, audited.note] : scan.notes,
      ...(audited.note && audited.status === "failed" ? { warnings: [audited.note] } : {}),
      repository: { owner: target.owner, repo: target.repo, headSha: target.headSha, ...(deps.serverUrl ? { serverUrl: deps.serverUrl } : {}) },
    });
    stage = "completing the check run";
    await completeRun(gh, repo, checkRunId, rendered, annotationBatches(rendered.annotations), externalIdFor(deliveryId, "done"));
    log.info(
      {
        checkRunId,
        conclusion: rendered.conclusion,
        commits: scan.report.scanned.commits,
        claudeCommits: scan.report.scanned.claudeCommits,
        files: scan.report.scanned.files,
        findings: scan.report.findings.length,
        skipped: scan.report.scanned.skipped.length,
        ms: Date.now() - started,
      },
      "check run completed",
    );
    return "done";
  } catch (error) {
    const reason = describeApiError(error);
    // Every failed job is an error (the logger is bound to the delivery id: deps.ts), whatever
    // the stage: a job that cannot even create its check run must not end as a lone warning.
    if (checkRunId === undefined) {
      log.error({ stage, reason }, "scan job failed: the check run could not be created, so the change was not scanned and GitHub shows no claude-guard check for it");
      return "failed";
    }
    log.error({ checkRunId, stage, reason }, "scan job failed; completing the check run with the reason");
    try {
      await failRun(gh, repo, checkRunId, reason, externalIdFor(deliveryId, "retry"), [RESCAN_ACTION]);
    } catch (secondError) {
      log.error({ checkRunId, reason: describeApiError(secondError) }, "scan job failed and its check run could not be completed either: it stays in progress");
    }
    return "failed";
  }
}

function describeWork(target: ScanTarget): string {
  const change = target.change;
  return change.kind === "pull_request"
    ? `Reading the commits of pull request #${change.number} and scanning what Claude's commits added.`
    : `Reading the commits pushed to \`${change.branch}\` and scanning what Claude's commits added.`;
}
