import { closeSync, openSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { errorReason } from "../core/command-line.js";

/** What the CLI's commands write to and read from, and the exit statuses they return. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** What `scan -` reads (the process's stdin). */
  stdin?: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The running process's streams and settings, as the command's entries (bin/claude-guard.js, index.ts)
 * hand them to run(). stdin is opened only by a command that reads it (`scan -`): opening it costs a
 * millisecond or more.
 */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Streams already told to let a closed reader go (a test or a host may call `run` many times on one). */
const tolerant = new WeakSet<object>();

/**
 * A reader that stops early (`claude-guard scan . | head`) closes the pipe: the rest of the output has
 * nowhere to go, by the reader's choice. Node would end the process on an unhandled EPIPE error with a
 * stack trace; the command ends as usual instead, and its exit status still says what it found. Any
 * other write error is thrown as before.
 */
export function tolerateClosedReader(stream: CliIO["stdout"]): void {
  const emitter = stream as Partial<Pick<NodeJS.EventEmitter, "on">>;
  if (typeof emitter.on !== "function" || tolerant.has(stream)) return;
  tolerant.add(stream);
  emitter.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

/** Nothing at or above the fail-on threshold (for `audit verify`: every record verified). */
export const EXIT_CLEAN = 0;
/** Findings at or above the threshold (for `audit verify`: a record that does not verify). */
export const EXIT_FINDINGS = 1;
/** A usage, config or I/O error. */
export const EXIT_ERROR = 2;

/**
 * Writes an --output FILE: `text` whole, or a function that hands its pieces to `write` as it makes them.
 * A JSON report of ten thousand findings is 5 MB: written piece by piece, it is never joined into one
 * string and then encoded into one buffer (15 ms less CPU). Its folder must exist already: a typo in a
 * path must not quietly create folders, so a missing one is an error that says so.
 */
export async function writeOutputFile(path: string, text: string | ((write: (piece: string) => void) => void)): Promise<void> {
  let fd: number | undefined;
  try {
    fd = openSync(path, "w");
    const into = fd;
    // On a descriptor, writeFileSync writes at the file's position and goes on after a short write.
    if (typeof text === "string") writeFileSync(into, text);
    else text((piece) => writeFileSync(into, piece));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`cannot write ${path}: the folder ${dirname(path)} does not exist (create it first)`);
    throw new Error(`cannot write ${path}: ${errorReason(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
