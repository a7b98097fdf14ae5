/**
 * Beyond the contract (contract.test.ts): a rule written in the one form (true positives as
 * [line, value] pairs) generates real-looking values. Each value passes the rule's own validator and
 * is not taken for a placeholder by the engine's dummy detector; a provider rule links its
 * documentation and says how to fix a leak.
 */
import { describe, expect, it } from "@jest/globals";
import { builtinRules } from "../../src/core/detect/index.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import type { Example } from "../../src/core/detect/rule.js";

const pairs = (examples: ReadonlyArray<Example | string>): Example[] => examples.filter((e): e is Example => typeof e !== "string");
const oneForm = builtinRules.filter((rule) => pairs(rule.examples().truePositives).length > 0);

describe("rules in the one form", () => {
  it.each(oneForm.map((rule) => [rule.id, rule] as const))("%s: real-looking examples, docs and remediation", (_id, rule) => {
    const problems: string[] = [];
    if (rule.provider !== "generic" && !/^https:\/\//.test(rule.docs ?? "")) problems.push("no documentation link");
    if ((rule.remediation?.length ?? 0) < 20) problems.push("no remediation");
    for (const [line, secret] of pairs(rule.examples().truePositives)) {
      const match = runRule(rule, line, { path: "example.txt", configLike: true }).find((m) => m.secret === secret);
      if (rule.validate && match?.validation?.status === "failed") problems.push(`${secret.slice(0, 12)}… fails the rule's validator`);
      if (rule.category === "secret" && classifyPlaceholder(secret).placeholder !== false) problems.push(`${secret.slice(0, 12)}… is taken for a placeholder`);
    }
    expect(problems).toEqual([]);
  });
});
