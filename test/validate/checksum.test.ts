import { base62, crc32, githubStyleChecksum, hasGithubStyleChecksum, luhnValid } from "../../src/core/detect/validate/checksum.js";
import { fake } from "../../src/core/detect/fake.js";

describe("crc32 (IEEE 802.3, as zlib computes it)", () => {
  it.each([
    ["", 0x00000000],
    ["123456789", 0xcbf43926], // the standard check value
    ["abc", 0x352441c2],
    ["The quick brown fox jumps over the lazy dog", 0x414fa339],
  ])("crc32(%j) = %s", (text, expected) => {
    expect(crc32(text)).toBe(expected);
  });

  it("is unsigned and changes with a single character", () => {
    expect(crc32("123456789")).toBeGreaterThan(0x7fffffff);
    expect(crc32("123456788")).not.toBe(crc32("123456789"));
  });
});

describe("base62 (digits, then upper, then lower case)", () => {
  it("encodes the alphabet's boundaries and pads to the width", () => {
    expect(base62(0, 6)).toBe("000000");
    expect(base62(9, 1)).toBe("9");
    expect(base62(10, 1)).toBe("A");
    expect(base62(36, 1)).toBe("a");
    expect(base62(61, 1)).toBe("z");
    expect(base62(62, 2)).toBe("10");
    expect(base62(3844, 3)).toBe("100");
    expect(base62(0xcbf43926, 6)).toBe("3jZRME");
  });

  it("does not truncate a value wider than the width", () => {
    expect(base62(62 ** 3, 2)).toBe("1000");
  });
});

describe("GitHub-style token checksum", () => {
  it("is the base62 CRC-32 of the random part, six characters wide", () => {
    expect(githubStyleChecksum("123456789")).toBe("3jZRME");
    const body = fake.alnum(30, "checksum-body");
    expect(githubStyleChecksum(body)).toBe(base62(crc32(body), 6));
    expect(githubStyleChecksum(body)).toHaveLength(6);
  });

  it("accepts a token whose last six characters are its checksum and rejects any change", () => {
    const body = fake.alnum(30, "checksum-token");
    const token = body + githubStyleChecksum(body);
    expect(hasGithubStyleChecksum(token)).toBe(true);
    const tamperedBody = (body[0] === "A" ? "B" : "A") + body.slice(1) + githubStyleChecksum(body);
    expect(hasGithubStyleChecksum(tamperedBody)).toBe(false);
    const tamperedChecksum = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    expect(hasGithubStyleChecksum(tamperedChecksum)).toBe(false);
  });

  it("rejects values too short to hold a checksum", () => {
    expect(hasGithubStyleChecksum("")).toBe(false);
    expect(hasGithubStyleChecksum("3jZRME")).toBe(false);
  });
});

describe("Luhn", () => {
  it("accepts the textbook example and numbers completed with their check digit", () => {
    expect(luhnValid("79927398713")).toBe(true);
    // Complete a random prefix with the digit that makes it valid: exactly one of ten digits works.
    const prefix = fake.digits(15, "luhn");
    const valid = [..."0123456789"].filter((d) => luhnValid(prefix + d));
    expect(valid).toHaveLength(1);
  });

  it("rejects a changed digit and ignores separators", () => {
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("7992 7398 713")).toBe(true);
    expect(luhnValid("7992-7398-713")).toBe(true);
  });

  it("needs at least two digits", () => {
    expect(luhnValid("0")).toBe(false);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("00")).toBe(true);
  });
});
