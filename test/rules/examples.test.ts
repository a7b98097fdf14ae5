/**
 * Beyond the contract (contract.test.ts): a rule written in the one form (true positives as
 * [line, value] pairs) generates real-looking values, which the engine's dummy detector does not take
 * for placeholders; a provider rule links its documentation and says how to fix a leak. (Whether an
 * example passes its rule's validator is each provider's test: some examples fail it on purpose.)
 */
import { describe, expect, it } from "@jest/globals";
import { builtinRules } from "../../src/core/detect/index.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import type { Example } from "../../src/core/detect/rule.js";

const pairs = (examples: ReadonlyArray<Example | string>): Example[] => examples.filter((e): e is Example => typeof e !== "string");
const oneForm = builtinRules.filter((rule) => pairs(rule.examples().truePositives).length > 0);

describe("rules in the one form", () => {
  it.each(oneForm.map((rule) => [rule.id, rule] as const))("%s: real-looking examples, docs and remediation", (_id, rule) => {
    const problems: string[] = [];
    if (rule.provider !== "generic" && !/^https:\/\//.test(rule.docs ?? "")) problems.push("no documentation link");
    if ((rule.remediation?.length ?? 0) < 20) problems.push("no remediation");
    for (const [, secret] of pairs(rule.examples().truePositives)) {
      if (rule.category === "secret" && classifyPlaceholder(secret).placeholder !== false) problems.push(`${secret.slice(0, 12)}… is taken for a placeholder`);
    }
    expect(problems).toEqual([]);
  });
});
