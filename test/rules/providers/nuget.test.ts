import { describe, expect, it } from "@jest/globals";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake } from "../../../src/core/detect/fake.js";
import { rules } from "../../../src/core/detect/rules/providers/nuget.js";
import { ruleFinder } from "./find-rule.js";

const { byId } = ruleFinder(rules);

describe("NuGet.Config clear-text passwords", () => {
  it("reports the nuget.config reference's own example passwords as placeholders, other passwords as secrets", () => {
    const rule = byId("nuget-config-password");
    for (const documented of rule.exampleValues ?? []) {
      expect(runRule(rule, `<add key="ClearTextPassword" value="${documented}" />`).map((m) => m.category)).toEqual(["placeholder"]);
    }
    expect(rule.exampleValues?.length).toBeGreaterThan(0);
    expect(runRule(rule, `<add key="ClearTextPassword" value="${fake.alnum(14, "nuget-real")}" />`).map((m) => m.category ?? "secret")).toEqual(["secret"]);
  });
});
