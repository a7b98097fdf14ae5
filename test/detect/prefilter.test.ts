import { describe, expect, it } from "@jest/globals";
import { builtinRules } from "../../src/core/detect/index.js";
import { encodePrefilter, KeywordPrefilter } from "../../src/core/detect/prefilter.js";

/**
 * The hits by a plain search, the specification scanFlat must meet: on each line (split at "\n" only),
 * every occurrence of every keyword with ASCII letters folded; a rule is reported once a line, at its
 * earliest keyword end; hits ending at the same offset list the rule with the longer keyword first,
 * then by rule index.
 */
function reference(keywordsPerRule: string[][], text: string): number[] {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hits: number[] = [];
  let lineStart = 0;
  text.split("\n").forEach((lineText, line) => {
    const folded = fold(lineText);
    const found: Array<[end: number, length: number, rule: number]> = [];
    keywordsPerRule.forEach((keywords, rule) => {
      for (const keyword of keywords.map(fold)) {
        if (keyword.length === 0) continue;
        for (let at = folded.indexOf(keyword); at >= 0; at = folded.indexOf(keyword, at + 1)) found.push([at + keyword.length, keyword.length, rule]);
      }
    });
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
    const seen = new Set<number>();
    for (const [end, , rule] of found) {
      if (seen.has(rule)) continue;
      seen.add(rule);
      hits.push(line, lineStart, lineStart + end, rule);
    }
    lineStart += lineText.length + 1;
  });
  return hits;
}

/** A small seeded generator (mulberry32), so that a failing text can be made again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text of keywords (whole, cut short, in upper case) among noise: ASCII, non-ASCII, CRLF and long lines. */
function textOf(keywords: string[], next: () => number, pieces: number): string {
  const noise = ["a", "x", " ", "=", "_", "-", "0", "é", "€", "\u{1F511}", "\u212A", "\r\n", "\n", "\t", "\"", "/"];
  const parts: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const keyword = keywords[Math.floor(next() * keywords.length)] as string;
    const roll = next();
    if (roll < 0.3) parts.push(keyword);
    else if (roll < 0.4) parts.push(keyword.toUpperCase());
    else if (roll < 0.55) parts.push(keyword.slice(0, 1 + Math.floor(next() * keyword.length)));
    else if (roll < 0.6) parts.push("y".repeat(Math.floor(next() * 5000)));
    else parts.push(noise[Math.floor(next() * noise.length)] as string);
  }
  return parts.join("");
}

