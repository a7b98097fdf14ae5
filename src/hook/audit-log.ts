/**
 * The hook's local audit log (`--audit-log FILE`): where it is, who a line names, and how a line joins
 * it. Pre-flight records (src/hook/audit.ts) and session usage records (src/hook/usage.ts) share it.
 * Only node:fs and node:path: this is on the hook's start-up path.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";

/** The log's path: as given when absolute, else from the project's root. */
export function auditLogPath(file: string, root: string): string {
  return isAbsolute(file) ? file : join(root, file);
}

/** The key and the identity a record carries, from the environment (each only when set). */
export function auditIdentity(env: NodeJS.ProcessEnv): { hmacKey?: string; user?: string; team?: string } {
  return {
    ...(env["AUDIT_HMAC_KEY"] ? { hmacKey: env["AUDIT_HMAC_KEY"] } : {}),
    ...(env["CLAUDE_GUARD_AUDIT_USER"] ? { user: env["CLAUDE_GUARD_AUDIT_USER"] } : {}),
    ...(env["CLAUDE_GUARD_AUDIT_TEAM"] ? { team: env["CLAUDE_GUARD_AUDIT_TEAM"] } : {}),
  };
}

/** Appends one record as a JSON line: one write with O_APPEND, so concurrent hook processes do not interleave lines. */
export function appendAuditLine(target: string, record: unknown): void {
  mkdirSync(dirname(target), { recursive: true });
  appendFileSync(target, JSON.stringify(record) + "\n", { mode: 0o600 });
}
