/**
 * The loader that runs the CLI's bundles with V8's code cache (src/code-cache.ts), on a small
 * CommonJS bundle written here: a second run uses the cache; a corrupt cache, one V8 refuses, and a
 * directory that others can write or own are never used; NODE_DISABLE_COMPILE_CACHE turns it off. On
 * Node 22.1 and later the loader hands caching to Node (module.enableCompileCache): the V8 cases are
 * Node 20's.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
let runs = 0;

/**
 * The bundle, with some functions, written to a folder of its own each time: V8 keeps the scripts a
 * process compiled in memory by name, and would not look at the cached data of one it already holds.
 */
function writeBundle(): void {
  bundle = join(work, `copy${++runs}`, "app.bundle.cjs");
  mkdirSync(join(work, `copy${runs}`));
  const helpers = Array.from({ length: 50 }, (_, i) => `function helper${i}(x) { return x * ${i} + ${answer}; }`).join("\n");
  writeFileSync(bundle, `"use strict";\n${helpers}\nexports.answer = () => helper1(0);\nexports.file = __filename;\n`);
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "cg-code-cache-"));
  env = { XDG_CACHE_HOME: join(work, "xdg") };
  answer = 42;
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function run(): ReturnType<typeof loadBundle> {
  writeBundle();
  const loaded = loadBundle(bundle, env);
  expect((loaded.exports["answer"] as () => number)()).toBe(answer);
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

  onNode20("ignores a corrupt cache and one V8 refuses, and writes a good one in their place", () => {
    run();
    const file = join(cacheDir(), cacheFiles()[0] as string);
    const flipped = readFileSync(file);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] as number) ^ 0xff;
    writeFileSync(file, flipped);
    expect(run().cache).toBe("miss");
    expect(run().cache).toBe("hit");
    // Whole (its checksum matches) but V8's cache of another script.
    const other = new vm.Script("globalThis.x = 1;").createCachedData();
    writeFileSync(file, Buffer.concat([createHash("sha256").update(other).digest().subarray(0, 16), other]));
    expect(run().cache).toBe("rejected");
    expect(run().cache).toBe("hit");
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

  onNode20("runs a file and the files it requires, and writes a cache of each, named by path and stat, with no check before the data", () => {
    const { cache, answer } = load("first");
    expect(answer).toBe("first");
    expect(cache.outcome).toBe("miss");
    const names = cacheFiles();
    expect(names).toHaveLength(2);
    expect(names.every((name) => name.includes("+entry.js@") || name.includes("+part.js@"))).toBe(true);
    const file = names.find((name) => name.includes("+entry.js@")) as string;
    // The data as V8 wrote it: V8 takes it back.
    const data = readFileSync(join(cacheDir(), file));
    const source = `(function (exports, require, module, __filename, __dirname, __cgLoaderImport) {"use strict";\nconst { part } = require("./part.js");\nexports.answer = () => part();\n\n})`;
    expect(new vm.Script(source, { filename: join(work, "other.js"), cachedData: data }).cachedDataRejected).toBe(false);
  });
});

