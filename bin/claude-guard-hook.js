#!/usr/bin/env node
// The Claude Code hook's own entry: `claude-guard hook` without loading the rest of the CLI (report
// renderers, git, worker pools), since it starts on every prompt and tool call. Same arguments as
// `claude-guard hook`. If even loading fails, the hook cannot check the event: it says so on stderr and,
// like any check it cannot finish, allows the event with a warning the user sees, or blocks it (exit 2)
// where the project's config asks the hook to fail closed.
// A CommonJS module (bin/package.json): an ES module entry starts Node's ES module loader, ~10 ms of
// every event. Built-ins from process.getBuiltinModule: nothing else of Node's loads for them.
"use strict";
const { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } = process.getBuiltinModule("node:fs");
const { dirname, join, resolve } = process.getBuiltinModule("node:path");

const args = process.argv.slice(2);

async function main() {
  let cache;
  try {
    const { file, bundle } = hookModule();
    let runHookCli;
    if (bundle) {
      cache = new CodeCache(process.env);
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
 * Runs the hook's bundle (CommonJS files, scripts/build-hook.mjs) with V8's code cache: each file as a
 * vm.Script with the data V8 made when it last ran it, so that an event does not parse and compile its
 * ~250 KB of code again (Node 20 keeps no code cache itself; this way serves every Node alike). A file's
 * cache is written after the first event that ran it, so it holds the functions compiled lazily too.
 * Only a speed-up: any failure leaves a file compiled as usual. The cache lives in the user's cache
 * directory (as the hook's parsed configs do: $CLAUDE_GUARD_CACHE_DIR, empty for none, else
 * $XDG_CACHE_HOME or ~/.cache, then claude-guard/hook-code), used only where no one else can write it,
 * since whoever can write it chooses the code the hook runs; NODE_DISABLE_COMPILE_CACHE (Node's own
 * switch) turns it off. A cache is named after its file's path, size, modification time and inode and
 * Node's version: a rebuilt or edited bundle never meets the cache of another.
 */
class CodeCache {
  constructor(env) {
    this.dir = env["NODE_DISABLE_COMPILE_CACHE"] ? undefined : cacheDir(env);
    this.modules = new Map();
    /** Scripts V8 had no cache for: [script, cache file]. */
    this.fresh = [];
  }

  /** What the bundle file `file` (an absolute path) exports, run once. */
  load(file) {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    this.modules.set(file, module);
    const fd = openSync(file, "r");
    let source;
    let stat;
    try {
      stat = fstatSync(fd);
      // The build writes the bundle in ASCII: read as Latin-1, V8 keeps one byte a character, nothing decoded.
      source = readFileSync(fd, "latin1");
    } finally {
      closeSync(fd);
    }
    const prefix = `${file.replace(/[^\w.-]+/g, "+").slice(-120)}@${process.version}-${process.arch}@`;
    const name = this.dir && `${prefix}${stat.size}-${stat.mtimeMs}-${stat.ino}.v8`;
    const cachedData = name && readOwnFile(join(this.dir, name));
    const { Script } = process.getBuiltinModule("node:vm");
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
    if (name && (cachedData === undefined || script.cachedDataRejected)) this.fresh.push([script, name, prefix]);
    const folder = dirname(file);
    script.runInThisContext().call(module.exports, module.exports, (specifier) => this.require(specifier, folder), module, file, folder);
    return module.exports;
  }

  /** The bundle's require: its own files (relative, or a file: URL, as the rule modules are named), else Node's built-ins. */
  require(specifier, folder) {
    if (specifier.startsWith("./") || specifier.startsWith("../")) return this.load(join(folder, specifier));
    if (specifier.startsWith("file:")) return this.load(process.getBuiltinModule("node:url").fileURLToPath(specifier));
    const builtin = process.getBuiltinModule(specifier);
    if (builtin === undefined) throw new Error(`the hook's bundle requires ${specifier}, which is neither its own nor Node's`);
    return builtin;
  }

  /** Writes the caches V8 had none for (atomically); removes this build's older caches of the same files. */
  save() {
    if (this.fresh.length === 0) return;
    try {
      const existing = readdirSync(this.dir);
      for (const [script, name, prefix] of this.fresh) {
        const temporary = join(this.dir, `${name}.${process.pid}.tmp`);
        try {
          writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: "wx" });
          renameSync(temporary, join(this.dir, name));
        } catch {
          ignoreFailure(() => unlinkSync(temporary));
        }
        // The same file's caches from before a rebuild (another size, time or inode): stale for good.
        for (const other of existing) if (other !== name && other.startsWith(prefix)) ignoreFailure(() => unlinkSync(join(this.dir, other)));
      }
    } catch {
      // only a speed-up
    }
  }
}

/** The hook's code-cache folder, made if missing; undefined where it is not this user's alone. */
function cacheDir(env) {
  try {
    const chosen = env["CLAUDE_GUARD_CACHE_DIR"];
    if (chosen === "") return undefined;
    const base = chosen ?? join(env["XDG_CACHE_HOME"] || join(process.getBuiltinModule("node:os").homedir(), ".cache"), "claude-guard");
    const dir = join(base, "hook-code");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // Windows has no uids (a user's profile is their own).
    const uid = process.getuid?.();
    if (stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0))) return dir;
  } catch {
    // no cache
  }
  return undefined;
}

/** The file's bytes if this user owns it and no one else can write it; else undefined. */
function readOwnFile(path) {
  try {
    const stat = statSync(path);
    const uid = process.getuid?.();
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function ignoreFailure(action) {
  try {
    action();
  } catch {
    // nothing to do
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
