/**
 * Providers' claims (`Rule.owns`): the name-based and carrier rules yield to the provider whose setting
 * or prefix a value sits in. A value there that no rule of the provider reports, but that resembles its
 * format (its prefix; or, under its setting, its alphabet and length give or take a few characters), is
 * a broken copy of the provider's credential: cut short, mistyped, padded or made up. Nothing separates
 * it from a real secret but the provider's format, so only the provider can say it is not one.
 */
import type { Claim, Rule } from "./rule.js";
import { nameWords } from "./name-words.js";

/** How far from a format's length a copy may be, as a fraction of it. */
const LENGTH_SLACK = 0.25;

interface Shape {
  /** Characters outside the format's alphabet, in the case written and in any case. */
  outside: RegExp;
  outsideAnyCase: RegExp;
  min: number;
  max: number;
  starts: readonly string[];
  exact?: RegExp;
  /** The format as written, letter case included: a value with a literal prefix keeps its body's case. */
  asWritten: RegExp;
  /** Hex: one case throughout, upper or lower. */
  hex: boolean;
}

/**
 * A rule's claim, its shape's regexes compiled when a value is first compared with it: most claims are
 * never asked about in a run, and a thousand shapes built at start-up cost every run and worker.
 */
class Owner {
  private built: Shape | undefined | null = null;
  constructor(
    readonly rule: Rule,
    private readonly claim: Claim,
  ) {}

  get shape(): Shape | undefined {
    if (this.built === null) this.built = shapeOf(this.claim);
    return this.built;
  }
}

/** A broken copy of a provider's format: the rule whose format it copies, and how it was recognized. */
interface BrokenCopy {
  rule: Rule;
  by: "prefix" | "setting";
}

function shapeOf(claim: Claim): Shape | undefined {
  if (!claim.shape) return undefined;
  const [min, max] = claim.shape.length;
  const { chars, starts = [], exact } = claim.shape;
  return { outside: new RegExp(`[^${chars}]`, "g"), outsideAnyCase: new RegExp(`[^${chars}]`, "i"), min, max, starts, asWritten: new RegExp(exact ? `^(?:${exact})$` : `^[${chars}]{${min},${max}}$`), hex: /^(?:0-9a-f|0-9A-F)$/.test(chars), ...(exact ? { exact: new RegExp(`^(?:${exact})$`, "i") } : {}) };
}

/**
 * 0: the value has the shape (in any case: providers print some formats upper-case); 1: it resembles
 * it (its start, its length give or take a quarter, a few wrong letters or digits); 2: it does not.
 * Punctuation the alphabet lacks says another format (a key and secret joined by `:`), not a typo.
 */
function distance(value: string, shape: Shape): 0 | 1 | 2 {
  if (shape.starts.length > 0 && !shape.starts.some((s) => value.startsWith(s))) return 2;
  const inLength = value.length >= shape.min && value.length <= shape.max;
  // Hex printed in the other case is the same value; hex with letters of both cases (`acdeFf05…`) is a typo.
  const fits = shape.exact ? shape.exact.test(value) : inLength && !shape.outsideAnyCase.test(value);
  if (fits && !(shape.hex && value !== value.toLowerCase() && value !== value.toUpperCase())) return 0;
  const outside = value.match(shape.outside) ?? [];
  const nearLength = value.length >= Math.floor(shape.min * (1 - LENGTH_SLACK)) && value.length <= Math.ceil(shape.max * (1 + LENGTH_SLACK));
  return nearLength && outside.length <= Math.max(2, Math.floor(value.length / 10)) && outside.every((c) => /[A-Za-z0-9]/.test(c)) ? 1 : 2;
}

