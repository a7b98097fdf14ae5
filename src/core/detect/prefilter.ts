/**
 * One pass over a text that finds, for every line, which rules' keywords occur in it: an Aho-Corasick
 * automaton over case-folded ASCII, compiled to a dense DFA table so the inner loop is one table read
 * per character. Rules run only on the lines this pass selects, which is what makes scanning fast. The
 * loop itself is WebAssembly (keyword-scan.wat), run over the text's UTF-16 code units.
 */
import { instantiate, reserve, type WasmMemory } from "../wasm.js";
import { KEYWORD_SCAN_WASM } from "./keyword-scan-wasm.js";

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

interface Automaton {
  classOf: Uint8Array;
  classCount: number;
  /**
   * Next state for (state, class) at state * classCount + class. A state is the byte offset of its row
   * (its number times 4 * classCount: the address keyword-scan.wat reads it at), negated when keywords
   * end in it: the loop tests a sign, not a map.
   */
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
  // have their rows together at the start of the table, which the scan reads ahead (READ_AHEAD_BYTES).
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
  // Entries are final as written: the target's row offset in bytes, negated when keywords end in
  // the target state. Each state's outputs are its own rules, then those of its failure state not
  // already listed.
  const table = new Int32Array(states * classes);
  const rowBytes = 4 * classes;
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
    return outputs[child]!.length > 0 ? -child * rowBytes : child * rowBytes;
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
      const failure = Math.abs(table[failRow + cls] as number) / rowBytes;
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
const FORMAT = 0x43470003;
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

/** What keyword-scan.wat exports. */
interface KeywordScanExports {
  memory: WasmMemory;
  findHits(text: number, end: number, classOf: number, starts: number, rules: number, rowBytes: number, lastLine: number, hits: number, hitsEnd: number, ahead: number): number;
}

/**
 * How much of the table's start (the rows of the ~1,200 shallowest states) a scan reads ahead (see
 * keyword-scan.wat); never more than a short text's steps could reach.
 */
const READ_AHEAD_BYTES = 1 << 18;
/** Room for the hits at first, in bytes (16 a hit): a history's large commits have ~2,000 hits each. */
const FIRST_HITS_BYTES = 1 << 18;

/**
 * Where the scan loop's inputs lie in its memory (byte offsets; see keyword-scan.wat): the table at 0,
 * then the classes, the outputs, the rules' last lines, the hits, and the text last, as it grows.
 */
interface MemoryLayout {
  classOf: number;
  starts: number;
  rules: number;
  lastLine: number;
  hits: number;
}

export class KeywordPrefilter {
  readonly ruleCount: number;
  private readonly scanLoop: KeywordScanExports;
  private readonly layout: MemoryLayout;
  private readonly rowBytes: number;
  /** Bytes for hits, from layout.hits: the text follows them. Doubled when a text's hits do not fit. */
  private hitsBytes = FIRST_HITS_BYTES;
  /** Views of the loop's memory, made again when it grows (growing detaches the old buffer). */
  private memoryBuffer: ArrayBuffer;
  private bytes: Buffer;
  private ints: Int32Array;

  /**
   * `keywordsPerRule[i]` are rule i's keywords (any case; matched case-insensitively). `prebuilt` is
   * an automaton `encodePrefilter` wrote for keywords (the build writes one for the built-in rules):
   * used if it was built from exactly these keywords, else the automaton is built here.
   */
  constructor(keywordsPerRule: ReadonlyArray<ReadonlyArray<string>>, prebuilt?: Uint8Array) {
    this.ruleCount = keywordsPerRule.length;
    const lowered = keywordsPerRule.map((keywords) => keywords.map((k) => k.toLowerCase()));
    const { classOf, classCount, table, starts, rules } = (prebuilt && decodeAutomaton(prebuilt, lowered)) ?? buildAutomaton(lowered);
    this.rowBytes = 4 * classCount;
    const classesAt = table.byteLength;
    const startsAt = classesAt + classOf.byteLength;
    const rulesAt = startsAt + starts.byteLength;
    const lastLineAt = rulesAt + rules.byteLength;
    this.layout = { classOf: classesAt, starts: startsAt, rules: rulesAt, lastLine: lastLineAt, hits: lastLineAt + 4 * this.ruleCount };
    this.scanLoop = instantiate<KeywordScanExports>(KEYWORD_SCAN_WASM, "The keyword scan");
    this.memoryBuffer = this.scanLoop.memory.buffer;
    this.bytes = Buffer.from(this.memoryBuffer);
    this.ints = new Int32Array(this.memoryBuffer);
    this.reserve(this.layout.hits + this.hitsBytes);
    const at = (array: Int32Array | Uint8Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    this.bytes.set(at(table), 0);
    this.bytes.set(classOf, classesAt);
    this.bytes.set(at(starts), startsAt);
    this.bytes.set(at(rules), rulesAt);
  }

  /** Grows the loop's memory to at least `size` bytes. */
  private reserve(size: number): void {
    reserve(this.scanLoop.memory, size);
    if (this.scanLoop.memory.buffer !== this.memoryBuffer) {
      this.memoryBuffer = this.scanLoop.memory.buffer;
      this.bytes = Buffer.from(this.memoryBuffer);
      this.ints = new Int32Array(this.memoryBuffer);
    }
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
   * path, with no object per hit. The array is a view of memory the next call overwrites: read it
   * before scanning another text.
   */
  scanFlat(text: string): Int32Array {
    const { classOf, starts, rules, lastLine, hits } = this.layout;
    for (;;) {
      const textAt = hits + this.hitsBytes;
      const end = textAt + 2 * text.length;
      this.reserve(end);
      this.bytes.write(text, textAt, "utf16le");
      this.ints.fill(-1, lastLine / 4, lastLine / 4 + this.ruleCount);
      // The table ends where the classes start (layout.classOf): never read ahead past it.
      const count = this.scanLoop.findHits(textAt, end, classOf, starts, rules, this.rowBytes, lastLine, hits, textAt, Math.min(classOf, READ_AHEAD_BYTES, 64 * text.length));
      if (count >= 0) return this.ints.subarray(hits / 4, hits / 4 + count);
      // More hits than room: twice the room, and the text again after it.
      this.hitsBytes *= 2;
    }
  }
}
