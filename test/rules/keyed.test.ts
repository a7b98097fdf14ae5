/**
 * The keyed table form: every generated rule keeps the contract of all-rules.test.ts (through the whole
 * engine) and the stricter one of the SaaS suites (each true positive yields exactly its generated
 * value, as a secret, not a placeholder), its regex passes the safety check users' rules go through,
 * and its keywords are distinctive.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { fake } from "../../src/core/detect/fake.js";
import { classifyPlaceholder } from "../../src/core/detect/placeholder.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { JWT_LIKE, keyed, keyedRegex, type KeyedEntry } from "../../src/core/detect/rules/providers/keyed.js";
import { rules as keyedAM } from "../../src/core/detect/rules/providers/keyed-a-m.js";
import { rules as keyedNZ } from "../../src/core/detect/rules/providers/keyed-n-z.js";
import { rules as keyedMore } from "../../src/core/detect/rules/providers/keyed-more.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { checkRegexSafety } from "../../src/core/safe-regex.js";

/** The fake value a rule's examples embed: the secret its first true positive expects. */
function sampleOf(rule: Rule): string {
  const first = rule.examples().truePositives[0];
  if (first === undefined || typeof first === "string") throw new Error(`${rule.id}: no [line, secret] true positive`);
  return first[1];
}

const tables: readonly Rule[] = [...keyedAM, ...keyedNZ, ...keyedMore];
const scanner = new Scanner(builtinRules);
const otherProviderIds = new Set(builtinRules.filter((r) => !tables.includes(r)).map((r) => r.id));

