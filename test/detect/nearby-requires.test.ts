/**
 * `Rule.nearbyRequires`: the nearby pattern runs only on a text holding each of its required parts; the
 * rule's own pattern runs whatever they say.
 */
import { describe, expect, it } from "@jest/globals";
import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";

const rule: Rule = {
  id: "test-nearby-requires",
  title: "Test nearby rule",
  provider: "test",
  category: "secret",
  severity: "high",
  keywords: ["acme"],
  regex: /acme_key=(?<secret>\d{6})/,
  nearbyRegex: /key=(?<secret>\d{6})/,
  // Not implied by the nearby pattern, so that the test sees the gate itself.
  nearbyRequires: [/acme\.example/],
  examples: () => ({ truePositives: [], falsePositives: [] }),
};

const secrets = (text: string): string[] => runRule(rule, text).map((m) => m.secret);

describe("nearbyRequires", () => {
  it("runs the nearby pattern only where the text holds every required part", () => {
    expect(secrets("host=acme.example key=123456")).toEqual(["123456"]);
    expect(secrets("host=acme.test key=123456")).toEqual([]);
  });

  it("leaves the rule's own pattern alone", () => {
    expect(secrets("acme_key=654321")).toEqual(["654321"]);
  });
});
