import { describe, expect, it } from "@jest/globals";
import { formatConfigError, parseConfig } from "../../src/core/config/config.js";

const FILE = ".github/claude-guard.yml";

describe("parseConfig", () => {
  it("reads every documented key", () => {
    const { config, errors } = parseConfig(
      [
        "classification: confidential",
        "classificationProperty: data_class",
        "failOn: medium",
        "authorship:",
        "  markers: ['Assisted-by: bot']",
        "paths:",
        "  ignore: ['**/testdata/**']",
        "rules:",
        "  - { id: acme-token, regex: 'acme_[a-z]{8}', keywords: [acme_], severity: critical }",
        "skills:",
        "  'deploy/*': { maxClassification: internal, teams: [platform] }",
        "audit:",
        "  repository: governance",
        "  notify: [acme/security]",
      ].join("\n"),
      FILE,
    );
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      classification: "confidential",
      classificationProperty: "data_class",
      failOn: "medium",
      authorship: { markers: ["Assisted-by: bot"] },
      paths: { ignore: ["**/testdata/**"] },
      rules: [{ id: "acme-token", regex: "acme_[a-z]{8}", keywords: ["acme_"], category: "secret", severity: "critical" }],
      skills: { "deploy/*": { maxClassification: "internal", teams: ["platform"] } },
      audit: { repository: "governance", notify: ["acme/security"] },
    });
  });

  it("names file, key and line for unknown keys, with a suggestion", () => {
    const { errors } = parseConfig("failOn: high\nfial_on: low\npaths:\n  ignroe: []\n", FILE);
    expect(errors.map(formatConfigError)).toEqual([
      `${FILE}:2: fial_on: unknown key (did you mean "failOn"?); known keys: classification, classificationProperty, failOn, authorship, paths, rules, skills, audit`,
      `${FILE}:4: paths.ignroe: unknown key (did you mean "ignore"?); known keys: ignore`,
    ]);
  });

  it("reports wrong types and values with what was expected", () => {
    const { config, errors } = parseConfig("failOn: sometimes\nclassification: secret\npaths:\n  ignore: notalist\n", FILE);
    expect(errors.map((e) => [e.key, e.line]).sort()).toEqual([
      ["classification", 2],
      ["failOn", 1],
      ["paths.ignore", 4],
    ]);
    expect(errors.find((e) => e.key === "failOn")?.message).toContain("expected one of critical, high, medium, low, none");
    expect(config.failOn).toBe("high");
  });

  it("reports malformed YAML with its line instead of throwing", () => {
    const { errors } = parseConfig("failOn: high\npaths: [unclosed\n", FILE);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/^not valid YAML/);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("accepts an empty file as the defaults", () => {
    expect(parseConfig("", FILE)).toEqual({ config: expect.objectContaining({ failOn: "high" }), errors: [] });
    expect(parseConfig("# nothing yet\n", FILE).errors).toEqual([]);
  });

  it("refuses dangerous authorship markers", () => {
    const { errors } = parseConfig("authorship:\n  markers: ['(a+)+$']\n", FILE);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ key: "authorship.markers", line: 2 });
  });
});
