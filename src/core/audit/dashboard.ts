/**
 * The audit issue's body: a dashboard rebuilt from every record comment (never from a counter held in
 * memory, so any replica that rebuilds after the last write produces the complete body), plus the
 * compliance and maturity sections. Deterministic: the same records and controls give the same body,
 * byte for byte, which is what lets the App skip writing a body that did not change. Pure.
 */
import type { GuardConfig } from "../config/config.js";
import { codeSpan, utf8Length } from "../report/markdown.js";
import { CATEGORIES, type Category } from "../types.js";
import { signature, signatureMatches } from "./hash.js";
import { renderComplianceSection, type GovernanceControls } from "./compliance.js";
import { categoryTotal, policyViolations, recordKey, type AuditRecord } from "./record.js";

export const AUDIT_ISSUE_TITLE = "claude-guard audit trail";
export const AUDIT_LABEL = "claude-guard-audit";
/** GitHub's limit for an issue body is 65,536 characters; bytes are never fewer. */
const BODY_BUDGET = 60_000;
const MAX_INCIDENTS = 20;

const ISSUE_MARKER = /^<!-- claude-guard:audit-issue v1 org=([A-Za-z0-9-]{1,39}) sig=([0-9a-f]{32}) -->/;

function issueSignedText(org: string): string {
  return `audit-issue:v1\n${org.toLowerCase()}`;
}

export function issueMarker(org: string, key: string): string {
  return `<!-- claude-guard:audit-issue v1 org=${org} sig=${signature(key, issueSignedText(org))} -->`;
}

/** Does this body carry the audit issue's marker for `org`, signed with `key`? */
export function hasIssueMarker(body: string | null | undefined, org: string, key: string): boolean {
  const match = ISSUE_MARKER.exec(body ?? "");
  return Boolean(match && (match[1] as string).toLowerCase() === org.toLowerCase() && signatureMatches(key, issueSignedText(org), match[2] as string));
}

/** Records in comment order with redeliveries (same key) counted once: the oldest comment wins. */
function uniqueRecords(records: readonly AuditRecord[]): AuditRecord[] {
  const seen = new Set<string>();
  const out: AuditRecord[] = [];
  for (const record of records) {
    const key = recordKey(record);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(record);
  }
  return out;
}

interface RepositorySummary {
  repository: string;
  classification: string | null;
  events: number;
  /** Distinct Claude commits scanned (a re-scan of a pull request counts its commits once). */
  claudeCommits: number;
  /** Findings of the latest scan of each change (a pull request's latest push; every push). */
  findings: Record<Category, number>;
  openViolations: number;
  lastEvent: { timestamp: string; user: string | null };
}

interface DashboardSummary {
  repositories: RepositorySummary[];
  totals: Omit<RepositorySummary, "repository" | "classification" | "lastEvent"> & { repositories: number; criticalIncidents: number; lastEvent?: { timestamp: string; user: string | null; repository: string } };
  incidents: AuditRecord[];
}

/** A pull request is one change across its pushes; each push is a change of its own. */
function changeKey(record: AuditRecord): string {
  const input = record.input_summary;
  return input.type === "pull_request" ? `pr:${input.pull_request}` : `push:${input.ref}@${input.head_sha}`;
}

const byTime = (a: AuditRecord, b: AuditRecord): number => a.timestamp.localeCompare(b.timestamp) || recordKey(a).localeCompare(recordKey(b));

