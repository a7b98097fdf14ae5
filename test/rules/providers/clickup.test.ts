import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/clickup.js";

describe("ClickUp personal tokens", () => {
  it("pk_ does not catch Stripe publishable keys", () => {
    const r = rules.find((x) => x.id === "clickup-personal-token")!;
    expect(runRule(r, "const stripe = Stripe('pk_" + "live_" + fake.alnum(24, "s") + "')")).toEqual([]);
  });
});
