/** Dummy words inside provider formats: a label the user chose beside a generated body is not a dummy. */
import { describe, expect, it } from "@jest/globals";
import { fake } from "../../src/core/detect/fake.js";
import { MARKS, MARK_WORDS, characterStats, classifyFormatValue, classifyPlaceholder } from "../../src/core/detect/placeholder.js";

describe("\"my key\" in a value", () => {
  it("is a placeholder when nothing generated follows", () => {
    expect(classifyPlaceholder("sk_pr_mykey_here").placeholder).toBe(true);
    expect(classifyPlaceholder("my-api-key").placeholder).toBe(true);
    expect(classifyPlaceholder(`the_token_${fake.lower(6, "ph-short")}`).placeholder).toBe(true);
  });

  it("is a key's label when a generated body of 32 or more characters stands beside it", () => {
    expect(classifyPlaceholder(`sk_pr_mykey_${fake.hex(40, "ph-body")}`).placeholder).toBe(false);
    expect(classifyPlaceholder(`sk_pr_mykey2_${fake.alnum(36, "ph-body2")}`).placeholder).toBe(false);
  });

  it("still marks a label beside a body with little variety", () => {
    expect(classifyPlaceholder(`sk_pr_mykey_${"ab12".repeat(10)}`).placeholder).toBe(true);
  });
});

describe("\"your ...\" in a value", () => {
  it("is a placeholder with dashes, underscores or zeros between the words", () => {
    for (const value of ["your-api-key-here", "YOUR_SECRET_TOKEN", "master-your0api0key0here0000", `account-your0key0${"0".repeat(8)}`]) {
      expect(classifyPlaceholder(value)).toEqual({ placeholder: true, reason: 'the value says "your ..."' });
    }
  });

  it("is not read into a generated body", () => {
    expect(classifyPlaceholder(`master-${fake.alnum(40, "ph-your-body")}`).placeholder).toBe(false);
  });
});

describe("counting and keyboard runs", () => {
  it("make a placeholder of a value typed from them", () => {
    for (const value of ["abc123xyz456", "Summer123456", "sk-abc123def456ghi789jkl012mno345pq", `duffel_test_abc123`, "qwerty-asdf-zxcv", "tfp_ABCDEfghijKLMNOPqrstuvWXYZ0123456789"]) {
      expect(classifyPlaceholder(value)).toEqual({ placeholder: true, reason: "the value is a keyboard or counting sequence" });
    }
  });

  it("leave a long generated body a secret when one short run sits in it", () => {
    const body = fake.base64url(120, "ph-run-body");
    expect(classifyPlaceholder(`${body.slice(0, 40)}abc123${body.slice(40)}`).placeholder).toBe(false);
    expect(classifyPlaceholder(`0.ABCDEFGHIJKLMNOPQRS_${fake.alnum(200, "ph-run-entra")}`).placeholder).toBe(false);
    expect(classifyPlaceholder(`sk_live_${fake.alnum(40, "ph-run-suffix")}qwerty`).placeholder).toBe(false);
  });

  it("still make a placeholder when the runs are most of a long value", () => {
    const typed = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(4);
    expect(classifyPlaceholder(`fm2_${fake.alnum(30, "ph-run-head")}${typed}`).placeholder).toBe(true);
  });
});

describe("a provider format's body written as one group over and over", () => {
  it("is a placeholder, with or without the format's prefix", () => {
    const group = fake.hexUpper(12, "ph-group");
    expect(classifyFormatValue(group.repeat(6).slice(0, 64))).toEqual({ placeholder: true, reason: "the value repeats a short sequence" });
    expect(classifyFormatValue(`sk_live_${fake.alnum(7, "ph-group-2").repeat(5)}`).placeholder).toBe(true);
  });

  it("leaves generated bodies, and a group written only twice, secrets", () => {
    for (const seed of ["ph-gen-1", "ph-gen-2", "ph-gen-3"]) expect(classifyFormatValue(fake.hexUpper(64, seed)).placeholder).toBe(false);
    const half = fake.alnum(12, "ph-twice");
    expect(classifyFormatValue(half + half).placeholder).toBe(false);
  });
});

