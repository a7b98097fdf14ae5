import { createHash } from "node:crypto";
import { sha256Hex } from "../../src/core/report/sha256.js";

const native = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("gives the standard digest (FIPS 180-4 examples)", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("agrees with node:crypto at every padding boundary and on any UTF-16 text, lone surrogates as U+FFFD", () => {
    const samples = [
      ...Array.from({ length: 140 }, (_, n) => "x".repeat(n)),
      "é".repeat(300),
      "\u{1F511} key \u{1F511}",
      "\ud800",
      "a\udc00b",
      "fp2\0rule\0src/a.ts\0line",
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join(""),
    ];
    for (const s of samples) expect(sha256Hex(s)).toBe(native(s));
  });
});
