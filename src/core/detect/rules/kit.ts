/**
 * The one way a rule is written. Every built-in rule is a `defineRule({...})` call: id, provider,
 * keywords, a pattern built from the regex pieces below (or a `find` function for structures a regex
 * cannot check), an optional offline validator, severity, remediation, and examples generated at run
 * time as `[line, expectedSecret]` pairs, most of them over the shared syntax matrix (`inSyntaxes`).
 * contract.ts holds every rule, and every user rule that declares examples, to the same bar.
 *
 * Providers described only by a name and a value's shape are rows of the keyed tables (keyed.ts turns
 * a row into a `defineRule` spec); everything else has a file of its own under providers/.
 */
import type { Category } from "../../types.js";
import { escapeRegex } from "../regex-escape.js";
import type { Example, Rule } from "../rule.js";

// ---------------------------------------------------------------------------------------------------
// Regex pieces

/** A literal matched case-insensitively, written as classes so that the value part of a regex stays case-sensitive. */
export function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

export { escapeRegex };

/** Optional separator inside a setting name: AWS_SECRET, aws.secret, aws-secret, awsSecret. */
export const SEP = "[_.-]?";

/**
 * An empty lookahead, which matches everywhere: a join for V8's regex compiler. After alternatives and
 * optional parts of different lengths, Irregexp compiles what follows once for each way of reaching it
 * (up to ten copies of every later part, until a loop or a lookaround); a lookaround starts one shared
 * copy. Placed after such parts in the long setting patterns, it halves the time they take to compile.
 */
export const JOIN = "(?=)";

/**
 * What may sit between a setting's name and its value: a name suffix (`_PROD`), a getter's `()` and
 * return type (`getKey() string {`), a closing quote, backtick, bracket or XML tag end, line breaks
 * and indentation (an assignment wrapped onto the next line: `KEY\n        = "value"`), a declared
 * type (`var x string =`), an assignment (`=`, `:`, `:=`, `=>`, Makefile `::=`/`?=`, PHP `.=`), a
 * fallback after an environment lookup (`process.env.KEY || "value"`, `?? "value"`), a comma or
 * parenthesis (function arguments, `headers.set("X-Key", value)`), a brace (a getter's body, C++ and
 * Rust initializers: `AccountKey{"value"}`), a spaced dash before a quoted value (notes: `acme token -
 * 'value'`), an XML start tag's end with the element's text right after it or indented on the next
 * line (Maven settings.xml, .NET configs), or plain whitespace (CLI flags); then a getter's `return`
 * or prose's `is` (`your Acme key is …`), an opening quote, and an optional auth scheme (`Bearer`,
 * `Token`, `Basic`). Every repetition is bounded, so a pattern built on it stays linear.
 */
export const ASSIGN = String.raw`[\w.-]{0,20}?(?:\(\)[\w :]{0,12})?["'\x60\]>]{0,2}\s{0,24}(?:[Ss]tring )?${JOIN}(?:[:.?]{1,3}=|=>|[|?]{2}|[=:,({>]|-(?=\s{1,3}[\x60"'])|\s)\s{0,17}(?:(?:return|is)\s)?[\x60"']?${JOIN}(?:(?:[Bb]earer|BEARER|[Tt]oken|TOKEN|[Bb]asic|BASIC)\s{1,3})?`;

/** Characters a setting rule sees from its keyword's line: that line and the value on the next. */
const NEXT_LINE_WINDOW = 1200;

/** The value must not continue into a longer identifier. */
export const END = String.raw`(?![\w-])`;
/** For base64 values, which may continue with `+`, `/` and `=`. */
export const END_B64 = String.raw`(?![\w+/=-])`;
export const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A UUID in either case (keys some providers print upper-case). */
export const UUID_ANY_CASE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** Names a secret-bearing setting usually has. */
export const SECRET_NAME = String.raw`api[_.-]?key|apikey|api[_.-]?token|access[_.-]?token|auth[_.-]?token|token|secret|key|password|passwd|pwd`;

/** Regex for "a setting named like `name` holds a value like `value`" (case as written). */
export function assigned(name: string, value: string, notAfter: string): RegExp {
  return new RegExp(`(?:${name})${ASSIGN}(?<secret>${value})(?!${notAfter})`);
}

/**
 * Case-insensitive: `provider`, then (within 25 name characters, words may be spaced as in notes:
 * `Vultr API key: …`) `name` when given, then an assignment and the value. The provider's name must
 * be in the setting's name itself: a value on a line that only mentions the provider elsewhere is not
 * matched.
 */
export function contextRegex(provider: string, name: string | null, value: string, end: string = END): RegExp {
  const between = name ? String.raw`[\w. -]{0,25}?(?:${name})[\w.-]{0,12}?` : String.raw`[\w. -]{0,25}?`;
  return new RegExp(String.raw`(?:${provider})${between}${ASSIGN}(?<secret>${value})${end}`, "i");
}

/**
 * What precedes a value set under a name that holds one of `names` (the provider) and then one of
 * `kinds` (`PLAID_SECRET=…`, `"plaidSecret": "…"`), or, with `call`, passed as a named argument to a
 * call that names the provider (`Mollie(api_key="…")`, `createMollieClient({ apiKey: "…" })`). Names
 * are literals, matched case-insensitively; the value that follows keeps its own case.
 */
