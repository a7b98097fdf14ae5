#!/usr/bin/env node
// The Claude Code hook's own entry: `claude-guard hook` without loading the rest of the CLI (report
// renderers, git, worker pools), since it starts on every prompt and tool call. Same arguments as
// `claude-guard hook`. If even loading fails, the event is allowed: a hook must never break a session.
import module from "node:module";

try {
  // Node 22.1 and later keep V8's compiled code between runs; Node 20 has no such cache (a no-op there).
  module.enableCompileCache?.();
} catch {
  // only a speed-up
}
try {
  const { runHookCli } = await import("../lib/hook/cli.js");
  const code = await runHookCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
  process.exitCode = code;
  // Work the time budget cut short (a scan, a config load) must not hold the answer back: leave as soon
  // as stdout is flushed.
  process.stdout.write("", () => process.exit(code));
} catch (error) {
  process.stderr.write(`claude-guard: the hook could not start (${error instanceof Error ? error.message : String(error)}); allowed\n`);
  process.exitCode = 0;
}
