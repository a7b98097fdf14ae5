/**
 * The audit trail's wiring, called by run-check.ts once a scan of Claude-authored changes is done:
 * read the org-level `audit` config, refuse what is unsafe, build the record (pure core), and hand it
 * to the audit issue writer. It never throws and never changes the check's conclusion: what happened
 * comes back as notes for the check run ("audit write failed", "refused: public repository").
 *
 * Safety:
 * - the audit repository comes from the ORG's config only (`<owner>/.github`): a repository's own
 *   `.github/claude-guard.yml` cannot redirect or silence its audit trail;
 * - without AUDIT_HMAC_KEY nothing is written (records carry keyed hashes only), and the check run says so;
 * - the App writes only to a repository GitHub confirms is private or internal. GitHub Apps cannot scope
 *   `issues: write` to one repository, so this check, made on every write, is what keeps the App's issue
 *   permission to the audit repository.
 */
import type { Logger } from "probot";
import { buildAuditRecord, RECOMMENDED_KEY_CHARS, type AuditRecord } from "../core/audit/index.js";
import type { GuardConfig } from "../core/config/config.js";
import { orgFactsOf } from "../core/audit/dashboard.js";
import { ORG_CONFIG_REPO } from "../core/config/load.js";
import { CONFIG_FILE } from "../core/files.js";
import type { CommitChange } from "../core/types.js";
import { AuditIssueWriter, AuditWriteError, checkAuditRepository, type AppIdentity, type RetryPolicy } from "../github/audit-issue.js";
import { describeApiError, type GitHubClient, type RepoRef } from "../github/client.js";
import { loadOrgConfig } from "../github/config.js";
import { recordTeam } from "../github/teams.js";
import type { ScanTarget, TargetScan } from "./scan-target.js";
import { toolVersion } from "../version.js";

export interface AuditSettings {
  /** AUDIT_HMAC_KEY. Absent: the audit feature is off and says why. */
  hmacKey?: string;
  identity: AppIdentity;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const MISSING_KEY_MESSAGE =
  "AUDIT_HMAC_KEY is not set on the App, so the audit feature is off: audit records carry keyed hashes (HMAC-SHA256) and are never written without the key. Scanning is not affected.";

/** From the App's environment: AUDIT_HMAC_KEY, APP_SLUG (optional; the App's bot is `<slug>[bot]`). */
export function auditSettingsFromEnv(env: NodeJS.ProcessEnv, appId?: number): AuditSettings {
  const key = env["AUDIT_HMAC_KEY"];
  const slug = env["APP_SLUG"];
  return {
    ...(key ? { hmacKey: key } : {}),
    identity: { ...(appId !== undefined ? { appId } : {}), ...(slug ? { slug } : {}) },
  };
}

/** For the server's start-up log: why the audit feature is off, or a warning about a weak key. */
export function auditStartupStatus(env: NodeJS.ProcessEnv): { level: "info" | "warn"; message: string } {
  const key = env["AUDIT_HMAC_KEY"];
  if (!key) return { level: "warn", message: `audit feature refused to start: ${MISSING_KEY_MESSAGE}` };
  if (key.length < RECOMMENDED_KEY_CHARS) return { level: "warn", message: `audit feature on, but AUDIT_HMAC_KEY is shorter than ${RECOMMENDED_KEY_CHARS} characters: use a long random key` };
  return { level: "info", message: "audit feature on (AUDIT_HMAC_KEY set)" };
}

type AuditStatus = "written" | "already-recorded" | "not-configured" | "no-claude-changes" | "refused" | "failed";

interface AuditOutcome {
  status: AuditStatus;
  /** For the check run's notes; absent when there is nothing to say (no audit configured). */
  note?: string;
  issue?: { repository: string; number: number };
  /** API requests made for the audit (config read, visibility, issue, comments, body). */
  requests: number;
}

export interface AuditEvent {
  target: ScanTarget;
  deliveryId: string;
  /** The scan; `changes` are the Claude commits with the lines they added (for the input summary). */
  scan: Pick<TargetScan, "report" | "failOn" | "rules" | "configErrors" | "classification"> & { changes?: readonly CommitChange[] };
}

type Log = Pick<Logger, "info" | "warn" | "error" | "debug">;

export async function recordAudit(gh: GitHubClient, log: Log, settings: AuditSettings, event: AuditEvent): Promise<AuditOutcome> {
  let requests = 0;
  const { target, scan } = event;
  if (scan.report.scanned.claudeCommits === 0) return { status: "no-claude-changes", requests };
  // Without the key the feature does not start at all: no request is made, the check run says why.
  if (!settings.hmacKey) {
    log.warn(`audit record not written: ${MISSING_KEY_MESSAGE}`);
    return { status: "refused", note: `Audit trail off: ${MISSING_KEY_MESSAGE}`, requests };
  }
  const hmacKey = settings.hmacKey;
  try {
    // 1. The org's config, and only the org's: the audit key is org level.
    const orgConfig = await loadOrgConfig(gh, target.owner, () => requests++);
    const audit = orgConfig.config.audit;
    if (!audit?.repository) return { status: "not-configured", requests };
    const auditRepo: RepoRef = { owner: target.owner, repo: audit.repository };
    const where = `${auditRepo.owner}/${auditRepo.repo}`;

    // 2. The audit repository must be private or internal, confirmed by GitHub now.
    requests++;
    const visibility = await checkAuditRepository(gh, auditRepo);
    if (!visibility.ok) {
      log.warn({ auditRepository: where, reason: visibility.reason }, "audit record not written: refused");
      return { status: "refused", note: `Audit record not written: the App refused because ${visibility.reason}. Make it private (or internal), or set \`audit.repository\` in the org's ${ORG_CONFIG_REPO}/${CONFIG_FILE}.`, requests };
    }

    // 3. The record.
    const user = target.actor ?? firstAuthorLogin(event.scan.changes);
    const team = user ? await recordTeam(gh, orgConfig.config, target.owner, user, () => requests++) : undefined;
    const record = buildRecord(settings, event, orgConfig.config, user, team);

    // 4. The issue.
    const writer = new AuditIssueWriter({
      gh,
      repo: auditRepo,
      key: hmacKey,
      identity: settings.identity,
      notify: audit.notify,
      orgFacts: orgFactsOf(orgConfig.config),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.sleep ? { sleep: settings.sleep } : {}),
    });
    try {
      const result = await writer.write(record);
      requests += result.requests;
      log.info(
        { auditRepository: where, issue: result.issueNumber, outcome: result.outcome, created: result.created, duplicatesClosed: result.duplicatesClosed.length, bodyWrites: result.bodyWrites, requests },
        "audit record written",
      );
      return {
        status: result.outcome === "appended" ? "written" : "already-recorded",
        note:
          result.outcome === "appended"
            ? `Audit record written to ${where}#${result.issueNumber}${record.incident.critical ? " (critical incident: the notify teams were mentioned)" : ""}.`
            : `Audit record already in ${where}#${result.issueNumber} (a redelivered event adds nothing twice).`,
        issue: { repository: where, number: result.issueNumber },
        requests,
      };
    } catch (error) {
      const reason = error instanceof AuditWriteError ? error.message : describeApiError(error);
      if (error instanceof AuditWriteError) requests += error.requests;
      log.error({ auditRepository: where, reason, requests }, "audit write failed");
      return { status: "failed", note: `Audit write failed: the record of this scan could not be written to ${where} (${reason}). The scan result is unaffected; re-run the check to retry.`, requests };
    }
  } catch (error) {
    const reason = describeApiError(error);
    log.error({ reason }, "audit write failed before reaching the audit issue");
    return { status: "failed", note: `Audit write failed: ${reason}. The scan result is unaffected; re-run the check to retry.`, requests };
  }
}

