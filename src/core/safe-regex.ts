/**
 * Refuses regular expressions that can backtrack catastrophically, before they ever run.
 *
 * claude-guard runs user-supplied patterns (config `authorship.markers`, and later custom detection
 * rules) over every commit message and added line. JavaScript's regex engine backtracks, so one bad
 * pattern such as `(a+)+$` can hang a scan for minutes on a crafted input: a denial of service that
 * anyone able to push a commit could trigger. This module parses the pattern and refuses the shapes
 * that cause exponential or steep polynomial backtracking:
 *
 * - nested quantifiers whose inner part can vary in length: `(a+)+`, `(.*)*`, `(\w{1,5})+`, and
 *   bounded ones whose splits multiply past a fixed budget when the inner run is not delimited:
 *   `(a{1,30}){1,30}` (but not `(\d{1,3}\.){3}`, where each `.` ends a run);
 * - a repeated part that can match the empty string: `(a?)*`, `(|x)+`;
 * - alternatives that can start with the same character under a repetition: `(a|ab)*`, `(\w|\d)+`,
 *   and under a bounded repetition whose choices multiply past the budget: `(?:aa|a){2,100}`;
 * - two unbounded repetitions over overlapping characters with nothing between them that must end
 *   the first one (optional parts, or characters the first one also matches): `.*.*`, `\w+\d+`,
 *   `\d+\.?\d+`, `[a ]*a[a ]*`. Each such pair multiplies the work by the line's length;
 * - backreferences (`\1`, `\k<name>`): matching them is not regular and can be exponential;
 * - huge repetition counts (`a{1,100000}`) and very long patterns.
 *
 * What remains is linear in the text, or quadratic at worst (one unbounded repetition tried from
 * every start), and the engine runs patterns on bounded lines and windows: the cost of any accepted
 * pattern has a bound fixed before it runs, whatever the machine's load.
 *
 * The check is deliberately conservative: a few harmless patterns are refused too (`(ab|ac)*`), and
 * the reason says how to rewrite them. Pure: no I/O.
 */

type RegexSafety = { ok: true } | { ok: false; reason: string };

/** Longest pattern accepted: user patterns are markers and token shapes, not programs. */
export const MAX_PATTERN_LENGTH = 1000;
/** Largest repetition count accepted in `{n,m}` (long tokens such as session tokens need thousands). */
const MAX_REPEAT = 4096;
/**
 * Most ways a bounded repetition may split the same text, as a power of two: `(a{1,30}){1,30}` has
 * about 30^30, `(\d{1,3}\.?){4}` 3^4 = 81, under 2^10.
 */
const MAX_SPLITS_LOG2 = 10;
/** Repetitions whose count can vary this much take part in the adjacent-repetitions check. */
const LONG_RANGE = 32;
/** Most splits two adjacent bounded repetitions of the same characters may try from one start. */
const MAX_ADJACENT_SPLITS = 1 << 16;

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

/** Every character a node can match, as one predicate. */
function charsOf(node: Node): CharPred {
  const preds: CharPred[] = [];
  for (const n of walk(node)) if (n.t === "char" || n.t === "backref") preds.push(n.t === "char" ? n.pred : ANY);
  return (c) => preds.some((p) => p(c));
}

/** A group with one alternative is just its items: `(?:\.?\d+)` is `\.?` then `\d+`. */
function flatten(items: Node[]): Node[] {
  return items.flatMap((item) => (item.t === "group" && !item.look && item.alts.length === 1 ? flatten(item.alts[0] as Node[]) : [item]));
}

/**
 * Whether repeating `body` lets the variable repetition `inner` split the same text in several ways:
 * after `inner`, what follows in the body (or, when that can be empty, the next repetition's start)
 * can begin with a character `inner` also matches. `(a{1,30}){1,30}` is ambiguous; `([a-z]{1,63}\.){1,9}`
 * is not, each `.` ends a run. Conservative: an `inner` nested deeper than the body's own items counts
 * as ambiguous.
 */
function ambiguousRepeat(body: Node, inner: Node): boolean {
  const items = body.t === "group" && !body.look && body.alts.length === 1 ? flatten(body.alts[0] as Node[]) : [body];
  const at = items.indexOf(inner);
  if (at === -1) return true;
  const rest = seqFirst(items.slice(at + 1));
  const follow = rest.nullable ? [...rest.preds, ...first(body).preds] : rest.preds;
  const innerChars = charsOf(inner);
  return follow.length === 0 || overlaps(innerChars, (c) => follow.some((p) => p(c)));
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
      if (node.max * Math.log2(inner.max - inner.min + 1) > MAX_SPLITS_LOG2 && ambiguousRepeat(node.child, inner)) {
        return {
          ok: false,
          reason: `nested quantifiers in ${quote(node)}: its inner repetition ${quote(inner)} can split the same text in up to ${inner.max - inner.min + 1}^${node.max} ways, and nothing ends one run before the next; repeat one level only, or end each run with a character it cannot match`,
        };
      }
    }
    if (node.max === Infinity && width(node.child).min === 0) {
      return { ok: false, reason: `${quote(node)} repeats a part that can match the empty string` };
    }
    const alts = repeatedAlternation(node.child);
    if (alts && (node.max === Infinity || node.max * Math.log2(alts.length) > MAX_SPLITS_LOG2)) {
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
    // A run: long repetitions that can trade characters, as nothing between them must end one.
    let run: { chars: CharPred; last: Node & { t: "quant" } } | undefined;
    for (const item of flatten(seq)) {
      if (item.t === "quant" && item.max - item.min >= LONG_RANGE) {
        const chars = charsOf(item.child);
        if (run && overlaps(run.chars, chars) && (run.last.max === Infinity || item.max === Infinity || (run.last.max - run.last.min) * (item.max - item.min) > MAX_ADJACENT_SPLITS)) {
          return {
            ok: false,
            reason: `adjacent repetitions ${quote(run.last)} and ${quote(item)} can match the same characters with nothing between them that must end the first, so matching can take polynomial time in the line's length; merge them into one, or separate them by a character the first cannot match`,
          };
        }
        run = { chars, last: item };
        continue;
      }
      if (!run) continue;
      const w = width(item);
      // Optional parts can be skipped; a bounded part made of the run's own characters is absorbed.
      const runChars = run.chars;
      const absorbed = w.max !== Infinity && !overlaps(charsOf(item), (c) => !runChars(c));
      if (w.min > 0 && !absorbed) run = undefined;
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

/**
 * `source` with every unbounded repetition (`*`, `+`, `{n,}`) given an upper bound of `limit` more
 * than its minimum: `[a-z]+@` becomes `[a-z]{1,256}@`. With the shapes checkRegexSafety refuses gone,
 * what an accepted pattern tries from one start is then bounded by its repetition counts, so its cost
 * over a line is linear in the line's length, with a factor known before it runs. The pattern must
 * have passed checkRegexSafety.
 */
export function boundRepetitions(source: string, flags = "", limit = 256): string {
  const root = new Parser(source, flags.includes("u"), flags.includes("i")).parse();
  const edits: Array<{ from: number; to: number; text: string }> = [];
  for (const node of walk(root)) {
    if (node.t !== "quant" || node.max !== Infinity) continue;
    const lazy = source[node.end - 1] === "?" && node.end - 1 > node.child.end;
    edits.push({ from: node.child.end, to: node.end, text: `{${node.min},${node.min + limit}}${lazy ? "?" : ""}` });
  }
  let out = source;
  for (const edit of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  return out;
}
