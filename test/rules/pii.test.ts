/**
 * PII rules: every number is generated here with its check digits computed at run time (no realistic
 * card number, IBAN or identifier is written in this file), then found, refused when tampered with,
 * refused in the wrong context, and counted exactly through the engine.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { fake } from "../../src/core/detect/fake.js";
import type { MatchContext, RawMatch, Rule, RuleExamples } from "../../src/core/detect/rule.js";
import {
  breakLastDigit,
  examplesOf,
  generateCardNumber,
  isDataLikePath,
  isDummyEmail,
  isFictionalPhone,
  numberDetectorExamples,
  pathKind,
  rules,
} from "../../src/core/detect/rules/pii.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import {
  aadhaarValid,
  bsnValid,
  cardIssuer,
  cardNumberValid,
  codiceFiscaleValid,
  cpfValid,
  hetuValid,
  ibanLength,
  ibanValid,
  looksMadeUpDigits,
  makeIban,
  nhsNumberValid,
  personnummerValid,
  sinValid,
  spanishIdValid,
  ssnValid,
  verhoeffCheckDigit,
  verhoeffValid,
} from "../../src/core/detect/validate/pii.js";

/** The rule that reports `id`: its own rule, or the `pii-number` family. */
function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id && !r.reports) ?? rules.find((r) => r.reports?.some((x) => x.id === id));
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** Every id the PII rules report, with its examples. */
const REPORTED: Array<[string, () => RuleExamples]> = [
  ...[...numberDetectorExamples.entries()],
  ...rules.filter((r) => !r.reports).map((r) => [r.id, r.examples] as [string, () => RuleExamples]),
];

const CODE: MatchContext = { path: "src/app.ts", configLike: false };
const CSV: MatchContext = { path: "exports/customers.csv", configLike: false };
const FIXTURE: MatchContext = { path: "test/fixtures/users.json", configLike: false };

function run(id: string, line: string, context: MatchContext = CODE): RawMatch[] {
  const r = rule(id);
  // The engine's prefilter: a rule only sees lines holding one of its keywords.
  if (!r.keywords.some((k) => line.toLowerCase().includes(k))) return [];
  return runRule(r, line, context).filter((m) => (m.ruleId ?? r.id) === id);
}

/** Values reported as personal data (not placeholders). */
function pii(id: string, line: string, context: MatchContext = CODE): string[] {
  return run(id, line, context)
    .filter((m) => m.category === undefined)
    .map((m) => m.secret);
}

function placeholders(id: string, line: string, context: MatchContext = CODE): string[] {
  return run(id, line, context)
    .filter((m) => m.category === "placeholder")
    .map((m) => m.secret);
}

const groups = (digits: string, sizes: number[], sep: string): string => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(digits.slice(at, at + size));
    at += size;
  }
  return out.join(sep);
};

