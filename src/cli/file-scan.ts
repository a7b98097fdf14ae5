/** Reading and scanning whole files; used by the main thread and by the worker threads alike. */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { appendAll } from "../core/collections.js";
import { fileBackstop, TIMEOUT_DETAIL } from "../core/detect/engine.js";
import { DEFAULT_MAX_FILE_BYTES, looksBinary } from "../core/detect/skip.js";
import { decodeUtf16WithBom } from "../core/detect/text-encoding.js";
import type { ScanSetup } from "../core/setup.js";
import type { Finding, SkippedFile } from "../core/types.js";
import { specialFileKind, type FileEntry } from "./walk.js";

export interface FileBatchResult {
  findings: Finding[];
  skipped: SkippedFile[];
  files: number;
  bytes: number;
  suppressed: number;
  /** Old value-hash ignore entries that matched, with their replacements (see ignoreFileRewrites). */
  legacyIgnored: Array<{ old: string; replacement: string }>;
}

export function emptyResult(): FileBatchResult {
  return { findings: [], skipped: [], files: 0, bytes: 0, suppressed: 0, legacyIgnored: [] };
}

export function mergeResult(into: FileBatchResult, from: FileBatchResult): void {
  appendAll(into.findings, from.findings);
  appendAll(into.skipped, from.skipped);
  into.files += from.files;
  into.bytes += from.bytes;
  into.suppressed += from.suppressed;
  appendAll(into.legacyIgnored, from.legacyIgnored);
}

/** Opening never waits for a FIFO's writer (no effect on regular files; 0 where the flag does not exist). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A file's bytes, read only if it is (still) a regular file and at most `maxBytes` long. The walk
 * checked both, but the path can change before it is read: what is open is checked again, and the read
 * stops past the bound, so no file can block the scan or fill its memory.
 */
export function readRegularFile(absolute: string, maxBytes: number): Buffer | Omit<SkippedFile, "path"> {
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (error) {
    return { reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "read error" };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { reason: "unreadable", detail: `${specialFileKind(info)}: only regular files are read` };
    const tooLarge = { reason: "too-large", detail: `more than ${maxBytes} bytes; the limit is ${maxBytes}` } as const;
    if (info.size > maxBytes) return tooLarge;
    // One byte more than the size: a file that grew since is noticed, and read on up to the bound.
    let buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge;
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(buffer.length, maxBytes + 1 - length))]);
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      // The size fstat gave, and not the byte more asked for: the end, known without one more read.
      if (length === info.size) break;
    }
    return length > maxBytes ? tooLarge : buffer.subarray(0, length);
  } catch (error) {
    return { reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "read error" };
  } finally {
    closeSync(fd);
  }
}

/**
 * Synchronous reads on purpose: for thousands of small files, sync reads are several times faster than
 * the promise API (no handle objects, no event-loop round trips), and each thread has nothing else to do.
 */
export function scanFileBatch(setup: ScanSetup, entries: readonly FileEntry[], maxBytes = DEFAULT_MAX_FILE_BYTES): FileBatchResult {
  const result = emptyResult();
  for (const entry of entries) {
    const bytes = readRegularFile(entry.absolute, maxBytes);
    if (!Buffer.isBuffer(bytes)) result.skipped.push({ path: entry.path, ...bytes });
    else scanFileBytes(setup, entry.path, bytes, result);
  }
  return result;
}

/** One whole file's bytes (read from disk, or stdin for `scan -`) scanned as `path`, into `result`. */
export function scanFileBytes(setup: ScanSetup, path: string, bytes: Buffer, result: FileBatchResult): void {
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 === undefined && looksBinary(bytes)) {
    result.skipped.push({ path, reason: "binary" });
    return;
  }
  const scanned = setup.scanner.scan({ path, text: utf16 ?? bytes.toString("utf8") }, fileBackstop());
  if (scanned.incomplete) result.skipped.push({ path, reason: "timeout", detail: TIMEOUT_DETAIL });
  appendAll(result.findings, scanned.findings);
  result.suppressed += scanned.suppressed;
  if (scanned.legacyIgnored) appendAll(result.legacyIgnored, scanned.legacyIgnored);
  result.files++;
  result.bytes += bytes.length;
}
