/**
 * `claude-guard usage --audit-log FILE [--since DATE] [--format json|markdown] [--output FILE]`: sums up
 * an audit log the hook wrote (its session usage records and pre-flight records): sessions and tokens
 * per day, per skill and per user, and the events the hook blocked and allowed. The counting is the
 * core's (src/core/usage.ts). Exit status: 0 done; 2 usage or I/O error.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { errorSentence, parseFlags } from "../core/command-line.js";
import { dateBound, notADate } from "../core/date-bound.js";
import { renderUsageMarkdown, UsageTally } from "../core/usage.js";
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
    const tally = new UsageTally(since);
    await tallyLog(resolve(io.cwd, values["audit-log"] as string), values["audit-log"] as string, tally);
    const summary = tally.summary();
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

/** A record is a few kilobytes: a longer line is no record of the hook's, and is skipped without being held. */
const MAX_RECORD_BYTES = 1024 * 1024;
/** A "line" this long is not a log at all (a device, a binary file): reading stops with an error. */
const MAX_SKIPPED_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Feeds the log's lines to the tally as they are read: memory holds one line, however long the log (held
 * whole, a 326 MB log took 742 MB, and one past V8's longest string, ~512 MB, could not be read at all).
 */
async function tallyLog(path: string, name: string, tally: UsageTally): Promise<void> {
  const kind = await stat(path);
  if (!kind.isFile() && !kind.isFIFO()) throw new Error(`--audit-log ${name} is not a file`);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, newline);
      if (skipping > 0) tally.skipLine();
      else tally.add((pendingBytes === 0 ? piece : Buffer.concat([...pending, piece])).toString("utf8"));
      pending = [];
      pendingBytes = 0;
      skipping = 0;
      from = newline + 1;
    }
    const rest = chunk.length - from;
    if (rest === 0) continue;
    if (skipping > 0 || pendingBytes + rest > MAX_RECORD_BYTES) {
      skipping += pendingBytes + rest;
      pending = [];
      pendingBytes = 0;
      if (skipping > MAX_SKIPPED_LINE_BYTES) throw new Error(`--audit-log ${name} has a line of over ${MAX_SKIPPED_LINE_BYTES / 1024 / 1024} MiB: it is not an audit log the hook wrote`);
    } else {
      pending.push(chunk.subarray(from));
      pendingBytes += rest;
    }
  }
  if (skipping > 0) tally.skipLine();
  else if (pendingBytes > 0) tally.add(Buffer.concat(pending).toString("utf8"));
}
