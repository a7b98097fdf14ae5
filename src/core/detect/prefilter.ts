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
/** Class table over every UTF-16 code unit, so the inner loop has no range check (64 KB). */
const CODE_UNITS = 65536;

export class KeywordPrefilter {
  private readonly classOf = new Uint8Array(CODE_UNITS);
  private readonly classCount: number;
  /**
   * Next state for (state, class), premultiplied by the class count (one multiplication fewer per
   * character), and negated when keywords end in that state: the inner loop tests a sign, not a map.
   */
  private readonly table: Int32Array;
  /** Indexed by state number: the rules whose keyword ends there (including through failure links). */
  private readonly outputs: Array<readonly number[]>;
  readonly ruleCount: number;

  /** `keywordsPerRule[i]` are rule i's keywords (any case; matched case-insensitively). */
  constructor(keywordsPerRule: ReadonlyArray<ReadonlyArray<string>>) {
    this.ruleCount = keywordsPerRule.length;
    // Alphabet: every character used in a keyword gets its own class; everything else is class 0.
    let classes = 1;
    for (const keywords of keywordsPerRule) {
      for (const keyword of keywords) {
        for (const ch of keyword.toLowerCase()) {
          const code = ch.charCodeAt(0);
          if (code >= MAX_CODE) throw new Error(`keyword "${keyword}" has a non-ASCII character; keywords must be ASCII`);
          if (this.classOf[code] === 0) this.classOf[code] = classes++;
        }
      }
    }
    if (classes > 256) throw new Error("keywords use more than 255 distinct characters");
    // Fold upper-case letters onto their lower-case class.
    for (let code = 65; code <= 90; code++) this.classOf[code] = this.classOf[code + 32] as number;
    this.classCount = classes;

    // Trie, in one flat table (0 = no edge: the root is never a child). Built in flat typed arrays
    // because every thread builds it at start-up, for thousands of states.
    let goto = new Int32Array(1024 * classes);
    let states = 1;
    const own: number[][] = [[]];
    keywordsPerRule.forEach((keywords, rule) => {
      for (const keyword of keywords) {
        if (keyword.length === 0) continue;
        let state = 0;
        for (const ch of keyword.toLowerCase()) {
          const at = state * classes + (this.classOf[ch.charCodeAt(0)] as number);
          if (goto[at] === 0) {
            if ((states + 1) * classes > goto.length) {
              const grown = new Int32Array(goto.length * 2);
              grown.set(goto);
              goto = grown;
            }
            goto[at] = states++;
            own.push([]);
          }
          state = goto[at] as number;
        }
        const rules = own[state] as number[];
        if (!rules.includes(rule)) rules.push(rule);
      }
    });

    // Breadth-first failure links, folded into a full transition table; each state's outputs are its
    // own rules, then those of its failure state not already listed.
    const table = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const outputs: Array<readonly number[]> = new Array<readonly number[]>(states);
    outputs[0] = [];
    const queue = new Int32Array(states);
    let tail = 0;
    for (let cls = 0; cls < classes; cls++) {
      const next = goto[cls] as number;
      table[cls] = next;
      if (next > 0) queue[tail++] = next;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head] as number;
      const inherited = outputs[fail[state] as number] as readonly number[];
      const mine = own[state] as number[];
      if (mine.length === 0) outputs[state] = inherited;
      else {
        for (const rule of inherited) if (!mine.includes(rule)) mine.push(rule);
        outputs[state] = mine;
      }
      const failRow = (fail[state] as number) * classes;
      const row = state * classes;
      for (let cls = 0; cls < classes; cls++) {
        const next = goto[row + cls] as number;
        if (next > 0) {
          fail[next] = table[failRow + cls] as number;
          table[row + cls] = next;
          queue[tail++] = next;
        } else {
          table[row + cls] = table[failRow + cls] as number;
        }
      }
    }
    for (let i = 0; i < table.length; i++) {
      const next = table[i] as number;
      table[i] = (outputs[next] as readonly number[]).length > 0 ? -next * classes : next * classes;
    }
    this.table = table;
    this.outputs = outputs;
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
   * path, with no object per hit.
   */
  scanFlat(text: string): Int32Array {
    const { table, classOf, outputs, classCount: classes } = this;
    const lastLineOfRule = new Int32Array(this.ruleCount).fill(-1);
    let hits = new Int32Array(256);
    let count = 0;
    let state = 0;
    let line = 0;
    let lineStart = 0;
    const length = text.length;
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
        for (const rule of outputs[state / classes] as readonly number[]) {
          if (lastLineOfRule[rule] !== line) {
            lastLineOfRule[rule] = line;
            if (count + 4 > hits.length) {
              const grown = new Int32Array(hits.length * 2);
              grown.set(hits);
              hits = grown;
            }
            hits[count++] = line;
            hits[count++] = lineStart;
            hits[count++] = i + 1;
            hits[count++] = rule;
          }
        }
      }
    }
    return hits.subarray(0, count);
  }
}
