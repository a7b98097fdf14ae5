import { shannonEntropy } from "./entropy.js";
import type { MatchContext, RawMatch, Rule } from "./rule.js";

const DEFAULT_CONTEXT: MatchContext = { path: "", configLike: true };

const globalRegexCache = new WeakMap<Rule, RegExp>();

function globalRegex(rule: Rule): RegExp | undefined {
  if (!rule.regex) return undefined;
  let re = globalRegexCache.get(rule);
  if (!re) {
    const flags = rule.regex.flags.includes("g") ? rule.regex.flags : rule.regex.flags + "g";
    re = new RegExp(rule.regex.source, flags.includes("d") ? flags : flags + "d");
    globalRegexCache.set(rule, re);
  }
  return re;
}

/**
 * Every match of one rule in `text`, with its rule-level checks applied (entropy, offline validation,
 * documented example values). The engine calls this only on lines the keyword prefilter selected.
 */
const NO_MATCHES: RawMatch[] = [];

export function runRule(rule: Rule, text: string, context: MatchContext = DEFAULT_CONTEXT): RawMatch[] {
  let raw: RawMatch[];
  if (rule.find) {
    raw = rule.find(text, context);
  } else {
    const re = globalRegex(rule);
    if (!re) return NO_MATCHES;
    re.lastIndex = 0;
    let m = re.exec(text);
    // Most lines the prefilter selects hold no match: allocate nothing for them.
    if (m === null) return NO_MATCHES;
    raw = [];
    for (; m !== null; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const named = m.groups?.["secret"];
      const secret = named ?? m[0];
      const index = named !== undefined && m.indices?.groups?.["secret"] ? m.indices.groups["secret"][0] : m.index;
      raw.push({ secret, index });
    }
  }
  if (raw.length === 0) return NO_MATCHES;
  const out: RawMatch[] = [];
  for (const match of raw) {
    if (rule.minEntropy !== undefined && shannonEntropy(match.secret) < rule.minEntropy) continue;
    if (rule.exampleValues?.includes(match.secret)) {
      out.push({
        ...match,
        category: "placeholder",
        severity: "low",
        message: match.message ?? `${rule.title}: this is the provider's documented example value, not a real credential`,
      });
      continue;
    }
    if (rule.validate && !match.validation) out.push({ ...match, validation: rule.validate(match.secret) });
    else out.push(match);
  }
  return out;
}
