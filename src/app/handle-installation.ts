/**
 * The installation baseline (issue 15): when the App is installed (`installation.created`) or given more
 * repositories (`installation_repositories.added`), it takes the inventory of those repositories, as
 * `claude-guard inventory --org` does (src/github/inventory.ts, src/core/inventory), and writes one signed
 * `inventory-baseline` record per repository to the org's audit issue.
 *
 * The same rules as the audit records (audit.ts): the audit repository comes from the org's config only,
 * must be private or internal (confirmed by GitHub), and nothing is written without AUDIT_HMAC_KEY. The
 * App keeps no state: the records already in the issue are the checkpoint, so a redelivered event or a
 * restart after a crash reads and writes only the repositories still missing (a repository that could not
 * be read is skipped and left for that next run). Rate limits are waited out (the baseline is a long read,
 * not an answer someone waits for).
 */
import type { Context, Logger } from "probot";
import { buildBaselineRecord } from "../core/audit/index.js";
import { orgFactsOf } from "../core/audit/dashboard.js";
import { repositoryInventory } from "../core/inventory/index.js";
import { AuditIssueWriter, checkAuditRepository } from "../github/audit-issue.js";
import { describeApiError, honourRateLimits, type GitHubClient } from "../github/client.js";
import { loadOrgConfig, type ConfigTextCache } from "../github/config.js";
import { authorTeams, orgPropertyValues, readInventoryRepository } from "../github/inventory.js";
import { toolVersion } from "../version.js";
import { auditSettingsFromEnv, type AuditSettings } from "./audit.js";
import { queueWork, type AppDeps } from "./deps.js";

export const INSTALLATION_EVENTS = ["installation.created", "installation_repositories.added"] as const;

type Log = Pick<Logger, "info" | "warn" | "error">;

interface PayloadRepository {
  name?: unknown;
  private?: unknown;
}

interface BaselineEvent {
  owner: string;
  deliveryId: string;
  repositories: Array<{ name: string; visibility?: string }>;
}

interface BaselineOutcome {
  status: "done" | "not-configured" | "refused" | "failed";
  /** `owner/name` of the repositories whose record this run wrote, and of those already recorded. */
  written: string[];
  alreadyRecorded: string[];
}

export function handleInstallation(context: Context<"installation.created" | "installation_repositories.added">, deps: AppDeps): Promise<void> {
  const payload = context.payload as unknown as { installation?: { account?: { login?: unknown } | null }; repositories?: PayloadRepository[]; repositories_added?: PayloadRepository[] };
  const owner = payload.installation?.account?.login;
  const listed = payload.repositories_added ?? payload.repositories ?? [];
  const repositories = listed
    .filter((r): r is { name: string; private?: unknown } => typeof r.name === "string")
    .map((r) => ({ name: r.name, ...(typeof r.private === "boolean" ? { visibility: r.private ? "private" : "public" } : {}) }));
  if (typeof owner !== "string" || repositories.length === 0) return Promise.resolve();
  const log = context.log.child({ deliveryId: context.id, owner, event: context.name });
  const gh = context.octokit as unknown as GitHubClient;
  const settings = auditSettingsFromEnv(process.env, deps.appId);
  log.info({ repositories: repositories.length }, "queued the installation baseline");
  // One baseline per owner at a time: two events for the same org do not read a repository twice.
  return queueWork(context, deps, `installation-baseline:${owner}`, async () => {
    honourRateLimits(gh, { onWait: (ms, why) => log.info({ waitMs: ms }, `installation baseline: ${why}; waiting before going on`) });
    const outcome = await takeInstallationBaseline(gh, log, settings, { owner, deliveryId: context.id, repositories });
    return outcome.status === "failed" ? "failed" : "done";
  });
}

/** Reads each repository not yet in the audit issue and appends its baseline record. Never throws. */
export async function takeInstallationBaseline(gh: GitHubClient, log: Log, settings: AuditSettings, event: BaselineEvent): Promise<BaselineOutcome> {
  const outcome: BaselineOutcome = { status: "done", written: [], alreadyRecorded: [] };
  if (!settings.hmacKey) {
    log.warn("installation baseline not taken: AUDIT_HMAC_KEY is not set, so the audit feature is off");
    return { ...outcome, status: "refused" };
  }
  const { owner } = event;
  try {
    const configTexts: ConfigTextCache = new Map();
    const orgConfig = (await loadOrgConfig(gh, owner, undefined, configTexts)).config;
    const audit = orgConfig.audit;
    if (!audit?.repository) return { ...outcome, status: "not-configured" };
    const auditRepo = { owner, repo: audit.repository };
    const where = `${owner}/${audit.repository}`;
    const visibility = await checkAuditRepository(gh, auditRepo);
    if (!visibility.ok) {
      log.warn({ auditRepository: where, reason: visibility.reason }, "installation baseline not written: refused");
      return { ...outcome, status: "refused" };
    }
    const writer = new AuditIssueWriter({
      gh,
      repo: auditRepo,
      key: settings.hmacKey,
      identity: settings.identity,
      orgFacts: orgFactsOf(orgConfig),
      ...(settings.retry ? { retry: settings.retry } : {}),
      ...(settings.sleep ? { sleep: settings.sleep } : {}),
    });
    const checkpoint = await writer.recordedBaselines();
    const missing = [...event.repositories].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let properties: Awaited<ReturnType<typeof orgPropertyValues>>;
    let propertiesRead = false;
    for (const repository of missing) {
      const name = `${owner}/${repository.name}`;
      if (checkpoint.repositories.has(name.toLowerCase())) {
        outcome.alreadyRecorded.push(name);
        continue;
      }
      if (!propertiesRead) {
        properties = await orgPropertyValues(gh, owner);
        propertiesRead = true;
      }
      let history: Awaited<ReturnType<typeof readInventoryRepository>>;
      try {
        history = await readInventoryRepository(gh, owner, repository, { properties, configTexts, scan: false });
      } catch (error) {
        // One unreadable repository does not hold up the others; it is read again on the next run.
        log.warn({ repository: name, reason: describeApiError(error) }, "installation baseline: repository not read, left for the next run");
        outcome.status = "failed";
        continue;
      }
      const teams = await authorTeams(gh, owner, [history]);
      const record = buildBaselineRecord({
        timestamp: new Date((settings.now ?? Date.now)()).toISOString(),
        deliveryId: event.deliveryId,
        inventory: repositoryInventory(history, (login) => teams.get(login) ?? []),
        tool: { name: "claude-guard", version: toolVersion() },
      });
      await writer.appendBaseline(checkpoint.issueNumber, record);
      outcome.written.push(name);
      log.info({ auditRepository: where, issue: checkpoint.issueNumber, repository: name, claudeCommits: record.repository.claude.commits }, "installation baseline record written");
    }
    return outcome;
  } catch (error) {
    log.error({ reason: describeApiError(error), written: outcome.written.length }, "installation baseline stopped: a redelivery (or the next installation event) resumes after the records written");
    return { ...outcome, status: "failed" };
  }
}
