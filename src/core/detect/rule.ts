import type { Category, Severity, Validation } from "../types.js";

/** One match a rule reports, before the engine turns it into a Finding. */
export interface RawMatch {
  /** The sensitive value itself (what gets fingerprinted and redacted). */
  secret: string;
  /** 0-based offset of `secret` in the text the rule was given. */
  index: number;
  /** Overrides of the rule's defaults for this match (a family rule may report several ids). */
  ruleId?: string;
  title?: string;
  category?: Category;
  severity?: Severity;
  message?: string;
  validation?: Validation;
  /** For a name-based match: the name the value is set under (`DB_PASSWORD`), read by providers' claims (`Rule.owns`). */
  setting?: string;
}

/** What a rule may know about the text it is given. */
export interface MatchContext {
  /** Path of the file, forward slashes. */
  path: string;
  /**
   * True for configuration-like files (.env, YAML, INI, properties, shell, Dockerfile...), where an
   * unquoted value is a literal; in program code an unquoted value is an expression, not a secret.
   */
  configLike: boolean;
  /**
   * Set by the engine for name-based rules: does a format rule already report exactly this value (at
   * `index` in the text the rule is given, `length` characters long)? That finding outranks a name-based
   * one on the same span whatever its verdict, so the name-based rule need not judge the value.
   */
  claimed?: (index: number, length: number) => boolean;
  /**
   * Set by the engine when the text is a window read on from a keyword's line (Rule.window): where that
   * line ends in the text. A rule whose every match starts with its own keyword may leave out the matches
   * that start past it: the lines they start on hold the keyword, so each has a window of its own. (A
   * file of many keys was read once for every key a window held: 24 times at 20,000 characters.)
   */
  hitLineEnd?: number;
}

/**
 * A true positive: a line (or a few lines) as it would appear in a file, the exact value the rule must
 * report from it, and, for a rule that reports several ids, the id it must report.
 */
export type Example = readonly [line: string, secret: string, ruleId?: string];

/** Examples declared next to a rule, held to one contract (contract.ts). */
export interface RuleExamples {
  /** Each must be reported by this rule (or the id it names) with exactly its value, at its place. */
  truePositives: readonly Example[];
  /** Each line must produce no finding of this rule in its category. */
  falsePositives: readonly string[];
}

/**
 * Where a provider's format is the one expected: under a setting whose name carries one of `names`
 * (`WANDB_API_KEY` for `wandb`), or in a value that starts with one of `prefixes` (`spu-`). A value
 * there that only a name-based or carrier rule reports, and that resembles the format without matching
 * it (`shape`: a few characters off its length or alphabet), is a cut-short, mistyped or made-up copy of
 * the provider's credential, not a working one (claims.ts).
 */
export interface Claim {
  /** Lower-case words of a setting's name; several words are written with a space (`new relic`). */
  names?: readonly string[];
  /** Starts of the value only this format has, as written (at least 3 characters). */
  prefixes?: readonly string[];
  /**
   * The whole value's characters (a regex class body: `0-9a-f`), lengths and starts (`cli_`), for the
   * settings claimed: what a copy resembles.
   */
  shape?: {
    chars: string;
    length: readonly [number, number];
    starts?: readonly string[];
    /** The whole value as a regex source, when characters and lengths say less than the format (`[0-9]{5,16}:A[\w-]{34}`). */
    exact?: string;
  };
}

/** Which rule keeps a value two rules report (see `Rule.priority`): its own, else generic 0, others 2. */
export function rulePriority(rule: Pick<Rule, "priority" | "provider">): number {
  return rule.priority ?? (rule.provider === "generic" ? 0 : 2);
}

/** The title a rule's findings under `ruleId` carry: its `reports` entry for that id, else its own title. */
export function reportedTitle(rule: Rule, ruleId: string): string {
  const reports = rule.reports;
  for (let i = 0; reports && i < reports.length; i++) if ((reports[i] as { id: string }).id === ruleId) return (reports[i] as { title: string }).title;
  return rule.title;
}

