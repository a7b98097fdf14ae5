/**
 * A provider's shape filled with a dummy body is that provider's placeholder (issue 11, item 5): named
 * with the provider's rule, never dropped and never a secret. The same shapes with generated bodies
 * are secrets.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../../src/core/detect/engine.js";
import { fake } from "../../../src/core/detect/fake.js";
import { builtinRules } from "../../../src/core/detect/index.js";

const scanner = new Scanner(builtinRules);
const verdicts = (text: string) => scanner.scan({ path: "config.env", text }).findings.map((f) => `${f.rule}/${f.category}`);

describe("dummy bodies in provider shapes", () => {
  it.each([
    ["Sourcegraph gateway token of zeros", "SRC_TOKEN=slk_" + "0".repeat(64), "sourcegraph-gateway-token"],
    ["API Management SAS token with a repeated signature", "APIM_TOKEN=integration&202401010000&" + "A".repeat(86) + "==", "azure-api-management-sas-token"],
    ["Gemini key as the docs write it", 'export GEMINI_API_KEY="account-xxxxxxxxxxxxxxxx"', "gemini-exchange-api-key"],
    ["Livestorm JWT with a filler payload", "livestorm_token = 'eyJhbGciOiJIUzI1NiJ9.eyJ" + "x".repeat(60) + "." + "x".repeat(43) + "'", "livestorm-api-token"],
  ])("%s is the provider's placeholder", (_name, line, rule) => {
    expect(verdicts(line)).toEqual([`${rule}/placeholder`]);
  });

  it.each([
    ["Sourcegraph gateway token", "SRC_TOKEN=slk_" + fake.hex(64, "dummy-slk"), "sourcegraph-gateway-token"],
    ["API Management SAS token", "APIM_TOKEN=integration&202401010000&" + fake.base64(86, "dummy-apim") + "==", "azure-api-management-sas-token"],
    ["Gemini key", "GEMINI_API_KEY=account-" + fake.alnum(20, "dummy-gemini"), "gemini-exchange-api-key"],
  ])("%s with a generated body is a secret", (_name, line, rule) => {
    expect(verdicts(line)).toEqual([`${rule}/secret`]);
  });
});
