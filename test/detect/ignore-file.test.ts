/** `.claude-guard-ignore`: fingerprints and path lines, and what is neither (reported, not guessed at). */
import { describe, expect, it } from "@jest/globals";
import { parseIgnoreFile } from "../../src/core/detect/suppress.js";
import { prepareScan } from "../../src/core/setup.js";

describe("parseIgnoreFile", () => {
  it("reads path lines (a /, * or .) apart from fingerprints, and reports words, short hex and gitleaks entries", () => {
    const fingerprint = "0123456789abcdef0123456789ABCDEF";
    const list = parseIgnoreFile([`${fingerprint} # reviewed`, "build/", "/dist", "**/*.min.js", "docs/x.json # sample", "not-a-fingerprint", "0123abcd", "abc:src/a.ts:generic-password:3", "!keep.ts"].join("\n"));
    expect([...list.fingerprints]).toEqual([fingerprint.toLowerCase()]);
    expect(list.paths).toEqual(["build/", "dist", "**/*.min.js", "docs/x.json"]);
    expect(list.invalid.map((i) => i.line)).toEqual([6, 7, 8, 9]);
  });

  it("a path line leaves its files out of every door's scan, and says which file did", () => {
    const setup = prepareScan({ ignoreText: "fixtures/\n", configText: "paths:\n  ignore: ['vendor/**']\n" });
    expect(setup.isIgnoredPath("fixtures/a.ts")).toBe(true);
    expect(setup.ignoredPathDetail("fixtures/a.ts")).toBe(".claude-guard-ignore");
    expect(setup.ignoredPathDetail("vendor/x/y.js")).toBe("paths.ignore");
    expect(setup.isIgnoredPath("src/a.ts")).toBe(false);
  });
});
