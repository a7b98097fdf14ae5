/**
 * One pass over a text that finds, for every line, which rules' keywords occur in it: an Aho-Corasick
 * automaton over case-folded ASCII, compiled to a dense DFA table so the inner loop is one array read
 * per character. Rules run only on the lines this pass selects, which is what makes scanning fast.
 */

interface KeywordHit {
  /** 0-based line index in the text. */
  line: number;
  /** Offset of the line's first character. */
  lineStart: number;
  /** Offset just past the keyword that selected it (a rule may look around it on long lines). */
  at: number;
  /** Index of the rule (in the order given to the constructor). */
  rule: number;
}

const MAX_CODE = 128;
const NO_RULES: readonly number[] = [];

/** A copy of `array` in a larger one. */
function grow(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}
/** Class table over every UTF-16 code unit, so the inner loop has no range check (64 KB). */
const CODE_UNITS = 65536;
/** The largest hits buffer (in integers, 4 a hit) kept from one document to the next. */
const KEPT_HITS = 1 << 18;
/**
 * How much of the table's start (in integers: 256 KB, the rows of the ~1,200 shallowest states) a scan
 * reads ahead. The rule work between two documents pushes the table out of the cache, and the scan's
 * own reads cannot overlap (each waits for the state the one before read); reads ahead that do not
 * depend on each other bring in the rows most steps land on at the cost of about one miss, not one each.
 */
const HOT_INTS = 1 << 16;

interface Automaton {
  classOf: Uint8Array;
  classCount: number;
  table: Int32Array;
  /** The rules whose keyword ends in state s (including through failure links): rules[starts[s] .. starts[s + 1]). */
  starts: Int32Array;
  rules: Int32Array;
}

