/** Entry point of the `claude-guard` command: only wiring, the work is in main.ts. */
import { run } from "./main.js";

// stdin is opened only by a command that reads it (`scan -`): opening it costs a millisecond or more.
const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
};
const code = await run(process.argv.slice(2), io);
process.exitCode = code;
