import { createHash } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../../src/core/detect/engine.js";
import { fake } from "../../../src/core/detect/fake.js";
import { builtinRules } from "../../../src/core/detect/index.js";
import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { rules } from "../../../src/core/detect/rules/providers/google-cloud.js";
import { ruleFinder } from "./find-rule.js";

const { byId } = ruleFinder(rules);
const sha256 = (value: string): string => createHash("sha256").update(value, "utf8").digest("hex");

describe("Google API keys the provider published in its own repository", () => {
  const published = "AIza" + fake.base64url(35, "gcp-published");
  const other = "AIza" + fake.base64url(35, "gcp-private");
  // The shipped rule with one more digest: a key published by Google is recognised by its hash alone.
  const rule: Rule = { ...byId("gcp-api-key"), exampleValueHashes: new Set([sha256(published)]) };

  it("reports a published key as a placeholder under the provider's rule, any other key as a secret", () => {
    const [found] = runRule(rule, `GOOGLE_API_KEY=${published}`);
    expect(found).toMatchObject({ secret: published, category: "placeholder", severity: "low" });
    expect(found?.message).toMatch(/published/);
    expect(runRule(rule, `GOOGLE_API_KEY=${other}`).map((m) => m.category ?? "secret")).toEqual(["secret"]);
  });

  it("keeps the placeholder when a name-based rule sees the same value in a secret position", () => {
    const scanner = new Scanner([rule, ...builtinRules.filter((r) => r.id !== rule.id)]);
    for (const line of [`private static final String API_KEY = "${published}";`, `  "current_key": "${published}"`]) {
      const findings = scanner.scan({ path: "app/src/test/Config.java", text: line }).findings;
      expect(findings.map((f) => [f.rule, f.category])).toEqual([["gcp-api-key", "placeholder"]]);
    }
  });

  it("ships the Firebase SDK's published keys as distinct SHA-256 digests, never as literals", () => {
    const digests = [...(byId("gcp-api-key").exampleValueHashes ?? [])];
    expect(digests.length).toBeGreaterThanOrEqual(15);
    for (const digest of digests) expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(digests).size).toBe(digests.length);
  });
});
