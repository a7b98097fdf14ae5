/**
 * Overlapping values on a line: one finding is kept. A window rule reads a value from the windows of
 * several lines above it and finds it once per window; those copies are one finding, and where a copy
 * gets another severity from its window, the higher one is kept.
 */
import { describe, expect, it } from "@jest/globals";
import { Scanner } from "../../src/core/detect/engine.js";
import { fake } from "../../src/core/detect/fake.js";
import type { Rule } from "../../src/core/detect/rule.js";

const TOKEN = /ACME_[A-Za-z0-9]{24}/;

/** Reports the token in a window that starts on a line naming acme; `acme prod` makes it critical. */
const rule: Rule = {
  id: "test-acme-window",
  title: "Test window rule",
  provider: "test",
  category: "secret",
  severity: "medium",
  keywords: ["acme"],
  window: 200,
  find: (text) => {
    const match = TOKEN.exec(text);
    if (!text.startsWith("acme") || !match) return [];
    return [{ secret: match[0], index: match.index, ...(text.startsWith("acme prod") ? { severity: "critical" as const } : {}) }];
  },
  examples: () => ({ truePositives: [], falsePositives: [] }),
};

describe("overlapping values", () => {
  const token = `ACME_${fake.alnum(24, "overlaps")}`;

  it("a value read from the windows of three lines is one finding", () => {
    const text = `acme one\nacme two\nacme three\nkey = ${token}\n`;
    const { findings } = new Scanner([rule]).scan({ path: "notes.txt", text });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 7, severity: "medium" });
  });

  it("where one window's copy has a higher severity, that copy is kept", () => {
    const text = `acme one\nacme prod\nkey = ${token}\n`;
    const { findings } = new Scanner([rule]).scan({ path: "notes.txt", text });
    expect(findings).toHaveLength(1);
    // The severity table (docs/severity.md) makes a declared critical format finding high.
    expect(findings[0]).toMatchObject({ line: 3, severity: "high" });
  });
});
