/**
 * The hook's rule index: which module under core/detect/rules/ holds each built-in rule, at which place
 * in its `rules` export, with its keywords. With it the hook loads only the modules whose rules' keywords
 * occur in an event's texts (setup.ts). The hook's bundle (scripts/build-hook.mjs) builds the index from
 * the same sources as the rule modules it holds and fixes it in the bundle, so no event pays for it and it
 * cannot fall out of step with the modules.
 */
import type { Rule } from "../core/detect/rule.js";

/** Plain values rules/index.ts set on a module's rule (a priority). */
type Overrides = Record<string, string | number | boolean | null>;

/** Compact, since every event parses it: a tenth of the hook's start-up went into a verbose one. */
export interface RuleIndex {
  /** The rule modules, as paths under core/detect/rules/ (`providers/github.js`). */
  files: string[];
  /**
   * Every built-in rule, in the built-in order: its id, its module (a place in `files`), its place in the
   * module's `rules` export, and its keywords in lower case.
   */
  rules: Array<[id: string, file: number, position: number, ...keywords: string[]]>;
  /** Overrides of a module's rule, by the rule's place in `rules`. */
  overrides: Record<number, Overrides>;
  /** The ids rules report besides their own (no custom rule may take one either). */
  reports: string[];
  /**
   * By the rule's place in `rules`: what a text must hold (the rule's `requires` patterns, as source and
   * flags) for the rules with a keyword under SHORT_KEYWORD characters, which ordinary text holds by
   * chance (`npm` in `npm test`): their module loads only for a text that holds these too.
   */
  requires: Record<number, Array<[source: string, flags: string]>>;
}

/** Keywords shorter than this occur by chance in ordinary text; only their rules' `requires` go in the index (each costs every event its parse). */
const SHORT_KEYWORD = 4;

/**
 * Where each built-in rule comes from: the module whose `rules` export holds a rule with its id and the
 * very same functions, patterns and lists (so `modules` must come from the same module graph as
 * `builtin`). `ids`: every id the rules report. Throws when a rule cannot be found that way.
 */
export function buildRuleIndex(builtin: readonly Rule[], ids: readonly string[], modules: Readonly<Record<string, { rules?: unknown }>>): RuleIndex {
  const files = Object.keys(modules).sort();
  const candidates = new Map<string, Array<{ file: number; position: number; rule: Rule }>>();
  files.forEach((name, file) => {
    const list = modules[name]?.rules;
    if (!Array.isArray(list)) return;
    list.forEach((rule: Rule, position: number) => {
      if (typeof rule?.id !== "string") return;
      candidates.set(rule.id, [...(candidates.get(rule.id) ?? []), { file, position, rule }]);
    });
  });
  const index: RuleIndex = { files, rules: [], overrides: {}, reports: [], requires: {} };
  for (const rule of builtin) {
    const found = (candidates.get(rule.id) ?? []).map((c) => ({ ...c, overrides: plainDifferences(rule, c.rule) })).find((c) => c.overrides !== undefined);
    if (!found?.overrides) throw new Error(`the built-in rule ${rule.id} is in no rule module's \`rules\` export as it is (only plain values may differ)`);
    if (Object.keys(found.overrides).length > 0) index.overrides[index.rules.length] = found.overrides;
    const requires = rule.keywords.some((k) => k.length < SHORT_KEYWORD) ? rule.requires?.filter(holdsInWhole) : undefined;
    if (requires?.length) index.requires[index.rules.length] = requires.map((re) => [re.source, re.flags.replace(/[gy]/g, "")]);
    index.rules.push([rule.id, found.file, found.position, ...rule.keywords.map((k) => k.toLowerCase())]);
  }
  const own = new Set(builtin.map((r) => r.id));
  index.reports = ids.filter((id) => !own.has(id));
  return index;
}

/**
 * A pattern that matches a whole text whenever it matches a part of it (the line or window the engine
 * tests `requires` on): no anchors, word boundaries or lookaround, which can tell a part's ends.
 */
function holdsInWhole(re: RegExp): boolean {
  return !/[\^$]|\\[bB]|\(\?<?[=!]/.test(re.source);
}

/**
 * Places in `index.rules` of the rules whose keywords occur in one of the texts (case-folded: a superset
 * of the engine's prefilter hits), and, for a rule the index holds `requires` of, whose every required
 * pattern matches one of them (the engine runs the rule on no text without them). Plain loops: they run
 * once per event, before V8 optimizes anything, and array methods with a callback and a rest pattern
 * per rule cost several times the searches.
 */
export function rulesFor(index: RuleIndex, texts: readonly string[]): number[] {
  const lower = texts.map((t) => t.toLowerCase());
  const pairs = pairsIn(lower);
  const out: number[] = [];
  for (let i = 0; i < index.rules.length; i++) {
    const entry = index.rules[i] as RuleIndex["rules"][number];
    if (!someKeywordIn(entry, lower, pairs)) continue;
    const requires = index.requires[i];
    if (requires === undefined || requires.every(([source, flags]) => matchesSome(new RegExp(source, flags), texts))) out.push(i);
  }
  return out;
}

function matchesSome(re: RegExp, texts: readonly string[]): boolean {
  for (const text of texts) if (re.test(text)) return true;
  return false;
}

function someKeywordIn(entry: RuleIndex["rules"][number], texts: readonly string[], pairs: Uint8Array): boolean {
  // A keyword with a pair of neighbouring characters that no text holds is in none of them: ruled out by
  // a few lookups, inline (a call per keyword costs more than the search it spares), before any search.
  keywords: for (let k = 3; k < entry.length; k++) {
    const keyword = entry[k] as string;
    let previous = keyword.charCodeAt(0) & 0xff;
    for (let i = 1; i < keyword.length; i++) {
      const current = keyword.charCodeAt(i) & 0xff;
      if (pairs[(previous << 8) | current] === 0) continue keywords;
      previous = current;
    }
    for (const text of texts) if (text.includes(keyword)) return true;
  }
  return false;
}

/**
 * Which pairs of neighbouring characters the texts hold, each pair by its characters' low bytes (so a
 * keyword's pairs are among them whenever the keyword is in a text). Most keywords are ruled out so, with
 * no search through the texts: the searches were most of the cost of choosing, more so for a large Write.
 */
function pairsIn(texts: readonly string[]): Uint8Array {
  const seen = new Uint8Array(65536);
  for (const text of texts) {
    let previous = text.charCodeAt(0) & 0xff;
    for (let i = 1; i < text.length; i++) {
      const current = text.charCodeAt(i) & 0xff;
      seen[(previous << 8) | current] = 1;
      previous = current;
    }
  }
  return seen;
}

/** The plain values in which `rule` differs from `base`; undefined when anything else differs. */
function plainDifferences(rule: Rule, base: Rule): Overrides | undefined {
  const out: Overrides = {};
  const a = rule as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] === b[key]) continue;
    const value = a[key];
    if (!(key in a) || (value !== null && typeof value === "object") || typeof value === "function" || value === undefined) return undefined;
    out[key] = value as string | number | boolean | null;
  }
  return out;
}
