/** The baseline's pure rules (core/baseline.ts) and its JSON Schema. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { BaselineError, baselineEntries, parseBaseline, renderBaseline, splitBaselined, updateBaseline } from "../../src/core/baseline.js";
import type { Finding } from "../../src/core/types.js";
import { validate } from "../audit/json-schema-subset.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/claude-guard-baseline.schema.json", import.meta.url), "utf8")) as Record<string, unknown>;

function finding(n: number, path: string, category: Finding["category"] = "secret"): Finding {
  return { rule: "generic-password", category, severity: "high", path, line: n, column: 1, endColumn: 5, fingerprint: n.toString(16).padStart(32, "0"), redacted: "…", message: "m", title: "t" };
}

describe("baseline", () => {
  it("records fingerprint, rule and path of each finding, sorted and once each, never a policy finding nor a value", () => {
    const findings = [finding(2, "b.ts"), finding(1, "a.ts"), finding(1, "a.ts"), finding(3, ".claude/settings.json", "policy")];
    const text = renderBaseline({ version: 1, generatedAt: "2026-12-06T20:00:00.000Z", entries: baselineEntries(findings) });
    const data = JSON.parse(text) as { findings: unknown[] };
    expect(data.findings).toEqual([
      { fingerprint: finding(1, "a.ts").fingerprint, rule: "generic-password", path: "a.ts" },
      { fingerprint: finding(2, "b.ts").fingerprint, rule: "generic-password", path: "b.ts" },
    ]);
    expect(validate(schema, data)).toEqual([]);
    expect(text).not.toContain("redacted");
    expect(parseBaseline(text, "b.json").entries).toHaveLength(2);
  });

  it("reads back what it writes for 200,000 findings (a data dump's), where 16 MiB once stopped at ~135,000", () => {
    const findings = Array.from({ length: 200_000 }, (_, i) => finding(i + 1, `dumps/part-${i % 40}.csv`));
    const text = renderBaseline({ version: 1, generatedAt: "2026-12-06T20:00:00.000Z", entries: baselineEntries(findings) });
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
    expect(parseBaseline(text, "big.json").entries).toHaveLength(200_000);
  });

  it("splits a scan's findings into baselined and fresh; policy findings are never baselined", () => {
    const baseline = { entries: baselineEntries([finding(1, "a.ts")]) };
    const policy = { ...finding(1, "a.ts", "policy") };
    const { fresh, baselined } = splitBaselined([finding(1, "a.ts"), finding(2, "a.ts"), policy], baseline);
    expect(baselined.map((f) => f.line)).toEqual([1]);
    expect(fresh).toEqual([finding(2, "a.ts"), policy]);
  });

  it("--update adds new findings, drops those no longer in a file it read, keeps those of files it did not read", () => {
    const old = { version: 1 as const, generatedAt: "old", entries: baselineEntries([finding(1, "a.ts"), finding(2, "fixed.ts"), finding(3, "elsewhere.ts")]) };
    const result = updateBaseline(old, [finding(1, "a.ts"), finding(4, "new.ts")], new Set(["a.ts", "fixed.ts", "new.ts"]), "now");
    expect(result).toMatchObject({ added: 1, removed: 1 });
    expect(result.baseline.entries.map((e) => e.path).sort()).toEqual(["a.ts", "elsewhere.ts", "new.ts"]);
    expect(result.baseline.generatedAt).toBe("now");
    expect(updateBaseline(result.baseline, [finding(1, "a.ts"), finding(4, "new.ts")], new Set(["a.ts"]), "later").baseline.generatedAt).toBe("now");
  });

  it("refuses a file that is not a baseline with a sentence naming it", () => {
    expect(() => parseBaseline("{", "x.json")).toThrow(BaselineError);
    expect(() => parseBaseline('{"version":2,"findings":[]}', "x.json")).toThrow(/x\.json is not a claude-guard baseline: its version is 2/);
    expect(() => parseBaseline('{"version":1,"findings":[{"fingerprint":"abc"}]}', "x.json")).toThrow(/findings\[0\] has no fingerprint of 32 hex characters/);
  });
});

describe("the text summary", () => {
  it("counts suppressed findings, and baselined ones when a baseline was used", async () => {
    const { renderText } = await import("../../src/core/report/text.js");
    const base = { version: 1 as const, tool: { name: "claude-guard", version: "0" }, findings: [] };
    const scanned = { files: 1, bytes: 10, commits: 0, claudeCommits: 0, skipped: [] };
    expect(renderText({ ...base, scanned: { ...scanned, suppressed: 2 } }, { color: false })).toBe("No findings · 1 file, 10 B scanned · 2 suppressed\n");
    expect(renderText({ ...base, scanned: { ...scanned, suppressed: 0, baselined: 3 } }, { color: false, detail: "quiet" })).toBe("No findings · 1 file, 10 B scanned · 0 suppressed · 3 baselined\n");
  });
});
