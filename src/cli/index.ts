/** Entry point of the `claude-guard` command: only wiring, the work is in main.ts. */
import { run } from "./main.js";

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() });
process.exitCode = code;
