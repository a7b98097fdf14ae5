import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";

/** The validation status each true-positive example of `rule` gets from the rule's own validator. */
export function exampleValidations(rule: Rule): string[] {
  return rule.examples().truePositives.map((example) => {
    const [line, secret] = typeof example === "string" ? [example, undefined] : example;
    const match = runRule(rule, line, { path: "example.txt", configLike: true }).find((m) => secret === undefined || m.secret === secret);
    return match?.validation?.status ?? "no match";
  });
}
