/**
 * `claude-guard usage --audit-log FILE [--since DATE] [--format json|markdown] [--output FILE]`: sums up
 * an audit log the hook wrote (its session usage records and pre-flight records): sessions and tokens
 * per day, per skill and per user, and the events the hook blocked and allowed. The counting is the
 * core's (src/core/usage.ts). Exit status: 0 done; 2 usage or I/O error.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { errorSentence, parseFlags } from "../core/command-line.js";
import { dateBound, notADate } from "../core/date-bound.js";
import { renderUsageMarkdown, summarizeUsageLog } from "../core/usage.js";
import { EXIT_CLEAN, EXIT_ERROR, writeOutputFile, type CliIO } from "./io.js";

export const USAGE_USAGE = `Usage:
  claude-guard usage --audit-log FILE [--since DATE] [--format json|markdown] [--output FILE]
      Sum up the audit log that \`claude-guard hook --audit-log FILE\` writes (install the hook with
      --audit-log for one usage record per session): sessions, tokens and model calls per day (UTC),
      per skill and per user, and the hook's blocked and allowed events. DATE is YYYY-MM-DD or an
      ISO 8601 time. Default format: markdown.`;

export const USAGE_OPTIONS = { "audit-log": { type: "string" }, since: { type: "string" }, format: { type: "string" }, output: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } } as const;

export async function runUsageCli(argv: readonly string[], io: CliIO): Promise<number> {
  let values;
  try {
    values = parseFlags(argv, USAGE_OPTIONS, false).values;
  } catch (error) {
    io.stderr.write(`claude-guard: ${(error as Error).message}\n\n${USAGE_USAGE}\n`);
    return EXIT_ERROR;
  }
  if (values.help) {
    io.stdout.write(USAGE_USAGE + "\n");
    return EXIT_CLEAN;
  }
  const format = values.format ?? "markdown";
  const problem =
    values["audit-log"] === undefined ? "usage needs --audit-log FILE (the log the hook writes)" : format !== "json" && format !== "markdown" ? `--format takes one of json, markdown; got "${format}"` : undefined;
  if (problem) {
    io.stderr.write(`claude-guard: ${problem}\n\n${USAGE_USAGE}\n`);
    return EXIT_ERROR;
  }
  try {
    const sinceMs = values.since !== undefined ? dateBound(values.since, false) : undefined;
    if (values.since !== undefined && sinceMs === undefined) throw new Error(notADate("--since", values.since));
    const since = sinceMs !== undefined ? new Date(sinceMs) : undefined;
    const text = await readFile(resolve(io.cwd, values["audit-log"] as string), "utf8");
    const summary = summarizeUsageLog(text, since);
    const out = format === "json" ? JSON.stringify(summary, null, 2) + "\n" : renderUsageMarkdown(summary);
    // --output into an existing folder only, as every command's (src/cli/io.ts).
    if (values.output !== undefined) await writeOutputFile(resolve(io.cwd, values.output), out);
    else io.stdout.write(out);
    return EXIT_CLEAN;
  } catch (error) {
    io.stderr.write(`claude-guard: ${errorSentence(error)}\n`);
    return EXIT_ERROR;
  }
}
