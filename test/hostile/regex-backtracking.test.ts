/**
 * Probe: custom rules that backtrack without end. The safety check refuses each probe and its family;
 * every built-in rule passes the same check; a custom pattern runs on bounded windows, so even an
 * accepted pattern's cost over a long line is linear, fixed before it runs.
 */
import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../src/core/config/config.js";
import { compileCustomRules, CUSTOM_REPEAT_LIMIT } from "../../src/core/detect/custom-rules.js";
import { fake } from "../../src/core/detect/fake.js";
import { FILE_BACKSTOP_MS, fileBackstop } from "../../src/core/detect/engine.js";
import { builtinRules, Scanner } from "../../src/core/detect/index.js";
import { prepareScan } from "../../src/core/setup.js";
import { scanFileBatch } from "../../src/cli/file-scan.js";
import { boundRepetitions, checkRegexSafety } from "../../src/core/safe-regex.js";

const PROBES = ["(a{1,30}){1,30}$", "(?:aa|a){2,100}$", "[a ]*a[a ]*a[a ]*a[a ]*z", "\\d+\\.?\\d+\\.?\\d+\\.?\\d+x"];

/** Each probe's family: the same shape with other characters, counts and spellings. */
const FAMILY: Array<[string, RegExp]> = [
  ["(a{1,30}){1,30}$", /nested quantifiers/],
  ["(?:\\w{2,20}){5,40}!", /nested quantifiers/],
  ["(x{0,9}y?){3,50}z", /nested quantifiers/],
  ["((?:ab){1,8}){2,30}c", /nested quantifiers/],
  ["(?:aa|a){2,100}$", /overlapping alternatives/],
  ["(?:a|ab){20}c", /overlapping alternatives/],
  ["(\\d|[0-5]){12,}x", /overlapping alternatives/],
  ["[a ]*a[a ]*a[a ]*a[a ]*z", /adjacent repetitions/],
  ["\\d+\\.?\\d+\\.?\\d+\\.?\\d+x", /adjacent repetitions/],
  ["\\w+_?\\w+=", /adjacent repetitions/],
  ["[a-z]*(?:\\.?[a-z]+)@", /adjacent repetitions/],
  ["\\s*,\\s*\\s+end", /adjacent repetitions/],
  ["x.*y?.*z", /adjacent repetitions/],
];

/** Shapes near the refused ones that stay accepted: delimited runs and small bounded products. */
const ACCEPTED = ["(\\d{1,3}\\.){3}\\d{1,3}", "(?:[a-z0-9-]{1,63}\\.){1,10}example\\.com", "(?:ab|cd){1,50}", "\\d+\\.\\d+\\.\\d+", "[a-z]+@[a-z]+\\.com", "(?:a|ab){2}c"];

describe("the regex safety check", () => {
  it.each(FAMILY)("refuses %s", (source, reason) => {
    const result = checkRegexSafety(source);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it.each(ACCEPTED)("accepts %s", (source) => {
    expect(checkRegexSafety(source)).toEqual({ ok: true });
  });

  it("refuses each probe as a custom rule in the config, naming the rule and line", () => {
    for (const regex of PROBES) {
      const text = `rules:\n  - id: acme-probe\n    regex: '${regex}'\n    keywords: [acme]\n`;
      const { config, errors } = parseConfig(text, ".github/claude-guard.yml");
      expect(errors).toEqual([expect.objectContaining({ key: "rules[0].regex", line: 3, message: expect.stringMatching(/^regex refused: /) })]);
      expect(config.rules).toEqual([]);
      expect(compileCustomRules([{ id: "acme-probe", regex, keywords: ["acme"], category: "secret", severity: "high" }], new Set()).rules).toEqual([]);
    }
  });

  it("passes every built-in rule's regex", () => {
    const refused = builtinRules
      .flatMap((rule) => [rule.regex, rule.nearbyRegex].filter((re) => re !== undefined).map((re) => ({ id: rule.id, result: checkRegexSafety(re.source, re.flags.replace(/[gyd]/g, "")) })))
      .filter(({ result }) => !result.ok);
    expect(refused).toEqual([]);
    expect(builtinRules.filter((rule) => rule.regex).length).toBeGreaterThan(100);
  });
});

describe("bounded cost of accepted custom patterns", () => {
  const rule = (regex: string) => compileCustomRules([{ id: "acme-probe", regex, keywords: ["acme"], category: "secret", severity: "high" }], new Set()).rules[0]!;

  it("an accepted pattern over a 200,000-character line takes well under a second", () => {
    for (const [regex, filler] of [
      ["[a-z]+@[a-z]+\\.com", "a"],
      ["acme_\\w+\\.\\d+;", "acme_"],
      ["\\d+\\.\\d+\\.\\d+x", "1.1"],
    ] as const) {
      const text = `acme ${filler.repeat(200_000 / filler.length)}`;
      const start = performance.now();
      expect(new Scanner([rule(regex)]).scan({ path: "big.txt", text }).findings).toEqual([]);
      expect(performance.now() - start).toBeLessThan(1000);
    }
  });

  it("unbounded repetitions are bounded statically, and a token still matches whole", () => {
    expect(boundRepetitions("[a-z]+@(?:x|y)*?\\.com\\d{2,}", "", 256)).toBe("[a-z]{1,257}@(?:x|y){0,256}?\\.com\\d{2,258}");
    expect(rule("acme_[A-Za-z0-9]+").regex!.source).toBe(`acme_[A-Za-z0-9]{1,${CUSTOM_REPEAT_LIMIT + 1}}`);
    const token = `acme_${fake.alnum(64, "bounded")}`;
    const findings = new Scanner([rule("acme_[A-Za-z0-9]+")]).scan({ path: "a.env", text: `KEY=${token}\n` }).findings;
    expect(findings).toEqual([expect.objectContaining({ rule: "acme-probe", line: 1, column: 5 })]);
  });
});

describe("the per-file wall-clock backstop", () => {
  it("stops a scan that outlasts it, says the result is incomplete, and keeps the findings made before", () => {
    const token = `acme_${fake.alnum(32, "backstop")}`;
    const text = `k = ${token}\n` + "acme acme\n".repeat(5000);
    const [rule] = compileCustomRules([{ id: "acme-key", regex: "acme_[A-Za-z0-9]{32}", keywords: ["acme"], category: "secret", severity: "high" }], new Set()).rules;
    let calls = 0;
    const result = new Scanner([rule!]).scan({ path: "a.env", text }, { expired: () => ++calls > 1 });
    expect(result.incomplete).toBe("timeout");
    expect(result.findings.map((f) => f.line)).toEqual([1]);
    // Unhurried, the same scan completes: the backstop only fires on what the static bounds missed.
    expect(new Scanner([rule!]).scan({ path: "a.env", text }, fileBackstop()).incomplete).toBeUndefined();
    expect(FILE_BACKSTOP_MS).toBeGreaterThanOrEqual(10_000);
  });

  it("a file the backstop stopped is listed as skipped with reason timeout, never silently", () => {
    const dir = mkdtempSync(join(tmpdir(), "cg-backstop-"));
    try {
      writeFileSync(join(dir, "a.txt"), "hello\n");
      const setup = prepareScan({});
      const slow = { ...setup, scanner: { scan: () => ({ findings: [], suppressed: 0, incomplete: "timeout" as const }) } } as unknown as typeof setup;
      const result = scanFileBatch(slow, [{ absolute: join(dir, "a.txt"), path: "a.txt", size: 6 }]);
      expect(result.skipped).toEqual([{ path: "a.txt", reason: "timeout", detail: expect.stringMatching(/^not fully scanned/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
