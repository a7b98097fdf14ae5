import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/doppler.js";

describe("Doppler service tokens", () => {
  it("may carry a config name", () => {
    const r = rules.find((x) => x.id === "doppler-service-token")!;
    const t1 = "dp.st." + fake.alnum(43, "dp1");
    const t2 = "dp.st.dev_personal." + fake.alnum(44, "dp2");
    expect(runRule(r, `DOPPLER_TOKEN=${t1}`).map((m) => m.secret)).toEqual([t1]);
    expect(runRule(r, `DOPPLER_TOKEN="${t2}"`).map((m) => m.secret)).toEqual([t2]);
  });
});
