import { fake } from "../../../src/core/detect/fake.js";
import { makeNpmToken, rules, validateNpmToken } from "../../../src/core/detect/rules/providers/npm.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { githubStyleChecksum } from "../../../src/core/detect/validate/checksum.js";

const accessToken = rules.find((r) => r.id === "npm-access-token")!;

/** Changes one character of the random part, keeping the charset. */
function tamper(token: string, at: number): string {
  return token.slice(0, at) + (token[at] === "a" ? "b" : "a") + token.slice(at + 1);
}

describe("npm token checksum", () => {
  it("confirms a token whose last 6 characters are the CRC32 of the rest", () => {
    const token = makeNpmToken("chk-1");
    expect(token).toMatch(/^npm_[A-Za-z0-9]{36}$/);
    expect(token.slice(-6)).toBe(githubStyleChecksum(token.slice(4, -6)));
    expect(validateNpmToken(token)).toMatchObject({ status: "confirmed", check: "CRC32 checksum" });
  });

  it("confirms every true positive the rule declares", () => {
    for (const [line] of accessToken.examples().truePositives as ReadonlyArray<readonly [string, string]>) {
      expect(runRule(accessToken, line).map((m) => m.validation?.status)).toEqual(["confirmed"]);
    }
  });

  it("fails a tampered token but still reports it", () => {
    const tampered = tamper(makeNpmToken("chk-2"), 10);
    expect(validateNpmToken(tampered).status).toBe("failed");
    const matches = runRule(accessToken, `NPM_TOKEN=${tampered}`);
    expect(matches.map((m) => [m.secret, m.validation?.status])).toEqual([[tampered, "failed"]]);
  });

  it("fails a random 36-character body", () => {
    expect(validateNpmToken("npm_" + fake.alnum(36, "chk-3")).status).toBe("failed");
  });
});
