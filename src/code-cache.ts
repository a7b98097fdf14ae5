/**
 * Runs claude-guard's CommonJS bundles with V8's code cache, so that a start does not parse and compile
 * their code again: the CLI's and its scan workers' (lib/cli/*.bundle.cjs, scripts/build-bundles.mjs:
 * loadBundle) and the Claude Code hook's (lib/hook-bundle/ or dist/hook/, scripts/build-hook.mjs: a
 * CodeCache, which bin/claude-guard-hook.js takes from code-cache.cjs beside the hook's files). One
 * loader, built as CommonJS beside each (required, it starts no ES module loader).
 *
 * Each file runs as a vm.Script with the data V8 made when it last ran it; a file's own requires of the
 * bundle's files (relative paths, or file: URLs as the hook's rule modules are named) run the same way.
 * A cache is written after the run that had none, so that it holds the functions compiled lazily too.
 * Every cache carries V8's own checksum of its data and is refused when that does not match
 * (withChecksums): without it V8 takes a corrupt cache in a release build, and runs the code it
 * decodes from it or aborts the process, which for the hook means an event let through.
 * Only a speed-up: any failure is ignored. NODE_DISABLE_COMPILE_CACHE (Node's own switch) turns it off,
 * so does CLAUDE_GUARD_CACHE_DIR=""; it lives in the user's cache directory (cache-dir.ts), under
 * code/, used only if no one else can write it, since whoever can write it chooses the code the next run
 * executes. `NODE_DEBUG=claude-guard` says what it did.
 */
