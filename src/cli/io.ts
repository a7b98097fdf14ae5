/** What the CLI's commands write to and read from, and the exit statuses they return. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** What `scan -` reads (the process's stdin). */
  stdin?: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Nothing at or above the fail-on threshold (for `audit verify`: every record verified). */
export const EXIT_CLEAN = 0;
/** Findings at or above the threshold (for `audit verify`: a record that does not verify). */
export const EXIT_FINDINGS = 1;
/** A usage, config or I/O error. */
export const EXIT_ERROR = 2;