/** The automaton for `lowered` (each rule's keywords, lower case). */
function buildAutomaton(lowered: ReadonlyArray<ReadonlyArray<string>>): Automaton {
  const classOf = new Uint8Array(CODE_UNITS);
  // Built at start-up where no prebuilt one fits (thousands of states), mostly before V8 has optimised
  // any of it: flat typed arrays, index loops and native row copies keep that cheap.
  // Alphabet: every character used in a keyword gets its own class; everything else is class 0.
  let classes = 1;
  for (const keywords of lowered) {
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (code >= MAX_CODE) throw new Error(`keyword "${keyword}" has a non-ASCII character; keywords must be ASCII`);
        if (classOf[code] === 0) classOf[code] = classes++;
      }
    }
  }
  if (classes > 256) throw new Error("keywords use more than 255 distinct characters");
  // Fold upper-case letters onto their lower-case class.
  for (let code = 65; code <= 90; code++) classOf[code] = classOf[code + 32] as number;

  // Trie: each state's edges as a list (first child, next sibling, the class it is reached by), so
  // that no table of every state and class is filled but the final one.
  let capacity = 1024;
  let firstChild = new Int32Array(capacity);
  let nextSibling = new Int32Array(capacity);
  let viaClass = new Int32Array(capacity);
  let states = 1;
  /** The rules whose keyword ends exactly at a state (only those states have an entry). */
  let own = new Map<number, number[]>();
  lowered.forEach((keywords, rule) => {
    for (const keyword of keywords) {
      if (keyword.length === 0) continue;
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = classOf[keyword.charCodeAt(i)] as number;
        let child = firstChild[state] as number;
        while (child !== 0 && viaClass[child] !== cls) child = nextSibling[child] as number;
        if (child === 0) {
          if (states === capacity) {
            capacity *= 2;
            firstChild = grow(firstChild, capacity);
            nextSibling = grow(nextSibling, capacity);
            viaClass = grow(viaClass, capacity);
          }
          child = states++;
          viaClass[child] = cls;
          nextSibling[child] = firstChild[state] as number;
          firstChild[state] = child;
        }
        state = child;
      }
      const rules = own.get(state);
      if (!rules) own.set(state, [rule]);
      else if (!rules.includes(rule)) rules.push(rule);
    }
  });

  // Renumber the states breadth-first: the shallow states, where nearly every step of a scan is, then
  // have their rows together at the start of the table, which scanFlat loads ahead (see HOT_INTS).
  const order = new Int32Array(states);
  const id = new Int32Array(states);
  for (let head = 0, tail = 1; head < tail; head++) {
    const state = order[head] as number;
    id[state] = head;
    for (let child = firstChild[state] as number; child !== 0; child = nextSibling[child] as number) order[tail++] = child;
  }
  const renumber = (edges: Int32Array): Int32Array<ArrayBuffer> => order.map((state) => id[edges[state] as number] as number);
  [firstChild, nextSibling, viaClass] = [renumber(firstChild), renumber(nextSibling), order.map((state) => viaClass[state] as number)];
  own = new Map([...own].map(([state, rules]) => [id[state] as number, rules]));

  // Breadth-first failure links, folded into a full transition table: a state's row is its failure
  // state's row (already final: failure states are shallower) with its own edges written over it.
  // Entries are final as written: premultiplied by the class count, negated when keywords end in
  // the target state. Each state's outputs are its own rules, then those of its failure state not
  // already listed.
  const table = new Int32Array(states * classes);
  const fail = new Int32Array(states);
  const outputs: Array<readonly number[]> = new Array<readonly number[]>(states).fill(NO_RULES);
  const queue = new Int32Array(states);
  let tail = 0;
  const enter = (child: number, failure: number): number => {
    fail[child] = failure;
    const mine = own.get(child);
    const inherited = outputs[failure] as readonly number[];
    if (mine) {
      for (const rule of inherited) if (!mine.includes(rule)) mine.push(rule);
      outputs[child] = mine;
    } else outputs[child] = inherited;
    queue[tail++] = child;
    return outputs[child]!.length > 0 ? -child * classes : child * classes;
  };
  for (let child = firstChild[0] as number; child !== 0; child = nextSibling[child] as number) table[viaClass[child] as number] = enter(child, 0);
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const row = state * classes;
    const failRow = (fail[state] as number) * classes;
    table.copyWithin(row, failRow, failRow + classes);
    for (let child = firstChild[state] as number; child !== 0; child = nextSibling[child] as number) {
      const cls = viaClass[child] as number;
      // Where the failure state goes on this character (an entry already encoded: decode it).
      const failure = Math.abs(table[failRow + cls] as number) / classes;
      table[row + cls] = enter(child, failure);
    }
  }
  const starts = new Int32Array(states + 1);
  for (let state = 0; state < states; state++) starts[state + 1] = (starts[state] as number) + (outputs[state] as readonly number[]).length;
  return { classOf, classCount: classes, table, starts, rules: Int32Array.from(outputs.flat()) };
}

/**
 * The encoded automaton (`encodePrefilter`): a header of 32-bit integers (the format, then the sizes),
 * the classes of the ASCII characters (the only ones a keyword has), the transition table (states
 * numbered breadth-first, which scanFlat's reads ahead rely on), each state's outputs (start offsets,
 * then the rules), and what it was built from (the lower-cased keywords as JSON), so that it is used
 * for exactly those keywords. Integers in the machine's byte order: the
 * format word reads wrong in another order, and the automaton is then built instead.
 */
const FORMAT = 0x43470002;
const HEADER_INTS = 5;

/** The automaton for `keywordsPerRule` (as the constructor takes them), encoded for `new KeywordPrefilter(keywords, prebuilt)`. */
export function encodePrefilter(keywordsPerRule: ReadonlyArray<ReadonlyArray<string>>): Uint8Array {
  const lowered = keywordsPerRule.map((keywords) => keywords.map((k) => k.toLowerCase()));
  const { classOf, classCount, table, starts, rules } = buildAutomaton(lowered);
  const states = starts.length - 1;
  const signature = JSON.stringify(lowered);
  const header = Int32Array.of(FORMAT, classCount, states, rules.length, signature.length);
  const parts = [new Uint8Array(header.buffer), classOf.subarray(0, MAX_CODE), new Uint8Array(table.buffer, table.byteOffset, table.byteLength), new Uint8Array(starts.buffer), new Uint8Array(rules.buffer)];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0) + signature.length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  new TextEncoder().encodeInto(signature, bytes.subarray(at));
  return bytes;
}

