/**
 * Every rule, through the whole engine: its declared true positives are found (as that rule, as a
 * secret), its false positives are not, keywords cover every true positive, and no regex backtracks
 * catastrophically on long adversarial lines.
 */
import { describe, expect, it } from "@jest/globals";
import { builtinRules, ruleMetas } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { runRule } from "../../src/core/detect/run-rule.js";

const scanner = new Scanner(builtinRules);
/** Priority of every reported rule id, to accept a more specific rule taking over a value. */
const priorityOf = new Map<string, number>();
for (const rule of builtinRules) {
  const priority = rule.priority ?? (rule.provider === "generic" ? 0 : 2);
  priorityOf.set(rule.id, priority);
  for (const extra of rule.reports ?? []) priorityOf.set(extra.id, priority);
}

describe("the rule set", () => {
  it("has unique ids in kebab-case and enough provider formats", () => {
    const ids = ruleMetas(builtinRules).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const providerFormats = builtinRules.filter((r) => r.provider !== "generic");
    expect(providerFormats.length).toBeGreaterThanOrEqual(120);
  });

  it("declares keywords, lower-case and ASCII, for every rule", () => {
    for (const rule of builtinRules) {
      expect(rule.keywords.length).toBeGreaterThan(0);
      for (const k of rule.keywords) expect(k).toMatch(/^[\x20-\x7e]+$/);
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
    }
  });
});

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))("rule %s", (id, rule) => {
  const examples = rule.examples();
  const reported = new Set([id, ...(rule.reports ?? []).map((r) => r.id)]);

  it("declares at least one true positive and one false positive", () => {
    expect(examples.truePositives.length).toBeGreaterThan(0);
    expect(examples.falsePositives.length).toBeGreaterThan(0);
  });

  it.each(examples.truePositives.map((line, i) => [i, line] as const))("finds true positive #%s", (_i, line) => {
    const lower = line.toLowerCase();
    expect(rule.keywords.some((k) => lower.includes(k))).toBe(true);
    const findings = scanner.scan({ path: "example.txt", text: line }).findings;
    const myPriority = rule.priority ?? (rule.provider === "generic" ? 0 : 2);
    // Reported by this rule, or by a more specific one that takes the same value (a GitHub token
    // inside an Authorization header is the GitHub rule's finding).
    const covering = findings.filter((f) => reported.has(f.rule) || (priorityOf.get(f.rule) ?? 0) > myPriority);
    expect(covering.length).toBeGreaterThan(0);
    // Nothing printable holds the whole value.
    for (const match of runRule(rule, line, { path: "example.txt", configLike: true })) {
      if (match.secret.length >= 8) expect(JSON.stringify(findings)).not.toContain(match.secret);
    }
  });

  it.each(examples.falsePositives.map((line, i) => [i, line] as const))("ignores false positive #%s", (_i, line) => {
    const findings = scanner.scan({ path: "example.txt", text: line }).findings;
    expect(findings.filter((f) => reported.has(f.rule) && f.category === "secret")).toEqual([]);
  });

  it("runs in linear time on long adversarial lines", () => {
    const seeds = [...rule.keywords, ...examples.truePositives.map((l) => l.slice(0, 40))];
    for (const seed of seeds.slice(0, 6)) {
      for (const filler of ["a", "A1", "=", ":", "-", " ", "/", "_", "0"]) {
        const line = (seed + filler.repeat(7)).repeat(Math.ceil(60_000 / (seed.length + 7 * filler.length))).slice(0, 60_000);
        const started = performance.now();
        runRule(rule, line, { path: "x.env", configLike: true });
        const elapsed = performance.now() - started;
        expect({ seed: seed.slice(0, 20), filler, slow: elapsed > 1500 }).toEqual({ seed: seed.slice(0, 20), filler, slow: false });
      }
    }
  });
});
