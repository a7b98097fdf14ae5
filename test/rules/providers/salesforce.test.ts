import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/salesforce.js";

describe("Salesforce session ids", () => {
  it("need the org id and the '!' separator", () => {
    const r = rules.find((x) => x.id === "salesforce-access-token")!;
    const session = "00D" + fake.alnum(15, "sfe") + "!" + fake.alnum(100, "sfe2");
    expect(runRule(r, `Authorization: Bearer ${session}`).map((m) => m.secret)).toEqual([session]);
    expect(runRule(r, `Authorization: Bearer ${session.replace("!", "_")}`)).toEqual([]);
  });
});
