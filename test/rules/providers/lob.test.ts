import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/lob.js";

describe("Lob API keys", () => {
  const live = rules.find((x) => x.id === "lob-live-api-key")!;
  const test = rules.find((x) => x.id === "lob-test-api-key")!;

  it("a body shorter than the documented 35 needs `lob` as its own word in the name", () => {
    const key = "live_" + fake.hex(32, "lob-edge");
    expect(runRule(live, `GLOBAL_API_KEY=${key}`)).toEqual([]);
    expect(runRule(live, `token = '${key}'`)).toEqual([]);
    expect(runRule(live, `lobApiKey: "${key}"`).map((m) => m.secret)).toEqual([key]);
    expect(runRule(live, `LOB_LIVE_KEY=${key}`).map((m) => m.secret)).toEqual([key]);
  });

  it("a live key of the documented shape (the prefix and 35 lower-case hex) is reported wherever it stands", () => {
    const key = "live_" + fake.hex(35, "lob-alone");
    expect(runRule(live, `token = '${key}'`).map((m) => m.secret)).toEqual([key]);
    expect(runRule(live, `curl https://api.lob.com/v1/letters -u ${key}:`).map((m) => m.secret)).toEqual([key]);
  });

  it("a test key keeps the setting's name: `test_` starts test function names", () => {
    const testKey = "test_" + fake.hex(35, "lob-alone-t");
    expect(runRule(test, `token = '${testKey}'`)).toEqual([]);
    expect(runRule(test, `def ${testKey}():`)).toEqual([]);
    expect(runRule(test, `LOB_API_KEY=${testKey}`).map((m) => m.secret)).toEqual([testKey]);
  });

  it("not inside another token, nor with another length or case", () => {
    const body = fake.hex(35, "lob-not");
    expect(runRule(live, `sk_live_${body}`)).toEqual([]);
    expect(runRule(live, `x-live_${body}`)).toEqual([]);
    expect(runRule(live, `live_${body}0`)).toEqual([]);
    expect(runRule(live, `live_${body.toUpperCase().replace(/[0-9]/, "A")}`)).toEqual([]);
    expect(runRule(live, `deliver_live_${body}`)).toEqual([]);
  });
});
