import { createHash } from "node:crypto";
import { fake } from "../../src/core/detect/fake.js";
import { FINGERPRINT_SPAN, Scanner } from "../../src/core/detect/engine.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { parseIgnoreFile, ignoreFileRewrites } from "../../src/core/detect/suppress.js";
import { fingerprint, maskLine, MASK, normalizePath, PRIVATE_KEY_PREVIEW, publicPrefix, redact, valueFingerprint } from "../../src/core/report/redact.js";

describe("redact", () => {
  test("shows at most 2 + 2 characters beyond the public prefix, and nothing of a rest under 16", () => {
    for (let length = 1; length <= 80; length++) {
      const value = fake.alnum(length, `len-${length}`);
      const shown = redact(value, "generic-api-key");
      expect(shown).not.toContain(value);
      expect(shown).toContain("…");
      const visible = Array.from(shown.replace("…", "")).length;
      expect(visible).toBe(length >= 16 ? 4 : 0);
    }
  });

  test("a random 12- or 14-character password shows nothing at all", () => {
    expect(redact(fake.alnum(12, "pw12"), "generic-password")).toBe("…");
    expect(redact(fake.alnum(14, "pw14"), "generic-password")).toBe("…");
    expect(redact(fake.alnum(15, "pw15"), "generic-password")).toBe("…");
  });

  test("the documented prefix, then 2 and 2 of a rest of 16 or more", () => {
    const rest = "Ab" + fake.alnum(32, "gh") + "9z";
    expect(redact("ghp_" + rest, "github-pat-classic", "ghp_")).toBe("ghp_Ab…9z");
    expect(redact("AKIA" + "IO" + fake.upper(12, "aws") + "LE", "aws-access-key-id", "AKIA")).toBe("AKIAIO…LE");
    // A short rest after the prefix: the prefix alone.
    expect(redact("xoxb-" + fake.alnum(10, "short"), "slack-bot-token", "xoxb-")).toBe("xoxb-…");
    // A prefix the value does not start with is not shown.
    expect(redact(rest, "github-pat-classic", "ghp_")).toBe("Ab…9z");
  });

  test("publicPrefix: the longest keyword the value starts with, for format rules only", () => {
    const value = "sk_live_" + fake.alnum(24, "stripe");
    expect(publicPrefix(value, ["sk_", "sk_live_"], true)).toBe("sk_live_");
    expect(publicPrefix("AKIA" + fake.upper(16, "a"), ["akia", "asia"], true)).toBe("AKIA");
    // A name-based rule's keyword at the start of a value is part of the secret.
    expect(publicPrefix("password" + fake.alnum(10, "p"), ["password"], false)).toBe("");
  });

  test("private keys show nothing at all", () => {
    const body = ["-----BEGIN", "RSA PRIVATE KEY-----", fake.base64(64, "pk"), "-----END RSA PRIVATE KEY-----"].join("\n");
    for (const id of ["private-key", "private-key-rsa", "private-key-openssh"]) {
      const shown = redact(body, id);
      expect(shown).toBe(PRIVATE_KEY_PREVIEW);
      expect(shown).not.toContain("BEGIN");
    }
  });

  test("values with whitespace or newlines stay on one line; control characters never pass", () => {
    const shown = redact("a\nb" + fake.alnum(20, "ws") + "\r\n", "multi-line-credential");
    expect(shown).not.toMatch(/[\n\r\t]/);
    expect(shown.startsWith("a ")).toBe(true);
    expect(redact("\x1b[" + fake.alnum(20, "esc"), "some-rule")).not.toContain("\x1b");
  });

  test("counts code points, so it never splits a character in half", () => {
    const value = "😀😀" + fake.alnum(20, "emoji") + "éé";
    const shown = redact(value, "some-rule");
    expect(shown).toBe("😀😀…éé");
  });

  test("every door's finding from the engine follows the rule: no generic value shows a character", () => {
    const password = fake.alnum(12, "engine-pw");
    const scanner = new Scanner(builtinRules);
    const { findings } = scanner.scan({ path: "config/app.yml", text: `database:\n  password: ${password}\n` });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.redacted).toBe("…");
  });
});

