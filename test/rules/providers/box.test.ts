import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/box.js";

describe("Box credentials", () => {
  it("need a box_ prefixed secret name (not sandbox or inbox)", () => {
    const r = rules.find((x) => x.id === "box-api-credential")!;
    const value = fake.alnum(30, "box-edge") + "12";
    expect(runRule(r, `INBOX_ACCESS_TOKEN=${value}`)).toEqual([]);
    expect(runRule(r, `BOX_ACCESS_TOKEN=${value}`).map((m) => m.secret)).toEqual([value]);
  });
});
