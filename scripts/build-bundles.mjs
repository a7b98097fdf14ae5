#!/usr/bin/env node
/**
 * Bundles the compiled CLI and its scan worker (lib/, from tsc) into one file each with esbuild:
 * lib/cli/cli.bundle.js and lib/cli/scan-worker.bundle.js. Loading ~300 modules one by one (resolve,
 * read, compile each) was about a third of a small scan's CPU time, paid again by every worker thread;
 * one file costs far less. They sit in lib/cli/ so that paths the code takes from import.meta.url
 * (../../bin/, ../core/detect/) resolve as from lib/cli/*.js. bin/claude-guard.js runs the bundle only
 * when it is at least as new as lib/ (a plain `tsc` build leaves an older bundle unused). The Claude Code
 * hook has a bundle of its own, split so that an event loads only the rule modules it needs:
 * lib/hook-bundle/ (scripts/build-hook.mjs; bin/claude-guard-hook.js picks it the same way). Run by
 * `npm run build:lib`.
 */
import { build } from "esbuild";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildHookBundle } from "./build-hook.mjs";
import { defuseTokenLiterals } from "./defuse-token-literals.mjs";
import { NODE_ESM_BUNDLE, REQUIRE_SHIM } from "./esbuild-node.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
const entries = { "cli.bundle": "lib/cli/index.js", "scan-worker.bundle": "lib/cli/scan-worker.js" };

const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: "lib/cli",
  ...NODE_ESM_BUNDLE,
  // Loaded on demand only (audit export, the App): left out, so they stay lazy.
  external: ["@octokit/*", "probot"],
  // The bundled CLI starts the bundled worker (src/cli/parallel.ts); the version is fixed (src/version.ts
  // reads ../package.json from its own place in lib/).
  define: { CLAUDE_GUARD_WORKER: JSON.stringify("./scan-worker.bundle.js"), CLAUDE_GUARD_VERSION: JSON.stringify(pkg.version) },
  banner: { js: REQUIRE_SHIM.join("\n") },
});
for (const name of Object.keys(entries)) {
  const path = join(root, "lib", "cli", `${name}.js`);
  await writeFile(path, defuseTokenLiterals(await readFile(path, "utf8"), `lib/cli/${name}.js`).code);
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`lib/cli/*.bundle.js: ${Object.keys(entries).length} bundles, ${(bytes / 1024).toFixed(0)} KiB`);
const hook = await buildHookBundle({ root, outdir: "lib/hook-bundle", version: pkg.version });
console.log(`lib/hook-bundle/: ${hook.files.length} files, ${(hook.files.reduce((sum, f) => sum + f.text.length, 0) / 1024).toFixed(0)} KiB`);
