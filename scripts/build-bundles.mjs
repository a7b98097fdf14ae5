#!/usr/bin/env node
/**
 * Bundles the compiled CLI and its scan worker (lib/, from tsc) into one CommonJS file each with esbuild:
 * lib/cli/cli.bundle.cjs and lib/cli/scan-worker.bundle.cjs. Loading ~300 modules one by one (resolve,
 * read, compile each) was about a third of a small scan's CPU time, paid again by every worker thread;
 * one file costs far less. CommonJS, all ASCII, so that lib/cli/code-cache.cjs (src/code-cache.ts) can run them through V8's
 * code cache (a script's cache; Node 20 has none for ES modules). They sit in lib/cli/ so that paths the
 * code takes from import.meta.url (../../bin/, ../core/detect/) resolve as from lib/cli/*.js.
 * bin/claude-guard.js runs the bundle only when it is at least as new as lib/ (a plain `tsc` build leaves
 * an older bundle unused). The Claude Code hook has a bundle of its own, split so that an event loads
 * only the rule modules it needs: lib/hook-bundle/ (scripts/build-hook.mjs; bin/claude-guard-hook.js picks
 * it the same way). Run by `npm run build:lib`.
 */
import { build } from "esbuild";
import ts from "typescript";
import { readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildHookBundle } from "./build-hook.mjs";
import { defuseTokenLiterals } from "./defuse-token-literals.mjs";
import { NODE_ESM_BUNDLE, asciiOnly } from "./esbuild-node.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
// main.js, not index.js: an entry with a top-level await cannot be CommonJS; bin/claude-guard.js calls run().
const entries = { "cli.bundle": "lib/cli/main.js", "scan-worker.bundle": "lib/cli/scan-worker.js" };

const BANNER = [
  // The bundle's modules were ES modules, strict code; the "use strict" esbuild writes comes after the banner.
  '"use strict";',
  'var __cgImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  // import() of an ES module (@octokit/rest): a vm.Script run from V8's code cache has no import() of its
  // own, so lib/cli/code-cache.cjs, which sits beside the bundles, passes one in; under require() the
  // bundle's own works.
  'var __cgImport = typeof __cgLoaderImport === "function" ? __cgLoaderImport : (specifier) => import(specifier);',
].join("\n");

const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: "lib/cli",
  outExtension: { ".js": ".cjs" },
  ...NODE_ESM_BUNDLE,
  format: "cjs",
  // Loaded on demand only (audit export, the App), and ES modules: left out, so they stay lazy import()s.
  external: ["@octokit/*", "probot"],
  define: {
    // The bundled CLI starts the bundled worker (src/cli/parallel.ts); the version is fixed (src/version.ts
    // reads ../package.json from its own place in lib/).
    CLAUDE_GUARD_WORKER: JSON.stringify("./scan-worker.bundle.cjs"),
    CLAUDE_GUARD_VERSION: JSON.stringify(pkg.version),
    // CommonJS has no import.meta: the bundle's own file as a URL, from the banner.
    "import.meta.url": "__cgImportMetaUrl",
  },
  banner: { js: BANNER },
});
for (const name of Object.keys(entries)) {
  const path = join(root, "lib", "cli", `${name}.cjs`);
  const code = viaLoaderImport(defuseTokenLiterals(await readFile(path, "utf8"), `lib/cli/${name}.cjs`).code);
  await writeFile(path, asciiOnly(code, `lib/cli/${name}.cjs`));
  // The ES module bundles of earlier builds: nothing loads them any more.
  await rm(join(root, "lib", "cli", `${name}.js`), { force: true });
}
// The loader that runs the bundles (bin/claude-guard.js, each scan worker), as CommonJS beside them:
// loaded with require(), it does not start Node's ES module loader, ~20 ms of CPU of every run and worker.
await build({ absWorkingDir: root, entryPoints: { "code-cache": "lib/code-cache.js" }, outdir: "lib/cli", outExtension: { ".js": ".cjs" }, ...NODE_ESM_BUNDLE, format: "cjs" });

/** Every import(x) of the bundle after the banner, as __cgImport(x). */
function viaLoaderImport(code) {
  const source = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const starts = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.getStart(source) > BANNER.length) starts.push(node.getStart(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const start of starts.reverse()) out = out.slice(0, start) + "__cgImport" + out.slice(start + "import".length);
  return out;
}

// The built-in rules' keyword automaton, built once here rather than by every run and scan worker
// (src/cli/prebuilt.ts reads it; the scanner uses it only if it was built from the same keywords).
const { builtinRules } = await import(pathToFileURL(join(root, "lib/core/detect/index.js")).href);
const { encodePrefilter } = await import(pathToFileURL(join(root, "lib/core/detect/prefilter.js")).href);
const prefilter = encodePrefilter(builtinRules.map((rule) => rule.keywords));
await writeFile(join(root, "lib", "cli", "keyword-prefilter.bin"), prefilter);
console.log(`lib/cli/keyword-prefilter.bin: ${(prefilter.length / 1024).toFixed(0)} KiB`);

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`lib/cli/*.bundle.cjs: ${Object.keys(entries).length} bundles, ${(bytes / 1024).toFixed(0)} KiB`);
const hook = await buildHookBundle({ root, outdir: "lib/hook-bundle", version: pkg.version });
console.log(`lib/hook-bundle/: ${hook.files.length} files, ${(hook.files.reduce((sum, f) => sum + f.text.length, 0) / 1024).toFixed(0)} KiB`);