/** The automaton `bytes` encodes, if it was built from `lowered`; undefined if not (or if it is not one). */
function decodeAutomaton(bytes: Uint8Array, lowered: ReadonlyArray<ReadonlyArray<string>>): Automaton | undefined {
  // The integers are read in place: they must start on a 4-byte boundary.
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  if (data.length < HEADER_INTS * 4 + MAX_CODE) return undefined;
  const [format, classCount = 0, states = 0, ruleLength = 0, signatureLength = 0] = new Int32Array(data.buffer, data.byteOffset, HEADER_INTS);
  const size = HEADER_INTS * 4 + MAX_CODE + 4 * (states * classCount + states + 1 + ruleLength) + signatureLength;
  if (format !== FORMAT || states <= 0 || classCount <= 0 || ruleLength < 0 || size !== data.length) return undefined;
  let at = data.byteOffset + HEADER_INTS * 4;
  const classesAt = at;
  at += MAX_CODE;
  const table = new Int32Array(data.buffer, at, states * classCount);
  at += table.byteLength;
  const starts = new Int32Array(data.buffer, at, states + 1);
  at += starts.byteLength;
  const rules = new Int32Array(data.buffer, at, ruleLength);
  at += rules.byteLength;
  // Compared as one decoded string: a loop over its ~19,000 characters was long enough for V8 to
  // compile it, once at every start-up.
  if (new TextDecoder().decode(data.subarray(at - data.byteOffset)) !== JSON.stringify(lowered)) return undefined;
  const classOf = new Uint8Array(CODE_UNITS);
  classOf.set(new Uint8Array(data.buffer, classesAt, MAX_CODE));
  return { classOf, classCount, table, starts, rules };
}

export class KeywordPrefilter {
  private readonly classOf: Uint8Array;
  private readonly classCount: number;
  /**
   * Next state for (state, class), premultiplied by the class count (one multiplication fewer per
   * character), and negated when keywords end in that state: the inner loop tests a sign, not a map.
   */
  private readonly table: Int32Array;
  /**
   * The rules whose keyword ends in a state (including through failure links), by state number:
   * rules[starts[s] .. starts[s + 1]). Two flat arrays, not an array a state: the loop reads them in
   * a few cache lines, where arrays of their own lay scattered over the heap.
   */
  private readonly starts: Int32Array;
  private readonly rules: Int32Array;
  readonly ruleCount: number;
  /**
   * scanFlat's working arrays, kept from call to call: a typed array is allocated outside V8's heap, and
   * a new one per document (a few per small file) cost more than the scan of the file itself.
   */
  private readonly lastLineOfRule: Int32Array;
  /**
   * Room for the hits of all but the most keyword-dense documents from the start (untouched pages of a
   * large typed array cost nothing): a history's large commits have ~2,000 hits each, and growing the
   * buffer in findHits, first met after V8 had compiled its loop, threw that code away.
   */
  private hits = new Int32Array(KEPT_HITS);

  /**
   * `keywordsPerRule[i]` are rule i's keywords (any case; matched case-insensitively). `prebuilt` is
   * an automaton `encodePrefilter` wrote for keywords (the build writes one for the built-in rules):
   * used if it was built from exactly these keywords, else the automaton is built here.
   */
  constructor(keywordsPerRule: ReadonlyArray<ReadonlyArray<string>>, prebuilt?: Uint8Array) {
    this.ruleCount = keywordsPerRule.length;
    const lowered = keywordsPerRule.map((keywords) => keywords.map((k) => k.toLowerCase()));
    const automaton = (prebuilt && decodeAutomaton(prebuilt, lowered)) ?? buildAutomaton(lowered);
    this.classOf = automaton.classOf;
    this.classCount = automaton.classCount;
    this.table = automaton.table;
    this.starts = automaton.starts;
    this.rules = automaton.rules;
    this.lastLineOfRule = new Int32Array(this.ruleCount);
  }