export function summarise(recordsInCommentOrder: readonly AuditRecord[]): DashboardSummary {
  const records = uniqueRecords(recordsInCommentOrder).sort(byTime);
  const byRepo = new Map<string, AuditRecord[]>();
  for (const record of records) {
    const repo = `${record.repository.owner}/${record.repository.name}`;
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), record]);
  }
  const repositories: RepositorySummary[] = [];
  for (const [repository, list] of [...byRepo.entries()].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))) {
    const commits = new Set<string>();
    let extraCommits = 0;
    const latest = new Map<string, AuditRecord>();
    for (const record of list) {
      record.input_summary.commits.forEach((sha) => commits.add(sha));
      // A record keeps at most 100 SHAs: the rest are counted as they come.
      extraCommits += Math.max(0, record.input_summary.claude_commits - record.input_summary.commits.length);
      latest.set(changeKey(record), record);
    }
    const findings = { secret: 0, placeholder: 0, pii: 0, policy: 0 };
    let openViolations = 0;
    for (const record of latest.values()) {
      for (const c of CATEGORIES) findings[c] += categoryTotal(record, c);
      openViolations += policyViolations(record);
    }
    const last = list[list.length - 1] as AuditRecord;
    repositories.push({
      repository,
      classification: last.repository.classification,
      events: list.length,
      claudeCommits: commits.size + extraCommits,
      findings,
      openViolations,
      lastEvent: { timestamp: last.timestamp, user: last.user },
    });
  }
  const sum = (f: (r: RepositorySummary) => number) => repositories.reduce((n, r) => n + f(r), 0);
  const lastRecord = records[records.length - 1];
  const incidents = records.filter((r) => r.incident.critical).reverse();
  return {
    repositories,
    totals: {
      repositories: repositories.length,
      events: records.length,
      claudeCommits: sum((r) => r.claudeCommits),
      findings: { secret: sum((r) => r.findings.secret), placeholder: sum((r) => r.findings.placeholder), pii: sum((r) => r.findings.pii), policy: sum((r) => r.findings.policy) },
      openViolations: sum((r) => r.openViolations),
      criticalIncidents: incidents.length,
      ...(lastRecord ? { lastEvent: { timestamp: lastRecord.timestamp, user: lastRecord.user, repository: `${lastRecord.repository.owner}/${lastRecord.repository.name}` } } : {}),
    },
    incidents,
  };
}

export interface OrgFacts {
  /** `audit.repository` is configured (true whenever the App writes). */
  auditRepository: boolean;
  keyedHashes: boolean;
  /** The org config has `skills:` entries. */
  skillsConfigured: boolean;
  /** The org config has `content.paths` entries. */
  contentPathsConfigured: boolean;
  failOn: string;
  notifyTeams: number;
}

/** What the org's config says about its controls, for an audit issue written under it. */
export function orgFactsOf(config: Pick<GuardConfig, "skills" | "content" | "failOn" | "audit">): OrgFacts {
  return {
    auditRepository: Boolean(config.audit?.repository),
    keyedHashes: true,
    skillsConfigured: Object.keys(config.skills).length > 0,
    contentPathsConfigured: Object.keys(config.content.paths).length > 0,
    failOn: config.failOn,
    notifyTeams: config.audit?.notify.length ?? 0,
  };
}

/** The controls, from the org config and what the latest record of each repository says. */
export function deriveControls(recordsInCommentOrder: readonly AuditRecord[], org: OrgFacts): GovernanceControls {
  const records = uniqueRecords(recordsInCommentOrder).sort(byTime);
  const latestByRepo = new Map<string, AuditRecord>();
  for (const r of records) latestByRepo.set(`${r.repository.owner}/${r.repository.name}`.toLowerCase(), r);
  const latest = [...latestByRepo.values()];
  const newest = records[records.length - 1];
  return {
    auditTrail: org.auditRepository && records.length > 0,
    keyedHashes: org.keyedHashes,
    secretScan: true,
    piiScan: newest ? newest.policy_checks.pii_scan !== "not-run" : false,
    classification: latest.length > 0 && latest.every((r) => r.repository.classification !== null),
    skillPolicy: org.skillsConfigured || latest.some((r) => r.policy_checks.skill_policy !== "not-run"),
    contentClassification: org.contentPathsConfigured,
    enforcement: org.failOn !== "none",
    incidentNotify: org.notifyTeams > 0,
  };
}

