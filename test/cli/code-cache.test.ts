/**
 * The loader that runs the CLI's bundles with V8's code cache (src/code-cache.ts), on a small
 * CommonJS bundle written here: a second run uses the cache; a cache whose data changed, one made
 * without V8's checksum, one of another script, and a directory that others can write or own are never
 * used; NODE_DISABLE_COMPILE_CACHE turns it off. On
 * Node 22.1 and later the loader hands caching to Node (module.enableCompileCache): the V8 cases are
 * Node 20's.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { CodeCache, loadBundle, type CodeCacheOptions } from "../../src/code-cache.js";

const nodeCaches = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";
const onNode20 = nodeCaches ? it.skip : it;
const onNode22 = nodeCaches ? it : it.skip;
const asRoot = !nodeCaches && process.getuid?.() === 0 ? it : it.skip;

let work: string;
let bundle = "";
let env: NodeJS.ProcessEnv;
const cacheDir = () => join(work, "xdg", "claude-guard", "code");
const cacheFiles = () => readdirSync(cacheDir()).filter((name) => name.endsWith(".v8"));

let answer = 42;
let marker = "";
let runs = 0;

/** A source as the loader runs it. */
const wrapped = (source: string) => `(function (exports, require, module, __filename, __dirname, __cgLoaderImport) {${source}\n})`;
/** What the loader does around V8's cache calls (src/code-cache.ts, withChecksums), for data made or read here. */
function withV8Checksums<T>(action: () => T): T {
  v8.setFlagsFromString("--verify-snapshot-checksum");
  try {
    return action();
  } finally {
    v8.setFlagsFromString("--no-verify-snapshot-checksum");
  }
}

/**
 * The bundle, with some functions, written to a folder of its own each time: V8 keeps the scripts a
 * process compiled in memory by name, and would not look at the cached data of one it already holds.
 */
function writeBundle(): void {
  bundle = join(work, `copy${++runs}`, "app.bundle.cjs");
  mkdirSync(join(work, `copy${runs}`));
  const helpers = Array.from({ length: 50 }, (_, i) => `function helper${i}(x) { return x * ${i} + ${answer}; }`).join("\n");
  writeFileSync(bundle, `"use strict";\n${helpers}\nexports.answer = () => helper1(0);\nexports.file = __filename;\nexports.marker = () => ${JSON.stringify(marker)};\n`);
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "cg-code-cache-"));
  env = { XDG_CACHE_HOME: join(work, "xdg") };
  answer = 42;
  marker = "";
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function run(): ReturnType<typeof loadBundle> {
  writeBundle();
  const loaded = loadBundle(bundle, env);
  expect((loaded.exports["answer"] as () => number)()).toBe(answer);
  // Run before save(), so that its code (and the string it returns) is in the cache.
  expect((loaded.exports["marker"] as () => string)()).toBe(marker);
  loaded.save();
  return loaded;
}

