import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../../src/core/detect/engine.js";
import { fake } from "../../../src/core/detect/fake.js";
import { builtinRules } from "../../../src/core/detect/index.js";

const scanner = new Scanner(builtinRules);
const found = (text: string) => scanner.scan({ path: "config/harness.env", text }).findings.map((f) => [f.rule, f.category]);

describe("Harness tokens", () => {
  const account = fake.base64url(22, "harness-account");
  const tokenId = fake.hex(24, "harness-token-id");

  it("reports a token of the format as a secret", () => {
    expect(found(`HARNESS_TOKEN="pat.${account}.${tokenId}.${fake.alnum(20, "harness-secret")}"`)).toEqual([["harness-api-key", "secret"]]);
  });

  it("reports a pat. value whose parts the format refuses (a secret cut short) as a broken copy, not a secret", () => {
    const cut = `pat.${account}.${tokenId}.${fake.alnum(17, "harness-cut")}`;
    const findings = scanner.scan({ path: "config/harness.env", text: `harness_token = '${cut}'` }).findings;
    expect(findings.map((f) => f.category)).toEqual(["placeholder"]);
    expect(findings[0]?.message).toMatch(/starts like a Harness/);
  });
});
