/** The kit's assignment piece, beyond what every rule's matrix examples already hold it to. */
import { describe, expect, it } from "@jest/globals";
import { fake } from "../../src/core/detect/fake.js";
import { assigned, ci, SEP } from "../../src/core/detect/rules/kit.js";

describe("ASSIGN", () => {
  const value = fake.alnum(24, "kit-assign");
  const rule = assigned("acme[ _]token", "[A-Za-z0-9]{24}", "[A-Za-z0-9]");
  const found = (line: string) => rule.exec(line)?.groups?.["secret"];

  it("takes a spaced dash before a quoted value, as notes write a credential", () => {
    expect(found(`acme token - '${value}'`)).toBe(value);
    expect(found(`acme_token - "${value}"`)).toBe(value);
  });

  it("does not take a dash before an unquoted word (a list item, a subtraction)", () => {
    expect(found(`acme token - ${value}`)).toBeUndefined();
    expect(found(`acme_token -${value}`)).toBeUndefined();
  });
});

describe("ASSIGN in code that wraps or computes the value", () => {
  const value = fake.alnum(24, "kit-assign-code");
  const rule = assigned(`${ci("acme")}${SEP}${ci("token")}`, "[A-Za-z0-9]{24}", "[A-Za-z0-9]");
  const found = (line: string) => rule.exec(line)?.groups?.["secret"];

  it("reads a getter that returns the value (Go, Java, TypeScript, Kotlin)", () => {
    expect(found(`func getAcmeToken() string{ return "${value}" }`)).toBe(value);
    expect(found(`public String getAcmeToken() {\n    return "${value}";\n}`)).toBe(value);
    expect(found(`acmeToken(): string { return '${value}'; }`)).toBe(value);
    expect(found(`fun acmeToken() = "${value}"`)).toBe(value);
  });

  it("reads an assignment wrapped onto the next line, and a brace initializer", () => {
    expect(found(`public static final String ACME_TOKEN\n            = "${value}";`)).toBe(value);
    expect(found(`static const std::string AcmeToken{\n    "${value}"};`)).toBe(value);
  });

  it("reads the default after an environment lookup", () => {
    expect(found(`const token = process.env.ACME_TOKEN || "${value}";`)).toBe(value);
    expect(found(`const token = process.env.ACME_TOKEN ??\n  '${value}';`)).toBe(value);
  });

  it("reads prose that says what the value is", () => {
    expect(found(`The ACME_TOKEN is ${value}, keep it safe.`)).toBe(value);
  });

  it("does not take a comparison, a call's result or a value far below the name", () => {
    expect(found(`if (acmeToken() == "${value}") {`)).toBeUndefined();
    expect(found(`const t = acmeToken(); log("${value}")`)).toBeUndefined();
    expect(found(`ACME_TOKEN\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n= "${value}"`)).toBeUndefined();
  });
});

describe("ASSIGN after an XML start tag", () => {
  const value = fake.alnum(24, "kit-assign-xml");
  const rule = assigned(`${ci("acme")}${SEP}${ci("token")}`, "[A-Za-z0-9]{24}", "[A-Za-z0-9]");

  it("takes the element's text on the tag's line or indented on the next", () => {
    expect(rule.exec(`<acmeToken>${value}</acmeToken>`)?.groups?.["secret"]).toBe(value);
    expect(rule.exec(`<acmeToken>\n            ${value}\n</acmeToken>`)?.groups?.["secret"]).toBe(value);
  });
});
