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
  private readonly table: Int32Array;
  /** Indexed by premultiplied state: the rules whose keyword ends there (including through failure links). */
  private readonly outputs: Array<number[] | undefined>;
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
    // Fold upper-case letters onto their lower-case class.
    for (let code = 65; code <= 90; code++) this.classOf[code] = this.classOf[code + 32] as number;
    this.classCount = classes;

    // Trie.
    const goto: Array<Int32Array> = [new Int32Array(classes).fill(-1)];
    const trieOutputs: Array<Set<number>> = [new Set()];
    keywordsPerRule.forEach((keywords, rule) => {
      for (const keyword of keywords) {
        if (keyword.length === 0) continue;
        let state = 0;
        for (const ch of keyword.toLowerCase()) {
          const cls = this.classOf[ch.charCodeAt(0)] as number;
          const row = goto[state] as Int32Array;
          if (row[cls] === -1) {
            row[cls] = goto.length;
            goto.push(new Int32Array(classes).fill(-1));
            trieOutputs.push(new Set());
          }
          state = row[cls] as number;
        }
        (trieOutputs[state] as Set<number>).add(rule);
      }
    });

    // Breadth-first failure links, folded into a full transition table.
    const states = goto.length;
    const table = new Int32Array(states * classes);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let cls = 0; cls < classes; cls++) {
      const next = (goto[0] as Int32Array)[cls] as number;
      if (next > 0) {
        fail[next] = 0;
        table[cls] = next;
        queue.push(next);
      } else table[cls] = 0;
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const rule of trieOutputs[fail[state] as number] as Set<number>) (trieOutputs[state] as Set<number>).add(rule);
      for (let cls = 0; cls < classes; cls++) {
        const next = (goto[state] as Int32Array)[cls] as number;
        if (next > 0) {
          fail[next] = table[(fail[state] as number) * classes + cls] as number;
          table[state * classes + cls] = next;
          queue.push(next);
        } else {
          table[state * classes + cls] = table[(fail[state] as number) * classes + cls] as number;
        }
      }
    }
    // Store next states premultiplied by the class count: one multiplication fewer per character.
    for (let i = 0; i < table.length; i++) table[i] = (table[i] as number) * classes;
    this.table = table;
    const outputs: Array<number[] | undefined> = new Array(states * classes);
    trieOutputs.forEach((set, state) => {
      if (set.size > 0) outputs[state * classes] = [...set];
    });
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
    const { table, classOf, outputs } = this;
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
      const out = outputs[state];
      if (out !== undefined) {
        for (const rule of out) {
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
