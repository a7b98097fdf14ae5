import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/lob.js";

describe("Lob API keys", () => {
  it("need `lob` as its own word in the name", () => {
    const r = rules.find((x) => x.id === "lob-live-api-key")!;
    const key = "live_" + fake.hex(35, "lob-edge");
    expect(runRule(r, `GLOBAL_API_KEY=${key}`)).toEqual([]);
    expect(runRule(r, `lobApiKey: "${key}"`).map((m) => m.secret)).toEqual([key]);
  });
});
