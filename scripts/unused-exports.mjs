#!/usr/bin/env node
/**
 * Fails when a module under src/ exports a name that no other file uses: an export only its own file
 * reads is dead weight in the module's interface (drop the `export`), and one nobody reads is dead
 * code. "Uses" counts src/, test/ (through the TypeScript checker, so re-exports, namespace imports and
 * `import type` count) and the plain scripts in bin/, bench/ and scripts/, which load the build from
 * lib/ (named imports and destructured `await import(...)`). A module loaded with a dynamic import()
 * inside src/ or test/ counts as used whole.
 *
 * NOT_YET_ENFORCED lists folders whose exports are reported but do not fail the check (for a folder
 * in the middle of a rewrite); it is empty.
 *
 * Usage: node scripts/unused-exports.mjs   (exit 1 and a list when there is any)
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const NOT_YET_ENFORCED = [];

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const rel = (file) => relative(root, file).split("\\").join("/");

const configFile = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
const checker = program.getTypeChecker();
const sources = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !rel(f.fileName).startsWith("node_modules/"));

/** "src/x.ts" -> names used from outside it. */
const usedOutside = new Map();
const wholeModules = new Set();
const markUsed = (file, name) => {
  if (!usedOutside.has(file)) usedOutside.set(file, new Set());
  usedOutside.get(file).add(name);
};

function original(symbol) {
  let s = symbol;
  for (let i = 0; i < 10 && s && s.flags & ts.SymbolFlags.Alias; i++) s = checker.getAliasedSymbol(s);
  return s;
}

/** The module file an import specifier names, from `file`. */
function resolveModule(specifier, fromFile) {
  const result = ts.resolveModuleName(specifier, fromFile, parsed.options, ts.sys);
  return result.resolvedModule ? rel(result.resolvedModule.resolvedFileName) : undefined;
}

for (const source of sources) {
  const here = rel(source.fileName);
  const visit = (node) => {
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      const target = symbol && original(symbol);
      for (const declaration of target?.declarations ?? []) {
        const file = rel(declaration.getSourceFile().fileName);
        if (file !== here) markUsed(file, target.escapedName);
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) {
        const file = resolveModule(argument.text, source.fileName);
        if (file) wholeModules.add(file);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

// The plain scripts import the build: `lib/a/b.js` is `src/a/b.ts`.
function scriptFiles(dir) {
  const out = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(entry.name === ".work" ? [] : scriptFiles(path)));
    else if (/\.(mjs|js)$/.test(entry.name)) out.push(path);
  }
  return out;
}
for (const file of ["bin", "bench", "scripts"].flatMap(scriptFiles)) {
  const text = readFileSync(join(root, file), "utf8");
  const pattern = /(?:import\s*\{([^}]*)\}\s*from\s*|const\s*\{([^}]*)\}\s*=\s*await\s+import\()[^;]*?lib\/([\w./-]+)\.js/g;
  for (const match of text.matchAll(pattern)) {
    const target = `src/${match[3]}.ts`;
    for (const part of (match[1] ?? match[2]).split(",")) {
      const name = part.trim().split(/\s+as\s+|\s*:\s*/)[0];
      if (name) markUsed(target, name);
    }
  }
  for (const match of text.matchAll(/import\(\s*["'`][^"'`]*lib\/([\w./-]+)\.js/g)) if (!/\{/.test(match[0])) wholeModules.add(`src/${match[1]}.ts`);
}

const unused = [];
for (const source of sources) {
  const file = rel(source.fileName);
  if (!file.startsWith("src/") || wholeModules.has(file)) continue;
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) continue;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.escapedName;
    if (name === "default" || usedOutside.get(file)?.has(name)) continue;
    // A re-export (`export { x } from`, `export *`) is used where its original lives: judged there.
    const declaration = original(exported).declarations?.[0];
    if (exported.flags & ts.SymbolFlags.Alias || !declaration || rel(declaration.getSourceFile().fileName) !== file) continue;
    const line = declaration ? declaration.getSourceFile().getLineAndCharacterOfPosition(declaration.getStart()).line + 1 : 0;
    unused.push(`${file}:${line}: ${name}`);
  }
}

const notEnforced = (line) => NOT_YET_ENFORCED.some((prefix) => line.startsWith(prefix));
const failing = unused.filter((line) => !notEnforced(line)).sort();
const listed = unused.filter(notEnforced).sort();
if (listed.length > 0) console.log(`unused-exports: ${listed.length} export(s) under ${NOT_YET_ENFORCED.join(", ")} used by no other file (listed, not enforced yet)`);
if (failing.length > 0) {
  console.log(`${failing.length} export(s) used by no other file (drop the \`export\`, or the code if nothing uses it):`);
  for (const line of failing) console.log(`  ${line}`);
  process.exitCode = 1;
} else {
  console.log("unused-exports: every other export of src/ is used by another file");
}
