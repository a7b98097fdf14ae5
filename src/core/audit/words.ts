/**
 * How the audit issue says things to a person: times without ISO noise, reasons in words, ages, and
 * links to the change and its check run. Pure; deterministic (no clock: ages are counted to a time the
 * caller gives).
 */
import type { AuditRecord, IncidentReason } from "./record.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `Mar 4, 2025` (UTC). */
export function formatDay(iso: string | number): string {
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** `Mar 4, 2025 10:07 UTC`: minutes are enough for a person; the record keeps the exact time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return `${formatDay(iso)} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} UTC`;
}

/** `under an hour`, `5 hours`, `3 days`, `6 weeks`. */
export function formatAge(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / 3_600_000);
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  if (days < 28) return `${days} days`;
  return `${Math.floor(days / 7)} weeks`;
}

/** Why a record is an incident, in words (the classification named when the reason depends on it). */
export function reasonText(reason: IncidentReason | string, classification: string | null): string {
  switch (reason) {
    case "confirmed-credential":
      return "Verified credential";
    case "critical-in-confidential-or-restricted":
      return `Critical finding in ${classification === "confidential" || classification === "restricted" ? `a ${classification}` : "a confidential or restricted"} repository`;
    case "restricted-policy-violation":
      return "Policy violation in restricted code";
    default:
      return "Critical incident";
  }
}

/** The classification that made a record's incident: the content's when it is higher than the repository's. */
export function recordClassification(record: AuditRecord): string | null {
  return record.policy_checks.content_classification ?? record.repository.classification;
}

const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** The web address of the GitHub that holds the records' repositories, from an API base URL. */
export function serverUrlOf(apiBaseUrl: string | undefined): string {
  if (!apiBaseUrl) return "https://github.com";
  try {
    const url = new URL(apiBaseUrl);
    if (url.hostname === "api.github.com") return "https://github.com";
    if (url.hostname.startsWith("api.") && url.hostname.endsWith(".ghe.com")) return `${url.protocol}//${url.hostname.slice(4)}`;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/+$/, "")}`;
  } catch {
    return "https://github.com";
  }
}

/**
 * Links to the change (the pull request, or the pushed commit) and to its checks, or undefined when the
 * record's names could not be part of a URL. Only names GitHub allows reach a link.
 */
export function changeLinks(record: AuditRecord, serverUrl: string): { change: string; checks: string } | undefined {
  const { owner, name } = record.repository;
  if (!NAME.test(owner) || !NAME.test(name)) return undefined;
  const base = `${serverUrl.replace(/\/+$/, "")}/${owner}/${name}`;
  const input = record.input_summary;
  if (input.type === "pull_request" && input.pull_request !== null) return { change: `${base}/pull/${input.pull_request}`, checks: `${base}/pull/${input.pull_request}/checks` };
  if (!/^[0-9a-f]{40,64}$/.test(input.head_sha)) return undefined;
  return { change: `${base}/commit/${input.head_sha}`, checks: `${base}/commit/${input.head_sha}/checks` };
}