export function providerSetting(names: readonly string[], kinds: readonly string[], call = true): string {
  const literal = (words: readonly string[]) => `(?:${words.map((w) => ci(escapeRegex(w))).join("|")})`;
  const kind = literal(kinds);
  // The kind may follow a space or two words, as notes and labels write it (`Plaid secret - "…"`,
  // `Acme client secret: …`).
  const direct = String.raw`[\w.-]{0,24}?(?:[ \t]{1,2}(?:[\w.-]{1,12}[ \t]{1,2}){0,2})?${JOIN}${kind}[\w.-]{0,12}${ASSIGN}`;
  const argument = String.raw`[\w.]{0,30}\(\s{0,3}\{?\s{0,3}\w{0,12}${kind}\w{0,12}["']?\s{0,2}[=:]\s{0,2}["'\x60]?`;
  return `${literal(names)}(?:${call ? `${direct}|${argument}` : direct})`;
}

/** Words that, next to a provider's name in a setting, say the value is a credential (for providerSetting). */
export const CREDENTIAL_KINDS = ["key", "token", "secret", "auth", "cred", "password"] as const;

/** A lookahead requiring a digit within the next `max` characters (bare words are not keys). */
export function hasDigit(max: number): string {
  return String.raw`(?=[^0-9\s"'\x60,;]{0,${max - 1}}[0-9])`;
}

// ---------------------------------------------------------------------------------------------------
// Examples

/** The syntaxes code and configuration hold a setting in. */
const SYNTAXES = {
  env: (name: string, v: string) => `${name.toUpperCase()}=${v}`,
  shell: (name: string, v: string) => `export ${name.toUpperCase()}="${v}"`,
  yaml: (name: string, v: string) => `  ${name}: ${v}`,
  json: (name: string, v: string) => `  "${name}": "${v}",`,
  js: (name: string, v: string) => `const ${name} = "${v}";`,
  py: (name: string, v: string) => `${name} = '${v}'`,
  toml: (name: string, v: string) => `${name} = "${v}"`,
  cli: (name: string, v: string) => `docker run -e ${name.toUpperCase()}=${v} app:latest`,
  xml: (name: string, v: string) => `<${name}>${v}</${name}>`,
} as const;

type Syntax = keyof typeof SYNTAXES;

/** The matrix without xml, for a rule whose pattern is not meant to read an XML element's text. */
export const SETTING_SYNTAXES: readonly Syntax[] = (Object.keys(SYNTAXES) as Syntax[]).filter((s) => s !== "xml");

/** A true positive in each syntax (or the ones given): the setting `name` holding `value`. */
export function inSyntaxes(name: string, value: string, only: readonly Syntax[] = Object.keys(SYNTAXES) as Syntax[]): Example[] {
  return only.map((syntax) => [SYNTAXES[syntax](name, value), value] as const);
}

/** True positives from templates: each `%s` is replaced by `secret`. */
export function withValue(secret: string, ...templates: string[]): Example[] {
  return templates.map((template) => [template.split("%s").join(secret), secret] as const);
}

// ---------------------------------------------------------------------------------------------------
// The form

export interface RuleSpec<T extends readonly string[]> extends Omit<Rule, "category" | "examples"> {
  /** What the rule finds; `secret` unless said. */
  category?: Category;
  /** Fake credentials of the rule's format, generated at run time with fixed seeds (fake.ts). */
  samples: () => T;
  /** Lines and the exact value each must yield. */
  truePositives: (samples: T) => Example[];
  /** Lines that must yield nothing in the rule's category. */
  falsePositives: (samples: T) => string[];
}

/**
 * How far a rule looks back (or ahead) from a value on its line for what surrounds it: an opening quote,
 * a tag, a comment marker, a query's start. Unbounded, each value of a long line read to the line's start
 * or end: minutes for a megabyte-long line of values.
 */
export const LOOK_AROUND = 2000;

/** `text.lastIndexOf(search, index)`, looking back at most LOOK_AROUND characters; -1 when not there. */
export function lastIndexWithin(text: string, search: string, index: number): number {
  const from = Math.max(0, index - LOOK_AROUND);
  const at = text.slice(from, index + search.length).lastIndexOf(search);
  return at === -1 ? -1 : from + at;
}

/** A rule, with its samples generated on first use (so that loading the rules costs nothing). */
export function defineRule<T extends readonly string[]>(spec: RuleSpec<T>): Rule {
  const { samples, truePositives, falsePositives, category, ...rule } = spec;
  let values: T | undefined;
  const sample = (): T => (values ??= samples());
  return {
    ...rule,
    // A setting rule may find the value on the line after an XML start tag.
    ...(rule.regex?.source.includes(ASSIGN) && rule.window === undefined ? { window: NEXT_LINE_WINDOW } : {}),
    category: category ?? "secret",
    examples: () => ({ truePositives: truePositives(sample()), falsePositives: falsePositives(sample()) }),
  };
}