describe("a provider format's body typed over (issue 11 item 5)", () => {
  // `a1b2c3…`: letters and digits counting up side by side, over the whole body.
  const interleaved = Array.from({ length: 16 }, (_, i) => `${"abcdef"[i % 6]}${(i + 1) % 10}`).join("");

  it("is a placeholder when the body counts up, interleaved", () => {
    expect(classifyFormatValue(`shpss_${interleaved}`)).toEqual({ placeholder: true, reason: "the value counts up or down (a1b2c3, abcdef, 98765)" });
    expect(classifyFormatValue(`shpat_${interleaved.toUpperCase()}`).placeholder).toBe(true);
  });

  it("is a placeholder when runs of one character are typed one after another", () => {
    const value = `${fake.alnum(22, "ph-ladder-1")}AAAABBBBCCCC${fake.alnum(30, "ph-ladder-2")}`;
    expect(classifyFormatValue(value).placeholder).toBe(true);
  });

  it("leaves generated bodies secrets, one padding run or a short count inside them", () => {
    for (const seed of ["ph-body-1", "ph-body-2", "ph-body-3", "ph-body-4"]) {
      expect(classifyFormatValue(`shpss_${fake.hex(32, seed)}`).placeholder).toBe(false);
      expect(classifyFormatValue(fake.alnum(64, seed)).placeholder).toBe(false);
    }
    expect(classifyFormatValue(`${fake.base64(30, "ph-pad")}AAAAAAAAAA${fake.base64(30, "ph-pad-2")}`).placeholder).toBe(false);
    expect(classifyFormatValue(`${fake.alnum(30, "ph-count")}a1b2c3${fake.alnum(30, "ph-count-2")}`).placeholder).toBe(false);
  });

  it("does not read counting into short or digit-only bodies, which count up now and then by chance", () => {
    const counted = Array.from({ length: 400 }, (_, i) => fake.digits(16, `ph-digits-${i}`)).filter((v) => classifyFormatValue(v).reason?.startsWith("the value counts"));
    expect(counted).toEqual([]);
  });
});

describe("a marker word a generated body spells by chance", () => {
  it("is not a stand-in in mixed case, and is one as people write it", () => {
    const body = fake.alnum(30, "ph-marker");
    expect(classifyPlaceholder(`${body.slice(0, 12)}fAkE${body.slice(12)}`).placeholder).toBe(false);
    expect(classifyPlaceholder(`${body.slice(0, 12)}9tBd7${body.slice(12)}`).placeholder).toBe(false);
    for (const word of ["fake", "FAKE", "Fake"]) expect(classifyPlaceholder(`${body.slice(0, 12)}${word}${body.slice(12)}`)).toEqual({ placeholder: true, reason: "the value names itself a stand-in" });
    expect(classifyPlaceholder(`${body.slice(0, 12)}fAkE${body.slice(12, 20)}FAKE${body.slice(20)}`).placeholder).toBe(true);
    expect(classifyPlaceholder(`DoNotUse${fake.alnum(8, "ph-phrase")}`).placeholder).toBe(true);
  });
});

describe("a word naming a secret, or a to-do marker, that a generated body spells by chance", () => {
  it("is not a stand-in inside letters and digits mixed as a generator mixes them", () => {
    const body = fake.lower(4, "ph-chance-a") + fake.digits(1, "ph-chance-b") + fake.lower(2, "ph-chance-c") + fake.digits(1, "ph-chance-d") + fake.lower(2, "ph-chance-e") + fake.digits(1, "ph-chance-f");
    expect(classifyPlaceholder(`${body}key`).placeholder).toBe(false);
    expect(classifyPlaceholder(`${body}7tbd3${fake.alnum(12, "ph-chance-g")}`).placeholder).toBe(false);
  });

  it("is one as people write it", () => {
    for (const value of ["token123", "1234token", "user2token", "api_key_2", "todo_1", "value-tbd"]) expect(classifyPlaceholder(value).placeholder).toBe(true);
  });
});

describe("the mark-word gate (characterStats' mayHoldMark)", () => {
  it("never rules out a value MARKS matches, and rules out most that it does not", () => {
    // Values built from mark words in random case (whole, cut short, glued to others), brackets, random
    // ASCII and characters past it: every place a word may start, and near misses of every word.
    const filler = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./+=*#<>[]{}: ";
    const beyond = ["é", "Ω", "ſ", "K", "😀", "•"];
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      return seed % n;
    };
    const randomCase = (word: string) => [...word].map((c) => (next(2) ? c.toUpperCase() : c)).join("");
    const piece = (): string => {
      const kind = next(10);
      const word = MARK_WORDS[next(MARK_WORDS.length)] as string;
      if (kind < 3) return randomCase(word);
      if (kind < 5) return randomCase(word.slice(0, 1 + next(word.length - 1)));
      if (kind === 5) return beyond[next(beyond.length)] as string;
      return Array.from({ length: 1 + next(6) }, () => filler[next(filler.length)]).join("");
    };
    let matched = 0;
    let ruledOut = 0;
    const missed: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const value = Array.from({ length: 1 + next(5) }, piece).join("");
      const marked = MARKS.test(value);
      const may = characterStats(value).mayHoldMark;
      if (marked) matched++;
      if (!may) ruledOut++;
      if (marked && !may) missed.push(value);
    }
    expect(missed).toEqual([]);
    // Both answers are given often.
    expect(matched).toBeGreaterThan(10_000);
    expect(ruledOut).toBeGreaterThan(5_000);
  });
});
