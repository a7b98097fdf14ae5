#!/usr/bin/env node
// The Claude Code hook's own entry: `claude-guard hook` without loading the rest of the CLI (report
// renderers, git, worker pools), since it starts on every prompt and tool call. Same arguments as
// `claude-guard hook`. If even loading fails, the hook cannot check the event: it says so on stderr and,
// like any check it cannot finish, allows the event with a warning the user sees, or blocks it (exit 2)
// where the project's config asks the hook to fail closed.
import module from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

try {
  // Node 22.1 and later keep V8's compiled code between runs; Node 20 has no such cache (a no-op there).
  module.enableCompileCache?.();
} catch {
  // only a speed-up
}
const args = process.argv.slice(2);
try {
  const { runHookCli } = await import(hookModule());
  const code = await runHookCli(args, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
  process.exitCode = code;
  // Work the time budget cut short (a scan, a config load) must not hold the answer back: leave as soon
  // as stdout is flushed.
  process.stdout.write("", () => process.exit(code));
} catch (error) {
  const why = `the hook could not start: ${error instanceof Error ? error.message : String(error)}`;
  if (["install", "uninstall", "help", "--help", "-h"].includes(args[0] ?? "")) {
    process.stderr.write(`claude-guard: ${why}\n`);
    process.exitCode = 2;
  } else if (failsClosed(process.env["CLAUDE_PROJECT_DIR"] ?? process.cwd())) {
    process.stderr.write(`claude-guard blocked this event: ${why}, and the project's .github/claude-guard.yml has the hook fail closed. Reinstall claude-guard (npm run build), or ask whoever owns the config.\n`);
    process.exitCode = 2;
  } else {
    const warning = `claude-guard could not check this event (${why}); allowed without a check. Reinstall claude-guard (npm run build).`;
    const json = !args.includes("--exit-code") && process.env["CLAUDE_GUARD_HOOK_PROTOCOL"] !== "exit-code";
    if (json) process.stdout.write(JSON.stringify({ systemMessage: warning }) + "\n");
    process.stderr.write(`claude-guard: ${why}; allowed\n`);
    process.exitCode = 0;
  }
}

/**
 * The hook's code: its bundle (lib/hook-bundle/, from `npm run build`; it loads a fraction of the modules),
 * unless a later plain tsc build left it older than lib/; else lib/ as tsc compiled it; and where there
 * is no lib/ at all (the Claude Code plugin, a copy of the repository), the bundle committed in dist/hook/.
 */
function hookModule() {
  const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const bundle = modified("../lib/hook-bundle/hook/cli.js");
  const lib = modified("../lib/hook/cli.js");
  if (bundle >= 0 && bundle >= lib) return "../lib/hook-bundle/hook/cli.js";
  if (lib < 0 && modified("../dist/hook/hook/cli.js") >= 0) return "../dist/hook/hook/cli.js";
  return "../lib/hook/cli.js";
}

/**
 * hook.failClosed as the config would set it, read without the config modules (they did not load):
 * `failClosed: true`, or `classification: restricted` without `failClosed: false`. Unreadable: open.
 */
function failsClosed(start) {
  try {
    let dir = resolve(start);
    while (!existsSync(join(dir, ".git")) && dirname(dir) !== dir) dir = dirname(dir);
    if (!existsSync(join(dir, ".git"))) dir = resolve(start);
    const text = readFileSync(join(dir, ".github", "claude-guard.yml"), "utf8");
    const failClosed = /^\s+failClosed:\s*(true|false)\b/m.exec(text)?.[1];
    if (failClosed !== undefined) return failClosed === "true";
    return /^classification:\s*["']?restricted\b/m.test(text);
  } catch {
    return false;
  }
}
