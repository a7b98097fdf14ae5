import { describe, expect, it } from "@jest/globals";
import { parseClassification, resolveClassification } from "../../src/core/policy/classification.js";

const NAME = "data_classification";

describe("resolveClassification: config, custom property, default, in that order, with the source said", () => {
  it("the custom property wins over everything", () => {
    expect(resolveClassification({ propertyName: NAME, propertyValue: "restricted", configValue: "public", visibility: "public", cliValue: "internal" })).toEqual({
      classification: { value: "restricted", source: "custom property data_classification" },
      problems: [],
    });
  });

  it("reads a multi-select property by its first value and accepts case and spaces", () => {
    expect(resolveClassification({ propertyName: "sensitivity", propertyValue: [" Confidential ", "public"] }).classification).toEqual({ value: "confidential", source: "custom property sensitivity" });
  });

  it("reports an invalid property value instead of using it, and falls through to the config", () => {
    const resolved = resolveClassification({ propertyName: NAME, propertyValue: "top-secret", configValue: "confidential", configFile: "acme/.github:.github/claude-guard.yml" });
    expect(resolved.classification).toEqual({ value: "confidential", source: "config acme/.github:.github/claude-guard.yml" });
    expect(resolved.problems).toEqual([expect.stringMatching(/data_classification holds "top-secret", which is not a classification \(expected one of public, internal, confidential, restricted\); it was ignored/)]);
  });

  it("the CLI flag beats the config (the person running the scan says what the repository is)", () => {
    expect(resolveClassification({ propertyName: NAME, configValue: "restricted", cliValue: "internal" }).classification).toEqual({ value: "internal", source: "--classification" });
  });

  it("the config, then the visibility: public is public, private and internal are internal", () => {
    expect(resolveClassification({ propertyName: NAME, configValue: "restricted", visibility: "public" }).classification).toEqual({ value: "restricted", source: "config .github/claude-guard.yml" });
    expect(resolveClassification({ propertyName: NAME, visibility: "public" }).classification).toEqual({ value: "public", source: "repository visibility (public)" });
    expect(resolveClassification({ propertyName: NAME, visibility: "private" }).classification).toEqual({ value: "internal", source: "repository visibility (private)" });
    expect(resolveClassification({ propertyName: NAME, visibility: "internal" }).classification).toEqual({ value: "internal", source: "repository visibility (internal)" });
  });

  it("an empty property value counts as none; nothing known at all is internal, and says why", () => {
    const resolved = resolveClassification({ propertyName: NAME, propertyValue: "  " });
    expect(resolved.problems).toEqual([]);
    expect(resolved.classification.value).toBe("internal");
    expect(resolved.classification.source).toBe("default, as no custom property, config classification or visibility says otherwise");
    expect(resolveClassification({ propertyName: NAME, defaultSource: "--classification flag" }).classification.source).toBe("default, as no --classification flag says otherwise");
  });

  it("parseClassification takes only the four values", () => {
    expect(["public", "INTERNAL", " confidential", "restricted"].map(parseClassification)).toEqual(["public", "internal", "confidential", "restricted"]);
    expect([undefined, 3, "secret", ""].map(parseClassification)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
