import { createHash } from "node:crypto";
import { fake } from "../../src/core/detect/fake.js";
import { fingerprint, normalizePath, PRIVATE_KEY_PREVIEW, redact } from "../../src/core/report/redact.js";

describe("redact", () => {
  test("never contains the whole value, for every length from 1 to 80 and every category", () => {
    for (let length = 1; length <= 80; length++) {
      for (const category of ["secret", "placeholder", "pii", "policy", undefined] as const) {
        const value = fake.alnum(length, `len-${length}`);
        const shown = redact(value, "generic-api-key", category);
        expect(shown).not.toContain(value);
        expect(shown).toContain("…");
        // At most 8 characters of the value are visible, and at least 3 (or all of a shorter one) stay hidden.
        const visible = Array.from(shown.replace("…", "")).length;
        expect(visible).toBeLessThanOrEqual(8);
        expect(length - visible).toBeGreaterThanOrEqual(Math.min(length, 3));
      }
    }
  });

  test("12 or more characters: first 4 and last 4", () => {
    const value = "abcd" + fake.alnum(20, "mid") + "wxyz";
    expect(redact(value, "some-rule", "secret")).toBe("abcd…wxyz");
    expect(redact("abcdefghijkl", "some-rule")).toBe("abcd…ijkl");
  });

  test("8 to 11 characters: first 2 and last 2", () => {
    expect(redact("abcdefgh", "some-rule")).toBe("ab…gh");
    expect(redact("abcdefghijk", "some-rule")).toBe("ab…jk");
  });

  test("short values: one character from 4 to 7, nothing below", () => {
    expect(redact("abcdefg", "some-rule")).toBe("a…");
    expect(redact("abcd", "some-rule")).toBe("a…");
    expect(redact("abc", "some-rule")).toBe("…");
    expect(redact("a", "some-rule")).toBe("…");
    expect(redact("", "some-rule")).toBe("…");
  });

  test("personal data shows half as much", () => {
    expect(redact("someone@example.org", "email-address", "pii")).toBe("so…rg");
    expect(redact("abcdefgh", "phone-number", "pii")).toBe("a…h");
    expect(redact("abcdef", "phone-number", "pii")).toBe("…");
  });

  test("private keys show nothing at all", () => {
    const body = ["-----BEGIN", "RSA PRIVATE KEY-----", fake.base64(64, "pk"), "-----END RSA PRIVATE KEY-----"].join("\n");
    for (const id of ["private-key", "private-key-rsa", "private-key-openssh"]) {
      const shown = redact(body, id, "secret");
      expect(shown).toBe(PRIVATE_KEY_PREVIEW);
      expect(shown).not.toContain("BEGIN");
    }
  });

  test("values with whitespace or newlines stay on one line", () => {
    const shown = redact("ab\ncd" + fake.alnum(20, "ws") + "w\r\n\tz", "multi-line-credential");
    expect(shown).not.toMatch(/[\n\r\t]/);
    expect(shown).toBe("ab c… z"); // the last 4 are CR, LF, TAB and "z"
    // Control characters (terminal escapes) never pass through either.
    expect(redact("\x1b[31" + fake.alnum(20, "esc"), "some-rule")).not.toContain("\x1b");
  });

  test("counts code points, so it never splits a character in half", () => {
    const value = "😀😀😀😀" + fake.alnum(10, "emoji") + "éééé";
    const shown = redact(value, "some-rule");
    expect(shown).toBe("😀😀😀😀…éééé");
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});

describe("fingerprint", () => {
  const secret = fake.alnum(40, "fp-secret");

  test("is the first 32 hex characters of SHA-256(rule \\0 path \\0 secret)", () => {
    const expected = createHash("sha256").update(`my-rule\0src/a.ts\0${secret}`).digest("hex").slice(0, 32);
    expect(fingerprint("my-rule", "src/a.ts", secret)).toBe(expected);
    expect(fingerprint("my-rule", "src/a.ts", secret)).toMatch(/^[0-9a-f]{32}$/);
  });

  test("is stable across calls (no line, no commit, no randomness in it)", () => {
    expect(fingerprint("my-rule", "src/a.ts", secret)).toBe(fingerprint("my-rule", "src/a.ts", secret));
  });

  test("changes with the rule, the path and the value", () => {
    const base = fingerprint("my-rule", "src/a.ts", secret);
    expect(fingerprint("other-rule", "src/a.ts", secret)).not.toBe(base);
    expect(fingerprint("my-rule", "src/b.ts", secret)).not.toBe(base);
    expect(fingerprint("my-rule", "src/a.ts", secret + "x")).not.toBe(base);
  });

  test("the separators keep fields apart (no ambiguity between rule/path boundaries)", () => {
    expect(fingerprint("a", "bc", "d")).not.toBe(fingerprint("ab", "c", "d"));
    expect(fingerprint("a", "b", "cd")).not.toBe(fingerprint("a", "bc", "d"));
  });

  test("does not contain the value", () => {
    expect(fingerprint("my-rule", "src/a.ts", secret)).not.toContain(secret.slice(0, 8));
  });

  test("the same file spelled with ./ or backslashes gets the same id", () => {
    const base = fingerprint("my-rule", "src/dir/a.ts", secret);
    expect(fingerprint("my-rule", "./src/dir/a.ts", secret)).toBe(base);
    expect(fingerprint("my-rule", "src\\dir\\a.ts", secret)).toBe(base);
    expect(normalizePath("./././x/y")).toBe("x/y");
  });
});
