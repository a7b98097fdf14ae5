/**
 * Extra detectors from config (`rules:`), compiled into the same Rule shape as the built-in ones.
 *
 * A custom pattern must pass checkRegexSafety, and then runs with its unbounded repetitions bounded
 * (boundRepetitions): its cost over a line of any length is linear, with a factor fixed before it
 * runs, not a timer that depends on the machine's load. A rule that declares `examples:` is held to
 * the contract the built-in rules keep (contract.ts) when the config is loaded.
 */
import type { CustomRuleConfig } from "../config/config.js";
import { boundRepetitions, checkRegexSafety } from "../safe-regex.js";
import { ruleContractProblems } from "./contract.js";
import type { Example, Rule } from "./rule.js";
import { runRule } from "./run-rule.js";

/** Most characters one unbounded repetition of a custom pattern (`+`, `*`, `{n,}`) takes beyond its minimum. */
export const CUSTOM_REPEAT_LIMIT = 256;

export interface CustomRuleError {
  id: string;
  message: string;
}

export function compileCustomRules(configs: readonly CustomRuleConfig[], builtinIds: ReadonlySet<string>): { rules: Rule[]; errors: CustomRuleError[] } {
  const rules: Rule[] = [];
  const errors: CustomRuleError[] = [];
  for (const config of configs) {
    if (builtinIds.has(config.id)) {
      errors.push({ id: config.id, message: `rule id "${config.id}" is a built-in rule's id: choose another (built-in rules cannot be replaced, only their findings suppressed)` });
      continue;
    }
    const safety = checkRegexSafety(config.regex);
    if (!safety.ok) {
      errors.push({ id: config.id, message: `regex refused: ${safety.reason}` });
      continue;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(boundRepetitions(config.regex, "", CUSTOM_REPEAT_LIMIT));
    } catch (error) {
      errors.push({ id: config.id, message: `regex does not compile: ${(error as Error).message}` });
      continue;
    }
    if (config.keywords.length === 0) {
      errors.push({ id: config.id, message: "give at least one keyword: a literal that every match contains (the rule runs only on lines holding one)" });
      continue;
    }
    const truePositives: Example[] = [];
    const falsePositives = config.examples?.falsePositives ?? [];
    const rule: Rule = {
      id: config.id,
      title: config.description ?? `Custom rule ${config.id}`,
      provider: "custom",
      category: config.category,
      severity: config.severity,
      keywords: config.keywords.map((k) => k.toLowerCase()),
      regex,
      remediation: config.description,
      examples: () => ({ truePositives, falsePositives }),
    };
    // A bare line in the config names no value: the first value the rule yields from it is the one held
    // to the contract (its place, its category); a line that yields none is refused.
    for (const example of config.examples?.truePositives ?? []) {
      if (typeof example !== "string") truePositives.push([example.line, example.secret]);
      else {
        const [first] = runRule(rule, example, { path: "example.txt", configLike: true });
        if (first) truePositives.push([example, first.secret]);
        else errors.push({ id: config.id, message: `examples: true positive ${JSON.stringify(example.length > 120 ? example.slice(0, 117) + "..." : example)} yields nothing` });
      }
    }
    // The rule still runs when an example fails: the error fails the scan, and nothing is missed meanwhile.
    if (config.examples) for (const problem of ruleContractProblems(rule)) errors.push({ id: config.id, message: `examples: ${problem}` });
    rules.push(rule);
  }
  return { rules, errors };
}
