/** docs/inventory.md's matrix workflow: valid YAML whose jobs run the shards it lists and merge them all. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

interface Workflow {
  jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Array<{ run?: string }> }>;
}

describe("docs/inventory.md example workflow", () => {
  const page = readFileSync("docs/inventory.md", "utf8");
  const yaml = /```yaml\n([\s\S]*?)```/.exec(page)?.[1] ?? "";
  const workflow = load(yaml) as Workflow;

  it("runs one job per shard, I/N over the whole matrix, and merges after them", () => {
    const shards = workflow.jobs["shard"]?.strategy?.matrix.shard ?? [];
    const runs = (workflow.jobs["shard"]?.steps ?? []).map((s) => s.run ?? "").join("\n");
    const [, count] = /--shard \$\{\{ matrix\.shard \}\}\/(\d+)/.exec(runs) ?? [];
    expect(shards).toEqual(Array.from({ length: Number(count) }, (_, i) => i + 1));
    expect(workflow.jobs["merge"]?.needs).toBe("shard");
    expect((workflow.jobs["merge"]?.steps ?? []).map((s) => s.run ?? "").join("\n")).toContain("claude-guard inventory merge inventory-*.json");
  });
});
