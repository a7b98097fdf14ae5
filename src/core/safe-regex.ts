/**
 * Refuses regular expressions that can backtrack catastrophically, before they ever run.
 *
 * claude-guard runs user-supplied patterns (config `authorship.markers`, and later custom detection
 * rules) over every commit message and added line. JavaScript's regex engine backtracks, so one bad
 * pattern such as `(a+)+$` can hang a scan for minutes on a crafted input: a denial of service that
 * anyone able to push a commit could trigger. This module parses the pattern and refuses the shapes
 * that cause exponential or steep polynomial backtracking:
 *
 * - nested quantifiers whose inner part can vary in length: `(a+)+`, `(.*)*`, `(\w{1,5})+`;
 * - a repeated part that can match the empty string: `(a?)*`, `(|x)+`;
 * - alternatives that can start with the same character under a repetition: `(a|ab)*`, `(\w|\d)+`;
 * - two adjacent unbounded repetitions over overlapping characters: `.*.*`, `\w+\d+`;
 * - backreferences (`\1`, `\k<name>`): matching them is not regular and can be exponential;
 * - huge repetition counts (`a{1,100000}`) and very long patterns.
 *
 * The check is deliberately conservative: a few harmless patterns are refused too (`(ab|ac)*`), and
 * the reason says how to rewrite them. Pure: no I/O.
 */

export type RegexSafety = { ok: true } | { ok: false; reason: string };

/** Longest pattern accepted: user patterns are markers and token shapes, not programs. */
export const MAX_PATTERN_LENGTH = 1000;
/** Largest repetition count accepted in `{n,m}`. */
export const MAX_REPEAT = 1000;

type CharPred = (c: string) => boolean;

type Node =
  | { t: "char"; pred: CharPred; start: number; end: number }
  | { t: "assert"; start: number; end: number }
  | { t: "backref"; start: number; end: number }
  | { t: "group"; alts: Node[][]; look: boolean; start: number; end: number }
  | { t: "quant"; child: Node; min: number; max: number; start: number; end: number };

class ParseError extends Error {}

const ANY: CharPred = () => true;
const isDigit: CharPred = (c) => c >= "0" && c <= "9";
const isWord: CharPred = (c) => /^[A-Za-z0-9_]$/.test(c);
const isSpace: CharPred = (c) => /^\s$/.test(c);
const not = (p: CharPred): CharPred => (c) => !p(c);
const literal = (ch: string): CharPred => (c) => c === ch;

/**
 * Characters used to decide whether two character sets overlap: all of ASCII plus a few non-ASCII
 * letters, spaces and symbols. Overlap found on a sample is real; one missed outside the sample
 * would need two classes that share only exotic characters, which user patterns do not write.
 */
const SAMPLES: string[] = (() => {
  const out: string[] = [];
  for (let code = 0; code < 128; code++) out.push(String.fromCharCode(code));
  out.push("\u00a0", "\u00e9", "\u00df", "\u0416", "\u4e2d", "\u2028", "\u3000", "\uffff", "\ud83e");
  return out;
})();