/** The message of a rule's findings under `title` when the match brings none of its own. */
export function defaultMessage(title: string, rule: Rule): string {
  return `${title}. ${rule.remediation ?? "Rotate it, then load it from an environment variable or a secret store."}`;
}

export interface Rule {
  /** kebab-case, stable: it is part of fingerprints and ignore files. */
  id: string;
  /** Human title, e.g. "GitHub personal access token (classic)". */
  title: string;
  /** Provider or family, e.g. "GitHub", "generic". */
  provider: string;
  category: Category;
  severity: Severity;
  /**
   * Lower-case literals; the rule runs on a line only when one of them occurs in it (case-insensitive).
   * Every true match must contain at least one keyword. Prefer distinctive prefixes ("ghp_", "akia").
   */
  keywords: string[];
  /**
   * The pattern, written without the `g` flag (the engine adds it). The value is the named group
   * `secret` when present, otherwise the whole match. Must not backtrack catastrophically: bound every
   * repetition (`{20,40}`, not `+` followed by overlapping classes).
   */
  regex?: RegExp;
  /**
   * With `regex`, a second pattern run over the same text: the value found through its context (the
   * provider named in the block, element or log line above it) rather than in its own setting. Kept
   * apart so that each pattern stays under the safety check's length cap; held to the same check.
   */
  nearbyRegex?: RegExp;
  /**
   * Cheap patterns every `nearbyRegex` match's text holds (the context it is found through): that pattern
   * runs only on a text where each occurs, `regex` whatever they say.
   */
  nearbyRequires?: readonly RegExp[];
  /**
   * Cheap patterns every match's text holds (all the words of a name, a run of the value's characters as
   * long as the shortest value): the rule's patterns run only on a text where each occurs. Most texts a
   * common-word keyword selects hold neither, and the full patterns cost far more than these tests.
   */
  requires?: readonly RegExp[];
  /** Instead of `regex`: a custom matcher over one line (or window, see `window`). */
  find?: (text: string, context: MatchContext) => RawMatch[];
  /** Offline check of a matched value: checksum, structure. */
  validate?: (secret: string) => Validation;
  /**
   * With `regex`: a test in code of each match's value, for what a bounded pattern cannot say cheaply
   * (a keyed row's body mixes letters and digits, or is a stand-in); a value it refuses is no match.
   */
  accepts?: (secret: string) => boolean;
  /** Minimum Shannon entropy (bits per char) of the value; lower means it is not reported by this rule. */
  minEntropy?: number;
  /** Values the provider documents as examples: reported as `placeholder`, not `secret`. */
  exampleValues?: string[];
  /**
   * Like `exampleValues`, as SHA-256 digests (lower-case hex) of values the provider itself published in
   * its own public repositories as test or example configuration: a literal of a real-format key in our
   * tree would read as a leak. See `isPublishedExample`.
   */
  exampleValueHashes?: ReadonlySet<string>;
  /**
   * Characters of text from the start of the keyword's line the rule may see (multi-line formats such
   * as PEM blocks). Default: the line alone.
   */
  window?: number;
  /**
   * Which rule keeps a value two rules both report: higher wins. Provider formats 2 (the default),
   * structural carriers such as an Authorization header, a URL or a JWT 1, name-based detectors 0.
   */
  priority?: number;
  /** Provider documentation the format was taken from. */
  docs?: string;
  /** How to fix a leak of this kind (rotate where, store where). */
  remediation?: string;
  /** Settings and value starts where this format is the one expected (see `Claim`). */
  owns?: Claim;
  /** Further rule ids a `find` rule reports through RawMatch.ruleId, with their titles. */
  reports?: Array<{ id: string; title: string }>;
  /** Generated at run time, so that no realistic literal secret sits in this repository. */
  examples: () => RuleExamples;
}
