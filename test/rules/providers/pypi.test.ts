import { fake } from "../../../src/core/detect/fake.js";
import { isMacaroonV2, makePypiToken, rules, validatePypiToken } from "../../../src/core/detect/rules/providers/pypi.js";
import { runRule } from "../../../src/core/detect/run-rule.js";

const rule = (id: string) => rules.find((r) => r.id === id)!;

describe("PyPI macaroon structure", () => {
  it("generates tokens with the documented prefixes", () => {
    expect(makePypiToken("mac-0")).toMatch(/^pypi-AgEIcHlwaS5vcmc/);
    expect(makePypiToken("mac-0", "test.pypi.org")).toMatch(/^pypi-AgENdGVzdC5weXBpLm9yZw/);
  });

  it("confirms a complete macaroon, and every true positive the rules declare", () => {
    const token = makePypiToken("mac-1");
    expect(validatePypiToken(token)).toMatchObject({ status: "confirmed", check: "macaroon structure" });
    expect(isMacaroonV2(Buffer.from(token.slice(5), "base64url"))).toBe(true);
    for (const r of rules) {
      for (const [line] of r.examples().truePositives as ReadonlyArray<readonly [string, string]>) {
        expect(runRule(r, line).map((m) => m.validation?.status)).toEqual(["confirmed"]);
      }
    }
  });

  it("fails a truncated token but still reports it", () => {
    const truncated = makePypiToken("mac-2").slice(0, -12);
    expect(validatePypiToken(truncated).status).toBe("failed");
    const matches = runRule(rule("pypi-api-token"), `password = ${truncated}`);
    expect(matches.map((m) => [m.secret, m.validation?.status])).toEqual([[truncated, "failed"]]);
  });

  it("fails a token with random bytes after the header", () => {
    expect(validatePypiToken("pypi-AgEIcHlwaS5vcmc" + fake.base64url(120, "mac-3")).status).toBe("failed");
  });

  it("fails a token with bytes after the signature", () => {
    const bytes = Buffer.from(makePypiToken("mac-4").slice(5), "base64url");
    expect(isMacaroonV2(Buffer.concat([bytes, Buffer.from([0])]))).toBe(false);
  });

  it("accepts a caveat with a verifier id and rejects a short signature or another version", () => {
    const field = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
    const base = [Buffer.from([2]), field(2, Buffer.from("id")), Buffer.from([0])];
    const thirdParty = [field(1, Buffer.from("loc")), field(2, Buffer.from("cav")), field(4, Buffer.from("vid")), Buffer.from([0])];
    const sig = (n: number) => field(6, Buffer.alloc(n, 7));
    expect(isMacaroonV2(Buffer.concat([...base, ...thirdParty, Buffer.from([0]), sig(32)]))).toBe(true);
    expect(isMacaroonV2(Buffer.concat([...base, ...thirdParty, Buffer.from([0]), sig(31)]))).toBe(false);
    expect(isMacaroonV2(Buffer.concat([Buffer.from([1]), ...base.slice(1), Buffer.from([0]), sig(32)]))).toBe(false);
  });

  it("rates TestPyPI below PyPI", () => {
    expect([rule("pypi-api-token").severity, rule("testpypi-api-token").severity]).toEqual(["high", "medium"]);
  });
});
