/**
 * The rule index the hook's bundle holds (src/hook/rule-index.ts, built by scripts/build-hook.mjs): it
 * must place every built-in rule exactly, and the rules it picks for a text must find what every rule
 * finds in it.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Scanner, builtinRules, ruleMetas, type Rule } from "../../src/core/detect/index.js";
import { buildRuleIndex, rulesFor, type RuleIndex } from "../../src/hook/rule-index.js";
import { emailLine, githubToken, password, privateKey } from "../fixtures/hook/events.js";
import { fake } from "../../src/core/detect/fake.js";

const RULES_DIR = fileURLToPath(new URL("../../src/core/detect/rules/", import.meta.url));

/** Rule modules under rules/ as the bundle names them (`providers/github.js`), not rules/index.ts. */
function ruleFiles(prefix = ""): string[] {
  return readdirSync(RULES_DIR + prefix, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(`${prefix}${e.name}/`) : e.name.endsWith(".ts") && `${prefix}${e.name}` !== "index.ts" ? [`${prefix}${e.name.replace(/\.ts$/, ".js")}`] : [],
  );
}

let index: RuleIndex;
let modules: Record<string, { rules?: unknown }>;
beforeAll(async () => {
  modules = {};
  for (const file of ruleFiles()) modules[file] = (await import(`../../src/core/detect/rules/${file}`)) as { rules?: unknown };
  index = buildRuleIndex(builtinRules, ruleMetas(builtinRules).map((m) => m.id), modules);
});

/** The rules at these places of the index, from their modules, as the hook assembles them. */
function rulesAt(places: readonly number[]): Rule[] {
  return places.map((i) => {
    const [, file, position] = index.rules[i] as RuleIndex["rules"][number];
    const rule = (modules[index.files[file] as string]?.rules as Rule[])[position] as Rule;
    return index.overrides[i] ? { ...rule, ...index.overrides[i] } : rule;
  });
}

describe("the hook's rule index", () => {
  it("places every built-in rule, in order, as the module holds it (plus plain overrides)", () => {
    expect(index.rules.map(([id]) => id)).toEqual(builtinRules.map((r) => r.id));
    const assembled = rulesAt(index.rules.map((_, i) => i));
    assembled.forEach((rule, i) => expect(rule).toEqual(builtinRules[i]));
    // Shared functions and patterns are the module's own, not copies.
    assembled.forEach((rule, i) => {
      const builtin = builtinRules[i] as Rule;
      for (const key of Object.keys(builtin) as Array<keyof Rule>) if (typeof builtin[key] === "function") expect(rule[key]).toBe(builtin[key]);
    });
    expect(new Set([...index.rules.map(([id]) => id), ...index.reports])).toEqual(new Set(ruleMetas(builtinRules).map((m) => m.id)));
  });

  it("refuses a rule no module holds as it is", () => {
    const changed = { ...(builtinRules[0] as Rule), find: () => [] };
    expect(() => buildRuleIndex([changed], [changed.id], modules)).toThrow(changed.id);
  });

  it("picks rules that find in a text what every rule finds", () => {
    const texts = [
      `deploy with ${githubToken("index-test")} please`,
      `const password = "${password("index-test")}";\nconst url = "postgres://app:${password("index-url")}@db:5432/app";`,
      privateKey(),
      emailLine(),
      "Refactor the session store and add tests for the expiry logic.",
    ];
    const all = new Scanner(builtinRules);
    let found = 0;
    for (const text of texts) {
      const doc = { path: "src/app.ts", text };
      const picked = rulesFor(index, [text]);
      expect(picked.length).toBeLessThan(index.rules.length / 4);
      const expected = all.scan(doc).findings;
      expect(new Scanner(rulesAt(picked)).scan(doc).findings).toEqual(expected);
      if (expected.length > 0) found++;
    }
    expect(found).toBeGreaterThanOrEqual(4);
    expect(rulesFor(index, [`token ${githubToken("index-pick")}`]).map((i) => index.rules[i]?.[0])).toContain("github-pat-classic");
  });

  it("loads a rule keyed on a short word only for a text that also holds what the rule requires", () => {
    const id = (i: number): string | undefined => index.rules[i]?.[0];
    const npmLegacy = index.rules.findIndex(([ruleId]) => ruleId === "npm-legacy-auth-token");
    expect(index.requires[npmLegacy]).toBeDefined();
    // Keyed on "npm": not for `npm test`, which cannot hold its token.
    expect(rulesFor(index, ["npm test -- --runInBand"]).map(id)).not.toContain("npm-legacy-auth-token");
    const setting = `NPM_TOKEN=${fake.uuid("index-npm")}`;
    expect(rulesFor(index, ["npm publish", setting]).map(id)).toContain("npm-legacy-auth-token");
    const doc = { path: ".env", text: setting };
    const expected = new Scanner(builtinRules).scan(doc).findings;
    expect(expected.map((f) => f.rule)).toContain("npm-legacy-auth-token");
    expect(new Scanner(rulesAt(rulesFor(index, [setting]))).scan(doc).findings).toEqual(expected);
    // Only rules with a short keyword carry their patterns in the index (every event parses it).
    for (const i of Object.keys(index.requires).map(Number)) expect(index.rules[i]?.slice(3).some((k) => String(k).length < 4)).toBe(true);
  });

  it("picks exactly the rules one of whose keywords a text holds, case-folded", () => {
    const required = (i: number, texts: string[]): boolean => (index.requires[i] ?? []).every(([source, flags]) => texts.some((t) => new RegExp(source, flags).test(t)));
    const naive = (texts: string[]): number[] =>
      index.rules.flatMap(([, , , ...keywords], i) => (keywords.some((k) => texts.some((t) => t.toLowerCase().includes(k))) && required(i, texts) ? [i] : []));
    // Every keyword once, each in a text of its own, in upper case and cut one character short.
    const keywords = [...new Set(index.rules.flatMap(([, , , ...k]) => k))];
    const samples: string[][] = [
      ...keywords.map((k) => [`x ${k.toUpperCase()} y`]),
      ...keywords.filter((k) => k.length > 1).map((k) => [k.slice(0, -1), k.slice(1)]),
      [`${password("grams")} 42 İ \u212a ü`, "ENV NAME=value"],
      ["", "a", "ab"],
    ];
    let picked = 0;
    for (const texts of samples) {
      const expected = naive(texts);
      expect(rulesFor(index, texts)).toEqual(expected);
      picked += expected.length;
    }
    expect(picked).toBeGreaterThan(keywords.length);
  });
});
