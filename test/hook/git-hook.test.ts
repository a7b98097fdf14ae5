/** The git pre-commit hook's script and the pre-commit framework's manifest (their text, no git here). */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { hookScript, ownHook } from "../../src/hook/git-hook.js";

describe("hookScript", () => {
  it("runs the staged scan, and a chained hook first whose failure stops the commit", () => {
    const plain = hookScript("npx claude-guard", false);
    expect(plain.startsWith("#!/bin/sh\n")).toBe(true);
    expect(plain).toContain("\nexec npx claude-guard scan --staged\n");
    expect(ownHook(plain)).toEqual({ own: true, chained: false });
    const chained = hookScript("npx claude-guard", true);
    expect(chained).toMatch(/"\$previous" "\$@" \|\| exit \$\?; fi\nexec npx claude-guard scan --staged\n$/);
    expect(ownHook(chained)).toEqual({ own: true, chained: true });
    expect(ownHook("#!/bin/sh\nnpx lint-staged\n")).toEqual({ own: false, chained: false });
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("offers one hook that runs the package's command on the staged lines, without file names", () => {
    const hooks = load(readFileSync(new URL("../../.pre-commit-hooks.yaml", import.meta.url), "utf8")) as Array<Record<string, unknown>>;
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { bin: Record<string, string> };
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "claude-guard", language: "node", pass_filenames: false, entry: "claude-guard scan --staged" });
    expect(Object.keys(pkg.bin)).toContain("claude-guard");
  });
});
