/** The kit's assignment piece, beyond what every rule's matrix examples already hold it to. */
import { describe, expect, it } from "@jest/globals";
import { fake } from "../../src/core/detect/fake.js";
import { assigned } from "../../src/core/detect/rules/kit.js";

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