interface DashboardInput {
  org: string;
  key: string;
  records: readonly AuditRecord[];
  controls: GovernanceControls;
}

export function renderDashboard(input: DashboardInput): string {
  const summary = summarise(input.records);
  let shown = summary.repositories;
  let body = renderBody(input, summary, shown);
  // Too many repositories for one issue body: keep the most recently active, say how many are left out.
  while (utf8Length(body) > BODY_BUDGET && shown.length > 1) {
    const keep = Math.max(1, Math.floor(shown.length * 0.8));
    shown = [...shown].sort((a, b) => b.lastEvent.timestamp.localeCompare(a.lastEvent.timestamp) || a.repository.localeCompare(b.repository)).slice(0, keep);
    shown.sort((a, b) => (a.repository.toLowerCase() < b.repository.toLowerCase() ? -1 : 1));
    body = renderBody(input, summary, shown);
  }
  return body;
}

function renderBody(input: DashboardInput, summary: DashboardSummary, shown: RepositorySummary[]): string {
  const t = summary.totals;
  const lines: string[] = [
    issueMarker(input.org, input.key),
    "# claude-guard audit trail",
    "",
    "What Claude-authored changes were scanned across the organization, and what was found. This body is rebuilt from the record comments below " +
      "(one per scanned change, each holding its JSON record); it is written by claude-guard, and edits to it are overwritten.",
    "",
    "## Organization totals",
    "",
    "| Repositories | Scanned changes | Claude commits | Secrets | Placeholders | PII | Policy | Open policy violations | Critical incidents | Last event |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    `| ${t.repositories} | ${t.events} | ${t.claudeCommits} | ${t.findings.secret} | ${t.findings.placeholder} | ${t.findings.pii} | ${t.findings.policy} | ${t.openViolations} | ${t.criticalIncidents} | ${
      t.lastEvent ? `${t.lastEvent.timestamp} in ${codeSpan(t.lastEvent.repository, { inTable: true })}` : "none yet"
    } |`,
    "",
    "Findings count the latest scan of each change (a pull request's latest push, and every push); Claude commits are counted once however often they were scanned.",
    "",
    "## Repositories",
    "",
  ];
  if (summary.repositories.length === 0) lines.push("No Claude-authored change has been scanned yet.");
  else {
    lines.push(
      "| Repository | Classification | Claude commits | Secrets | Placeholders | PII | Policy | Open policy violations | Last event |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const r of shown) {
      const who = r.lastEvent.user ? ` by ${codeSpan(r.lastEvent.user, { inTable: true })}` : "";
      lines.push(
        `| ${codeSpan(r.repository, { inTable: true })} | ${r.classification ? codeSpan(r.classification, { inTable: true }) : "unclassified"} | ${r.claudeCommits} | ${r.findings.secret} | ${r.findings.placeholder} | ${r.findings.pii} | ${r.findings.policy} | ${r.openViolations} | ${r.lastEvent.timestamp}${who} |`,
      );
    }
    if (shown.length < summary.repositories.length) lines.push("", `${summary.repositories.length - shown.length} less recently active repositories are not listed here (the totals include them).`);
  }
  lines.push("", "## Critical incidents", "");
  if (summary.incidents.length === 0) lines.push("None recorded.");
  else {
    for (const record of summary.incidents.slice(0, MAX_INCIDENTS)) {
      const input = record.input_summary;
      const change = input.type === "pull_request" ? `pull request #${input.pull_request}` : `push to ${codeSpan(input.ref ?? "?")}`;
      lines.push(`- ${record.timestamp}: ${codeSpan(`${record.repository.owner}/${record.repository.name}`)}, ${change}: ${record.incident.reasons.join(", ")}`);
    }
    if (summary.incidents.length > MAX_INCIDENTS) lines.push(`- … and ${summary.incidents.length - MAX_INCIDENTS} earlier ones (see the record comments).`);
  }
  lines.push("", renderComplianceSection(input.controls), "");
  return lines.join("\n");
}
