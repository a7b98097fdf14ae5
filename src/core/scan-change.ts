/**
 * One change in, its findings out: the step every door runs between reading a change (git, the REST
 * API, a hook event) and rendering a report. Paths in `paths.ignore` are listed as skipped, other
 * authors' vendored, lockfile and generated paths too, everything else goes through the scanner, whose
 * ignore-file fingerprints and allow comments suppress findings. Because every door comes through here,
 * the same change gives the same findings, suppressed count, skipped list and notes in each of them.
 */
import { appendAll } from "./collections.js";
import { fileBackstop, TIMEOUT_DETAIL, type DocumentResult, type ScanDocument, type ScanLimits } from "./detect/engine.js";
import { skipReasonForPath } from "./detect/skip.js";
import { ignoreFileRewrites, type IgnoreList } from "./detect/suppress.js";
import type { ScannedChange } from "./policy/content.js";
import type { AddedLines, Finding, SkippedFile } from "./types.js";

/** What scanning a change needs from the scan's setup (core/setup.ts builds it; the hook its own). */
interface ChangeScanSetup {
  scanner: { scan(doc: ScanDocument, limits?: ScanLimits): DocumentResult };
  isIgnoredPath: (path: string) => boolean;
  /** Which setting leaves an ignored path out (default: `paths.ignore`). */
  ignoredPathDetail?: (path: string) => string;
}

interface ChangeToScan {
  /** The commit that added the lines; absent for a change that is not committed (a hook event). */
  commit?: string;
  files: readonly AddedLines[];
  /** Files the reader already skipped (binary, too large), listed with the change's. */
  skipped?: readonly SkippedFile[];
  /** Lines Claude added are scanned whatever their path (see skipReasonForPath). */
  byClaude: boolean;
}

interface ChangeScanOptions {
  /** The limits of one file's scan: by default the per-file wall-clock backstop. */
  limits?: () => ScanLimits;
  /** Called for each file with findings while its lines are at hand (the Action masks the values). */
  onFindings?: (file: AddedLines, findings: readonly Finding[]) => void;
}

export interface ChangeScan {
  findings: Finding[];
  /** Findings dropped by an allow comment or the ignore file. */
  suppressed: number;
  /** Old value-hash ignore entries that matched, with their replacements (see ignoreFileRewrites). */
  legacyIgnored: Array<{ old: string; replacement: string }>;
  skipped: SkippedFile[];
  /** Each file scanned, with the first line it added (the content classification reads them). */
  scanned: ScannedChange[];
  files: number;
  bytes: number;
}

export function emptyChangeScan(): ChangeScan {
  return { findings: [], suppressed: 0, legacyIgnored: [], skipped: [], scanned: [], files: 0, bytes: 0 };
}

/** Adds `from` to `into` (several commits make one report). */
export function addChangeScan(into: ChangeScan, from: ChangeScan): ChangeScan {
  appendAll(into.findings, from.findings);
  into.suppressed += from.suppressed;
  appendAll(into.legacyIgnored, from.legacyIgnored);
  appendAll(into.skipped, from.skipped);
  appendAll(into.scanned, from.scanned);
  into.files += from.files;
  into.bytes += from.bytes;
  return into;
}

export function scanChange(setup: ChangeScanSetup, change: ChangeToScan, options: ChangeScanOptions = {}): ChangeScan {
  const result = emptyChangeScan();
  const commit = change.commit !== undefined ? { commit: change.commit } : {};
  appendAll(result.skipped, change.skipped ?? []);
  for (const file of change.files) {
    if (file.lineNumbers.length === 0) continue;
    if (setup.isIgnoredPath(file.path)) {
      result.skipped.push({ path: file.path, reason: "ignored", ...commit, detail: setup.ignoredPathDetail?.(file.path) ?? "paths.ignore" });
      continue;
    }
    const reason = skipReasonForPath(file.path, { byClaude: change.byClaude });
    if (reason) {
      result.skipped.push({ path: file.path, reason, ...commit });
      continue;
    }
    const text = file.text;
    const scanned = setup.scanner.scan({ path: file.path, text, lineNumbers: file.lineNumbers, ...commit }, (options.limits ?? fileBackstop)());
    if (scanned.incomplete) result.skipped.push({ path: file.path, reason: "timeout", ...commit, detail: TIMEOUT_DETAIL });
    appendAll(result.findings, scanned.findings);
    if (scanned.findings.length > 0) options.onFindings?.(file, scanned.findings);
    result.suppressed += scanned.suppressed;
    if (scanned.legacyIgnored) appendAll(result.legacyIgnored, scanned.legacyIgnored);
    result.files++;
    // Counted, not encoded: a copy of every scanned text only to take its length cost a history scan 1%.
    result.bytes += Buffer.byteLength(text, "utf8");
    result.scanned.push({ path: file.path, ...commit, firstLine: file.lineNumbers[0] ?? 1 });
  }
  return result;
}

/** The setup's side of suppression: the parsed ignore file, its problems, and its name. */
interface IgnoreSetup {
  ignoreList: Pick<IgnoreList, "lineOf">;
  /** Lines of the ignore file that are not fingerprints (prepareScan words them). */
  warnings: readonly string[];
  ignoreFile: string;
}

/**
 * What a report says about suppression, the same in every door: the ignore file's lines that are not
 * fingerprints, its old value-hash entries to replace, and how many findings were suppressed.
 */
export function suppressionNotes(setup: IgnoreSetup, scan: Pick<ChangeScan, "suppressed" | "legacyIgnored">): string[] {
  return [
    ...setup.warnings,
    ...ignoreFileRewrites(setup.ignoreList, scan.legacyIgnored, setup.ignoreFile),
    ...(scan.suppressed > 0 ? [`${scan.suppressed} finding(s) suppressed by an allow comment or ${setup.ignoreFile}.`] : []),
  ];
}
