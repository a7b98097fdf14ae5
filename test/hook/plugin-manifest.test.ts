/** The Claude Code plugin's hooks/hooks.json registers the same events and matchers as `hook install`. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { HOOK_ENTRIES, HOOK_TIMEOUT_SECONDS } from "../../src/hook/install.js";

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

describe("the plugin's manifests", () => {
  it("hooks/hooks.json: every entry of `hook install`, each running the hook's entry from the plugin root (it runs the bundle in dist/hook/ there)", () => {
    const { hooks } = read("hooks/hooks.json") as { hooks: Record<string, Array<{ matcher?: string; hooks: Array<{ type: string; command: string; timeout: number }> }>> };
    expect(Object.keys(hooks).sort()).toEqual(HOOK_ENTRIES.map((e) => e.event).sort());
    for (const spec of HOOK_ENTRIES) {
      const groups = hooks[spec.event] ?? [];
      expect(groups.map((g) => g.matcher)).toEqual([spec.matcher]);
      expect(groups[0]?.hooks).toEqual([{ type: "command", command: 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-guard-hook.js"', timeout: HOOK_TIMEOUT_SECONDS }]);
    }
  });

  it("the marketplace lists the plugin at the repository root, under the plugin's own name and version", () => {
    const plugin = read(".claude-plugin/plugin.json") as { name: string; version: string };
    const marketplace = read(".claude-plugin/marketplace.json") as { name: string; plugins: Array<{ name: string; source: string; version: string }> };
    const pkg = read("package.json") as { version: string };
    expect(marketplace.plugins).toEqual([expect.objectContaining({ name: plugin.name, source: "./", version: pkg.version })]);
    expect(plugin.version).toBe(pkg.version);
  });
});
