import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/hubspot.js";

describe("HubSpot private app tokens", () => {
  it("are found in every region", () => {
    const r = rules.find((x) => x.id === "hubspot-private-app-token")!;
    for (const region of ["na1", "na2", "eu1", "ap1"]) {
      const t = `pat-${region}-` + fake.uuid(region);
      expect(runRule(r, `token = "${t}"`).map((m) => m.secret)).toEqual([t]);
    }
  });
});
