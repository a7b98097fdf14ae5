#!/usr/bin/env node
// The package's command: runs the compiled CLI (npm run build writes lib/). `claude-guard hook` is the
// Claude Code hook, a door of its own: it goes to the hook's entry, which loads none of the CLI.
import { statSync } from "node:fs";

if (process.argv[2] === "hook") {
  process.argv.splice(2, 1);
  await import("./claude-guard-hook.js");
} else {
  // One bundled file loads much faster than lib/'s modules one by one; used only if not older than lib/
  // (a plain tsc build does not rebuild it).
  const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (modified("../lib/cli/cli.bundle.js") >= modified("../lib/cli/main.js")) await import("../lib/cli/cli.bundle.js");
  else await import("../lib/cli/index.js");
}