describe("the keyed tables", () => {
  it("are part of the built-in rules, with ids no other rule uses", () => {
    for (const rule of tables) expect(builtinRules).toContain(rule);
    const ids = tables.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(otherProviderIds.has(id)).toBe(false);
  });

  it("never use a credential word or a short name alone as a keyword", () => {
    for (const rule of tables) {
      for (const k of rule.keywords) {
        expect(k).toBe(k.toLowerCase());
        expect(["key", "token", "secret", "api", "apikey", "password", "auth", "id", "client"]).not.toContain(k);
        expect(k.length).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe("the keyed form", () => {
  const entry: KeyedEntry = { id: "acme-widgets-api-key", provider: "Acme", names: ["acme"], value: { alphabet: "hex", length: 32 }, docs: "https://acme.example" };
  const [rule] = keyed([entry]) as [Rule];
  const value = sampleOf(rule);

  it("needs the provider's name in the setting, or just above a credential setting", () => {
    expect(runRule(rule, `ACME_API_KEY=${value}`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(rule, `acme:\n  token: "${value}"`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(rule, `Acme token - '${value}'`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(rule, `# acme\n\nAPI_KEY=${value}`)).toEqual([]);
    expect(runRule(rule, `acme:\n  build: "${value}"`)).toEqual([]);
    expect(runRule(rule, `key = "${value}"  # see the acme docs`)).toEqual([]);
  });

  it("reads a quoted value padded with one space inside its quotes, not a value cut by more", () => {
    expect(runRule(rule, `acme token = ' ${value} '`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(rule, `ACME_KEY=" ${value}"`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(rule, `acme token = '  ${value}'`)).toEqual([]);
    expect(runRule(rule, `acme token = ' ${value}x'`)).toEqual([]);
  });

  it("finds a value in a credential position of the block a line naming the provider opens", () => {
    const found = (text: string): string[] => runRule(rule, text).map((m) => m.secret);
    expect(found(`acme:\n  url: https://acme.example\n  region: eu\n  secret_key: ${value}`)).toEqual([value]);
    expect(found(`[acme]\nregion = eu\npassword = ${value}`)).toEqual([value]);
    expect(found(`  <id>acme-prod</id>\n  <description>deploys</description>\n  <secret>${value}</secret>`)).toEqual([value]);
    // A secret element's text may carry a label before the value.
    expect(found(`  <id>acme</id>\n  <secret>{acme ${value}}</secret>`)).toEqual([value]);
    expect(found(`[INFO] calling the Acme API\n[DEBUG] using Key=${value}`)).toEqual([value]);
    // A prose line or a blank line ends the block; so do more than three lines between.
    expect(found(`[INFO] Acme client ready\n[INFO] sending the request\n[DEBUG] using Key=${value}`)).toEqual([]);
    expect(found(`acme:\n\n  secret_key: ${value}`)).toEqual([]);
    expect(found(`acme:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  secret_key: ${value}`)).toEqual([]);
    // The name is a whole word, and the position a credential's, not an identifier's.
    expect(found(`acmetrics:\n  secret_key: ${value}`)).toEqual([]);
    expect(found(`acme:\n  key_id: ${value}`)).toEqual([]);
    // A common-word name does not open such a block.
    const [strict] = keyed([{ ...entry, id: "acme-strict-context-key", credentialWord: true }]) as [Rule];
    expect(runRule(strict, `acme:\n  url: https://acme.example\n  secret_key: ${value}`)).toEqual([]);
  });

  it("does not report identifiers, or values of the wrong length", () => {
    expect(runRule(rule, `ACME_PROJECT_ID=${value}`)).toEqual([]);
    expect(runRule(rule, `ACME_ACCOUNT_NAME=${value}`)).toEqual([]);
    expect(runRule(rule, `ACME_API_KEY=${value}0`)).toEqual([]);
    expect(runRule(rule, `ACME_API_KEY=${value.slice(1)}`)).toEqual([]);
    expect(runRule(rule, `xacme_key=${value}`)).toEqual([]);
    // Its characters, `?` and more of them: the value runs on.
    expect(runRule(rule, `acme token - '${value}?${value.slice(0, 16)}'`)).toEqual([]);
    expect(runRule(rule, `ACME_API_KEY=${value}?`).map((m) => m.secret)).toEqual([value]);
  });

  it("takes a token signed with RSA only with a modulus's signature length", () => {
    const [jwtLike] = keyed([{ ...entry, id: "acme-jwt-token", value: { alphabet: "alnum", extra: "-_.", pattern: JWT_LIKE } }]) as [Rule];
    const header = Buffer.from(JSON.stringify({ typ: "JWT", alg: "RS256" })).toString("base64url");
    const token = (signatureLength: number) => `${header}.${fake.base64url(300, "acme-rs-payload")}.${fake.base64url(signatureLength, "acme-rs-sig")}`;
    expect(runRule(jwtLike, `ACME_TOKEN=${token(342)}`).map((m) => m.secret)).toEqual([token(342)]);
    expect(runRule(jwtLike, `ACME_TOKEN=${token(512)}`).map((m) => m.secret)).toEqual([token(512)]);
    expect(runRule(jwtLike, `ACME_TOKEN=${token(256)}`)).toEqual([]);
  });

  it("takes a long body of both cases without digits, not a one-case word or a short one", () => {
    const [mixed] = keyed([{ ...entry, value: { alphabet: "alnum", length: 24 } }]) as [Rule];
    const letters = fake.lower(12, "acme-mix-l").split("").map((c, i) => (i % 3 === 0 ? c.toUpperCase() : c)).join("") + fake.upper(6, "acme-mix-u") + fake.lower(6, "acme-mix-t");
    expect(/[0-9]/.test(letters)).toBe(false);
    expect(runRule(mixed, `ACME_API_KEY=${letters}`).map((m) => m.secret)).toEqual([letters]);
    expect(runRule(mixed, `ACME_API_KEY=${letters.toLowerCase()}`)).toEqual([]);
    const [short] = keyed([{ ...entry, value: { alphabet: "alnum", length: 16 } }]) as [Rule];
    expect(runRule(short, `ACME_API_KEY=${letters.slice(0, 16)}`)).toEqual([]);
  });

  it("matches a name with or without its separators", () => {
    const both = keyedRegex({ ...entry, names: ["acmewidgets", "acme-widgets"] });
    for (const name of ["ACMEWIDGETS_KEY", "acme_widgets_key", "acme-widgets-key", "acmeWidgetsKey"]) expect(both.test(`${name}=${value}`)).toBe(true);
  });

  it("finds the name inside camelCase identifiers, word by word as the provider spells it", () => {
    expect(runRule(rule, `const myAcmeKey = "${value}";`).map((m) => m.secret)).toEqual([value]);
    const [twoWords] = keyed([{ ...entry, id: "acme-widgets-key", provider: "AcmeWidgets", names: ["acmewidgets"] }]) as [Rule];
    expect(twoWords.keywords).toEqual(["widgets"]);
    for (const name of ["acmeWidgetsKey", "ACME_WIDGETS_KEY", "acmewidgets_key", "acme-widgets-key"]) {
      expect({ name, found: runRule(twoWords, `${name} = "${value}"`).map((m) => m.secret) }).toEqual({ name, found: [value] });
    }
    // A word common in code (`image`) is no keyword: the name's other word is, and every match holds it.
    const [commonWord] = keyed([{ ...entry, id: "image-acme-key", provider: "ImageAcme", names: ["imageacme"] }]) as [Rule];
    expect(commonWord.keywords).toEqual(["acme"]);
    for (const name of ["imageAcmeKey", "IMAGE_ACME_KEY", "imageacme_key", "image-acme-key"]) {
      expect({ name, found: runRule(commonWord, `${name} = "${value}"`).map((m) => m.secret) }).toEqual({ name, found: [value] });
      expect(commonWord.keywords.some((k) => name.toLowerCase().includes(k))).toBe(true);
    }
    // A name kept whole (a short part) is still read in the provider's own camelCase.
    const [whole] = keyed([{ ...entry, id: "be-acme-key", provider: "BeAcme", names: ["beacme"] }]) as [Rule];
    expect(whole.keywords).toEqual(["beacme"]);
    for (const name of ["beAcmeToken", "BeAcmeToken", "BEACME_TOKEN", "beacme_token"]) {
      expect({ name, found: runRule(whole, `${name} := "${value}"`).map((m) => m.secret) }).toEqual({ name, found: [value] });
    }
    expect(runRule(whole, `beAcMeToken := "${value}"`)).toEqual([]);
  });

  it("keys a name made of common words on its least common one, and a name another name's keyword covers on none", () => {
    const [bothCommon] = keyed([{ ...entry, id: "currency-cloud-key", provider: "CurrencyCloud", names: ["currencycloud"] }]) as [Rule];
    expect(bothCommon.keywords).toEqual(["currency"]);
    const [oneSignal] = keyed([{ ...entry, id: "one-signal-key", provider: "OneSignal", names: ["onesignal"] }]) as [Rule];
    expect(oneSignal.keywords).toEqual(["signal"]);
    // `acme widgets` holds `acme`, the keyword of the name `acme`: lines holding `widgets` alone are not read.
    const [covered] = keyed([{ ...entry, id: "acme-widgets-key", provider: "AcmeWidgets", names: ["acme widgets", "acme"] }]) as [Rule];
    expect(covered.keywords).toEqual(["acme"]);
    for (const name of ["ACME_WIDGETS_KEY", "acmeWidgetsKey", "ACME_KEY"]) {
      expect({ name, found: runRule(covered, `${name} = "${value}"`).map((m) => m.secret) }).toEqual({ name, found: [value] });
    }
  });

  it("have, for every name of every row, a keyword each of the name's spellings holds", () => {
    for (const rule of tables) {
      // A row matched by its value's prefix alone (no window) has no names to hold.
      const names = rule.window ? rule.requires?.[0] : undefined;
      if (!names) continue;
      for (const spelled of names.source.split("|")) {
        for (const separator of ["", "_", " ", ".", "-"]) {
          const name = spelled.replaceAll("[ _.-]?", separator).replace(/\\(.)/g, "$1").toLowerCase();
          expect({ id: rule.id, name, holds: rule.keywords.some((k) => name.includes(k.toLowerCase())) }).toEqual({ id: rule.id, name, holds: true });
        }
      }
    }
  });

  it("asks for a credential word next to a common-word name or a weak shape", () => {
    const [strict] = keyed([{ ...entry, id: "acme-strict-key", credentialWord: true }]) as [Rule];
    expect(runRule(strict, `ACME=${value}`)).toEqual([]);
    expect(runRule(strict, `# acme\nAPI_KEY=${value}`)).toEqual([]);
    expect(runRule(strict, `ACME_TOKEN=${value}`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(strict, `acmeio token: ${value}`).map((m) => m.secret)).toEqual([value]);
    // The provider's name as a label of a URL's host, the value in its query's key.
    expect(runRule(strict, `fetch("https://api.acme.io/v2/items?key=${value}")`).map((m) => m.secret)).toEqual([value]);
    expect(runRule(strict, `fetch("https://example.com/acme/items?key=${value}")`)).toEqual([]);
    expect(runRule(strict, `fetch("https://api.acme.io/v2/items?id=${value}")`)).toEqual([]);
    const uuid = { ...entry, id: "acme-uuid-key", value: { alphabet: "hexAny", groups: [8, 4, 4, 4, 12] } } as const;
    expect(keyedRegex(uuid).test(`ACME=0f0e0d0c-1111-4222-a333-444455556666`)).toBe(false);
    expect(keyedRegex(uuid).test(`ACME_SECRET=0f0e0d0c-1111-4222-a333-444455556666`)).toBe(true);
  });

  it("takes a common-word name from a credential store's XML block, not from a log line", () => {
    const [strict] = keyed([{ ...entry, id: "acme-strict-key", credentialWord: true }]) as [Rule];
    const found = (text: string) => runRule(strict, text).map((m) => m.secret);
    expect(found(`<id>{acme}</id>\n<scope>GLOBAL</scope>\n<secret>{AQAAABAAA ${value}}</secret>`)).toEqual([value]);
    expect(found(`<secret>{acme AQAAABAAA ${value}}</secret>`)).toEqual([value]);
    expect(found(`[INFO] calling the acme API\n[DEBUG] using Key=${value}`)).toEqual([]);
    expect(found(`<id>acme</id>\n<secret_id>${value}</secret_id>`)).toEqual([]);
    expect(found(`<id>acme</id>\n<a>1</a>\n<b>2</b>\n<c>3</c>\n<d>4</d>\n<secret>${value}</secret>`)).toEqual([]);
  });

  it("matches a distinctive prefix alone", () => {
    const [prefixed] = keyed([{ ...entry, id: "acme-prefixed-key", value: { prefix: "acme_", alphabet: "alnum", length: 24, standalone: true } }]) as [Rule];
    const token = sampleOf(prefixed);
    expect(runRule(prefixed, `x = call("${token}")`).map((m) => m.secret)).toEqual([token]);
    expect(runRule(prefixed, `x = call("x${token}")`)).toEqual([]);
  });
});

describe.each(tables.map((rule) => [rule.id, rule] as const))("%s", (_id, rule) => {
  const examples = rule.examples();
  const value = sampleOf(rule);

  it("has a bounded regex the safety check accepts, and its metadata", () => {
    const source = rule.regex?.source ?? "";
    expect(checkRegexSafety(source, rule.regex?.flags)).toEqual({ ok: true });
    if (rule.nearbyRegex) expect(checkRegexSafety(rule.nearbyRegex.source, rule.nearbyRegex.flags)).toEqual({ ok: true });
    expect(source).toContain("(?<secret>");
    expect(source).not.toMatch(/(?<!\\)[+*]/);
    expect(rule.docs).toMatch(/^https:\/\//);
    expect(rule.remediation?.length ?? 0).toBeGreaterThan(20);
    expect(classifyPlaceholder(value)).toEqual({ placeholder: false });
  });

  it("finds its value, as a secret, in every syntax of the matrix", () => {
    expect(examples.truePositives.length).toBeGreaterThanOrEqual(3);
    for (const line of examples.truePositives.map(([line]) => line)) {
      expect(rule.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
      expect({ line, found: runRule(rule, line).map((m) => m.secret) }).toEqual({ line, found: [value] });
      const findings = scanner.scan({ path: "config.env", text: line }).findings;
      expect({ line, rules: findings.filter((f) => f.category === "secret").map((f) => f.rule) }).toEqual({ line, rules: [rule.id] });
      expect(JSON.stringify(findings)).not.toContain(value);
    }
  });

  it("reports nothing on its false positives", () => {
    expect(examples.falsePositives.length).toBeGreaterThanOrEqual(3);
    for (const line of examples.falsePositives) expect({ line, found: runRule(rule, line) }).toEqual({ line, found: [] });
  });
});

describe("a provider's prefix before a dummy body (issue 11 item 5)", () => {
  const [rule] = keyed([{ id: "acmeco-api-key", provider: "AcmeCo", names: ["acmeco"], value: { prefix: "acm_", alphabet: "alnum", length: 32, standalone: true }, docs: "https://example.com/docs" }]);
  const scan = (line: string) => new Scanner([rule!]).scan({ path: "app.env", text: line + "\n" }).findings.map((f) => [f.rule, f.category]);

  it("is reported as the provider's placeholder, never dropped", () => {
    for (const body of ["1".repeat(32), "x".repeat(32), "X".repeat(32), "1234567890".repeat(3) + "12", "A".repeat(32), "abcdefgh".repeat(4)]) {
      expect(scan(`ACMECO_API_KEY=acm_${body}`)).toEqual([["acmeco-api-key", "placeholder"]]);
    }
  });

  it("while a generated body stays a secret, and a word of the right length stays nothing", () => {
    expect(scan(`ACMECO_API_KEY=acm_${fake.alnum(32, "acmeco-dummy")}`)).toEqual([["acmeco-api-key", "secret"]]);
    expect(scan(`ACMECO_API_KEY=acm_internationalizationsupportlayer`)).toEqual([]);
  });

  it("whatever character repeats or counts, with the placeholder classifier's notion of a dummy", () => {
    for (const c of ["b", "B", "z", "7"]) expect(scan(`ACMECO_API_KEY=acm_${c.repeat(32)}`)).toEqual([["acmeco-api-key", "placeholder"]]);
    const counting = "abcdefghijklmnopqrstuvwxyz".slice(0, 26) + "ABCDEF";
    expect(scan(`ACMECO_API_KEY=acm_${counting}`)).toEqual([["acmeco-api-key", "placeholder"]]);
    // One random part beside a short run is still the format's body.
    expect(scan(`ACMECO_API_KEY=acm_${fake.lower(29, "acmeco-run")}abc`)).toEqual([]);
  });

  const [named] = keyed([{ id: "acmeco-named-key", provider: "AcmeCo", names: ["acmeco"], value: { prefix: "acm-", alphabet: "alnum", length: 32 }, docs: "https://example.com/docs" }]);
  const scanNamed = (line: string) => new Scanner([named!]).scan({ path: "app.env", text: line + "\n" }).findings.map((f) => [f.rule, f.category, f.redacted.length > 0]);

  it("under the provider's setting, a stand-in beyond the format's alphabet and length: your-…, <…>, EXAMPLE", () => {
    for (const body of ["your-api-key-here", "YOUR_ACMECO_KEY", "<your key>", "<API_KEY>", "EXAMPLEKEY", "xxxx-xxxx-xxxx"]) {
      expect({ body, found: scanNamed(`ACMECO_API_KEY=acm-${body}`) }).toEqual({ body, found: [["acmeco-named-key", "placeholder", true]] });
      expect({ body, found: scanNamed(`  "acmecoToken": "acm-${body}",`) }).toEqual({ body, found: [["acmeco-named-key", "placeholder", true]] });
    }
  });

  it("while a real-looking value off the format is nothing, and the format's body a secret", () => {
    expect(scanNamed(`ACMECO_API_KEY=acm-${fake.alnum(20, "acmeco-short")}`)).toEqual([]);
    expect(scanNamed(`ACMECO_API_KEY=acm-settings-page`)).toEqual([]);
    expect(scanNamed(`ACMECO_API_KEY=acm-${fake.alnum(32, "acmeco-ok")}`)).toEqual([["acmeco-named-key", "secret", true]]);
  });

  it("a standalone prefix, which no name anchors, is not read beyond its alphabet", () => {
    expect(scan(`see acm_your-api-key-here`)).toEqual([]);
    expect(scan(`see acm_${"x".repeat(32)}`)).toEqual([["acmeco-api-key", "placeholder"]]);
  });

  it("holds for the real rows: pganalyze and Braintrust keys of one repeated letter are their placeholders", () => {
    const found = (text: string) => scanner.scan({ path: "app.env", text: text + "\n" }).findings.map((f) => [f.rule, f.category]);
    expect(found(`PGANALYZE_API_KEY=pgar_${"b".repeat(27)}`)).toEqual([["pganalyze-api-key", "placeholder"]]);
    expect(found(`BRAINTRUST_API_KEY=sk-${"B".repeat(48)}`)).toEqual([["braintrust-api-key", "placeholder"]]);
    expect(found(`BRAINTRUST_API_KEY=sk-<your-braintrust-key>`)).toEqual([["braintrust-api-key", "placeholder"]]);
  });

  it("holds for the real rows: a Braintrust key of x's is Braintrust's placeholder", () => {
    const findings = scanner.scan({ path: "app.env", text: `BRAINTRUST_API_KEY=sk-${"x".repeat(48)}\n` }).findings;
    expect(findings.map((f) => [f.rule, f.category])).toEqual([["braintrust-api-key", "placeholder"]]);
  });
});
