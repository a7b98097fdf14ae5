/** Reading and scanning whole files; used by the main thread and by the worker threads alike. */
import { readFileSync } from "node:fs";
import { looksBinary } from "../core/detect/skip.js";
import type { ScanSetup } from "../core/setup.js";
import type { Finding, SkippedFile } from "../core/types.js";
import type { FileEntry } from "./walk.js";

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
  into.findings.push(...from.findings);
  into.skipped.push(...from.skipped);
  into.files += from.files;
  into.bytes += from.bytes;
  into.suppressed += from.suppressed;
  into.legacyIgnored.push(...from.legacyIgnored);
}

/**
 * Synchronous reads on purpose: for thousands of small files, readFileSync is several times faster than
 * the promise API (no handle objects, no event-loop round trips), and each thread has nothing else to do.
 */
export function scanFileBatch(setup: ScanSetup, entries: readonly FileEntry[]): FileBatchResult {
  const result = emptyResult();
  for (const entry of entries) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.absolute);
    } catch (error) {
      result.skipped.push({ path: entry.path, reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "read error" });
      continue;
    }
    if (looksBinary(bytes)) {
      result.skipped.push({ path: entry.path, reason: "binary" });
      continue;
    }
    const scanned = setup.scanner.scan({ path: entry.path, text: bytes.toString("utf8") });
    for (const finding of scanned.findings) result.findings.push(finding);
    result.suppressed += scanned.suppressed;
    if (scanned.legacyIgnored) result.legacyIgnored.push(...scanned.legacyIgnored);
    result.files++;
    result.bytes += bytes.length;
  }
  return result;
}