describe("PII rules: contract", () => {
  it("has unique kebab-case ids, category pii, docs, remediation, lower-case keywords", () => {
    const ids = REPORTED.map(([id]) => id);
    expect(new Set([...ids, ...rules.map((r) => r.id)]).size).toBe(ids.length + 1); // + the family's own id
    expect(ids).toEqual(
      expect.arrayContaining(["payment-card-number", "iban", "us-ssn", "uk-nhs-number", "ca-sin", "nl-bsn", "in-aadhaar", "br-cpf", "es-dni", "it-codice-fiscale", "fi-hetu", "se-personnummer", "email-address", "phone-number"]),
    );
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.category).toBe("pii");
      expect(r.docs).toMatch(/^https:\/\//);
      expect(r.remediation?.length).toBeGreaterThan(20);
      expect(r.keywords.length).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(typeof r.find).toBe("function");
    }
  });

  it("sets severity by what leaks: low for email and phone, high for financial, national and health ids", () => {
    const scanner = new Scanner(rules);
    for (const [id, examples] of REPORTED) {
      for (const line of examples().truePositives.map(([line]) => line)) {
        for (const f of scanner.scan({ path: "example.txt", text: line }).findings.filter((x) => x.rule === id)) {
          expect({ id, severity: f.severity }).toEqual({ id, severity: id === "email-address" || id === "phone-number" ? "low" : "high" });
        }
      }
    }
  });

  it("the family's examples are the union of its detectors' examples", () => {
    const family = rule("iban");
    expect(family.id).toBe("pii-number");
    expect(family.reports?.map((r) => r.id).sort()).toEqual([...numberDetectorExamples.keys()].sort());
    const total = [...numberDetectorExamples.values()].reduce((n, e) => n + e().truePositives.length, 0);
    expect(family.examples().truePositives.length).toBe(total);
  });

  describe.each(REPORTED)("%s examples", (id, examples) => {
    const r = rule(id);
    const { truePositives: declared, falsePositives } = examples();
    const truePositives = declared.map(([line]) => line);

    it("declares at least two true and two false positives", () => {
      expect(truePositives.length).toBeGreaterThanOrEqual(2);
      expect(falsePositives.length).toBeGreaterThanOrEqual(2);
    });

    it.each(truePositives)("finds it in %s", (line) => {
      expect(r.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
      const all = runRule(r, line, { path: "example.txt", configLike: true });
      const matches = all.filter((m) => (m.ruleId ?? r.id) === id);
      expect(matches.length).toBe(1);
      // Nothing else reported on the line by the same rule.
      expect(all.length).toBe(1);
      for (const m of matches) {
        expect(line.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
        expect(line[m.index - 1] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(line[m.index + m.secret.length] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(m.category).toBeUndefined();
        // The message says what and where, never the value.
        expect(m.message).toBeDefined();
        expect(m.message).not.toContain(m.secret);
      }
    });

    it.each(falsePositives)("reports nothing in %s", (line) => {
      expect(runRule(r, line, { path: "example.txt", configLike: true })).toEqual([]);
    });
  });
});

describe("validators (check digits computed here, and the issuers' own published examples)", () => {
  it("agree with the documented examples, built in parts", () => {
    // Each authority's own worked example: if the algorithm were wrong, these would fail.
    expect(ibanValid("DE89" + "3704" + "0044" + "0532" + "0130" + "00")).toBe(true);
    expect(ibanValid("GB82" + "WEST" + "1234" + "5698" + "7654" + "32")).toBe(true);
    expect(nhsNumberValid("943" + "476" + "5919")).toBe(true);
    expect(codiceFiscaleValid("RSSMRA" + "85T10" + "A562S")).toBe(true);
    expect(hetuValid("131052" + "-308T")).toBe(true);
    expect(personnummerValid("811218" + "9876")).toBe(true);
    expect(spanishIdValid("12345678" + "Z")).toBe(true);
    expect(spanishIdValid("X1234567" + "L")).toBe(true);
    expect(verhoeffValid("236" + "3")).toBe(true);
    expect(verhoeffCheckDigit("236")).toBe(3);
  });

  const cases: Array<[string, (v: string) => boolean, () => string]> = [
    ["card", cardNumberValid, () => examplesOf.card("4", 16, "v-card")],
    ["IBAN", ibanValid, () => makeIban("NL", fake.upper(4, "v-nl") + fake.digits(10, "v-nl2"))],
    ["NHS", nhsNumberValid, () => examplesOf.nhs("v-nhs")],
    ["SIN", sinValid, () => examplesOf.sin("v-sin")],
    ["BSN", bsnValid, () => examplesOf.bsn("v-bsn")],
    ["CPF", cpfValid, () => examplesOf.cpf("v-cpf")],
    ["Aadhaar", aadhaarValid, () => examplesOf.aadhaar("v-aadhaar")],
    ["personnummer", (v) => personnummerValid(v.replace("-", "")), () => examplesOf.personnummer("v-pnr")],
  ];
  it.each(cases)("%s: a generated value passes and a tampered last digit fails", (_name, valid, make) => {
    const value = make();
    expect(valid(value)).toBe(true);
    expect(valid(breakLastDigit(value))).toBe(false);
  });

  it("DNI/NIE, codice fiscale and HETU: a wrong check character fails", () => {
    const dni = examplesOf.dni("v-dni");
    const nie = examplesOf.nie("v-nie");
    const cf = examplesOf.codiceFiscale("v-cf");
    const hetu = examplesOf.hetu("v-hetu");
    for (const [valid, value] of [[spanishIdValid, dni], [spanishIdValid, nie], [codiceFiscaleValid, cf], [hetuValid, hetu]] as const) {
      expect(valid(value)).toBe(true);
      const last = value.slice(-1);
      expect(valid(value.slice(0, -1) + (last === "A" ? "B" : "A"))).toBe(last === "A" ? false : false);
    }
  });

  it("issuer ranges: each network's prefixes and lengths, nothing else", () => {
    const issuerOf = (prefix: string, length: number) => cardIssuer(examplesOf.card(prefix, length, `iss-${prefix}-${length}`))?.name;
    expect(issuerOf("4", 13)).toBe("Visa");
    expect(issuerOf("4", 16)).toBe("Visa");
    expect(issuerOf("4", 19)).toBe("Visa");
    expect(issuerOf("51", 16)).toBe("Mastercard");
    expect(issuerOf("55", 16)).toBe("Mastercard");
    expect(issuerOf("2221", 16)).toBe("Mastercard");
    expect(issuerOf("2720", 16)).toBe("Mastercard");
    expect(issuerOf("34", 15)).toBe("American Express");
    expect(issuerOf("37", 15)).toBe("American Express");
    expect(issuerOf("6011", 16)).toBe("Discover");
    expect(issuerOf("644", 16)).toBe("Discover");
    expect(issuerOf("65", 16)).toBe("Discover");
    expect(issuerOf("3528", 16)).toBe("JCB");
    expect(issuerOf("3589", 19)).toBe("JCB");
    expect(issuerOf("36", 14)).toBe("Diners Club");
    expect(issuerOf("300", 14)).toBe("Diners Club");
    expect(issuerOf("62", 16)).toBe("UnionPay");
    expect(issuerOf("6759", 16)).toBe("Maestro");
    // Outside every range, or a length the network does not issue.
    expect(issuerOf("2721", 16)).toBeUndefined();
    expect(issuerOf("56", 16)).toBeUndefined();
    expect(issuerOf("1", 16)).toBeUndefined();
    expect(issuerOf("9", 16)).toBeUndefined();
    expect(issuerOf("4", 15)).toBeUndefined();
    expect(issuerOf("37", 16)).toBeUndefined();
    expect(issuerOf("51", 19)).toBeUndefined();
  });

  it("IBAN: country lengths of the main countries, and mod 97", () => {
    expect([ibanLength("DE"), ibanLength("GB"), ibanLength("FR"), ibanLength("NL"), ibanLength("ES"), ibanLength("IT"), ibanLength("BE"), ibanLength("NO"), ibanLength("MT")]).toEqual([22, 22, 27, 18, 24, 27, 16, 15, 31]);
    expect(ibanLength("US")).toBeUndefined();
    const de = makeIban("DE", fake.digits(18, "len-de"));
    expect(ibanValid(de)).toBe(true);
    expect(ibanValid(de + "0")).toBe(false); // wrong length
    expect(ibanValid(de.slice(0, 4) + "A" + de.slice(5))).toBe(false); // German BBANs are all digits
    // Two digits swapped: mod 97 catches transpositions.
    const swapped = de.slice(0, 10) + de[11] + de[10] + de.slice(12);
    if (swapped !== de) expect(ibanValid(swapped)).toBe(false);
  });

  it("made-up digits: repeats, short patterns, counting; not an ordinary number", () => {
    expect(looksMadeUpDigits("4242".repeat(4))).toBe(true);
    expect(looksMadeUpDigits("510".repeat(5) + "0")).toBe(true);
    expect(looksMadeUpDigits("4" + "0".repeat(14) + "2")).toBe(true);
    expect(looksMadeUpDigits("7" + "0123456" + "89")).toBe(true);
    expect(looksMadeUpDigits("4000" + "1234567" + "8901")).toBe(true);
    // Six zeros of padding and a short run are what issued numbers look like.
    expect(looksMadeUpDigits("4" + "0".repeat(6) + "12345" + "789")).toBe(false);
    // A period-4 near-repeat in nine digits is chance, not a pattern.
    expect(looksMadeUpDigits("1234" + "1239" + "7", 5)).toBe(false);
    expect(looksMadeUpDigits(examplesOf.card("4", 16, "not-made-up"))).toBe(false);
  });

  it("SSN: SSA's excluded areas, groups and serials", () => {
    expect(ssnValid("123" + "45" + "6789")).toBe(true);
    for (const bad of ["000456789", "666456789", "900456789", "999456789", "123006789", "123450000"]) expect(ssnValid(bad)).toBe(false);
  });
});

describe("payment-card-number", () => {
  const visa = examplesOf.card("4", 16, "pc-visa");
  const mc = examplesOf.card("2" + "231", 16, "pc-mc2");
  const amex = examplesOf.card("34", 15, "pc-amex");
  const diners = examplesOf.card("36", 14, "pc-diners");
  const jcb = examplesOf.card("3530", 16, "pc-jcb");
  const unionpay = examplesOf.card("62", 19, "pc-up");

  it("finds every network's numbers in a data file without context, in each grouping", () => {
    expect(pii("payment-card-number", `1,Ann,${visa},2030`, CSV)).toEqual([visa]);
    expect(pii("payment-card-number", `2,Bob,${groups(mc, [4, 4, 4, 4], " ")},x`, CSV)).toEqual([groups(mc, [4, 4, 4, 4], " ")]);
    expect(pii("payment-card-number", `3;${groups(mc, [4, 4, 4, 4], "-")};y`, CSV)).toEqual([groups(mc, [4, 4, 4, 4], "-")]);
    expect(pii("payment-card-number", `4\t${groups(amex, [4, 6, 5], " ")}\tz`, CSV)).toEqual([groups(amex, [4, 6, 5], " ")]);
    expect(pii("payment-card-number", `{"n": "${groups(diners, [4, 6, 4], "-")}"}`, FIXTURE)).toEqual([groups(diners, [4, 6, 4], "-")]);
    expect(pii("payment-card-number", `"${jcb}"`, CSV)).toEqual([jcb]);
    expect(pii("payment-card-number", `"${groups(unionpay, [4, 4, 4, 4, 3], " ")}"`, CSV)).toEqual([groups(unionpay, [4, 4, 4, 4, 3], " ")]);
  });

  it("needs a card word on the line outside data files", () => {
    expect(pii("payment-card-number", `const value = "${visa}";`)).toEqual([]);
    expect(pii("payment-card-number", `const cardNumber = "${visa}";`)).toEqual([visa]);
    expect(pii("payment-card-number", `cc_num = "${visa}"`)).toEqual([visa]);
    expect(pii("payment-card-number", `PAN: ${visa}`)).toEqual([visa]);
    expect(pii("payment-card-number", `span = ${visa}`)).toEqual([]);
    expect(pii("payment-card-number", `// card ${"-".repeat(120)} ${visa}`)).toEqual([]);
    expect(pii("payment-card-number", `// card ${"-".repeat(20)} ${visa}`)).toEqual([visa]);
    // A SQL INSERT is data wherever it sits.
    expect(pii("payment-card-number", `db.exec("INSERT INTO t VALUES ('${visa}')")`)).toEqual([visa]);
  });

  it("refuses invalid checksums, unknown issuers and wrong lengths", () => {
    expect(pii("payment-card-number", `card: ${breakLastDigit(visa)}`)).toEqual([]);
    expect(pii("payment-card-number", `card: ${"7" + visa.slice(1)}`)).toEqual([]);
    expect(pii("payment-card-number", `card: ${examplesOf.card("4", 16, "x").slice(0, 14)}`)).toEqual([]);
  });

  it("hard negatives: ids, timestamps, order numbers, longer runs, decimals, hex, UUID fragments, mixed separators", () => {
    const negatives = [
      `card order_id: ${visa}`,
      `"orderId": "${visa}", "card": true`,
      `card created_at=${visa}`,
      `card_id: ${visa}`,
      `card tracking number ${visa}`,
      `card ${visa}7`,
      `card 9${visa}`,
      `card ${visa}.25`,
      `card 1.${visa}`,
      `card 0x${visa}`,
      `card #${visa}`,
      `card ${fake.hex(4, "u")}${visa}`,
      `card ${visa.slice(0, 4)}-${visa.slice(4, 8)} ${visa.slice(8, 12)}-${visa.slice(12)}`,
      `card 12 ${groups(visa, [4, 4, 4, 4], " ")}`,
      `card ${groups(visa, [4, 4, 4, 4], " ")} 5678`,
      `card https://shop.test/items/${visa}`,
      `card +${visa}`,
      `card ${visa}@host`,
    ];
    for (const line of negatives) expect({ line, found: pii("payment-card-number", line, CSV) }).toEqual({ line, found: [] });
  });

  it("reports the networks' documented test numbers and made-up numbers as placeholders, not PII", () => {
    const stripeVisa = "4242".repeat(4);
    const braintreeVisa = "4111" + "1".repeat(12);
    const mastercardTest = "5555".repeat(3) + "4444";
    for (const n of [stripeVisa, braintreeVisa, mastercardTest]) {
      expect(cardNumberValid(n)).toBe(true);
      expect(placeholders("payment-card-number", `card: ${n}`)).toEqual([n]);
      expect(pii("payment-card-number", `card: ${n}`)).toEqual([]);
    }
    const [match] = run("payment-card-number", `card: ${groups(stripeVisa, [4, 4, 4, 4], " ")}`);
    expect(match?.severity).toBe("low");
    expect(match?.message).toMatch(/test card/);
    // Eight zeros in a row are padding nobody is issued.
    const zeros = generateCardNumber("4" + "0".repeat(9), 16, "z");
    expect(placeholders("payment-card-number", `card ${zeros}`)).toEqual([zeros]);
  });

  it("says where it is and what to do: test data gets the faker advice", () => {
    const [inFixture] = run("payment-card-number", `"${visa}"`, FIXTURE);
    expect(inFixture?.message).toMatch(/in test data/);
    expect(inFixture?.message).toMatch(/Test data is where real customer data leaks/);
    expect(inFixture?.message).toMatch(/faker/);
    expect(inFixture?.validation).toEqual({ status: "confirmed", check: expect.stringContaining("Luhn") });
    const [inExport] = run("payment-card-number", `"${visa}"`, CSV);
    expect(inExport?.message).toMatch(/in a data file/);
    for (const m of [inFixture, inExport]) expect(m?.message).not.toContain(visa);
  });
});

describe("iban", () => {
  const de = makeIban("DE", fake.digits(18, "ib-de"));
  const gb = makeIban("GB", fake.upper(4, "ib-gb") + fake.digits(14, "ib-gb2"));
  const it_ = makeIban("IT", fake.upper(1, "ib-it") + fake.digits(10, "ib-it2") + fake.upperDigits(12, "ib-it3"));
  const es = makeIban("ES", fake.digits(20, "ib-es"));
  const paper = (iban: string) => iban.replace(/(.{4})(?=.)/g, "$1 ");

  it("finds electronic and paper forms anywhere, and stops at the country's length", () => {
    expect(pii("iban", `iban=${de}`)).toEqual([de]);
    expect(pii("iban", `"${paper(gb)}"`)).toEqual([paper(gb)]);
    expect(pii("iban", `IBAN: ${paper(it_)} (Milano)`)).toEqual([paper(it_)]);
    // ES is 24 characters, six full groups: a following group-like word is not part of it.
    expect(pii("iban", `${paper(es)} ABCD`)).toEqual([paper(es)]);
    expect(pii("iban", `${paper(de)} EUR`)).toEqual([paper(de)]);
  });

  it("refuses bad check digits, wrong lengths, unknown countries, wrong BBAN shapes, lower case", () => {
    const badCheck = de.slice(0, 2) + (de.slice(2, 4) === "50" ? "51" : "50") + de.slice(4);
    for (const line of [`iban ${badCheck}`, `iban ${de}1`, `iban ${de.slice(0, -1)}`, `iban ${"US" + de.slice(2)}`, `iban ${de.toLowerCase()}`, `key=A${de}`, `path/${de}`, `v${de}`]) {
      expect({ line, found: pii("iban", line) }).toEqual({ line, found: [] });
    }
    // A German IBAN holds digits only: letters where digits belong fail the structure even when mod 97 holds.
    const lettered = makeIban("DE", "ABCD" + fake.digits(14, "ib-x"));
    expect(pii("iban", `iban ${lettered}`)).toEqual([]);
  });

  it("reports the registry's documented examples as placeholders", () => {
    const example = ["DE89", "3704", "0044", "0532", "0130", "00"].join(" ");
    expect(placeholders("iban", `IBAN: ${example}`)).toEqual([example]);
    expect(pii("iban", `IBAN: ${example}`)).toEqual([]);
  });
});

describe("us-ssn", () => {
  const ssn = examplesOf.ssn("t-ssn");
  const bare = ssn.replace(/-/g, "");

  it("finds the dashed form anywhere and other forms only with SSN context", () => {
    expect(pii("us-ssn", `1,Ann,${ssn}`, CSV)).toEqual([ssn]);
    expect(pii("us-ssn", `const s = "${ssn}";`)).toEqual([ssn]);
    expect(pii("us-ssn", `value = "${bare}"`)).toEqual([]);
    expect(pii("us-ssn", `customerSsn = "${bare}"`)).toEqual([bare]);
    expect(pii("us-ssn", `SSN: ${ssn.replace(/-/g, " ")}`)).toEqual([ssn.replace(/-/g, " ")]);
    expect(pii("us-ssn", `assn = "${bare}"`)).toEqual([]);
  });

  it("refuses numbers SSA never issues, and dashed runs that are longer", () => {
    for (const area of ["000", "666", "900", "987"]) expect(pii("us-ssn", `ssn ${area}${ssn.slice(3)}`)).toEqual([]);
    expect(pii("us-ssn", `ssn ${ssn.slice(0, 4)}00${ssn.slice(6)}`)).toEqual([]);
    expect(pii("us-ssn", `ssn ${ssn.slice(0, 7)}0000`)).toEqual([]);
    expect(pii("us-ssn", `${ssn}-12`)).toEqual([]);
    expect(pii("us-ssn", `1-${ssn}`)).toEqual([]);
    expect(pii("us-ssn", `ticket ${ssn}`)).toEqual([]);
  });

  it("reports advertising and sample numbers as placeholders", () => {
    for (const sample of [["078", "05", "1120"], ["219", "09", "9999"], ["123", "45", "6789"]].map((g) => g.join("-"))) {
      expect(placeholders("us-ssn", `ssn: ${sample}`)).toEqual([sample]);
      expect(pii("us-ssn", `ssn: ${sample}`)).toEqual([]);
    }
  });
});

describe("national and health identifiers", () => {
  it("NHS number: needs `nhs` near the value; the 999 test range is a placeholder", () => {
    const nhs = examplesOf.nhs("t-nhs");
    expect(pii("uk-nhs-number", `patient.nhsNumber = "${nhs}"`)).toEqual([nhs]);
    // A one-line JSON document names everything somewhere: the word must be close to the number.
    expect(pii("uk-nhs-number", `{"nhs": true, "notes": "${"x".repeat(200)}", "value": "${nhs}"}`)).toEqual([]);
    expect(pii("uk-nhs-number", `"${nhs}"`, CSV)).toEqual([]);
    const test = (() => {
      for (let i = 0; ; i++) {
        const candidate = "999" + fake.digits(6, `nhs999-${i}`);
        const check = nhsNumberValid(candidate + "0") ? "0" : [..."123456789"].find((d) => nhsNumberValid(candidate + d));
        if (check !== undefined) return candidate + check;
      }
    })();
    expect(placeholders("uk-nhs-number", `nhs_no: ${test}`)).toEqual([test]);
  });

  it("SIN: needs the word, not `sin(` or `using`", () => {
    const sin = examplesOf.sin("t-sin");
    expect(pii("ca-sin", `employee.sin = "${sin}"`)).toEqual([sin]);
    expect(pii("ca-sin", `Math.sin(${sin})`)).toEqual([]);
    expect(pii("ca-sin", `sin: ${"8" + sin.slice(1)}`)).toEqual([]); // 8xx is a business number
  });

  it("BSN: 11-test with context; a bare 9-digit number without it is nothing", () => {
    const bsn = examplesOf.bsn("t-bsn");
    expect(pii("nl-bsn", `{"bsn": "${bsn}"}`, FIXTURE)).toEqual([bsn]);
    expect(pii("nl-bsn", `"${bsn}"`, CSV)).toEqual([]);
    const tutorialBsn = "111" + "222" + "333";
    expect(placeholders("nl-bsn", `bsn: ${tutorialBsn}`)).toEqual([tutorialBsn]);
  });

  it("Aadhaar: Verhoeff, spaced or not, never starting with 0 or 1", () => {
    const a = examplesOf.aadhaar("t-aadhaar");
    expect(pii("in-aadhaar", `aadhaar ${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`)).toEqual([`${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`]);
    expect(pii("in-aadhaar", `aadhaar ${a.slice(0, 4)} ${a.slice(4, 8)}-${a.slice(8)}`)).toEqual([]);
  });

  it("CPF: the dotted form anywhere, bare digits only with `cpf`", () => {
    const cpf = examplesOf.cpf("t-cpf");
    const dotted = `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
    expect(pii("br-cpf", `"${dotted}"`)).toEqual([dotted]);
    expect(pii("br-cpf", `"${cpf}"`, CSV)).toEqual([]);
    expect(pii("br-cpf", `cpf=${cpf}`)).toEqual([cpf]);
    expect(pii("br-cpf", `version ${dotted}.1`)).toEqual([]);
  });

  it("DNI/NIE: in data files as is, elsewhere with `dni`/`nif`/`nie`", () => {
    const dni = examplesOf.dni("t-dni");
    expect(pii("es-dni", `1;${dni};Madrid`, CSV)).toEqual([dni]);
    expect(pii("es-dni", `const x = "${dni}";`)).toEqual([]);
    expect(pii("es-dni", `user.nif = "${dni}"`)).toEqual([dni]);
    expect(pii("es-dni", `${dni.slice(0, 8)}-${dni.slice(8)}`, CSV)).toEqual([`${dni.slice(0, 8)}-${dni.slice(8)}`]);
  });

  it("codice fiscale: structure, date and check letter; the Agenzia's example is a placeholder", () => {
    const cf = examplesOf.codiceFiscale("t-cf");
    expect(pii("it-codice-fiscale", `cf = "${cf}"`)).toEqual([cf]);
    const badDay = cf.slice(0, 9) + "35" + cf.slice(11, 15);
    expect(pii("it-codice-fiscale", `cf = "${badDay}${"A"}"`)).toEqual([]);
    expect(pii("it-codice-fiscale", `"tax_code": "${cf}"`)).toEqual([cf]);
    const example = "RSSMRA" + "85T10" + "A562S";
    expect(placeholders("it-codice-fiscale", `"${example}"`)).toEqual([example]);
  });

  it("HETU: century signs, check character, the 900-999 test range", () => {
    const hetu = examplesOf.hetu("t-hetu");
    expect(pii("fi-hetu", `"${hetu}"`, CSV)).toEqual([hetu]);
    expect(pii("fi-hetu", `"${hetu}"`)).toEqual([]);
    expect(pii("fi-hetu", `henkilötunnus: ${hetu}`)).toEqual([hetu]);
    const date = hetu.slice(0, 6);
    const testCode = `${date}-950`;
    const withCheck = [..."0123456789ABCDEFHJKLMNPRSTUVWXY"].map((c) => testCode + c).find(hetuValid) as string;
    expect(placeholders("fi-hetu", `hetu ${withCheck}`)).toEqual([withCheck]);
  });

  it("personnummer: 10 or 12 digits, valid date, Luhn, with the word", () => {
    const pnr = examplesOf.personnummer("t-pnr");
    expect(pii("se-personnummer", `personnummer: ${pnr}`)).toEqual([pnr]);
    expect(pii("se-personnummer", `personnummer: 20${pnr}`)).toEqual([`20${pnr}`]);
    expect(pii("se-personnummer", `"${pnr}"`, CSV)).toEqual([]);
  });
});

describe("where personal data is expected", () => {
  it.each([
    ["data/customers.csv", "data"],
    ["exports/leads.tsv", "data"],
    ["events.ndjson", "data"],
    ["db/dump.sql", "data"],
    ["test/fixtures/users.json", "test-data"],
    ["spec/fixtures/orders.yml", "test-data"],
    ["db/seeds/accounts.rb", "test-data"],
    ["internal/testdata/people.txt", "test-data"],
    ["test/api/response.json", "test-data"],
    ["src/customers.json", "data"],
    ["src/app.ts", "code"],
    ["package.json", "code"],
    ["tsconfig.json", "code"],
    ["README.md", "code"],
    ["test/app.test.ts", "code"],
  ])("%s is %s", (path, kind) => {
    expect(pathKind(path)).toBe(kind);
    expect(isDataLikePath(path)).toBe(kind !== "code");
  });
});

describe("email-address", () => {
  const email = examplesOf.email("t-email");

  it("finds addresses only in data-like files or SQL inserts", () => {
    expect(pii("email-address", `1,Ann,${email},x`, CSV)).toEqual([email]);
    expect(pii("email-address", `{"email": "${email}"}`, FIXTURE)).toEqual([email]);
    expect(pii("email-address", `const author = "${email}";`)).toEqual([]);
    expect(pii("email-address", `// Copyright Ann <${email}>`)).toEqual([]);
  });

  it("never for reserved or dummy domains and role mailboxes (RFC 2606 / 6761)", () => {
    const dummies = [
      "ann@example.com", "ann@example.org", "ann@mail.example.net", "ann@shop.example", "ann@host.test", "ann@x.invalid",
      "ann@localhost.localhost", "ann@printer.local", "ann@foo.com", "ann@domain.com", "ann@company.com", "ann@email.com",
      "ann@acme.com", "ann@acme.io", "noreply@realshop.io", "no-reply@realshop.io", "support@realshop.io", "john.doe@gmail.com",
      "12345+ann@users.noreply.github.com", "icon@2x.png", "deployer@my-project.iam.gserviceaccount.com", "cursoragent@cursor.com",
      "release-bot@realshop.io",
    ];
    for (const d of dummies) expect({ d, found: pii("email-address", `1,${d},x`, CSV) }).toEqual({ d, found: [] });
    expect(isDummyEmail("ann.lee", "realshop.io")).toBe(false);
  });

  it("is not fooled by URLs, package specs or decorators", () => {
    for (const line of [`https://ann:pw@git.realshop.io/repo`, `"@scope/pkg@1.2.3"`, `@Component({}) x@y`, `git@github.com:org/repo.git`, `"}xh@xvqbt.Bi!xh"`]) {
      expect({ line, found: pii("email-address", line, CSV) }).toEqual({ line, found: [] });
    }
  });
});

describe("phone-number", () => {
  const us = examplesOf.usPhone("t-phone");
  const uk = `+44 7${fake.digits(3, "t-uk")} ${"4" + fake.digits(5, "t-uk2")}`;
  const fr = `06 ${fake.digits(2, "fr1")} ${fake.digits(2, "fr2")} ${fake.digits(2, "fr3")} ${fake.digits(2, "fr4")}`;

  it("finds formatted numbers in data files only", () => {
    expect(pii("phone-number", `1,Ann,${us}`, CSV)).toEqual([us]);
    expect(pii("phone-number", `1,Ann,(${us.slice(0, 3)}) ${us.slice(4)}`, CSV)).toEqual([`(${us.slice(0, 3)}) ${us.slice(4)}`]);
    expect(pii("phone-number", `{"phone": "${uk}"}`, FIXTURE)).toEqual([uk]);
    expect(pii("phone-number", `"${fr}"`, CSV)).toEqual([fr]);
    expect(pii("phone-number", `const phone = "${us}";`)).toEqual([]);
  });

  it("never for fictional, reserved, repeated or counting numbers", () => {
    const fictional = [
      "415-555-0142", "(212) 555-0100", "+1 212 555 0199", "212-555-1234", "999-999-9999", "123-456-7890", "+1 800 234 5678",
      "+44 7700 900123", "07700 900456", "020 7946 0123", "+44 161 496 0000", "01 99 00 12 34", "+61 491 570 156", "(012) 345-6789",
    ];
    for (const f of fictional) {
      expect({ f, fictional: isFictionalPhone(f) || pii("phone-number", `1,${f},x`, CSV).length === 0 }).toEqual({ f, fictional: true });
      expect({ f, found: pii("phone-number", `1,${f},x`, CSV) }).toEqual({ f, found: [] });
    }
  });

  it("hard negatives: versions, dates, times, IPs, ids, UUIDs, amounts", () => {
    const negatives = [
      `v10.15.7,1.2.3.4567`,
      `2024-01-15 14:22:01`,
      `2024-01-15T14:22:01.123+02:00`,
      `192.168.100.1234`,
      `${fake.uuid("ph")}`,
      `"order_id": "${us}"`,
      `1234567890,4155550123`,
      `"amount": 1234567.89`,
      `+1.5e10`,
    ];
    for (const line of negatives) expect({ line, found: pii("phone-number", line, CSV) }).toEqual({ line, found: [] });
  });
});

describe("the line's shape skips only lines the patterns cannot match", () => {
  it("reads values at a token's edges: after `@` (only cards refuse it), a NIE's free letter, a whole-line codice fiscale", () => {
    const found = (id: string, line: string, context: MatchContext = CODE) => run(id, line, context).map((m) => m.secret);
    const ssn = examplesOf.ssn("edge-ssn");
    const nie = examplesOf.nie("edge-nie");
    const cf = examplesOf.codiceFiscale("edge-cf");
    expect(found("us-ssn", `applicant,@${ssn}`, CSV)).toEqual([ssn]);
    expect(found("us-ssn", `ssn @${ssn.replace(/-/g, "")}`)).toEqual([ssn.replace(/-/g, "")]);
    expect(found("es-dni", nie, CSV)).toEqual([nie]);
    expect(found("es-dni", `a a${nie};`, CSV)).toEqual([]);
    expect(found("it-codice-fiscale", cf, CSV)).toEqual([cf]);
    expect(found("it-codice-fiscale", `cliente;${cf}A`, CSV)).toEqual([]);
  });

  it("in code, reads the lines that hold a free digit run of three, an IBAN's start or a codice fiscale", () => {
    const found = (id: string, line: string) => run(id, line, CODE).map((m) => m.secret);
    const nie = examplesOf.nie("edge-nie");
    const cf = examplesOf.codiceFiscale("edge-cf");
    const iban = examplesOf.iban("DE", fake.digits(18, "edge-iban"));
    expect(found("es-dni", `nie=${nie};`)).toEqual([nie]);
    expect(found("es-dni", `nie=a${nie};`)).toEqual([]);
    expect(found("it-codice-fiscale", `cliente = "${cf}";`)).toEqual([cf]);
    expect(found("it-codice-fiscale", `cliente = "${cf}x";`)).toEqual([]);
    expect(found("iban", `const account = "${iban}";`)).toEqual([iban]);
    expect(found("iban", `const account = "@${iban}";`)).toEqual([]);
  });
});

describe("adversarial input", () => {
  const lines: Array<[string, string]> = [
    ["digits", "4".repeat(100_000)],
    ["digit pairs with spaces", "42 ".repeat(34_000)],
    ["groups of four", "4111 ".repeat(20_000)],
    ["dashed groups", "123-45-".repeat(15_000)],
    ["plus and digits", "+1 (".repeat(25_000)],
    ["email-ish", "a.b-c@".repeat(17_000)],
    ["domains", "a@b.".repeat(25_000)],
    ["labels", "ab-".repeat(34_000) + "@x"],
    ["IBAN-ish", "DE89 ".repeat(20_000)],
    ["upper alnum", "RSSMRA85T10A562".repeat(7_000)],
    ["hetu-ish", "010190-".repeat(15_000)],
    ["dots", "123.456.".repeat(13_000)],
  ];

  it.each(lines)("every PII rule stays linear on a 100 KB %s line", (_name, line) => {
    for (const r of rules) {
      const started = performance.now();
      runRule(r, line, CSV);
      const elapsed = performance.now() - started;
      expect({ rule: r.id, slow: elapsed > 500 }).toEqual({ rule: r.id, slow: false });
    }
  });

  it("skips minified code lines but still reads a one-line data file", () => {
    const visa = examplesOf.card("4", 16, "long-line");
    // Digits throughout, as in real bundles: the engine hands over the whole line as one long segment.
    const bundle = `var a=[${"12,".repeat(3000)}];card="${visa}";` + "x".repeat(100);
    const scanner = new Scanner(rules);
    expect(scanner.scan({ path: "dist/app.js", text: bundle }).findings).toEqual([]);
    const oneLineFixture = `[${`{"n":1},`.repeat(1000)}{"card":"${visa}"}]`;
    expect(scanner.scan({ path: "test/fixtures/cards.json", text: oneLineFixture }).findings.map((f) => f.rule)).toEqual(["payment-card-number"]);
  });

  it("the scanner with the PII rules reads a 100 KB line of digits in well under a second", () => {
    const scanner = new Scanner(rules);
    const started = performance.now();
    scanner.scan({ path: "data/big.csv", text: "4".repeat(50_000) + "\n" + "1 ".repeat(50_000) });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("through the engine", () => {
  /** A CSV fixture mixing real-looking rows, invalid values and documented test values. */
  function customersCsv(): { text: string; valid: number } {
    const rows = ["id,name,email,phone,card,iban,ssn,created_at"];
    const valid = 5;
    for (let i = 0; i < valid; i++) {
      rows.push(
        [
          1000 + i,
          `Person ${i}`,
          examplesOf.email(`csv-email-${i}`),
          examplesOf.usPhone(`csv-phone-${i}`),
          examplesOf.card(i % 2 ? "5" + "1" : "4", 16, `csv-card-${i}`),
          makeIban("DE", fake.digits(18, `csv-iban-${i}`)),
          examplesOf.ssn(`csv-ssn-${i}`),
          `2024-01-${String(10 + i)}T10:00:00Z`,
        ].join(","),
      );
    }
    for (let i = 0; i < 4; i++) {
      rows.push(
        [
          2000 + i,
          `Invalid ${i}`,
          `person${i}@example.com`,
          `415-555-01${String(10 + i)}`,
          breakLastDigit(examplesOf.card("4", 16, `csv-bad-card-${i}`)),
          breakLastDigit(makeIban("DE", fake.digits(18, `csv-bad-iban-${i}`))),
          `666-${String(10 + i)}-1234`,
          String(1_700_000_000_000 + i),
        ].join(","),
      );
    }
    // Documented test values: placeholders.
    rows.push(["3000", "Test", "qa@example.org", "(212) 555-0100", "4242".repeat(4), ["GB82", "WEST", "1234", "5698", "7654", "32"].join(""), ["078", "05", "1120"].join("-"), "0"].join(","));
    return { text: rows.join("\n") + "\n", valid };
  }

  it("counts exactly: every valid value once, no invalid one, test values as placeholders", () => {
    const { text, valid } = customersCsv();
    const { findings } = new Scanner(rules).scan({ path: "test/fixtures/customers.csv", text });
    const count = (rule: string, category: string) => findings.filter((f) => f.rule === rule && f.category === category).length;
    expect(count("email-address", "pii")).toBe(valid);
    expect(count("phone-number", "pii")).toBe(valid);
    expect(count("payment-card-number", "pii")).toBe(valid);
    expect(count("iban", "pii")).toBe(valid);
    expect(count("us-ssn", "pii")).toBe(valid);
    expect(count("payment-card-number", "placeholder")).toBe(1);
    expect(count("iban", "placeholder")).toBe(1);
    expect(count("us-ssn", "placeholder")).toBe(1);
    expect(findings.length).toBe(valid * 5 + 3);
    // Every finding on a data row, none on the header or the invalid rows.
    expect(new Set(findings.filter((f) => f.category === "pii").map((f) => f.line))).toEqual(new Set([2, 3, 4, 5, 6]));
    for (const f of findings) {
      expect(f.message).toMatch(f.category === "pii" ? /Test data is where real customer data leaks/ : /Nothing to do/);
      expect(text.split("\n")[f.line - 1]?.slice(f.column - 1, f.endColumn - 1).length).toBe(f.endColumn - f.column);
    }
  });

  it("never prints a value: redaction shows at most two characters at each end", () => {
    const { text } = customersCsv();
    const { findings } = new Scanner(rules).scan({ path: "test/fixtures/customers.csv", text });
    const printed = JSON.stringify(findings);
    for (const f of findings) {
      const value = (text.split("\n")[f.line - 1] as string).slice(f.column - 1, f.endColumn - 1);
      expect(printed).not.toContain(value);
      // Personal data shows half of a secret's preview: at most two characters at each end. (Placeholders
      // are public test numbers and get the ordinary preview.)
      const shown = f.redacted.replace("…", "").length;
      expect(shown).toBeLessThanOrEqual(f.category === "pii" ? 4 : 8);
      if (f.category === "pii") expect(shown).toBeLessThan(value.length / 2);
    }
  });

  it("the same rows in source code are not read as data (except the dashed SSN and the IBAN)", () => {
    const { text, valid } = customersCsv();
    const { findings } = new Scanner(rules).scan({ path: "src/report.ts", text });
    expect(findings.filter((f) => f.rule === "email-address" || f.rule === "phone-number" || f.rule === "payment-card-number")).toEqual([]);
    expect(findings.filter((f) => f.category === "pii").map((f) => f.rule).sort()).toEqual([...Array(valid).fill("iban"), ...Array(valid).fill("us-ssn")]);
  });

  it("every id's examples are found by the full rule set on a plain text path", () => {
    const scanner = new Scanner([...builtinRules, ...rules]);
    for (const [id, examples] of REPORTED) {
      for (const line of examples().truePositives.map(([line]) => line)) {
        const findings = scanner.scan({ path: "example.txt", text: line }).findings.filter((f) => f.rule === id);
        expect({ rule: id, line, found: findings.length }).toEqual({ rule: id, line, found: 1 });
        expect(findings[0]?.category).toBe("pii");
      }
    }
  });
});
