import { sha256Hex } from "../report/redact.js";
import { shannonEntropy } from "./entropy.js";
import { defaultMessage, reportedTitle, rulePriority, type MatchContext, type RawMatch, type Rule } from "./rule.js";

const DEFAULT_CONTEXT: MatchContext = { path: "", configLike: true };

const globalRegexCache = new WeakMap<RegExp, RegExp>();

/**
 * The rule's pattern with the flags the engine runs it with: `g` to walk the text, and `d` for the place
 * of the value (the group `secret`) only where the match's end does not tell it: `d` makes V8 build an
 * array of offsets for every match, which cost more than the rest of the match's handling.
 */
function globalRegex(regex: RegExp): RegExp {
  let re = globalRegexCache.get(regex);
  if (!re) {
    let flags = regex.flags.includes("g") ? regex.flags : regex.flags + "g";
    if (!flags.includes("d") && !secretEndsMatch(regex)) flags += "d";
    re = new RegExp(regex.source, flags);
    globalRegexCache.set(regex, re);
  }
  return re;
}

/**
 * Does the group `secret`, where it takes part in a match, end the match? It does when it stands at the
 * top level, followed only by assertions (lookarounds, `$`, `\b`) up to the end or to a top-level `|`;
 * also when the pattern has no such group (the value is the whole match). Read from the source; any
 * form this reading does not know (the `v` flag's nested classes) answers no.
 */
function secretEndsMatch(regex: RegExp): boolean {
  const source = regex.source;
  const open = source.indexOf("(?<secret>");
  if (open === -1) return true;
  if (regex.flags.includes("v")) return false;
  let depth = 0;
  let i = 0;
  // To the group's end, which must close at the top level.
  for (let inside = false; ; i++) {
    if (i >= source.length) return false;
    const c = source.charCodeAt(i);
    if (c === 92) i++; // \x
    else if (c === 91) i = classEnd(source, i);
    else if (c === 40) {
      if (i === open) {
        if (depth !== 0) return false;
        inside = true;
      }
      depth++;
    } else if (c === 41) {
      depth--;
      if (inside && depth === 0) break;
    }
  }
  // Then only assertions.
  for (i++; i < source.length; ) {
    const c = source.charCodeAt(i);
    if (c === 124) return true; // |
    if (c === 36) i++; // $
    else if (c === 92 && (source.charCodeAt(i + 1) | 32) === 98) i += 2; // \b or \B
    else if (lookaroundOpensAt(source, i)) {
      const end = groupEnd(source, i);
      if (end === -1) return false;
      i = end + 1;
    } else return false;
  }
  return true;
}

/**
 * Where a lookaround opens (`(?=`, `(?!`, `(?<=`, `(?<!`), one sticky pattern. One test at one place,
 * not a chain of `startsWith`: secretEndsMatch reads every pattern the engine compiles and V8 optimises
 * it early; the chain's later calls were first reached after that, and a call with no type feedback threw
 * the compiled code away (compiled twice in most runs on the dense input).
 */
const LOOKAROUND_OPEN = /\(\?<?[=!]/y;

function lookaroundOpensAt(source: string, at: number): boolean {
  LOOKAROUND_OPEN.lastIndex = at;
  return LOOKAROUND_OPEN.test(source);
}

/** The index of the `]` that closes the class opening at `at` (a `]` right after `[` or `[^` closes it, as in JS). */
function classEnd(source: string, at: number): number {
  let i = at + 1;
  for (; i < source.length && source.charCodeAt(i) !== 93; i++) if (source.charCodeAt(i) === 92) i++;
  return i;
}

/** The index of the `)` that closes the group opening at `at`, or -1. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) i = classEnd(source, i);
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i;
  }
  return -1;
}

const NO_MATCHES: RawMatch[] = [];

/**
 * The matches of one pattern (in its globalRegex form), appended to `raw` (none at a place `raw` already holds). Most lines the
 * prefilter selects hold no match: nothing is allocated for them.
 */
function execAll(re: RegExp, text: string, raw: RawMatch[] | undefined): RawMatch[] | undefined {
  // What `raw` holds comes from an earlier pattern (the rule's main one, before its nearby one), in the
  // order of its places: one pattern's matches never share a place, so only those are looked up.
  const earlier = raw === undefined ? 0 : raw.length;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const named = m.groups?.["secret"];
    const secret = named ?? m[0];
    let index = m.index;
    if (named !== undefined) {
      const place = m.indices?.groups?.["secret"];
      index = place ? place[0] : m.index + m[0].length - named.length;
    }
    if (raw === undefined) raw = [];
    else if (earlier > 0 && holdsIndex(raw, earlier, index)) continue;
    raw.push({ secret, index });
  }
  return raw;
}

