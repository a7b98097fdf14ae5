/** Entry point of the `claude-guard` command: only wiring, the work is in main.ts. */
import { processIO, run } from "./main.js";

process.exitCode = await run(process.argv.slice(2), processIO());
