/**
 * A provider file that is not listed in rules/index.ts would be tested by nobody and run by nobody:
 * every file under providers/ must export rules, and every one of them must be a built-in rule.
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { builtinRules } from "../../src/core/detect/index.js";
import type { Rule } from "../../src/core/detect/rule.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../src/core/detect/rules/providers");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "keyed.ts");
const builtin = new Set(builtinRules.map((r) => r.id));

describe("provider files", () => {
  it("are many, one per provider", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)("%s exports rules that are all registered", async (file) => {
    const module = (await import(path.join(dir, file))) as { rules?: Rule[] };
    expect(Array.isArray(module.rules) && module.rules.length > 0).toBe(true);
    expect((module.rules ?? []).map((r) => r.id).filter((id) => !builtin.has(id))).toEqual([]);
  });
});