  /** Every (line, rule) pair whose keyword occurs, at most once per line and rule, in text order. */
  scan(text: string): KeywordHit[] {
    const flat = this.scanFlat(text);
    const hits: KeywordHit[] = [];
    for (let i = 0; i < flat.length; i += 4) {
      hits.push({ line: flat[i] as number, lineStart: flat[i + 1] as number, at: flat[i + 2] as number, rule: flat[i + 3] as number });
    }
    return hits;
  }

  /**
   * The same hits as `scan`, packed four integers a hit (line, lineStart, at, rule): the engine's hot
   * path, with no object per hit. The array is a view of a buffer the next call overwrites: read it
   * before scanning another text.
   */
  scanFlat(text: string): Int32Array {
    this.lastLineOfRule.fill(-1);
    // A large buffer left by a hit-dense document is not kept for the rest of the run.
    if (this.hits.length > KEPT_HITS) this.hits = new Int32Array(KEPT_HITS);
    // Never more reads ahead than the text has characters (a short text reaches few rows).
    // The start state, 0, computed from what was read ahead so that those reads are not dropped as unused.
    const start = KeywordPrefilter.readAhead(this.table, Math.min(this.table.length, HOT_INTS, 16 * text.length)) & 0;
    const count = KeywordPrefilter.findHits(this, text, text.length, start, this.table, this.classOf, this.starts, this.rules, this.classCount, this.lastLineOfRule, this.hits);
    return this.hits.subarray(0, count);
  }

  /**
   * Reads one integer per 64-byte line of the table's first `ints` (see HOT_INTS); returns them or'ed.
   * A loop apart from findHits, with nothing after it: V8 compiles a loop on-stack where it first runs
   * long, and two loops there made two such compiles; an operation after the loop, first reached after
   * that compile, sent its code back to the interpreter.
   */
  private static readAhead(table: Int32Array, ints: number): number {
    let ahead = 0;
    for (let k = 0; k < ints; k += 16) ahead |= table[k] as number;
    return ahead;
  }

  /**
   * scanFlat's loop: writes the hits to `hits`, or to the larger buffer it puts in `prefilter.hits` when
   * they do not fit, and returns how many integers it wrote. A function apart that is given the arrays:
   * V8 optimises the loop during the first long document, before the reads at the start of that call
   * have type feedback, and code compiled from there fell back to the interpreter at its first read on
   * every later call (then re-entered the loop's on-stack-replaced code). For the same reason the text's
   * length comes computed: the first call runs before V8 keeps type feedback for this function, and a
   * property read before the loop had none when the compile came in that call (the compiled code then
   * fell back at once on the next call). `start` is the start state (0).
   */
  private static findHits(prefilter: KeywordPrefilter, text: string, length: number, start: number, table: Int32Array, classOf: Uint8Array, starts: Int32Array, rules: Int32Array, classes: number, lastLineOfRule: Int32Array, hits: Int32Array<ArrayBuffer>): number {
    let count = 0;
    let line = 0;
    let lineStart = 0;
    let state = start;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        line++;
        lineStart = i + 1;
        state = 0;
        continue;
      }
      state = table[state + (classOf[code] as number)] as number;
      if (state < 0) {
        state = -state;
        const ending = state / classes;
        for (let k = starts[ending] as number, end = starts[ending + 1] as number; k < end; k++) {
          const rule = rules[k] as number;
          if (lastLineOfRule[rule] !== line) {
            lastLineOfRule[rule] = line;
            if (count + 4 > hits.length) hits = prefilter.hits = grow(hits, hits.length * 2);
            hits[count++] = line;
            hits[count++] = lineStart;
            hits[count++] = i + 1;
            hits[count++] = rule;
          }
        }
      }
    }
    return count;
  }
}
