/**
 * The hook starts on every prompt and tool call: what answering an event loads up front decides its
 * start-up. The config's schema library (zod) and the YAML parser load only when a config must be
 * validated (a change of its text), and a rule module only when an event's text holds one of its
 * keywords, so no module the hook's entry imports statically may reach them: neither in the sources
 * (lib/ as tsc compiles them) nor in the hook's bundle (scripts/build-hook.mjs), where what is loaded
 * up front is hook/cli.js and the chunks it imports.
 */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Loaded only when needed: never on the answering path of a clean event. */
const LAZY = /^core\/config\/(config|schema)\.ts$|bounded-parse\.ts$|detect\/index\.ts$|detect\/rules\//;

/** Static (non-type) imports of a module: `import ... from "x"` and `export ... from "x"`, not `import("x")`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gms)) out.push(m[1] as string);
  for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) out.push(m[1] as string);
  return out;
}

function staticGraph(...entries: string[]): { modules: Set<string>; packages: Set<string>; builtins: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const builtins = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith(".")) visit(join(dirname(file), spec.replace(/\.js$/, ".ts")));
      else if (spec.startsWith("node:")) builtins.add(spec);
      else packages.add(spec);
    }
  };
  for (const entry of entries) visit(entry);
  return { modules, packages, builtins };
}

describe("hook start-up", () => {
  const graph = staticGraph(join(SRC, "hook/cli.ts"));

  it("loads no package and no config schema up front", () => {
    expect([...graph.packages]).toEqual([]);
    const relative = [...graph.modules].map((m) => m.slice(SRC.length + 1));
    expect(relative).toContain("hook/run.ts");
    expect(relative).toContain("core/detect/engine.ts");
    expect(relative.filter((m) => LAZY.test(m))).toEqual([]);
  });

  it("loads neither node:crypto nor perf_hooks for an event that finds nothing, even one with a secret-like word", () => {
    // node:crypto (and Node's streams stack with it) costs several milliseconds: it is taken where a
    // finding is fingerprinted, not at import. Prompts and code hold "token" or "key" (the generic rule,
    // which also checks JWTs) more often than not. The performance global loads perf_hooks.
    const rules = ["generic.ts", "jwt.ts"].map((f) => join(SRC, "core/detect/rules", f));
    const answering = staticGraph(join(SRC, "hook/cli.ts"), ...rules);
    expect([...answering.builtins].filter((b) => /^node:(crypto|perf_hooks)$/.test(b))).toEqual([]);
    const usesPerformance = [...answering.modules].filter((m) => /^(?!\s*(?:\*|\/\/)).*\bperformance\.now\(/m.test(readFileSync(m, "utf8")));
    expect(usesPerformance.map((m) => m.slice(SRC.length + 1))).toEqual([]);
  });

  it("loads no package, no config schema and no rule module up front from the bundle", () => {
    // The bundle as `npm run build` makes it, built in memory: its metafile says which sources each
    // output file holds and which files it imports statically.
    const script = `const { buildHookBundle } = await import(${JSON.stringify(new URL("../../scripts/build-hook.mjs", import.meta.url).href)});
const { metafile } = await buildHookBundle({ root: ${JSON.stringify(ROOT)}, outdir: "lib/hook-bundle", version: "0.0.0", write: false });
process.stdout.write(JSON.stringify(metafile.outputs));`;
    const out = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(out.stderr).toBe("");
    const outputs = JSON.parse(out.stdout) as Record<string, { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> }>;
    const loaded = new Set<string>();
    const visit = (file: string): void => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const i of outputs[file]?.imports ?? []) if (i.kind === "import-statement" && !i.external) visit(i.path);
    };
    visit("lib/hook-bundle/hook/cli.js");
    const inputs = [...loaded].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {}));
    expect(inputs).toEqual(expect.arrayContaining(["src/hook/run.ts", "src/hook/setup.ts", "src/core/detect/engine.ts"]));
    expect(inputs.filter((i) => !i.startsWith("src/"))).toEqual([]);
    expect(inputs.map((i) => i.slice("src/".length)).filter((m) => LAZY.test(m))).toEqual([]);
    // The rule modules are there, to be loaded one by one.
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(["lib/hook-bundle/core/detect/rules/generic.js", "lib/hook-bundle/core/detect/rules/providers/github.js"]));
    // Two esbuild builds in a child process: seconds, many more on a loaded machine.
  }, 180000);
});
