/**
 * PyPI and TestPyPI API tokens (pypi.org/help/#apitoken): `pypi-` + a version-2 binary macaroon in
 * unpadded base64url, whose header names the index (`pypi.org` or `test.pypi.org`). The validator
 * decodes the macaroon's structure offline.
 */
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

/**
 * The binary form of a version-2 macaroon: version byte 2; optional location field (type 1) and
 * identifier field (type 2), then end-of-section (0); caveats, each [location] identifier [verifier id]
 * end-of-section, closed by one more end-of-section; then the signature field (type 6) of 32 bytes,
 * which ends the token. Each field is a varint type, a varint length and the data.
 */
export function isMacaroonV2(bytes: Uint8Array): boolean {
  let pos = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = bytes[pos++];
      if (byte === undefined) return undefined;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  };
  /** The next field's type and data length (-1 for end-of-section), or undefined past the end. */
  const field = (): { type: number; length: number } | undefined => {
    const type = varint();
    if (type === undefined) return undefined;
    if (type === 0) return { type, length: -1 };
    const length = varint();
    if (length === undefined || pos + length > bytes.length) return undefined;
    pos += length;
    return { type, length };
  };

  if (bytes[pos++] !== 2) return false;
  let f = field();
  if (f?.type === 1) f = field();
  if (f?.type !== 2 || field()?.type !== 0) return false;
  // Caveats, bounded so that a crafted value cannot loop long.
  for (let caveats = 0; ; caveats++) {
    if (caveats > 256) return false;
    f = field();
    if (f === undefined) return false;
    if (f.type === 0) break;
    if (f.type === 1) f = field();
    if (f?.type !== 2) return false;
    f = field();
    if (f?.type === 4) f = field();
    if (f?.type !== 0) return false;
  }
  const signature = field();
  return signature?.type === 6 && signature.length === 32 && pos === bytes.length;
}

export function validatePypiToken(token: string): Validation {
  const ok = token.startsWith("pypi-") && isMacaroonV2(Buffer.from(token.slice(5), "base64url"));
  return ok
    ? { status: "confirmed", check: "macaroon structure" }
    : { status: "failed", check: "macaroon structure", note: "the value does not decode to a complete macaroon (truncated or altered)" };
}

/** A structurally valid PyPI-style token (`location` pypi.org or test.pypi.org), for examples and tests. */
export function makePypiToken(seed: string, location = "pypi.org"): string {
  const fieldOf = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
  const identifier = Buffer.from(JSON.stringify({ nonce: fake.hex(24, seed + "-nonce"), version: 1 }));
  const caveat = Buffer.from(JSON.stringify({ permissions: { projects: [fake.lower(8, seed + "-project")] }, version: 1 }));
  const bytes = Buffer.concat([
    Buffer.from([2]),
    fieldOf(1, Buffer.from(location)),
    fieldOf(2, identifier),
    Buffer.from([0]),
    fieldOf(2, caveat),
    Buffer.from([0]),
    Buffer.from([0]),
    fieldOf(6, Buffer.from(fake.hex(64, seed + "-sig"), "hex")),
  ]);
  return "pypi-" + bytes.toString("base64url");
}

export const rules: Rule[] = [
  defineRule({
    id: "pypi-api-token",
    title: "PyPI API token",
    provider: "PyPI",
    severity: "high",
    keywords: ["pypi-ageichlwas5vcmc"],
    // `AgEIcHlwaS5vcmc` is the macaroon header: version 2, location "pypi.org".
    regex: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    validate: validatePypiToken,
    docs: "https://pypi.org/help/#apitoken",
    remediation: "Remove the token in PyPI account settings (API tokens), prefer trusted publishing from CI, and keep any token in a CI secret.",
    samples: () => [makePypiToken("pypi-ex-1"), makePypiToken("pypi-ex-2"), makePypiToken("pypi-ex-3")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("twine_password", b),
      ...withValue(a, `password = %s`, `password: %s`),
      ...withValue(c, `uv publish --token %s`),
    ],
    falsePositives: () => [`password = pypi-AgEIcHlwaS5vcmc${fake.base64url(20, "pypi-ex-4")}`, `TWINE_PASSWORD: \${{ secrets.PYPI_API_TOKEN }}`],
  }),
  defineRule({
    id: "testpypi-api-token",
    title: "TestPyPI API token",
    provider: "PyPI",
    severity: "medium",
    keywords: ["pypi-agendgvzdc5wexbplm9yzw"],
    // Macaroon header with location "test.pypi.org".
    regex: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    validate: validatePypiToken,
    docs: "https://packaging.python.org/en/latest/guides/using-testpypi/",
    remediation: "Remove the token in TestPyPI account settings (API tokens) and keep tokens in CI secrets.",
    samples: () => [makePypiToken("tpypi-ex-1", "test.pypi.org"), makePypiToken("tpypi-ex-2", "test.pypi.org")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("test_pypi_token", b), ...withValue(a, `password = %s`)],
    falsePositives: () => [`password = ${makePypiToken("tpypi-ex-3")}`, `pypi-AgENdGVzdC5weXBpLm9yZw${fake.base64url(10, "tpypi-ex-4")}`],
  }),
];