function overlaps(a: CharPred, b: CharPred): boolean {
  return SAMPLES.some((c) => a(c) && b(c));
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const alts = this.alternation();
    if (this.i < this.src.length) throw new ParseError(`unexpected "${this.src[this.i]}" at ${this.i}`);
    return { t: "group", alts, look: false, start: 0, end: this.src.length };
  }

  private alternation(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      items.push(this.quantifier(atom));
    }
    return items;
  }

  private pred(p: CharPred): CharPred {
    if (!this.ignoreCase) return p;
    return (c) => p(c) || p(c.toLowerCase()) || p(c.toUpperCase());
  }

  private atom(): Node {
    const start = this.i;
    const c = this.src[this.i++] as string;
    const char = (pred: CharPred): Node => ({ t: "char", pred: this.pred(pred), start, end: this.i });
    switch (c) {
      case "^":
      case "$":
        return { t: "assert", start, end: this.i };
      case ".":
        return char(ANY);
      case "[":
        return char(this.charClass());
      case "(":
        return this.group(start);
      case "*":
      case "+":
      case "?":
        throw new ParseError(`nothing to repeat at ${start}`);
      case "\\":
        return this.escape(start);
      default:
        return char(literal(c));
    }
  }

  private group(start: number): Node {
    let look = false;
    if (this.src.startsWith("?:", this.i)) this.i += 2;
    else if (this.src.startsWith("?=", this.i) || this.src.startsWith("?!", this.i)) {
      this.i += 2;
      look = true;
    } else if (this.src.startsWith("?<=", this.i) || this.src.startsWith("?<!", this.i)) {
      this.i += 3;
      look = true;
    } else if (this.src.startsWith("?<", this.i)) {
      const close = this.src.indexOf(">", this.i);
      if (close < 0) throw new ParseError("unterminated group name");
      this.i = close + 1;
    } else if (this.src[this.i] === "?") {
      throw new ParseError(`unsupported group syntax at ${start}`);
    }
    const alts = this.alternation();
    if (this.src[this.i] !== ")") throw new ParseError("unterminated group");
    this.i++;
    return { t: "group", alts, look, start, end: this.i };
  }

  private escape(start: number): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new ParseError("trailing backslash");
    if (c === "b" || c === "B") return { t: "assert", start, end: this.i };
    if (c >= "1" && c <= "9") {
      while (isDigit(this.src[this.i] ?? "")) this.i++;
      return { t: "backref", start, end: this.i };
    }
    if (c === "k" && this.src[this.i] === "<") {
      const close = this.src.indexOf(">", this.i);
      this.i = close < 0 ? this.src.length : close + 1;
      return { t: "backref", start, end: this.i };
    }
    return { t: "char", pred: this.pred(this.escapeValue(c).pred), start, end: this.i };
  }

  /**
   * What an escape (after the backslash) matches, shared by atoms and classes. `single` is set when
   * it is one character, so it can bound a range in a class.
   */
  private escapeValue(c: string): { pred: CharPred; single?: string } {
    const one = (ch: string): { pred: CharPred; single: string } => ({ pred: literal(ch), single: ch });
    switch (c) {
      case "d":
        return { pred: isDigit };
      case "D":
        return { pred: not(isDigit) };
      case "w":
        return { pred: isWord };
      case "W":
        return { pred: not(isWord) };
      case "s":
        return { pred: isSpace };
      case "S":
        return { pred: not(isSpace) };
      case "n":
        return one("\n");
      case "r":
        return one("\r");
      case "t":
        return one("\t");
      case "f":
        return one("\f");
      case "v":
        return one("\v");
      case "0":
        return one("\0");
      case "x": {
        const hex = this.src.slice(this.i, this.i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return one("x");
        this.i += 2;
        return one(String.fromCharCode(parseInt(hex, 16)));
      }
      case "u": {
        const braced = this.unicode ? /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.i)) : null;
        if (braced) {
          this.i += braced[0].length;
          return one(String.fromCodePoint(parseInt(braced[1] as string, 16)));
        }
        const hex = this.src.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return one("u");
        this.i += 4;
        return one(String.fromCharCode(parseInt(hex, 16)));
      }
      case "c": {
        const letter = this.src[this.i];
        if (!letter || !/[A-Za-z]/.test(letter)) return one("\\");
        this.i++;
        return one(String.fromCharCode(letter.charCodeAt(0) % 32));
      }
      case "p":
      case "P": {
        if (!this.unicode || this.src[this.i] !== "{") return one(c);
        // A Unicode property: too many to model; "any character" is the safe over-approximation.
        const close = this.src.indexOf("}", this.i);
        this.i = close < 0 ? this.src.length : close + 1;
        return { pred: ANY };
      }
      default:
        return one(c);
    }
  }

  private charClass(): CharPred {
    let negate = false;
    if (this.src[this.i] === "^") {
      negate = true;
      this.i++;
    }
    const parts: CharPred[] = [];
    // In JavaScript a "]" right after "[" closes the class: "[]" matches nothing, "[^]" anything.
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      const lo = this.classAtom();
      const isRange = this.src[this.i] === "-" && this.i + 1 < this.src.length && this.src[this.i + 1] !== "]";
      if (!isRange) {
        parts.push(lo.pred);
        continue;
      }
      this.i++;
      const hi = this.classAtom();
      if (lo.single !== undefined && hi.single !== undefined) {
        const from = lo.single;
        const to = hi.single;
        parts.push((c) => c >= from && c <= to);
      } else {
        parts.push(lo.pred, literal("-"), hi.pred); // "[\\d-z]": a class, a dash and a letter
      }
    }
    if (this.src[this.i] !== "]") throw new ParseError("unterminated character class");
    this.i++;
    const union: CharPred = (c) => parts.some((p) => p(c));
    return negate ? not(union) : union;
  }

  private classAtom(): { pred: CharPred; single?: string } {
    const c = this.src[this.i++] as string;
    if (c !== "\\") return { pred: literal(c), single: c };
    const e = this.src[this.i++];
    if (e === undefined) throw new ParseError("trailing backslash");
    if (e === "b") return { pred: literal("\b"), single: "\b" }; // backspace inside a class
    return this.escapeValue(e);
  }

  private quantifier(atom: Node): Node {
    const start = atom.start;
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom; // a literal "{" (allowed outside unicode mode)
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === "?") this.i++; // lazy: backtracks just as much
    if (atom.t === "quant") throw new ParseError(`nothing to repeat at ${this.i}`);
    return { t: "quant", child: atom, min, max, start, end: this.i };
  }
}