describe("KeywordPrefilter", () => {
  const prefilter = new KeywordPrefilter([["ghp_", "gho_"], ["akia"], ["pass", "password"], ["-----begin"]]);

  it("reports each (line, rule) pair once, case-insensitively, with the line's start", () => {
    const text = "nothing here\nconst PASSWORD = 'x'; pass again\nAKIA and ghp_ and GHO_\n-----BEGIN x";
    const hits = prefilter.scan(text).map((h) => [h.line, h.rule, h.lineStart]);
    expect(hits).toEqual([
      [1, 2, 13],
      [2, 1, 46],
      [2, 0, 46],
      [3, 3, 69],
    ]);
  });

  it("finds overlapping keywords through failure links", () => {
    const p = new KeywordPrefilter([["abcd"], ["bc"], ["c"]]);
    expect(p.scan("xabcdx").map((h) => h.rule).sort()).toEqual([0, 1, 2]);
  });

  it("does not match across lines and ignores non-ASCII text", () => {
    expect(prefilter.scan("pa\nss")).toEqual([]);
    expect(prefilter.scan("é€ pässword ✓")).toEqual([]);
    expect(prefilter.scan("é€ password ✓").map((h) => h.rule)).toEqual([2]);
  });

  it("reports each text's own hits when one prefilter scans texts in turn", () => {
    // More hits than its memory has room for at first (16,384): the room grows and the text is read again,
    // and a later small text reads none of the old ones.
    const keywords = [["ghp_", "gho_"], ["akia"], ["pass", "password"], ["-----begin"]];
    const many = Array.from({ length: 10_000 }, (_, i) => `akia ${i} pass`).join("\n");
    expect([...prefilter.scanFlat(many)]).toEqual(reference(keywords, many));
    expect(prefilter.scan(many)).toHaveLength(20_000);
    // A text larger than the memory at first (its code units are copied there): the memory grows.
    const large = `${"x".repeat(3_000_000)} password\n€ akia`;
    expect(prefilter.scan(large).map((h) => [h.line, h.rule, h.at])).toEqual([
      [0, 2, 3_000_005],
      [1, 1, 3_000_016],
    ]);
    expect(prefilter.scan("x\nghp_ y").map((h) => [h.line, h.rule])).toEqual([[1, 0]]);
    // A rule already hit on line 0 of the previous text is still reported on line 0 of this one.
    expect(prefilter.scan("akia").map((h) => [h.line, h.rule])).toEqual([[0, 1]]);
    expect(prefilter.scan("akia").map((h) => [h.line, h.rule])).toEqual([[0, 1]]);
  });

  it("finds what a plain search finds, on random texts", () => {
    const next = random(13);
    const sets: string[][][] = [
      [["abcd"], ["bc"], ["c"], ["abc", "d"], ["bcd", "abcd"]],
      [["pass", "password"], ["word"], ["ass"], ["s"], ["sword", "pas"], ["pass"]],
      [["aa"], ["aaa"], ["a"], ["aab", "ba"], ["key_"], ["-----begin"], ["0|"], ["x=="]],
      builtinRules.map((rule) => [...rule.keywords]),
    ];
    for (const keywordsPerRule of sets) {
      const all = keywordsPerRule.flat();
      const built = new KeywordPrefilter(keywordsPerRule);
      const prebuilt = new KeywordPrefilter(keywordsPerRule, encodePrefilter(keywordsPerRule));
      for (let round = 0; round < 40; round++) {
        const text = textOf(all, next, 1 + Math.floor(next() * 300));
        const expected = reference(keywordsPerRule, text);
        expect([...built.scanFlat(text)]).toEqual(expected);
        expect([...prebuilt.scanFlat(text)]).toEqual(expected);
      }
    }
  });

  it("says why it cannot run where Node.js has no WebAssembly (node --jitless), and does not scan", () => {
    const global = globalThis as { WebAssembly?: unknown };
    const saved = global.WebAssembly;
    delete global.WebAssembly;
    try {
      expect(() => new KeywordPrefilter([["akia"]])).toThrow(/needs WebAssembly.*--jitless/);
    } finally {
      global.WebAssembly = saved;
    }
    expect(new KeywordPrefilter([["akia"]]).scan("AKIA")).toHaveLength(1);
  });

  it("refuses non-ASCII keywords", () => {
    expect(() => new KeywordPrefilter([["passé"]])).toThrow(/ASCII/);
  });

  describe("built ahead (encodePrefilter)", () => {
    const keywords = [["ghp_", "gho_"], ["akia"], ["pass", "password"], ["-----begin"]];
    const text = "nothing here\nconst PASSWORD = 'x'; pass again\nAKIA and ghp_ and GHO_\n-----BEGIN x\nbc abcd c";
    const hitsOf = (p: KeywordPrefilter) => p.scan(text).map((h) => [h.line, h.rule, h.at]);

    it("finds what the automaton built at start finds", () => {
      expect(hitsOf(new KeywordPrefilter(keywords, encodePrefilter(keywords)))).toEqual(hitsOf(new KeywordPrefilter(keywords)));
      // Keyword case does not matter: both sides fold it.
      expect(hitsOf(new KeywordPrefilter([["GHP_", "gho_"], ["AKIA"], ["pass", "Password"], ["-----begin"]], encodePrefilter(keywords)))).toEqual(hitsOf(prefilter));
    });

    it("is read from the bytes given, in place", () => {
      const bytes = encodePrefilter(keywords);
      // Every transition zeroed (the table follows the 20-byte header and the 128 ASCII classes): nothing is found.
      const states = new Int32Array(bytes.buffer, 0, 5)[2] as number;
      const classes = new Int32Array(bytes.buffer, 0, 5)[1] as number;
      bytes.fill(0, 148, 148 + 4 * states * classes);
      expect(new KeywordPrefilter(keywords, bytes).scan(text)).toEqual([]);
    });

    it("is built anew for other keywords, and for bytes that are not an automaton", () => {
      const other = [["abcd"], ["bc"], ["c"]];
      const expected = hitsOf(new KeywordPrefilter(other));
      expect(expected.length).toBeGreaterThan(0);
      expect(hitsOf(new KeywordPrefilter(other, encodePrefilter(keywords)))).toEqual(expected);
      expect(hitsOf(new KeywordPrefilter(other, encodePrefilter(other).subarray(0, 200)))).toEqual(expected);
      expect(hitsOf(new KeywordPrefilter(other, new Uint8Array(1000)))).toEqual(expected);
      // Another format's word (an older build's file), with its transitions zeroed: not read, so hits are still found.
      const stale = encodePrefilter(other);
      const [, classes = 0, states = 0] = new Int32Array(stale.buffer, 0, 5);
      stale.fill(0, 148, 148 + 4 * states * classes);
      expect(hitsOf(new KeywordPrefilter(other, stale))).toEqual([]);
      new Int32Array(stale.buffer, 0, 1)[0] = 0x43470001;
      expect(hitsOf(new KeywordPrefilter(other, stale))).toEqual(expected);
      // Not on a 4-byte boundary: copied, then read.
      const encoded = encodePrefilter(other);
      const shifted = new Uint8Array(encoded.length + 1);
      shifted.set(encoded, 1);
      expect(hitsOf(new KeywordPrefilter(other, shifted.subarray(1)))).toEqual(expected);
    });
  });
});
