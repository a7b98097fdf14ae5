/**
 * What every claude-guard bundle shares (the Action's dist/ and the CLI's lib/cli/*.bundle.js): one ES
 * module file for Node 20 and later, readable (no minify, no sourcemap), with `require` defined through
 * createRequire, since bundled CommonJS dependencies call `require("net")` and an ES module has none.
 */
export const REQUIRE_SHIM = ['import { createRequire as __cgCreateRequire } from "node:module";', "const require = __cgCreateRequire(import.meta.url);"];

export const NODE_ESM_BUNDLE = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: false,
  sourcemap: false,
  charset: "utf8",
  logLevel: "warning",
  metafile: true,
};