/** One slip from the shape: a character too many or too few, and at most one outside its alphabet. */
function slipOf(value: string, shape: Shape): boolean {
  if (shape.starts.length > 0 && !shape.starts.some((s) => value.startsWith(s))) return false;
  if (value.length < shape.min - 1 || value.length > shape.max + 1) return false;
  const outside = value.match(shape.outside) ?? [];
  return outside.length <= 1 && outside.every((c) => !/[\s:;,"'`]/.test(c));
}

export class Claims {
  /** Prefix owners by the prefix's first three characters. */
  private readonly byStart = new Map<string, Array<{ prefix: string; owner: Owner }>>();
  /** Setting owners by the name's letters and digits (`newrelic`). */
  private readonly byName = new Map<string, Owner[]>();
  /**
   * The owners found in a text (a setting with the words qualifying it, or a line), by that text: the
   * same settings recur in file after file (dense input: 54 distinct among 430), and finding them
   * splits names with regexes and looks up every word, word pair and word start.
   */
  private readonly ownersByText = new Map<string, readonly Owner[]>();

  constructor(rules: readonly Rule[]) {
    for (const rule of rules) {
      const claim = rule.owns;
      if (!claim) continue;
      const owner = new Owner(rule, claim);
      for (const prefix of claim.prefixes ?? []) {
        if (prefix.length < 3) throw new Error(`${rule.id}: a claimed prefix needs at least 3 characters`);
        const start = prefix.slice(0, 3);
        const owners = this.byStart.get(start);
        if (owners) owners.push({ prefix, owner });
        else this.byStart.set(start, [{ prefix, owner }]);
      }
      for (const name of claim.names ?? []) {
        const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
        const owners = this.byName.get(key);
        if (owners) owners.push(owner);
        else this.byName.set(key, [owner]);
      }
    }
  }

  /**
   * The provider format `value` (set under `setting`, when known) is a broken copy of, if any. Ask
   * only about values no provider rule reported: a value a provider reports is its own.
   */
  brokenCopyOf(value: string, setting?: string, before = "", above?: () => string): BrokenCopy | undefined {
    // A value with the whole format is the provider's own, reported by name where its rule wants context.
    for (const { prefix, owner } of this.byStart.get(value.slice(0, 3)) ?? []) if (value.startsWith(prefix)) return owner.shape?.asWritten.test(value) ? undefined : { rule: owner.rule, by: "prefix" };
    if (!setting || this.byName.size === 0) return undefined;
    const owners = this.ownersOf(setting, before);
    // Another credential of the same provider (a secret next to its key) has a shape of its own: only
    // a value that resembles one of the provider's formats, and has none of them, is a copy.
    let copied: Rule | undefined;
    for (const { rule, shape } of owners) {
      if (!shape) continue;
      const d = distance(value, shape);
      if (d === 0) return undefined;
      if (d === 1) copied ??= rule;
    }
    if (copied) return { rule: copied, by: "setting" };
    // The provider named on the line just above (`[INFO] calling the Acme API` over `API_KEY=…`), where
    // its keyed rule looks for its value too: a tie that loose takes only a slip of one character.
    const line = owners.length === 0 ? above?.() : undefined;
    if (!line || line.length > 200) return undefined;
    for (const { rule, shape } of this.remembered(`\n${line}`, () => this.ownersOfWords(nameWords(line), false))) if (shape && distance(value, shape) !== 0 && slipOf(value, shape)) return { rule, by: "setting" };
    return undefined;
  }

  /** `find()`'s owners, found once for `key` (kept for the last thousand or so keys). */
  private remembered(key: string, find: () => Owner[]): readonly Owner[] {
    let owners = this.ownersByText.get(key);
    if (owners === undefined) {
      if (this.ownersByText.size >= 1024) this.ownersByText.clear();
      this.ownersByText.set(key, (owners = find()));
    }
    return owners;
  }

  /**
   * The owners of the provider names in a setting's name (a word, a few words together, or a word's
   * start: `lokalisetoken`), or in the words just before it on its line (`amplitude Key=`).
   */
  private ownersOf(setting: string, before: string): readonly Owner[] {
    // The setting's own name is the end of the text before the value; the words before it qualify it
    // (`planviewleankit token`, `new relic mobile app token`).
    const at = before.lastIndexOf(setting);
    const qualifier = at > 0 ? /(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z0-9]{1,40}[ \t]{1,2}){1,4}$/.exec(before.slice(Math.max(0, at - 80), at))?.[0] : undefined;
    // Keyed apart from lines (brokenCopyOf), whose keys start with "\n", as no setting's key does.
    return this.remembered(`${qualifier ?? ""}\0${setting}`, () => this.ownersOfWords([...(qualifier ? nameWords(qualifier) : []), ...nameWords(setting).slice(-8)], true));
  }

  /** The owners of names among `all` (a word, two or three together, or with `starts` a word's start). */
  private ownersOfWords(all: readonly string[], starts: boolean): Owner[] {
    const owners = new Set<Owner>();
    const add = (key: string) => {
      for (const owner of this.byName.get(key) ?? []) owners.add(owner);
    };
    if (starts) for (const word of all) for (let k = 5; k < word.length; k++) add(word.slice(0, k));
    for (let i = 0; i < all.length; i++) {
      const word = all[i] as string;
      add(word);
      if (i + 1 < all.length) add(word + all[i + 1]);
      if (i + 2 < all.length) add(word + all[i + 1] + all[i + 2]);
    }
    return [...owners];
  }
}
