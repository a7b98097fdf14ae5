/**
 * A window rule's required parts (`Rule.requires`: a fixed-length run of one class, or a name's literal
 * variants) are answered by the engine from the previous window's search: the windows it lets through
 * must be exactly those whose own text holds every required part, as runRule's own test says.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";

const WINDOW = 60;
/** Reports the keyword at the start of every window it is handed: a finding per window let through. */
const rule: Rule = {
  id: "test-window-runs",
  title: "Test window rule",
  provider: "test",
  category: "secret",
  severity: "high",
  keywords: ["acme"],
  window: WINDOW,
  requires: [/acme/i, /[A-Z0-9]{8}/],
  find: (text) => (text.startsWith("acme") ? [{ secret: "acme", index: 0 }] : []),
  examples: () => ({ truePositives: [], falsePositives: [] }),
};

/** The same with a name of variants of different lengths (`acme corp`, `acmecorp`, `acme-co`). */
const namedRule: Rule = { ...rule, id: "test-window-names", requires: [/acme[ _.-]?corp|acme-co/i, /[A-Z0-9]{8}/] };
const NAMES = ["acme corp", "ACMECORP", "acme-co", "acme-corp", "acme_cor", "acme.corp", "acme--corp"];

/**
 * Lines of lower-case filler, some starting with the keyword, some holding runs of 6 to 10 capitals and
 * digits, and with `names`, one of these names now and then.
 */
function randomText(seed: number, names = false): string {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  // `É` now and then: a character past ASCII, never a member of the run's class, breaks a run.
  const run = (n: number): string => Array.from({ length: n }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789É"[next(37)]).join("");
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    let line = next(3) === 0 ? "acme " : "x ";
    for (let words = next(6); words > 0; words--) line += next(4) === 0 ? `${run(6 + next(5))} ` : names && next(3) === 0 ? `${NAMES[next(NAMES.length)]} ` : "abc def ";
    lines.push(line);
  }
  return lines.join("\n");
}

/** The lines whose window, read on its own, passes runRule's test. */
function expectedLines(text: string, rule: Rule): number[] {
  const lines: number[] = [];
  let lineStart = 0;
  text.split("\n").forEach((line, i) => {
    const end = lineStart + line.length;
    const window = text.slice(lineStart, Math.max(end, Math.min(text.length, lineStart + WINDOW)));
    if (line.startsWith("acme") && runRule(rule, window).length > 0) lines.push(i + 1);
    lineStart = end + 1;
  });
  return lines;
}

describe("a window rule's required parts", () => {
  it("lets through exactly the windows that hold a run of the required length", () => {
    const scanner = new Scanner([rule]);
    let reported = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomText(seed);
      const found = scanner.scan({ path: "notes.txt", text }).findings.map((f) => f.line);
      expect(found).toEqual(expectedLines(text, rule));
      reported += found.length;
    }
    // The texts hold both kinds of window, so the comparison says something.
    expect(reported).toBeGreaterThan(100);
  });

  it("lets through exactly the windows that hold one of a name's variants and the run", () => {
    const scanner = new Scanner([namedRule]);
    let reported = 0;
    let withoutName = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, true);
      const found = scanner.scan({ path: "notes.txt", text }).findings.map((f) => f.line);
      expect(found).toEqual(expectedLines(text, namedRule));
      reported += found.length;
      withoutName += expectedLines(text, rule).length - found.length;
    }
    expect(reported).toBeGreaterThan(30);
    // Some windows hold the run but no name: the name part decides them.
    expect(withoutName).toBeGreaterThan(50);
  });
});