function buildRecord(settings: AuditSettings, event: AuditEvent, orgConfig: GuardConfig, user: string | undefined, team: string | undefined): AuditRecord {
  const { target, scan } = event;
  const change = target.change;
  return buildAuditRecord({
    timestamp: new Date((settings.now ?? Date.now)()).toISOString(),
    session: { type: "webhook-delivery", id: sessionId(event.deliveryId) },
    repository: { owner: target.owner, name: target.repo },
    ...(scan.classification ? { classification: scan.classification } : {}),
    ...(user ? { user } : {}),
    ...(team ? { team } : {}),
    change: change.kind === "pull_request" ? { type: "pull_request", number: change.number } : { type: "push", ref: change.branch },
    headSha: target.headSha,
    changes: scan.changes ?? [],
    claudeCommits: scan.report.scanned.claudeCommits,
    findings: scan.report.findings,
    failOn: scan.failOn,
    configErrorCount: scan.configErrors.length,
    piiScanRan: scan.rules.some((r) => r.category === "pii"),
    skillPolicyRan: Object.keys(orgConfig.skills).length > 0 || scan.report.findings.some((f) => f.category === "policy"),
    contentPaths: orgConfig.content.paths,
    hmacKey: settings.hmacKey as string,
    tool: { name: "claude-guard", version: toolVersion() },
  });
}

/** A delivery id as a marker can hold it (GitHub's are GUIDs). */
function sessionId(deliveryId: string): string {
  const cleaned = deliveryId.replace(/[^A-Za-z0-9._:-]/g, "_").slice(0, 100);
  return cleaned === "" ? "unknown" : cleaned;
}

function firstAuthorLogin(changes: readonly CommitChange[] | undefined): string | undefined {
  for (const change of changes ?? []) if (change.commit.author.login) return change.commit.author.login;
  return undefined;
}
