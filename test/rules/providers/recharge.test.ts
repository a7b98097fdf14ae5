import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/keyed-more.js";

describe("Recharge API tokens", () => {
  const rule = rules.find((x) => x.id === "recharge-api-token")!;
  const found = (line: string) => runRule(rule, line).map((m) => m.secret);

  it("include the hex digests issued before the sk_ form, under a Recharge credential name", () => {
    const sha224 = fake.hex(28, "recharge-a") + fake.hex(28, "recharge-b").toUpperCase();
    const md5 = fake.hex(32, "recharge-md5");
    expect(found(`RECHARGE_API_TOKEN=${sha224}`)).toEqual([sha224]);
    expect(found(`rechargeToken: "${md5}"`)).toEqual([md5]);
  });

  it("leave digests under other Recharge names, and digests of other lengths", () => {
    expect(found(`RECHARGE_PLAN_ID=${fake.hex(32, "recharge-id")}`)).toEqual([]);
    expect(found(`RECHARGE_API_TOKEN=${fake.hex(40, "recharge-sha1")}`)).toEqual([]);
  });
});
