/**
 * Jest transform: TypeScript to ESM through esbuild, already a dev dependency for the Action bundle.
 * It strips types file by file without checking them (`npm run typecheck` does that), about ten times
 * faster than ts-jest. tsconfig.json's verbatimModuleSyntax is passed on so that imports are kept or
 * dropped as tsc keeps or drops them.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { transformSync, version } from "esbuild";

const OPTIONS = {
  loader: "ts",
  format: "esm",
  target: "es2022",
  sourcemap: "external",
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
};
const SELF = createHash("sha256").update(readFileSync(new URL(import.meta.url))).update(version).digest("hex");

function process(source, filename) {
  const { code, map } = transformSync(source, { ...OPTIONS, sourcefile: filename });
  return { code, map };
}

export default {
  canInstrument: false,
  process,
  processAsync: async (source, filename) => process(source, filename),
  getCacheKey: (source, filename, { configString }) =>
    createHash("sha256").update(SELF).update("\0").update(filename).update("\0").update(configString).update("\0").update(source).digest("hex"),
  getCacheKeyAsync: async (source, filename, options) =>
    createHash("sha256").update(SELF).update("\0").update(filename).update("\0").update(options.configString).update("\0").update(source).digest("hex"),
};
