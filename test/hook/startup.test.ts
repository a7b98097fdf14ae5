/**
 * The hook starts on every prompt and tool call: what answering an event loads up front decides its
 * start-up. The config's schema library (zod) and the YAML parser load only when a config must be
 * validated (a change of its text), so no module the hook's entry imports statically may reach them.
 */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

/** Static (non-type) imports of a module: `import ... from "x"` and `export ... from "x"`, not `import("x")`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gms)) out.push(m[1] as string);
  for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) out.push(m[1] as string);
  return out;
}

function staticGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith(".")) visit(join(dirname(file), spec.replace(/\.js$/, ".ts")));
      else if (!spec.startsWith("node:")) packages.add(spec);
    }
  };
  visit(entry);
  return { modules, packages };
}

describe("hook start-up", () => {
  const graph = staticGraph(join(SRC, "hook/cli.ts"));

  it("loads no package and no config schema up front", () => {
    expect([...graph.packages]).toEqual([]);
    const relative = [...graph.modules].map((m) => m.slice(SRC.length + 1));
    expect(relative).toContain("hook/run.ts");
    expect(relative).toContain("core/detect/engine.ts");
    expect(relative.filter((m) => /^core\/config\/(config|schema)\.ts$|bounded-parse\.ts$|detect\/index\.ts$|detect\/rules\//.test(m))).toEqual([]);
  });
});
