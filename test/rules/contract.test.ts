/**
 * One contract for every built-in rule (contract.ts), plus what only a test can check: at least two
 * true and two false positives, a documentation link and a remediation, example values the dummy
 * detector does not take for placeholders, each true positive found by the whole engine (as this rule,
 * or by a more specific rule that takes the same value) without the value printed anywhere, and linear
 * time on long adversarial lines. One test per rule: a failure lists every problem of that rule.
 */
import { describe, expect, it } from "@jest/globals";
import { builtinRules } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { ruleContractProblems } from "../../src/core/detect/contract.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { rulePriority, type Rule } from "../../src/core/detect/rule.js";

const scanner = new Scanner(builtinRules);
/** Priority of every reported rule id, to accept a more specific rule taking over a value. */
const priorityOf = new Map<string, number>();
for (const rule of builtinRules) for (const id of [rule.id, ...(rule.reports ?? []).map((r) => r.id)]) priorityOf.set(id, rulePriority(rule));

function engineProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const { truePositives, falsePositives } = rule.examples();
  if (truePositives.length < 2) problems.push(`declares ${truePositives.length} true positive(s); at least 2 are needed`);
  if (falsePositives.length < 2) problems.push(`declares ${falsePositives.length} false positive(s); at least 2 are needed`);
  if (rule.provider !== "generic" && !/^https:\/\//.test(rule.docs ?? "")) problems.push("links no documentation");
  if ((rule.remediation?.length ?? 0) < 20) problems.push("says no remediation");
  const reported = new Set([rule.id, ...(rule.reports ?? []).map((r) => r.id)]);
  for (const example of truePositives) {
    // A generated example is a real-looking value: the engine's dummy detector must not take it for a placeholder.
    const [line, secret] = example;
    if (rule.category === "secret" && classifyPlaceholder(secret).placeholder !== false) problems.push(`the example value ${secret.slice(0, 12)}… is taken for a placeholder`);
    const findings = scanner.scan({ path: "example.txt", text: line }).findings;
    const covering = findings.filter((f) => reported.has(f.rule) || (priorityOf.get(f.rule) ?? 0) > rulePriority(rule));
    if (covering.length === 0) problems.push(`the engine does not report ${JSON.stringify(line.slice(0, 100))} as this rule`);
    if (secret.length >= 8 && JSON.stringify(findings).includes(secret)) problems.push(`a finding prints the whole value of ${JSON.stringify(line.slice(0, 60))}`);
  }
  return problems;
}

/**
 * A regex the safety check accepts is linear by construction: a few long lines confirm it. A `find`
 * function has no such proof, so it gets every filler on longer lines.
 */
/**
 * A line that takes longer than this is a finding. Catastrophic backtracking on these lines takes
 * minutes; a linear scan takes milliseconds, and a machine shared by many jobs can stretch that a
 * hundredfold, which a tighter bound turned into failures that were not the code's.
 */
const SLOW_MS = 5000;
const REGEX_FILLERS = ["A1", "=", '_api_key="a1a1'];
const FIND_FILLERS = ["a", "A1", "=", ":", "-", " ", "/", "_", "0", '_api_key="a1a1'];

function slowInputs(rule: Rule): string[] {
  const slow: string[] = [];
  const seeds = [...rule.keywords.slice(0, 3), ...rule.examples().truePositives.slice(0, 2).map(([line]) => line.slice(0, 40))];
  const [fillers, length] = rule.find ? [FIND_FILLERS, 60_000] : [REGEX_FILLERS, 20_000];
  for (const seed of seeds) {
    for (const filler of fillers) {
      const unit = seed + filler.repeat(7);
      const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      const started = performance.now();
      runRule(rule, line, { path: "x.env", configLike: true });
      if (performance.now() - started > SLOW_MS) slow.push(`${JSON.stringify(seed.slice(0, 20))} + ${JSON.stringify(filler)}`);
    }
  }
  return slow;
}

describe("every built-in rule keeps the contract", () => {
  it("has unique ids across rules and the ids they report", () => {
    const ids = builtinRules.flatMap((r) => [r.id, ...(r.reports ?? []).map((x) => x.id)]);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    // A family rule may report an id another rule owns only when the two are the same format.
    expect(new Set(dupes).size).toBeLessThanOrEqual(new Set(builtinRules.flatMap((r) => (r.reports ?? []).map((x) => x.id))).size);
    const own = builtinRules.map((r) => r.id);
    expect(new Set(own).size).toBe(own.length);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))("%s", (_id, rule) => {
    expect({ problems: [...ruleContractProblems(rule), ...engineProblems(rule)], slow: slowInputs(rule) }).toEqual({ problems: [], slow: [] });
  });
});
