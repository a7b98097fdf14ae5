#!/usr/bin/env node
// The package's command: runs the compiled CLI (npm run build writes lib/). `claude-guard hook` is the
// Claude Code hook, a door of its own: it goes to the hook's entry, which loads none of the CLI.
if (process.argv[2] === "hook") {
  process.argv.splice(2, 1);
  await import("./claude-guard-hook.js");
} else {
  await import("../lib/cli/index.js");
}
