import { describe, expect, it } from "@jest/globals";
import { encodePrefilter, KeywordPrefilter } from "../../src/core/detect/prefilter.js";

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
    // More hits than its buffers hold at first: they grow, and a later small text reads none of the old ones.
    const many = Array.from({ length: 3000 }, (_, i) => `akia ${i} pass`).join("\n");
    expect(prefilter.scan(many)).toHaveLength(6000);
    expect(prefilter.scan("x\nghp_ y").map((h) => [h.line, h.rule])).toEqual([[1, 0]]);
    // A rule already hit on line 0 of the previous text is still reported on line 0 of this one.
    expect(prefilter.scan("akia").map((h) => [h.line, h.rule])).toEqual([[0, 1]]);
    expect(prefilter.scan("akia").map((h) => [h.line, h.rule])).toEqual([[0, 1]]);
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
      // Not on a 4-byte boundary: copied, then read.
      const encoded = encodePrefilter(other);
      const shifted = new Uint8Array(encoded.length + 1);
      shifted.set(encoded, 1);
      expect(hitsOf(new KeywordPrefilter(other, shifted.subarray(1)))).toEqual(expected);
    });
  });
});
