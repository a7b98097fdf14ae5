/**
 * What the provider rule files share: regex pieces for "a setting named after the provider, then its
 * value", example lines in common syntaxes, and `define`, which declares a rule with its run-time
 * generated sample values (generated on first use, so loading the rules costs nothing).
 */
import type { Rule } from "../../rule.js";

/** A literal matched case-insensitively, written as classes so that the value part of a regex stays case-sensitive. */
export function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/** Optional separator inside a setting name: AWS_SECRET, aws.secret, aws-secret, awsSecret. */
export const SEP = "[_.-]?";

/**
 * What may sit between a setting's name and its value: a name suffix (`_PROD`), a closing quote,
 * bracket or XML tag end, a declared type (`var x string =`), an assignment (`=`, `:`, `:=`, `=>`,
 * Makefile `::=`/`?=`, PHP `.=`), a comma or parenthesis (function arguments) or plain whitespace (CLI
 * flags, an XML element's text on the next line), then an opening quote. Every repetition is bounded.
 */
export const ASSIGN = String.raw`[\w.-]{0,20}?["'\]>]{0,2}\s{0,5}(?:[Ss]tring\s{1,3})?(?::{1,3}=|[.?]=|=>|[=:,(]|\s)\s{0,5}[\x60"']?`;

/** Characters a setting rule sees from its keyword's line: that line and the value on the next. */
export const NEXT_LINE_WINDOW = 1200;

/** Regex for "a setting named like `name` holds a value like `value`". */
export function assigned(name: string, value: string, notAfter: string): RegExp {
  return new RegExp(`(?:${name})${ASSIGN}(?<secret>${value})(?!${notAfter})`);
}

/** Example lines in the syntaxes code and config use. */
export const line = {
  js: (name: string, v: string) => `const ${name} = "${v}";`,
  py: (name: string, v: string) => `${name} = '${v}'`,
  env: (name: string, v: string) => `${name}=${v}`,
  shell: (name: string, v: string) => `export ${name}="${v}"`,
  yaml: (name: string, v: string) => `  ${name}: ${v}`,
  json: (name: string, v: string) => `  "${name}": "${v}",`,
  toml: (name: string, v: string) => `${name} = "${v}"`,
};

/** Each rule's sample values, generated on first use. */
const samplesById = new Map<string, () => readonly string[]>();

/** The fake values a rule's examples embed: every true positive must report one of them as its secret. */
export function exampleSecrets(ruleId: string): readonly string[] {
  return samplesById.get(ruleId)?.() ?? [];
}

export interface Spec<T extends readonly string[]> extends Omit<Rule, "category" | "examples"> {
  /** Fake credentials of the rule's format, generated at run time with fixed seeds. */
  samples: () => T;
  truePositives: (samples: T) => string[];
  falsePositives: (samples: T) => string[];
}

export function define<T extends readonly string[]>(spec: Spec<T>): Rule {
  const { samples, truePositives, falsePositives, ...rule } = spec;
  let values: T | undefined;
  const sample = (): T => (values ??= samples());
  samplesById.set(rule.id, sample);
  return {
    ...rule,
    // A setting rule may find the value on the line after an XML start tag.
    ...(rule.regex?.source.includes(ASSIGN) && rule.window === undefined ? { window: NEXT_LINE_WINDOW } : {}),
    category: "secret",
    examples: () => ({ truePositives: truePositives(sample()), falsePositives: falsePositives(sample()) }),
  };
}
