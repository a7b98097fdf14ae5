/**
 * A user's rule may declare examples; loading the config holds them to the contract the built-in
 * rules keep, and a broken example fails the scan setup with a sentence naming the rule and the line.
 */
import { describe, expect, it } from "@jest/globals";
import { prepareScan } from "../../src/core/setup.js";
import { fake } from "../../src/core/detect/fake.js";

const FILE = ".github/claude-guard.yml";
const token = `acme_${fake.lowerDigits(32, "custom-examples")}`;

function config(examples: string): string {
  return ["rules:", "  - id: acme-internal-token", "    regex: 'acme_[a-z0-9]{32}'", "    keywords: [acme_]", "    examples:", examples].join("\n") + "\n";
}

describe("examples on a user's rule", () => {
  it("accepts examples the rule keeps, as pairs or as bare lines, and still scans", () => {
    const setup = prepareScan({
      configFile: FILE,
      configText: config(`      truePositives:\n        - { line: 'ACME_TOKEN=${token}', secret: '${token}' }\n        - 'client: ${token}'\n      falsePositives: ['acme_short', 'ACME_URL=https://acme.test/']`),
    });
    expect(setup.errors).toEqual([]);
    expect(setup.scanner.scan({ path: "x.env", text: `TOKEN=${token}` }).findings.map((f) => f.rule)).toContain("acme-internal-token");
  });

  it("refuses a true positive the rule does not yield, naming the rule and the line", () => {
    const setup = prepareScan({ configFile: FILE, configText: config(`      truePositives:\n        - { line: 'ACME_TOKEN=acme_tooshort', secret: 'acme_tooshort' }`) });
    expect(setup.errors).toEqual([`${FILE}: rules.acme-internal-token: examples: true positive "ACME_TOKEN=acme_tooshort" does not yield its expected value`]);
  });

  it("refuses an expected value that is not the whole match, and a false positive the rule reports", () => {
    const setup = prepareScan({
      configFile: FILE,
      configText: config(`      truePositives:\n        - { line: 'ACME_TOKEN=${token}', secret: '${token.slice(0, 20)}' }\n      falsePositives: ['old: ${token}']`),
    });
    expect(setup.errors).toHaveLength(2);
    expect(setup.errors[0]).toContain("does not yield its expected value");
    expect(setup.errors[1]).toContain(`false positive "old: ${token}" yields a finding`);
  });

  it("refuses a true positive without any of the rule's keywords", () => {
    const setup = prepareScan({ configFile: FILE, configText: config(`      truePositives:\n        - { line: 'value ${token.slice(5)}', secret: '${token.slice(5)}' }`) });
    expect(setup.errors.join("\n")).toContain("holds none of the keywords");
  });

  it("refuses a bare line the rule yields nothing from", () => {
    const setup = prepareScan({ configFile: FILE, configText: config(`      truePositives: ['acme_ ${token.slice(5, 20)}']`) });
    expect(setup.errors).toEqual([`${FILE}: rules.acme-internal-token: examples: true positive "acme_ ${token.slice(5, 20)}" yields nothing`]);
  });

  it("rejects unknown keys under examples with the config's own error", () => {
    const setup = prepareScan({ configFile: FILE, configText: config(`      positives: ['x']`) });
    expect(setup.errors.join("\n")).toMatch(/rules\[0\]\.examples.*positives/);
  });
});
