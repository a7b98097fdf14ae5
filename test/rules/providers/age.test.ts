import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import { bech32Encode, bech32Valid } from "../../../src/core/detect/validate/bech32.js";
import { fakeAgeSecretKey, rules } from "../../../src/core/detect/rules/providers/age.js";
import { tamper } from "./tamper.js";

describe("age secret keys", () => {
  it("are checked by their bech32 checksum", () => {
    const r = rules.find((x) => x.id === "age-secret-key")!;
    const key = fakeAgeSecretKey("age-v");
    expect(key).toMatch(/^AGE-SECRET-KEY-1[A-Z0-9]{58}$/);
    expect(bech32Valid(key)).toBe(true);
    expect(r.validate?.(key).status).toBe("confirmed");
    // Swap two data characters: the checksum catches it.
    const swapped = key.slice(0, 20) + key[21] + key[20] + key.slice(22);
    expect(swapped === key ? true : r.validate?.(swapped).status === "failed").toBe(true);
    expect(r.validate?.(tamper(key, 30)).status).toBe("failed");
  });

  it("bech32 matches the BIP-173 reference vector", () => {
    // Reference vector from BIP-173 (valid checksum): "a12uel5l".
    expect(bech32Valid("a12uel5l")).toBe(true);
    expect(bech32Valid("a12uel5m")).toBe(false);
    expect(bech32Encode("a", [])).toBe("a12uel5l");
  });
});

describe("generated examples", () => {
  it.each(["age-secret-key"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
