#!/usr/bin/env node
// The package's command: runs the compiled CLI (npm run build writes lib/). `claude-guard hook` is the
// Claude Code hook, a door of its own: it goes to the hook's entry, which loads none of the CLI.
// A CommonJS module, as the hook's entry beside it is (bin/package.json).
"use strict";
const { statSync } = require("node:fs");
const { join } = require("node:path");

if (process.argv[2] === "hook") {
  process.argv.splice(2, 1);
  require("./claude-guard-hook.js");
} else main();

async function main() {
  // One bundled file loads much faster than lib/'s modules one by one, and with V8's code cache
  // (src/code-cache.ts, built as CommonJS beside the bundle: required, it starts no ES module loader)
  // faster still; used only if not older than lib/ (a plain tsc build does not rebuild them).
  const at = (path) => join(__dirname, path);
  const modified = (path) => statSync(at(path), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const lib = modified("../lib/cli/main.js");
  if (modified("../lib/cli/cli.bundle.cjs") >= lib && modified("../lib/cli/code-cache.cjs") >= lib) {
    const { loadBundle } = require("../lib/cli/code-cache.cjs");
    const cli = loadBundle(at("../lib/cli/cli.bundle.cjs"));
    process.exitCode = await cli.exports.run(process.argv.slice(2), cli.exports.processIO());
    cli.save();
  } else await import("../lib/cli/index.js");
  exitOnceWritten();
}

/**
 * The command's work is done: exit as soon as its output is written (at once where writes are
 * synchronous, as to files and pipes on Linux). simple-git leaves a 50 ms timer behind every git call
 * it runs (its completion plugin), which kept the process up to 50 ms longer, a quarter of the
 * pre-commit hook's `scan --staged`. The exit status is the one the command set.
 */
function exitOnceWritten() {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}