/**
 * Does `raw[0, count)`, in the order of its places, hold one at `index`? A binary search: a long line can
 * hold hundreds of thousands of matches, and a scan of them for each was quadratic.
 */
function holdsIndex(raw: RawMatch[], count: number, index: number): boolean {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = (raw[middle] as RawMatch).index;
    if (at === index) return true;
    if (at < index) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Does the text hold every one of the rule's required parts? */
function holdsRequired(requires: readonly RegExp[], text: string): boolean {
  for (let i = 0; i < requires.length; i++) if (!(requires[i] as RegExp).test(text)) return false;
  return true;
}

/**
 * What the engine reads of a rule, taken once per rule into one object shape: to run it (runPrepared, for
 * every keyword hit: ~63,000 a pass on secret-dense text) and to place and report its matches (the
 * engine's record and toFinding). Rules come in some fifty shapes (keyed rules read regex, requires and
 * keywords through lazy getters), and reading their fields each time went through V8's slowest
 * (megamorphic) lookups. Taken on the rule's first keyword hit, its patterns later still.
 */
export interface RuleFacts {
  readonly rule: Rule;
  readonly id: string;
  /** The rule's own title (published-example messages). */
  readonly title: string;
  /** The title of its findings under its own id (a `reports` entry may retitle it), and their default message. */
  readonly reportTitle: string;
  readonly message: string;
  readonly category: Rule["category"];
  readonly severity: Rule["severity"];
  readonly provider: string;
  readonly priority: number;
  readonly keywords: readonly string[];
  /** A name-based rule (provider `generic`): its values are not a format's, and have no public prefix. */
  readonly byName: boolean;
  readonly custom: boolean;
  readonly window: number | undefined;
  readonly requires: readonly RegExp[] | undefined;
  readonly find: Rule["find"];
  /**
   * The patterns, taken on the first run past the required parts (a keyed rule builds them when first
   * read, and most texts holding its keyword lack its required parts).
   */
  patterns: Patterns | undefined;
  readonly accepts: Rule["accepts"];
  readonly minEntropy: number | undefined;
  readonly exampleValues: readonly string[] | undefined;
  readonly exampleValueHashes: ReadonlySet<string> | undefined;
  readonly validate: Rule["validate"];
}

/** A regex rule's patterns in the form they are run with (globalRegex). */
interface Patterns {
  readonly regex: RegExp | undefined;
  readonly nearbyRegex: RegExp | undefined;
  readonly nearbyRequires: readonly RegExp[] | undefined;
}

function patternsOf(rule: Rule): Patterns {
  const { regex, nearbyRegex } = rule;
  if (!regex) return { regex: undefined, nearbyRegex: undefined, nearbyRequires: undefined };
  return { regex: globalRegex(regex), nearbyRegex: nearbyRegex && globalRegex(nearbyRegex), nearbyRequires: nearbyRegex && rule.nearbyRequires };
}

const ruleFacts = new WeakMap<Rule, RuleFacts>();

/** A rule's RuleFacts, taken on its first use (most rules never run on a given text: their lazy parts stay unbuilt). */
export function factsOf(rule: Rule): RuleFacts {
  let facts = ruleFacts.get(rule);
  if (facts === undefined) {
    const { id, title, category, severity, provider, keywords, window, requires, find, accepts, minEntropy, exampleValues, exampleValueHashes, validate } = rule;
    const reportTitle = reportedTitle(rule, id);
    facts = {
      rule,
      id,
      title,
      reportTitle,
      message: defaultMessage(reportTitle, rule),
      category,
      severity,
      provider,
      priority: rulePriority(rule),
      keywords,
      byName: provider === "generic",
      custom: provider === "custom",
      window,
      requires,
      find,
      patterns: undefined,
      accepts,
      minEntropy,
      exampleValues,
      exampleValueHashes,
      validate,
    };
    ruleFacts.set(rule, facts);
  }
  return facts;
}

/**
 * Every match of one rule in `text`, with its rule-level checks applied (the rule's own test, entropy, offline validation,
 * documented example values). The engine calls this only on lines the keyword prefilter selected.
 */
export function runRule(rule: Rule, text: string, context: MatchContext = DEFAULT_CONTEXT, requiresChecked = false): RawMatch[] {
  return runPrepared(factsOf(rule), text, context, requiresChecked);
}

/** runRule on a rule's RuleFacts (the engine keeps them by rule index). */
export function runPrepared(rule: RuleFacts, text: string, context: MatchContext = DEFAULT_CONTEXT, requiresChecked = false): RawMatch[] {
  if (!requiresChecked && rule.requires && !holdsRequired(rule.requires, text)) return NO_MATCHES;
  let raw: RawMatch[] | undefined;
  if (rule.find) raw = rule.find(text, context);
  else {
    const { regex, nearbyRegex, nearbyRequires } = (rule.patterns ??= patternsOf(rule.rule));
    if (regex) {
      raw = execAll(regex, text, undefined);
      if (nearbyRegex && (!nearbyRequires || holdsRequired(nearbyRequires, text))) raw = execAll(nearbyRegex, text, raw);
    }
  }
  if (raw === undefined || raw.length === 0) return NO_MATCHES;
  return checkedMatches(rule, raw);
}

/**
 * A rule's matches that pass its own checks, with the verdict of the published examples. A function apart
 * from runPrepared, which runs for every keyword hit: matches are rare on most text, and come in several
 * shapes (a `find` rule's carry fields of its own), so this loop meets new shapes and rare branches
 * long after V8 has optimised the hit path, which need not be compiled again for them.
 */
function checkedMatches(rule: RuleFacts, raw: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  // Index loops: this runs for every line a rule matches, mostly before V8 has optimised it.
  for (let i = 0; i < raw.length; i++) {
    const match = raw[i] as RawMatch;
    if (rule.accepts && !rule.accepts(match.secret)) continue;
    if (rule.minEntropy !== undefined && shannonEntropy(match.secret) < rule.minEntropy) continue;
    const published = isPublishedExample(rule, match.secret);
    if (published) {
      out.push({
        ...match,
        category: "placeholder",
        severity: "low",
        message:
          match.message ??
          (published === "documented"
            ? `${rule.title}: this is the provider's documented example value, not a real credential`
            : `${rule.title}: a value the provider itself published in its own repository's tests or examples, not a private credential`),
      });
      continue;
    }
    if (rule.validate && !match.validation) out.push({ ...match, validation: rule.validate(match.secret) });
    else out.push(match);
  }
  return out;
}

/**
 * Is `secret` a value the provider published as an example: written in its documentation
 * (`exampleValues`), or in its own public repository's tests and sample configuration
 * (`exampleValueHashes`, compared by SHA-256)? Such values are public and known: a placeholder.
 */
function isPublishedExample(rule: RuleFacts, secret: string): "documented" | "published" | undefined {
  if (rule.exampleValues?.includes(secret)) return "documented";
  if (rule.exampleValueHashes?.has(sha256Hex(secret))) return "published";
  return undefined;
}