interface Width {
  min: number;
  max: number;
}

function width(node: Node): Width {
  switch (node.t) {
    case "char":
      return { min: 1, max: 1 };
    case "assert":
      return { min: 0, max: 0 };
    case "backref":
      return { min: 0, max: Infinity };
    case "group": {
      if (node.look) return { min: 0, max: 0 };
      let min = Infinity;
      let max = 0;
      for (const alt of node.alts) {
        const w = seqWidth(alt);
        min = Math.min(min, w.min);
        max = Math.max(max, w.max);
      }
      return { min: min === Infinity ? 0 : min, max };
    }
    case "quant": {
      const w = width(node.child);
      const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);
      return { min: mul(w.min, node.min), max: mul(w.max, node.max) };
    }
  }
}

function seqWidth(items: Node[]): Width {
  let min = 0;
  let max = 0;
  for (const item of items) {
    const w = width(item);
    min += w.min;
    max += w.max;
  }
  return { min, max };
}

/** Characters a node's match can start with, and whether it can match nothing at all. */
interface First {
  preds: CharPred[];
  nullable: boolean;
}

function first(node: Node): First {
  switch (node.t) {
    case "char":
      return { preds: [node.pred], nullable: false };
    case "assert":
      return { preds: [], nullable: true };
    case "backref":
      return { preds: [ANY], nullable: true };
    case "group": {
      if (node.look) return { preds: [], nullable: true };
      const preds: CharPred[] = [];
      let nullable = false;
      for (const alt of node.alts) {
        const f = seqFirst(alt);
        preds.push(...f.preds);
        nullable ||= f.nullable;
      }
      return { preds, nullable };
    }
    case "quant": {
      const f = first(node.child);
      return { preds: f.preds, nullable: f.nullable || node.min === 0 };
    }
  }
}

function seqFirst(items: Node[]): First {
  const preds: CharPred[] = [];
  for (const item of items) {
    const f = first(item);
    preds.push(...f.preds);
    if (!f.nullable) return { preds, nullable: false };
  }
  return { preds, nullable: true };
}

function firstOverlap(a: First, b: First): boolean {
  if (a.nullable || b.nullable) return true;
  const pa: CharPred = (c) => a.preds.some((p) => p(c));
  const pb: CharPred = (c) => b.preds.some((p) => p(c));
  return overlaps(pa, pb);
}

function children(node: Node): Node[] {
  if (node.t === "group") return node.alts.flat();
  if (node.t === "quant") return [node.child];
  return [];
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of children(node)) yield* walk(child);
}

