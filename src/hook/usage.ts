/**
 * The hook's `SessionEnd` entry (installed with `--audit-log`): one usage record per session, appended to
 * the audit log next to the session's pre-flight records (src/core/usage.ts says what it counts). It
 * reads the transcript Claude Code names and the end of the log; it writes counts and hashes, never text.
 * Synchronous on purpose: Claude Code may end the process soon after the session ends.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { appendAuditLine, auditIdentity, auditLogPath } from "./audit-log.js";
import { buildSessionUsageRecord } from "../core/usage.js";
import type { HookEvent } from "./event.js";

/** Transcripts beyond this are read up to here (the record then undercounts, and says nothing wrong). */
const MAX_TRANSCRIPT_BYTES = 128 * 1024 * 1024;
/** The end of the log read for the session's pre-flight records. */
const LOG_TAIL_BYTES = 16 * 1024 * 1024;

interface UsageContext {
  env: NodeJS.ProcessEnv;
  classification: string | undefined;
  version: string;
  now?: Date;
}

export function writeSessionUsage(file: string, root: string, event: HookEvent, ctx: UsageContext): void {
  const target = auditLogPath(file, root);
  const transcript = event.transcript_path ? readPart(event.transcript_path, MAX_TRANSCRIPT_BYTES, "head") : "";
  const log = readPart(target, LOG_TAIL_BYTES, "tail")
    .split("\n")
    .flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return typeof value === "object" && value !== null && !Array.isArray(value) ? [value as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  const record = buildSessionUsageRecord(transcript, log, {
    version: ctx.version,
    now: ctx.now ?? new Date(),
    ...(event.session_id !== undefined ? { sessionId: event.session_id } : {}),
    ...(event.reason !== undefined ? { endReason: event.reason } : {}),
    ...(ctx.classification !== undefined ? { classification: ctx.classification } : {}),
    ...auditIdentity(ctx.env),
  });
  appendAuditLine(target, record);
}

/** Up to `max` bytes of a file from its start or its end ("" when it cannot be read); a cut first line is dropped at the tail. */
function readPart(path: string, max: number, from: "head" | "tail"): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    const length = Math.min(size, max);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, from === "head" ? 0 : size - length);
    const text = buffer.toString("utf8");
    return from === "tail" && length < size ? text.slice(text.indexOf("\n") + 1) : text;
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
