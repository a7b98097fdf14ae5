/**
 * Runs a CommonJS bundle of the CLI (lib/cli/*.bundle.cjs, from scripts/build-bundles.mjs) with V8's code
 * cache, so that a start-up (the command's, and each scan worker's) does not compile its megabyte again.
 * Node 22.1 and later keep the cache themselves (module.enableCompileCache); on Node 20 the bundle runs as
 * a vm.Script with cachedData, the cache written after the run so that it holds the functions compiled
 * lazily too. The cache is only a speed-up: any failure is ignored, NODE_DISABLE_COMPILE_CACHE (Node's own
 * switch) turns it off (so does CLAUDE_GUARD_CACHE_DIR=""), and it lives in the user's cache directory,
 * used only if no one else can write it, since whoever can write it chooses the code the next run
 * executes. `NODE_DEBUG=claude-guard` says what it did.
 */
import { isAscii } from "node:buffer";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { debuglog } from "node:util";
import vm from "node:vm";
import { cacheDirectory } from "../cache-dir.js";

const debug = debuglog("claude-guard");
/** Caches of other builds of a bundle left this long unwritten are removed when one is written. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

/** Node 22.1 and later; @types/node 20 does not declare them. */
const nodeCache = module as { enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void };

interface LoadedBundle {
  exports: Record<string, unknown>;
  /** What the cache did: Node's own (22.1 and later), V8's data used, none yet, data V8 refused, or no cache. */
  cache: "node" | "hit" | "miss" | "rejected" | "off";
  /** Writes the cache if this run had none: call once the run has done its work, so that the functions it compiled are in it. */
  save(): void;
}

/** Runs the bundle `file` (an absolute path) as a CommonJS module and returns what it exports. */
export function loadBundle(file: string, env: NodeJS.ProcessEnv = process.env): LoadedBundle {
  const dir = env["NODE_DISABLE_COMPILE_CACHE"] ? undefined : cacheDir(env);
  if (typeof nodeCache.enableCompileCache === "function") {
    if (dir) ignoreFailure(() => nodeCache.enableCompileCache?.(dir));
    return { exports: createRequire(file)(file) as Record<string, unknown>, cache: dir ? "node" : "off", save: () => ignoreFailure(() => nodeCache.flushCompileCache?.()) };
  }
  const bytes = readFileSync(file);
  // The build writes the bundles in ASCII: read as Latin-1, V8 keeps one byte a character and nothing is decoded.
  const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  // V8 checks a cache against the source's length only: the name holds a hash of the content.
  const cacheFile = dir && join(dir, `${basename(file)}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}-${process.version}-${process.arch}.v8`);
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // The bundle's import() calls (scripts/build-bundles.mjs) come here: V8 keeps no import() for a script
  // run from its cache. This module sits beside the bundles, so specifiers resolve as from them.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __cgLoaderImport) {${source}\n})`, { filename: file, cachedData });
  const cache = !cacheFile ? "off" : cachedData === undefined ? "miss" : script.cachedDataRejected ? "rejected" : "hit";
  debug("code cache %s: %s", cache, cacheFile ?? file);
  const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string, load: (specifier: string) => Promise<unknown>) => void;
  const loaded = { exports: {} };
  wrapper.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dirname(file), (specifier) => import(specifier));
  // A cache holds what the run that wrote it compiled. One from a run that compiled little of the bundle
  // (`--version` first after a build: the scan's modules load only when it runs) is written again by a
  // run that compiled more (by a quarter), else every later scan would compile the rest itself.
  const partial = cachedData !== undefined && cache === "hit" && cachedData.length < source.length / 2;
  let saved = cache === "off" || (cache === "hit" && !partial);
  return {
    exports: loaded.exports,
    cache,
    save: () => {
      if (saved || !cacheFile) return;
      saved = true;
      ignoreFailure(() => {
        const data = script.createCachedData();
        if (!partial || data.length > 1.25 * (cachedData?.length ?? 0)) writeCache(cacheFile, data, `${basename(file)}-`);
      });
    },
  };
}

/** The user's cache directory, the hook's too (cache-dir.ts); made if missing, undefined where it is not the user's alone. */
function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  try {
    const dir = cacheDirectory(env);
    if (dir === undefined) return undefined;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // Windows has no uids (a user's profile is their own).
    const uid = process.getuid?.();
    if (stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0))) return dir;
    debug("code cache off: %s is not a directory only this user can write", dir);
  } catch (error) {
    debug("code cache off: %s", (error as Error).message);
  }
  return undefined;
}

/** A check of the data, in the cache file before it (zlib's CRC-32 would load zlib, which nothing else needs). */
const CHECK_BYTES = 16;
const check = (data: Buffer) => createHash("sha256").update(data).digest().subarray(0, CHECK_BYTES);

/** The cached data, if the file holds it whole: its check, then the data. */
function readCache(path: string): Buffer | undefined {
  try {
    const file = readFileSync(path);
    const data = file.subarray(CHECK_BYTES);
    if (file.length > CHECK_BYTES && check(data).equals(file.subarray(0, CHECK_BYTES))) return data;
    debug("code cache corrupt: %s", path);
  } catch {
    // none yet
  }
  return undefined;
}

/** Writes the cache whole or not at all (a temporary file renamed), and removes stale caches of other builds. */
function writeCache(path: string, data: Buffer, prefix: string): void {
  // Random, not the thread's id: unique across a process's scan workers without loading node:worker_threads
  // (~1.5 ms of CPU) into a run that starts none.
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  try {
    const fd = openSync(temporary, "wx", 0o600);
    try {
      writeSync(fd, check(data));
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    debug("code cache written: %s", path);
  } finally {
    ignoreFailure(() => unlinkSync(temporary));
  }
  const dir = dirname(path);
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || join(dir, name) === path) continue;
    ignoreFailure(() => {
      if (Date.now() - statSync(join(dir, name)).mtimeMs > STALE_MS) unlinkSync(join(dir, name));
    });
  }
}

function ignoreFailure(action: () => unknown): void {
  try {
    action();
  } catch {
    // only a speed-up
  }
}