import { isAscii } from "node:buffer";
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import type { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { cacheDirectory, onlyThisUserWrites } from "./cache-dir.js";

/** Caches not written for this long are removed when another is written (an install since removed). */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;
/** The CLI's bundle caches as versions before code/ named them in the cache directory itself (key "content"). */
const LEGACY_ROOT_CACHE = /^[\w.-]+\.bundle\.cjs-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8$/;

/**
 * node:module, taken when needed: loading it loads parts of Node's ES module loader, which the hook's
 * path does without. Its enableCompileCache and flushCompileCache are Node 22.1's; @types/node 20 does
 * not declare them.
 */
const nodeModule = () => process.getBuiltinModule("node:module") as { createRequire: typeof createRequire; enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void };

/** What the cache did for a file: Node's own (22.1 and later), V8's data used, none yet, data V8 refused, or no cache. */
type CacheOutcome = "node" | "hit" | "miss" | "rejected" | "off";

/**
 * How the two loaders differ, both for the hook's start-up budget (its median start-to-answer must stay
 * within 1.5x of `node -e 0`, issue 13), and nothing else:
 * - `key`: how a cache file is tied to its script. V8 checks a cache against its source's length only, so
 *   the name must change whenever the source does. "content" (the CLI): named after a SHA-256 of the
 *   source; the CLI loads node:crypto anyway and hashes its one bundle in a millisecond or two. "stat"
 *   (the hook): named after the file's size, modification and change times and inode: node:crypto stays
 *   off an event's path (README: the hook's start-up), and an event loads a dozen or more files. A rebuilt
 *   or reinstalled file has a new change time (set by the system on every write; an archive cannot
 *   restore it as it does a modification time). Both are checked the same way (withChecksums).
 * - `refreshPartial`: a cache from a run that compiled less than half of its script (the CLI's `--version`
 *   first after a build: the scan's modules load only when it runs) is written again by a run that
 *   compiled more (by a quarter), which costs a createCachedData each run until then. The CLI's, not the
 *   hook's: its files are split so that an event loads what it runs, a cache of under half a file is
 *   normal there, and it would pay that on every event.
 */
export interface CodeCacheOptions {
  key: "content" | "stat";
  refreshPartial: boolean;
  /**
   * Set in a worker thread, where other threads of the process load and write their caches at the same
   * moment (the CLI's scan workers). V8's flags are the process's: such a loader turns the checksum flag
   * on and leaves it on (see withChecksums), as turning it off could change it under another thread's
   * cache call. Nothing would run unchecked (that cache would be refused, or written without a checksum
   * and refused the next time), but with several workers their caches would keep being refused.
   */
  workerThread?: boolean;
}

/** A script run whose cache is not written yet: written by save(). */
interface Unsaved {
  script: vm.Script;
  name: string;
  /** Names of caches this one replaces for good (key "stat": the same file's before a rebuild). */
  replaces: string | undefined;
  /** The data the run had, if it was partial (refreshPartial): a new one is written only if it is larger by a quarter. */
  partial: Buffer | undefined;
}

/** `NODE_DEBUG=claude-guard`; node:util's debuglog is taken only then, and the messages made only then (each costs the hook's path). */
const debugging = /\bclaude-guard\b/i.test(process.env["NODE_DEBUG"] ?? "");
function debug(format: string, ...values: unknown[]): void {
  if (debugging) process.getBuiltinModule("node:util").debuglog("claude-guard")(format, ...values);
}

export class CodeCache {
  private readonly dir: string | undefined;
  private readonly modules = new Map<string, { exports: Record<string, unknown> }>();
  private readonly unsaved: Unsaved[] = [];
  /** What the cache did for the first file loaded (the bundle's entry). */
  outcome: CacheOutcome | undefined;

  constructor(
    env: NodeJS.ProcessEnv,
    private readonly options: CodeCacheOptions,
  ) {
    this.dir = env["NODE_DISABLE_COMPILE_CACHE"] ? undefined : codeCacheDirectory(env);
  }

  /** What the bundle file `file` (an absolute path) exports, run once as a CommonJS module. */
  load(file: string): Record<string, unknown> {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const loaded = { exports: {} as Record<string, unknown> };
    this.modules.set(file, loaded);
    const fd = openSync(file, "r");
    let bytes: Buffer;
    let stat: ReturnType<typeof fstatSync>;
    try {
      stat = fstatSync(fd);
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    // The builds write the bundles in ASCII: read as Latin-1, V8 keeps one byte a character and nothing is decoded.
    const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
    const runtime = `${process.version}-${process.arch}`;
    // "content": the same bundle anywhere shares a cache, and one of another build may be another install's, in use.
    // "stat": a cache is one path's, and that path's caches of other builds are stale for good.
    const ofPath = `${file.replace(/[^\w.-]+/g, "+").slice(-120)}@${runtime}@`;
    const name = !this.dir ? undefined : this.options.key === "content" ? `${basename(file)}-${sha256(bytes).toString("hex").slice(0, 16)}-${runtime}.v8` : `${ofPath}${stat.size}-${stat.mtimeMs}-${stat.ctimeMs}-${stat.ino}.v8`;
    const cachedData = name ? this.readCache(join(this.dir as string, name)) : undefined;
    // The CLI bundle's import() calls (scripts/build-bundles.mjs) come to __cgLoaderImport: V8 keeps no
    // import() for a script run from its cache. This module sits beside the bundles, so specifiers
    // resolve as from them.
    const wrapped = `(function (exports, require, module, __filename, __dirname, __cgLoaderImport) {${source}\n})`;
    let script: vm.Script | undefined;
    if (cachedData) ignoreFailure(() => (script = withChecksums(() => new vm.Script(wrapped, { filename: file, cachedData }), this.options.workerThread)));
    // A cache that could not be checked is not used: the source compiled as with none (and, then, no cache written: save()).
    script ??= new vm.Script(wrapped, { filename: file });
    const outcome: CacheOutcome = !name ? "off" : cachedData === undefined ? "miss" : script.cachedDataRejected !== false ? "rejected" : "hit";
    this.outcome ??= outcome;
    if (debugging) debug("code cache %s: %s", outcome, name ? join(this.dir as string, name) : file);
    const partial = this.options.refreshPartial && outcome === "hit" && cachedData !== undefined && cachedData.length < source.length / 2;
    if (name && (outcome !== "hit" || partial)) this.unsaved.push({ script, name, replaces: this.options.key === "stat" ? ofPath : undefined, partial: partial ? cachedData : undefined });
    const folder = dirname(file);
    const wrapper = script.runInThisContext() as (exports: object, require: (specifier: string) => unknown, module: object, filename: string, dirname: string, load: (specifier: string) => Promise<unknown>) => void;
    wrapper.call(loaded.exports, loaded.exports, (specifier) => this.require(specifier, file), loaded, file, folder, (specifier) => import(specifier));
    return loaded.exports;
  }

  /** Writes the caches of the files this run had none for (or a partial one), each whole or not at all. Call once the run has done its work. */
  save(): void {
    const dir = this.dir;
    if (!dir) return;
    for (const { script, name, replaces, partial } of this.unsaved.splice(0)) {
      ignoreFailure(() => {
        const data = withChecksums(() => script.createCachedData(), this.options.workerThread);
        if (!partial || data.length > 1.25 * partial.length) this.writeCache(dir, name, data, replaces);
      });
    }
  }

  /** A bundle file's require: the bundle's own files (relative, or a file: URL), Node's built-ins, else Node's require from the file. */
  private require(specifier: string, from: string): unknown {
    if (specifier.startsWith("./") || specifier.startsWith("../")) return this.load(join(dirname(from), specifier));
    if (specifier.startsWith("file:")) return this.load(fileURLToPath(specifier));
    return process.getBuiltinModule(specifier) ?? nodeModule().createRequire(from)(specifier);
  }

  /** The cached data, if the file is the user's own (V8 checks the rest: withChecksums). */
  private readCache(path: string): Buffer | undefined {
    try {
      if (onlyThisUserWrites(statSync(path))) return readFileSync(path);
    } catch {
      // none yet
    }
    return undefined;
  }

  /** Writes a cache whole or not at all (a temporary file renamed); removes the caches it replaces, and stale ones. */
  private writeCache(dir: string, name: string, data: Buffer, replaces: string | undefined): void {
    const path = join(dir, name);
    // Random, not the thread's id: unique across a process's scan workers without loading node:worker_threads.
    const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      const fd = openSync(temporary, "wx", 0o600);
      try {
        writeSync(fd, data);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      debug("code cache written: %s", path);
    } finally {
      ignoreFailure(() => unlinkSync(temporary));
    }
    // Others (another install's, another Node's): once unused for a week. So are those that earlier
    // versions kept in the cache directory itself and in hook-code/, which no version reads now. The
    // cache directory may be one CLAUDE_GUARD_CACHE_DIR names: there only the CLI's bundle caches, by
    // their names, never another program's .v8 file.
    const root = dirname(dir);
    for (const [folder, ours] of [[dir, /\.v8$/], [root, LEGACY_ROOT_CACHE], [join(root, "hook-code"), /\.v8$/]] as const) {
      ignoreFailure(() => {
        for (const other of readdirSync(folder)) {
          if ((folder === dir && other === name) || !ours.test(other)) continue;
          const path = join(folder, other);
          ignoreFailure(() => {
            if ((folder === dir && replaces !== undefined && other.startsWith(replaces)) || Date.now() - statSync(path).mtimeMs > STALE_MS) unlinkSync(path);
          });
        }
      });
    }
  }
}

/** What loadBundle gives the CLI: the bundle's exports, what the cache did, and save(). */
interface LoadedBundle {
  exports: Record<string, unknown>;
  cache: CacheOutcome;
  /** Writes the cache if this run had none: call once the run has done its work, so that the functions it compiled are in it. */
  save(): void;
}

/**
 * Runs the CLI's bundle `file` (an absolute path) and returns what it exports. On Node 22.1 and later
 * through Node's own compile cache (module.enableCompileCache), in the same folder; the hook cannot take
 * that way: its files require each other by file: URL, which Node's require does not take.
 */
export function loadBundle(file: string, env: NodeJS.ProcessEnv = process.env, workerThread = false): LoadedBundle {
  const nodeCache = nodeModule();
  if (typeof nodeCache.enableCompileCache === "function") {
    const dir = env["NODE_DISABLE_COMPILE_CACHE"] ? undefined : codeCacheDirectory(env);
    if (dir) ignoreFailure(() => nodeCache.enableCompileCache?.(dir));
    return { exports: nodeCache.createRequire(file)(file) as Record<string, unknown>, cache: dir ? "node" : "off", save: () => ignoreFailure(() => nodeCache.flushCompileCache?.()) };
  }
  const cache = new CodeCache(env, { key: "content", refreshPartial: true, workerThread });
  const exports = cache.load(file);
  return { exports, cache: cache.outcome ?? "off", save: () => cache.save() };
}

/** code/ in the user's cache directory (cache-dir.ts), made if missing; undefined where it is not the user's alone. */
function codeCacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const base = cacheDirectory(env);
    if (base === undefined) return undefined;
    const dir = join(base, "code");
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (stat.isDirectory() && onlyThisUserWrites(stat)) return dir;
    debug("code cache off: %s is not a directory only this user can write", dir);
  } catch (error) {
    debug("code cache off: %s", (error as Error).message);
  }
  return undefined;
}

/**
 * Runs `action` (reading or making a code cache) with V8's checksums of code caches on: a cache made
 * then carries a checksum of its data (and the flag in the flags' hash every cache holds, so that one
 * made without it is refused), and one read then is refused unless its checksum matches. The main
 * thread turns it off again (left on, every worker thread started later would check Node's own start-up
 * snapshot, ~20 ms each); a worker thread leaves it on (CodeCacheOptions.workerThread). A process whose
 * flags cannot be set throws here, and its cache is not used (never used unchecked).
 */
function withChecksums<T>(action: () => T, leaveOn = false): T {
  const v8 = process.getBuiltinModule("node:v8");
  v8.setFlagsFromString("--verify-snapshot-checksum");
  try {
    return action();
  } finally {
    if (!leaveOn) v8.setFlagsFromString("--no-verify-snapshot-checksum");
  }
}

const sha256 = (data: Buffer): Buffer => process.getBuiltinModule("node:crypto").createHash("sha256").update(data).digest();

function ignoreFailure(action: () => unknown): void {
  try {
    action();
  } catch {
    // only a speed-up
  }
}
