import { sha256Hex } from "../report/redact.js";
import { shannonEntropy } from "./entropy.js";
import type { MatchContext, RawMatch, Rule } from "./rule.js";

const DEFAULT_CONTEXT: MatchContext = { path: "", configLike: true };

const globalRegexCache = new WeakMap<RegExp, RegExp>();

/** The rule's pattern with the flags the engine runs it with (`g` to walk the text, `d` for the value's place). */
function globalRegex(regex: RegExp): RegExp {
  let re = globalRegexCache.get(regex);
  if (!re) {
    const flags = regex.flags.includes("g") ? regex.flags : regex.flags + "g";
    re = new RegExp(regex.source, flags.includes("d") ? flags : flags + "d");
    globalRegexCache.set(regex, re);
  }
  return re;
}

const NO_MATCHES: RawMatch[] = [];

/**
 * The matches of one pattern, appended to `raw` (none at a place `raw` already holds). Most lines the
 * prefilter selects hold no match: nothing is allocated for them.
 */
function execAll(regex: RegExp, text: string, raw: RawMatch[] | undefined): RawMatch[] | undefined {
  const re = globalRegex(regex);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const named = m.groups?.["secret"];
    const secret = named ?? m[0];
    const index = named !== undefined && m.indices?.groups?.["secret"] ? m.indices.groups["secret"][0] : m.index;
    if (raw?.some((r) => r.index === index)) continue;
    (raw ??= []).push({ secret, index });
  }
  return raw;
}

/**
 * Every match of one rule in `text`, with its rule-level checks applied (the rule's own test, entropy, offline validation,
 * documented example values). The engine calls this only on lines the keyword prefilter selected.
 */
export function runRule(rule: Rule, text: string, context: MatchContext = DEFAULT_CONTEXT, requiresChecked = false): RawMatch[] {
  if (!requiresChecked && rule.requires && !rule.requires.every((re) => re.test(text))) return NO_MATCHES;
  let raw: RawMatch[] | undefined;
  if (rule.find) raw = rule.find(text, context);
  else if (rule.regex) {
    raw = execAll(rule.regex, text, undefined);
    if (rule.nearbyRegex) raw = execAll(rule.nearbyRegex, text, raw);
  }
  if (raw === undefined || raw.length === 0) return NO_MATCHES;
  const out: RawMatch[] = [];
  for (const match of raw) {
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
function isPublishedExample(rule: Rule, secret: string): "documented" | "published" | undefined {
  if (rule.exampleValues?.includes(secret)) return "documented";
  if (rule.exampleValueHashes?.has(sha256Hex(secret))) return "published";
  return undefined;
}
