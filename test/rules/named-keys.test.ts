/**
 * The `anySetting` entries of the keyed form (named-keys.ts): the whole engine reports each example as
 * its rule's secret; the provider's name anchors the value at a word or camelCase start.
 */
import { describe, expect, it } from "@jest/globals";
import { rules } from "../../src/core/detect/rules/providers/named-keys.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { fake } from "../../src/core/detect/fake.js";
import { checkRegexSafety } from "../../src/core/safe-regex.js";

/** The fake value a rule's examples embed: the secret its first true positive expects. */
function sampleOf(rule: Rule): string {
  const first = rule.examples().truePositives[0];
  if (first === undefined || typeof first === "string") throw new Error(`${rule.id}: no [line, secret] true positive`);
  return first[1];
}

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function secretsIn(id: string, text: string): string[] {
  return runRule(byId(id), text).map((m) => m.secret);
}

describe("named provider keys: contract", () => {
  it("has unique kebab-case ids, lower-case keywords, docs, remediation and the rank below prefixed formats", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(rule.category).toBe("secret");
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      expect(checkRegexSafety(rule.regex?.source ?? "", rule.regex?.flags)).toEqual({ ok: true });
      expect(rule.docs).toMatch(/^https:\/\//);
      expect(rule.remediation?.length ?? 0).toBeGreaterThan(20);
      expect(rule.priority).toBe(1.5);
    }
  });
});

describe.each(rules.map((r) => [r.id, r] as const))("%s", (id, rule) => {
  const { truePositives: declared, falsePositives } = rule.examples();
    const truePositives = declared.map(([line]) => line);

  it.each(truePositives)("reports the credential in: %s", (line) => {
    expect(rule.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
    expect(runRule(rule, line).map((m) => m.secret)).toEqual([sampleOf(rule)]);
  });

  it.each(falsePositives)("reports nothing in: %s", (line) => {
    expect(runRule(rule, line)).toEqual([]);
  });
});

describe("the provider's name anchors the value", () => {
  const key = fake.hex(40, "meraki-edge");

  it("reads the name in a camelCase part, not inside another word", () => {
    expect(secretsIn("meraki-api-key", `merakiApiKey: "${key}"`)).toEqual([key]);
    expect(secretsIn("meraki-api-key", `imagePullMerakiKey="${key}"`)).toEqual([key]);
    expect(secretsIn("meraki-api-key", `ReactNativeCameraKit: ${key}`)).toEqual([]);
    expect(secretsIn("etsy-api-key", `SetSysctl = "${fake.lowerDigits(24, "etsy-edge")}"`)).toEqual([]);
  });

  it("reads the name in any letter case, identifiers' settings included", () => {
    expect(secretsIn("linkedin-client-id", `LinkedInClientId = "${fake.lowerDigits(14, "li-edge")}"`)).toEqual([fake.lowerDigits(14, "li-edge")]);
    expect(secretsIn("jfrog-identity-token", `JFrogToken: ${fake.alnum(64, "jf-edge")}`)).toEqual([fake.alnum(64, "jf-edge")]);
  });

  it("wants a digit in the value and no call's parenthesis before it", () => {
    expect(secretsIn("linkedin-client-id", `LinkedIn authentication`)).toEqual([]);
    expect(secretsIn("linkedin-client-secret", `class LinkedInTests(Mixin1234567890ab)`)).toEqual([]);
  });

  it("takes the value from Makefile, PHP, Go-typed and XML-element assignments", () => {
    const value = fake.uuid("kucoin-edge");
    for (const text of [
      `KUCOIN_SECRET ::= "${value}"`,
      `KUCOIN_SECRET ?= "${value}"`,
      `$kucoinSecret .= "${value}"`,
      `var kucoinSecret string = "${value}"`,
      `<kucoinSecret>\n    ${value}\n</kucoinSecret>`,
    ]) {
      expect(secretsIn("kucoin-api-secret", text)).toEqual([value]);
    }
  });
});