describe("fingerprint", () => {
  const secret = fake.alnum(40, "fp-secret");
  const line = (value: string) => `  api_token: "${value}"  `;

  function scanOne(text: string, path = "src/a.yml") {
    return new Scanner(builtinRules).scan({ path, text }).findings;
  }

  test("is built from the rule, the path and the masked line, never the value", () => {
    const masked = maskLine(line(secret), [[line(secret).indexOf(secret), line(secret).indexOf(secret) + secret.length]]);
    expect(masked).toBe(`api_token: "${MASK}"`);
    const expected = createHash("sha256").update(`fp2\0my-rule\0src/a.ts\0${masked}`).digest("hex").slice(0, 32);
    expect(fingerprint("my-rule", "src/a.ts", masked)).toBe(expected);
  });

  test("masks ranges given in any order: overlapping ones once, adjacent ones each, out-of-line parts dropped", () => {
    const text = "a=XXXX b=YYYY c=ZZ";
    expect(maskLine(text, [[9, 13], [2, 6], [3, 5], [16, 17], [17, 18], [-3, 0], [20, 30]])).toBe(`a=${MASK} b=${MASK} c=${MASK}${MASK}`);
    // Whitespace runs and other whitespace characters become one space; single spaces stay; ends trimmed.
    expect(maskLine("  a=XXXX\t\tb  ", [[4, 8]])).toBe(`a=${MASK} b`);
    expect(maskLine("a\u00a0b = c", [])).toBe("a b = c");
    expect(maskLine("a b = c", [])).toBe("a b = c");
  });

  test("normalizes each call's own path, whatever path came before", () => {
    const id = (path: string) => fingerprint("my-rule", path, "ctx");
    expect(id("./src/a.ts")).toBe(id("src/a.ts"));
    expect(id("src\\b.ts")).toBe(id("src/b.ts"));
    expect(id("src/b.ts")).not.toBe(id("src/a.ts"));
  });

  test("a report cannot confirm a guess: two different values on the same line get the same id", () => {
    const [a] = scanOne(`api_token: "${fake.alnum(32, "guess-a")}"\n`);
    const [b] = scanOne(`api_token: "${fake.alnum(32, "guess-b")}"\n`);
    expect(a).toBeDefined();
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).not.toBe(valueFingerprint(a?.rule ?? "", "src/a.yml", fake.alnum(32, "guess-a")));
  });

  test("survives moved lines and re-indentation; changes with path and line text", () => {
    const value = fake.alnum(32, "moved");
    const [first] = scanOne(`api_token: "${value}"\n`);
    const [moved] = scanOne(`# header\n\n\n    api_token:    "${value}"\n`);
    expect(moved?.line).toBe(4);
    expect(moved?.fingerprint).toBe(first?.fingerprint);
    const [otherPath] = scanOne(`api_token: "${value}"\n`, "src/b.yml");
    expect(otherPath?.fingerprint).not.toBe(first?.fingerprint);
    const [otherName] = scanOne(`auth_token: "${value}"\n`);
    expect(otherName?.fingerprint).not.toBe(first?.fingerprint);
  });

  test("the same masked line twice in a file: numbered, so each can be suppressed apart", () => {
    const text = `api_token: "${fake.alnum(32, "twice-1")}"\napi_token: "${fake.alnum(32, "twice-2")}"\n`;
    const findings = scanOne(text);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.fingerprint).not.toBe(findings[1]?.fingerprint);
  });

  test("a value written twice on its line, and a second value on the line, are masked too", () => {
    const v = fake.alnum(24, "dup");
    expect(maskLine(`a="${v}" b="${v}"`, [[3, 3 + v.length]])).toBe(`a="${MASK}" b="${v}"`);
    const findings = scanOne(`api_token: "${v}", other_token: "${v}"\n`);
    expect(findings.length).toBeGreaterThan(0);
    const withOther = scanOne(`api_token: "${v}", other_token: "${fake.alnum(24, "dup-2")}"\n`);
    // The hash input is the masked line: with both values masked, the ids do not depend on either value.
    expect(withOther.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
  });

  test("on a long line, the text within FINGERPRINT_SPAN of the value stands for the line", () => {
    const value = fake.alnum(32, "long-line");
    const words = (word: string, characters: number) => `${word} `.repeat(Math.ceil(characters / (word.length + 1)));
    // The same prose next to the value, for more than the span; other words farther away.
    const near = words("lorem", FINGERPRINT_SPAN + 100);
    const text = (far: string) => `${words(far, 3000)}${near}api_token: "${value}" ${near}${words(far, 3000)}`;
    const [first] = scanOne(text("alpha"));
    expect(first).toBeDefined();
    // What is hashed: the value's span of the line, with the value masked.
    const at = text("alpha").indexOf(value);
    const span = text("alpha").slice(at - FINGERPRINT_SPAN, at + value.length + FINGERPRINT_SPAN);
    expect(first?.fingerprint).toBe(fingerprint(first?.rule ?? "", "src/a.yml", maskLine(span, [[FINGERPRINT_SPAN, FINGERPRINT_SPAN + value.length]])));
    // Edits beyond the span leave the id; those within it change it.
    expect(scanOne(text("gamma"))[0]?.fingerprint).toBe(first?.fingerprint);
    expect(scanOne(text("alpha").replace("api_token", "auth_token"))[0]?.fingerprint).not.toBe(first?.fingerprint);
  });

  test("the same file spelled with ./ or backslashes gets the same id", () => {
    const base = fingerprint("my-rule", "src/dir/a.ts", "x");
    expect(fingerprint("my-rule", "./src/dir/a.ts", "x")).toBe(base);
    expect(fingerprint("my-rule", "src\\dir\\a.ts", "x")).toBe(base);
    expect(normalizePath("./././x/y")).toBe("x/y");
  });
});

describe(".claude-guard-ignore", () => {
  const value = fake.alnum(32, "ignore-me");
  const text = `service:\n  api_token: "${value}"\n`;

  test("a new-form fingerprint suppresses its finding", () => {
    const [finding] = new Scanner(builtinRules).scan({ path: "a.yml", text }).findings;
    const list = parseIgnoreFile(`${finding?.fingerprint ?? ""}  # test fixture\n`);
    const result = new Scanner(builtinRules, { ignoredFingerprints: list.fingerprints }).scan({ path: "a.yml", text });
    expect(result.findings).toHaveLength(0);
    expect(result.suppressed).toBe(1);
    expect(result.legacyIgnored).toBeUndefined();
  });

  test("an old value-hash fingerprint keeps matching, is never printed, and the note says how to rewrite it", () => {
    const [finding] = new Scanner(builtinRules).scan({ path: "a.yml", text }).findings;
    const old = valueFingerprint(finding?.rule ?? "", "a.yml", value);
    const list = parseIgnoreFile(`# kept from 0.1\n${old}\n`);
    const result = new Scanner(builtinRules, { ignoredFingerprints: list.fingerprints }).scan({ path: "a.yml", text });
    expect(result.findings).toHaveLength(0);
    expect(result.legacyIgnored).toEqual([{ old, replacement: finding?.fingerprint }]);
    const notes = ignoreFileRewrites(list, result.legacyIgnored ?? []);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(".claude-guard-ignore:2");
    expect(notes[0]).toContain(finding?.fingerprint ?? "?");
    expect(notes[0]).not.toContain(old);
  });
});
