import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/okta.js";

describe("Okta API tokens", () => {
  it("are read in the SSWS header form, and start with 00", () => {
    const r = rules.find((x) => x.id === "okta-api-token")!;
    const t = "00" + fake.alnum(40, "okta-edge");
    expect(runRule(r, `curl -H "Authorization: SSWS ${t}" https://acme.okta.com/api/v1/users`).map((m) => m.secret)).toEqual([t]);
    expect(runRule(r, `OKTA_TOKEN=${"11" + t.slice(2)}`)).toEqual([]);
  });
});