describe("code cache", () => {
  onNode20("writes the cache after the first run, in a directory only the user can use, and uses it on the next", () => {
    const first = run();
    expect(first.cache).toBe("miss");
    expect(first.exports["file"]).toBe(bundle);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(cacheFiles()).toHaveLength(1);
    const file = join(cacheDir(), cacheFiles()[0] as string);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).mtimeMs;
    expect(run().cache).toBe("hit");
    expect(statSync(file).mtimeMs).toBe(written);
  });

  onNode20("refuses a cache whose data was changed, and writes a good one in its place", () => {
    marker = "kept-as-written";
    run();
    const file = join(cacheDir(), cacheFiles()[0] as string);
    // One byte of a string the bundle returns: V8 alone (no checksum in a release build) takes this
    // cache and the function returns "kePt-as-written".
    const altered = readFileSync(file);
    const at = altered.indexOf("kept-as-written");
    expect(at).toBeGreaterThan(0);
    altered[at + 2] = "P".charCodeAt(0);
    writeFileSync(file, altered);
    expect(run().cache).toBe("rejected");
    expect(run().cache).toBe("hit");
    // A byte near the end, which V8's own checks (of the script's length and its flags) do not cover.
    const flipped = readFileSync(file);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] as number) ^ 0xff;
    writeFileSync(file, flipped);
    expect(run().cache).toBe("rejected");
    expect(run().cache).toBe("hit");
  });

  onNode20("refuses a cache made without V8's checksum (as an earlier loader wrote them) and one of another script", () => {
    run();
    const file = join(cacheDir(), cacheFiles()[0] as string);
    writeBundle();
    writeFileSync(file, new vm.Script(wrapped(readFileSync(bundle, "latin1")), { filename: join(work, "unchecked.js") }).createCachedData());
    expect(run().cache).toBe("rejected");
    expect(run().cache).toBe("hit");
    writeFileSync(file, withV8Checksums(() => new vm.Script("globalThis.x = 1;").createCachedData()));
    expect(run().cache).toBe("rejected");
    expect(run().cache).toBe("hit");
  });

  onNode20("removes caches unused for a week when it writes one, also those earlier versions kept beside code/, and no other file", () => {
    const root = join(work, "xdg", "claude-guard");
    mkdirSync(join(root, "code"), { recursive: true, mode: 0o700 });
    mkdirSync(join(root, "hook-code"), { mode: 0o700 });
    const weekAgo = (Date.now() - 8 * 24 * 60 * 60 * 1000) / 1000;
    const place = (path: string, old: boolean) => {
      writeFileSync(path, "x");
      if (old) utimesSync(path, weekAgo, weekAgo);
      return path;
    };
    const stale = [
      place(join(root, "code", "other-install.v8"), true),
      place(join(root, "cli.bundle.cjs-0123456789abcdef-v20.18.1-x64.v8"), true),
      place(join(root, "scan-worker.bundle.cjs-fedcba9876543210-v22.1.0-arm64.v8"), true),
      place(join(root, "hook-code", "+old+hook.js@v20@1-2-3-4.v8"), true),
    ];
    const kept = [
      place(join(root, "code", "recent.v8"), false),
      place(join(root, "cli.bundle.cjs-4567456745674567-v20.18.1-x64.v8"), false),
      place(join(root, "0123456789abcdef.json"), true),
      // The cache directory may be one CLAUDE_GUARD_CACHE_DIR names: another program's files stay.
      place(join(root, "another-program.v8"), true),
    ];
    expect(run().cache).toBe("miss");
    for (const path of stale) expect(existsSync(path)).toBe(false);
    for (const path of kept) expect(existsSync(path)).toBe(true);
  });

  onNode20("leaves V8's checksum flag on in a worker thread, where other threads use their caches at the same moment, and off in the main thread", () => {
    run();
    const off = v8.cachedDataVersionTag();
    const on = withV8Checksums(() => v8.cachedDataVersionTag());
    expect(on).not.toBe(off);
    try {
      writeBundle();
      expect(new CodeCache(env, { key: "content", refreshPartial: true }).load(bundle)["answer"]).toBeDefined();
      expect(v8.cachedDataVersionTag()).toBe(off);
      writeBundle();
      const cache = new CodeCache(env, { key: "content", refreshPartial: true, workerThread: true });
      cache.load(bundle);
      expect(cache.outcome).toBe("hit");
      expect(v8.cachedDataVersionTag()).toBe(on);
    } finally {
      v8.setFlagsFromString("--no-verify-snapshot-checksum");
    }
  });

  onNode20("keys the cache by the bundle's content, not its length", () => {
    run();
    answer = 24;
    expect(run().cache).toBe("miss");
    expect(cacheFiles()).toHaveLength(2);
  });

  it("uses no directory that others can write", () => {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    chmodSync(cacheDir(), 0o777);
    expect(run().cache).toBe("off");
    expect(cacheFiles()).toHaveLength(0);
  });

  asRoot("uses no directory another user owns, nor a cache placed in it", () => {
    run();
    const name = cacheFiles()[0] as string;
    chownSync(cacheDir(), 12345, 12345);
    expect(run().cache).toBe("off");
    // Placed by the other user: never read, never replaced.
    writeFileSync(join(cacheDir(), name), "not a cache");
    expect(run().cache).toBe("off");
    expect(readFileSync(join(cacheDir(), name), "utf8")).toBe("not a cache");
  });

  onNode22("hands the cache to Node, in a directory only the user can use", () => {
    expect(run().cache).toBe("node");
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE or an empty CLAUDE_GUARD_CACHE_DIR, and the bundle still runs", () => {
    env["NODE_DISABLE_COMPILE_CACHE"] = "1";
    expect(run().cache).toBe("off");
    env = { XDG_CACHE_HOME: join(work, "xdg"), CLAUDE_GUARD_CACHE_DIR: "" };
    expect(run().cache).toBe("off");
    expect(existsSync(cacheDir())).toBe(false);
  });

  it("lives where CLAUDE_GUARD_CACHE_DIR says, as the hook's cache does", () => {
    env["CLAUDE_GUARD_CACHE_DIR"] = join(work, "chosen");
    expect(run().cache).not.toBe("off");
    expect(existsSync(join(work, "chosen"))).toBe(true);
    expect(existsSync(cacheDir())).toBe(false);
  });
});

describe("code cache keyed by the file's stat (the hook's)", () => {
  const HOOK: CodeCacheOptions = { key: "stat", refreshPartial: false };
  /** Each load in a folder of its own (V8 keeps the scripts a process compiled by name), the file's require of a sibling too. */
  function load(text: string): { cache: CodeCache; answer: unknown } {
    const dir = join(work, `hook${++runs}`);
    mkdirSync(dir);
    writeFileSync(join(dir, "part.js"), `"use strict";\nexports.part = () => ${JSON.stringify(text)};\n`);
    writeFileSync(join(dir, "entry.js"), `"use strict";\nconst { part } = require("./part.js");\nexports.answer = () => part();\n`);
    const cache = new CodeCache(env, HOOK);
    const exports = cache.load(join(dir, "entry.js"));
    const answer = (exports["answer"] as () => unknown)();
    cache.save();
    return { cache, answer };
  }

  onNode20("runs a file and the files it requires, and writes a cache of each, named by path and stat, with V8's checksum", () => {
    const { cache, answer } = load("first");
    expect(answer).toBe("first");
    expect(cache.outcome).toBe("miss");
    const names = cacheFiles();
    expect(names).toHaveLength(2);
    expect(names.every((name) => name.includes("+entry.js@") || name.includes("+part.js@"))).toBe(true);
    const file = names.find((name) => name.includes("+entry.js@")) as string;
    // The data as V8 wrote it, with its checksum: V8 takes it back when it checks the checksum, and
    // refuses it when it does not (a flag in the flags' hash every cache holds).
    const data = readFileSync(join(cacheDir(), file));
    const source = wrapped(`"use strict";\nconst { part } = require("./part.js");\nexports.answer = () => part();\n`);
    expect(withV8Checksums(() => new vm.Script(source, { filename: join(work, "checked.js"), cachedData: data }).cachedDataRejected)).toBe(false);
    expect(new vm.Script(source, { filename: join(work, "unchecked.js"), cachedData: data }).cachedDataRejected).toBe(true);
  });
});

