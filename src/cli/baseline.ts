/** `claude-guard baseline` and `scan --baseline FILE`: the baseline file read and written (core/baseline.ts holds the rules). */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BASELINE_FILE } from "../core/files.js";
import { BaselineError, baselineEntries, parseBaseline, renderBaseline, updateBaseline, type Baseline } from "../core/baseline.js";
import type { Finding } from "../core/types.js";
import { EXIT_CLEAN, EXIT_ERROR, type CliIO } from "./io.js";

/** A baseline file for `scan --baseline` (`given` as the user typed it, for messages). Throws a sentence when it cannot be used. */
export function readBaselineFile(cwd: string, given: string): Baseline {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, given), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(
      code === "ENOENT" ? `the baseline file ${given} does not exist; write it with \`claude-guard baseline --output ${given}\`` : `cannot read the baseline file ${given} (${code === "EISDIR" ? "it is a folder" : (code ?? "read error")})`,
    );
  }
  return parseBaseline(text, given);
}

/**
 * The `baseline` command's end: the scan's findings written to the baseline file (default
 * `.claude-guard-baseline.json` at the repository's root). A file already there is replaced only with
 * --update, which adds new findings and drops fixed ones.
 */
export function writeBaselineFile(record: { output?: string; update: boolean }, findings: readonly Finding[], scannedPaths: ReadonlySet<string>, root: string, io: CliIO): number {
  const target = record.output !== undefined ? resolve(io.cwd, record.output) : join(root, BASELINE_FILE);
  const shown = record.output ?? target;
  const now = new Date().toISOString();
  let text: string;
  let said: string;
  if (existsSync(target)) {
    if (!record.update) {
      io.stderr.write(`claude-guard: ${shown} already exists; nothing was changed. Run \`claude-guard baseline --update\` to add today's new findings to it (and drop the fixed ones), or remove it to start again.\n`);
      return EXIT_ERROR;
    }
    const old = readBaselineFile(io.cwd, target);
    const updated = updateBaseline(old, findings, scannedPaths, now);
    if (updated.added === 0 && updated.removed === 0) {
      io.stdout.write(`claude-guard: ${shown} is up to date (${updated.baseline.entries.length} finding(s)); nothing changed\n`);
      return EXIT_CLEAN;
    }
    text = renderBaseline(updated.baseline);
    said = `updated ${shown}: ${updated.added} new finding(s) added, ${updated.removed} no longer found removed, ${updated.baseline.entries.length} in all`;
  } else {
    const entries = baselineEntries(findings);
    text = renderBaseline({ version: 1, generatedAt: now, entries });
    said = `recorded ${entries.length} finding(s) in ${shown} (fingerprint, rule and path of each; no values)`;
  }
  // Through a temporary file and a rename: a scan never reads half a baseline.
  const temp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(`cannot write the baseline file ${shown} (${code === "ENOENT" ? "its folder does not exist" : (code ?? "write error")})`);
  }
  io.stdout.write(`claude-guard: ${said}. Commit it, and scan with --baseline ${record.output ?? BASELINE_FILE} to fail only on new findings.\n`);
  return EXIT_CLEAN;
}
