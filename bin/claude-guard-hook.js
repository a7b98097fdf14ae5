#!/usr/bin/env node
// The Claude Code hook's own entry: `claude-guard hook` without loading the rest of the CLI (report
// renderers, git, worker pools), since it starts on every prompt and tool call. Same arguments as
// `claude-guard hook`. If even loading fails, the hook cannot check the event: it says so on stderr and,
// like any check it cannot finish, allows the event with a warning the user sees, or blocks it (exit 2)
// where the project's config asks the hook to fail closed.
// A CommonJS module (bin/package.json): an ES module entry starts Node's ES module loader, ~10 ms of
// every event. Built-ins from process.getBuiltinModule: nothing else of Node's loads for them.
"use strict";
const { existsSync, readFileSync, statSync, writeSync } = process.getBuiltinModule("node:fs");
const { dirname, join, resolve } = process.getBuiltinModule("node:path");

const args = process.argv.slice(2);

async function main() {
  let cache;
  try {
    const { file, bundle } = hookModule();
    let runHookCli;
    if (bundle) {
      // The loader beside the bundle's files (src/code-cache.ts, the CLI's too): each file run with V8's
      // code cache, named by the file's stat, not by a hash of it (node:crypto stays off an event's path).
      const { CodeCache } = require(join(dirname(dirname(file)), "code-cache.cjs"));
      cache = new CodeCache(process.env, { key: "stat", refreshPartial: false });
      ({ runHookCli } = cache.load(file));
    } else ({ runHookCli } = await import(process.getBuiltinModule("node:url").pathToFileURL(file).href));
    const stdout = descriptorWriter(1, () => process.stdout);
    const code = await runHookCli(args, { stdout, stderr: descriptorWriter(2, () => process.stderr), env: process.env, cwd: process.cwd() });
    process.exitCode = code;
    // Work the time budget cut short (a scan, a config load) must not hold the answer back: leave as soon
    // as stdout is flushed; the code cache is written after the answer.
    stdout.flushed(() => {
      cache?.save();
      process.exit(code);
    });
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
}

/**
 * Writes to a file descriptor directly, as Node writes to pipes and files anyway (synchronously): the
 * process.stdout stream would load Node's streams stack for a line or two. Where the descriptor refuses
 * a write (one that would block, a closed pipe), the rest goes to the stream, which deals with it as before.
 */
function descriptorWriter(fd, stream) {
  let fallback;
  return {
    write(text) {
      if (fallback) return fallback.write(text);
      const bytes = Buffer.from(String(text), "utf8");
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch {
        fallback = stream();
        return fallback.write(bytes.subarray(done));
      }
      return true;
    },
    flushed(callback) {
      if (fallback) fallback.write("", callback);
      else callback();
    },
  };
}

/**
 * The hook's code: its bundle (lib/hook-bundle/, from `npm run build`; it loads a fraction of the modules),
 * unless a later plain tsc build left it older than lib/; else lib/ as tsc compiled it; and where there
 * is no lib/ at all (the Claude Code plugin, a copy of the repository), the bundle committed in dist/hook/.
 */
function hookModule() {
  const at = (path) => join(__dirname, path);
  const modified = (path) => statSync(at(path), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const bundle = modified("../lib/hook-bundle/hook/cli.js");
  const lib = modified("../lib/hook/cli.js");
  const found = (file) => ({ file: at(file), bundle: commonJs(at(file)) });
  if (bundle >= 0 && bundle >= lib) return found("../lib/hook-bundle/hook/cli.js");
  if (lib < 0 && modified("../dist/hook/hook/cli.js") >= 0) return found("../dist/hook/hook/cli.js");
  return { file: at("../lib/hook/cli.js"), bundle: false };
}

/** Whether the bundle's file is CommonJS, as its folder's package.json says (a bundle built before it was is ES modules). */
function commonJs(file) {
  try {
    return JSON.parse(readFileSync(join(dirname(file), "package.json"), "utf8")).type === "commonjs";
  } catch {
    return false;
  }
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

main();
