/**
 * What every claude-guard bundle shares (the Action's dist/, the CLI's lib/cli/*.bundle.cjs, the hook's
 * lib/hook-bundle/): one file for Node 20 and later, readable (no minify, no sourcemap). ES modules get
 * `require` through createRequire, since bundled CommonJS dependencies call `require("net")` and an ES
 * module has none.
 */
import { build } from "esbuild";
import ts from "typescript";

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

/**
 * The bundle's code with every non-ASCII character written as a \uXXXX escape (in strings, regular
 * expressions, identifiers and comments alike): V8 then holds the source as one byte per character and
 * reads it without UTF-8 decoding, which saves each start-up tens of milliseconds on a bundle of over a
 * megabyte. In String.raw`...` the escape would be kept as written, so there the character becomes a
 * substitution, ${"\uXXXX"}; any other tagged template with such a character fails the build.
 */
export function asciiOnly(code, name) {
  const nonAscii = /[^\0-\x7f]/;
  if (!nonAscii.test(code)) return code;
  const source = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const raw = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && nonAscii.test(code.slice(node.template.getStart(source), node.template.end))) {
      if (node.tag.getText(source) !== "String.raw") throw new Error(`${name}: a tagged template holds non-ASCII text, which an escape would change: ${node.getText(source).slice(0, 80)}`);
      raw.push([node.template.getStart(source), node.template.end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const escape = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return code.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, char, offset) => {
    const escaped = slashes.length % 2 === 1;
    if (raw.some(([start, end]) => offset + slashes.length >= start && offset + slashes.length < end)) {
      if (escaped) throw new Error(`${name}: String.raw holds an escaped non-ASCII character at ${offset}`);
      return `${slashes}\${"${escape(char)}"}`;
    }
    // A character already escaped (`\•` in a regular expression) keeps one backslash: `\u2022`.
    return (escaped ? slashes.slice(1) : slashes) + escape(char);
  });
}

/**
 * The code-cache loader (src/code-cache.ts) as one CommonJS file, ASCII only, `banner` first: what the
 * CLI's bundles (lib/cli/code-cache.cjs, for bin/claude-guard.js and each scan worker) and the hook's
 * (lib/hook-bundle/, dist/hook/, for bin/claude-guard-hook.js) are run with. One recipe for both, from
 * src/: the plugin's copy of the repository has no lib/. CommonJS: loaded with require(), it does not
 * start Node's ES module loader (~20 ms of CPU of every run, worker and hook event).
 */
export async function buildCodeCacheLoader(root, banner) {
  const result = await build({ absWorkingDir: root, entryPoints: ["src/code-cache.ts"], ...NODE_ESM_BUNDLE, format: "cjs", metafile: false, write: false });
  return asciiOnly([banner, result.outputFiles[0].text].join("\n"), "code-cache.cjs");
}
