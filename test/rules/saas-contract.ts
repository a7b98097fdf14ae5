/**
 * The contract every SaaS provider rule keeps, shared by saas-apps.test.ts and saas-devops.test.ts:
 * well-formed metadata, examples that match exactly their generated value, no match on the false
 * positives, and linear time on long adversarial lines.
 */
import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import { exampleLine } from "../../src/core/detect/contract.js";

type Samples = ReadonlyMap<string, () => { tp: ReadonlyArray<readonly [string, string]>; fp: readonly string[] }>;

export function expectWellFormedRules(rules: readonly Rule[], samplesById: Samples): void {
  const ids = rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of rules) {
    expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
    expect(r.category).toBe("secret");
    expect(r.regex).toBeDefined();
    expect(r.regex?.flags).not.toContain("g");
    expect(r.regex?.source).toContain("(?<secret>");
    expect(r.keywords.length).toBeGreaterThan(0);
    for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
    expect(r.docs).toMatch(/^https:\/\//);
    expect(r.remediation?.length ?? 0).toBeGreaterThan(20);
    expect(samplesById.has(r.id)).toBe(true);
  }
}

export function describeRuleExamples(rules: readonly Rule[], samplesById: Samples): void {
  describe.each(rules.map((r) => [r.id, r] as const))("%s", (_id, r) => {
    const s = samplesById.get(r.id)!();
    const examples = r.examples();

    it("declares at least two true and two false positives", () => {
      expect(examples.truePositives.length).toBeGreaterThanOrEqual(2);
      expect(examples.falsePositives.length).toBeGreaterThanOrEqual(2);
      expect(examples.truePositives.map(exampleLine)).toEqual(s.tp.map(([line]) => line));
    });

    it.each(s.tp.map(([line, secret]) => [line, secret] as const))("finds the value in %s", (line, secret) => {
      const lower = line.toLowerCase();
      expect(r.keywords.some((k) => lower.includes(k))).toBe(true);
      const matches = runRule(r, line);
      expect(matches.map((m) => m.secret)).toContain(secret);
      const m = matches.find((x) => x.secret === secret)!;
      expect(line.slice(m.index, m.index + secret.length)).toBe(secret);
      // A generated example is a real-looking value, not the provider's documented example.
      expect(m.category).toBeUndefined();
      if (r.validate) expect(m.validation?.status).not.toBe("failed");
      // The engine's central dummy detector must not take the generated value for a placeholder
      // (Dropbox long-lived tokens embed ten 'A's by design).
      if (r.id !== "dropbox-long-lived-token") expect(classifyPlaceholder(secret)).toEqual({ placeholder: false });
    });

    it.each(s.fp.map((line) => [line] as const))("reports nothing in %s", (line) => {
      expect(runRule(r, line)).toEqual([]);
    });

    it("runs in linear time on long adversarial lines", () => {
      const start = Date.now();
      for (const k of r.keywords) {
        const unit = k + "_api_key=\"" + "a1".repeat(20);
        runRule(r, unit.repeat(Math.ceil(100_000 / unit.length)));
        runRule(r, k + "a".repeat(100_000));
        runRule(r, (k + "=").repeat(Math.ceil(100_000 / (k.length + 1))));
        runRule(r, k + "0".repeat(100_000) + "-");
      }
      expect(Date.now() - start).toBeLessThan(1500);
    });
  });
}