/** The alternation a quantifier repeats, looking through groups that only wrap another group. */
function repeatedAlternation(node: Node): Node[][] | undefined {
  let current: Node = node;
  while (current.t === "group" && !current.look) {
    if (current.alts.length > 1) return current.alts;
    const only = current.alts[0];
    if (!only || only.length !== 1 || !only[0]) return undefined;
    current = only[0];
  }
  return undefined;
}

function sequences(node: Node): Node[][] {
  const out: Node[][] = [];
  for (const n of walk(node)) if (n.t === "group") out.push(...n.alts);
  return out;
}

function analyse(root: Node, src: string): RegexSafety {
  const quote = (n: Node): string => {
    const text = src.slice(n.start, n.end);
    return `"${text.length > 40 ? text.slice(0, 39) + "…" : text}"`;
  };
  for (const node of walk(root)) {
    if (node.t === "backref") {
      return { ok: false, reason: `backreference ${quote(node)} is not allowed: matching it can take exponential time` };
    }
    if (node.t !== "quant") continue;
    if (node.min > MAX_REPEAT || (node.max !== Infinity && node.max > MAX_REPEAT)) {
      return { ok: false, reason: `repetition ${quote(node)} exceeds ${MAX_REPEAT}` };
    }
    if (node.max <= 1) continue;
    for (const inner of walk(node.child)) {
      if (inner.t !== "quant" || inner.max <= 1 || inner.min === inner.max) continue;
      if (node.max === Infinity || inner.max === Infinity) {
        return {
          ok: false,
          reason: `nested quantifiers in ${quote(node)}: a repeated part that itself repeats ${quote(inner)} can backtrack exponentially; repeat one level only`,
        };
      }
    }
    if (node.max !== Infinity) continue;
    if (width(node.child).min === 0) {
      return { ok: false, reason: `${quote(node)} repeats a part that can match the empty string` };
    }
    const alts = repeatedAlternation(node.child);
    if (alts) {
      const firsts = alts.map(seqFirst);
      for (let a = 0; a < firsts.length; a++) {
        for (let b = a + 1; b < firsts.length; b++) {
          if (firstOverlap(firsts[a] as First, firsts[b] as First)) {
            return {
              ok: false,
              reason: `overlapping alternatives repeated in ${quote(node)}: two branches can start with the same character, so the engine can try exponentially many splits; factor the common start out (e.g. "a(?:b|c)" instead of "(?:ab|ac)")`,
            };
          }
        }
      }
    }
  }
  for (const seq of sequences(root)) {
    for (let k = 0; k + 1 < seq.length; k++) {
      const x = seq[k] as Node;
      const y = seq[k + 1] as Node;
      if (x.t === "quant" && y.t === "quant" && x.max === Infinity && y.max === Infinity && x.child.t === "char" && y.child.t === "char" && overlaps(x.child.pred, y.child.pred)) {
        return {
          ok: false,
          reason: `adjacent repetitions ${quote(x)} and ${quote(y)} match the same characters, so matching can take polynomial time; merge them into one`,
        };
      }
    }
  }
  return { ok: true };
}

/** The engine's reason without the pattern it repeats ("Invalid regular expression: /(/: Unterminated group"). */
export function engineReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, "");
}

/**
 * Whether `source` (a pattern, without slashes) is a valid regular expression that cannot backtrack
 * catastrophically. `flags` are the flags it will run with (`i`, `m`, `s`, `u`; `g`/`y`/`d` are
 * allowed and ignored). Never throws.
 */
export function checkRegexSafety(source: string, flags = ""): RegexSafety {
  if (typeof source !== "string") return { ok: false, reason: "the pattern is not a string" };
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, reason: `the pattern is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are accepted` };
  }
  if (/[^dgimsuy]/.test(flags)) {
    return { ok: false, reason: `unsupported flags "${flags}" (use i, m, s, u)` };
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { ok: false, reason: `invalid regular expression: ${engineReason(error)}` };
  }
  let root: Node;
  try {
    root = new Parser(source, flags.includes("u"), flags.includes("i")).parse();
  } catch (error) {
    return { ok: false, reason: `the pattern could not be analysed (${(error as Error).message}); simplify it` };
  }
  return analyse(root, source);
}
