/** The inventory-baseline record (src/core/audit/baseline.ts): its bounds, its comment and its signature. */
import { describe, expect, it } from "@jest/globals";
import { buildBaselineRecord, MAX_BASELINE_AUTHORS, parseBaselineComment, renderBaselineComment } from "../../src/core/audit/index.js";
import { fake } from "../../src/core/detect/fake.js";
import { repositoryInventory, type ClaudeChange } from "../../src/core/inventory/index.js";

const KEY = "baseline-unit-" + fake.alnum(32, "baseline-unit");
const change = (i: number, login: string): ClaudeChange => ({ sha: i.toString(16).padStart(40, "0"), date: `2026-11-0${(i % 9) + 1}T10:00:00Z`, login, linesAdded: 2, skills: [], offHours: false });

function record(authors: number) {
  const claude = Array.from({ length: authors }, (_, i) => change(i + 1, `user${i}`));
  const inventory = repositoryInventory({ name: "acme/api", classification: { value: "internal", source: "default" }, commitsRead: authors + 3, claude, otherAgents: { aider: 1 }, scanned: false }, () => []);
  return buildBaselineRecord({ timestamp: "2026-12-01T00:00:00Z", deliveryId: "d-1", inventory, tool: { name: "claude-guard", version: "0.0.0" } });
}

describe("inventory baseline record", () => {
  it("keeps the counts, drops the per-commit list, and lists at most MAX_BASELINE_AUTHORS authors with a note of the rest", () => {
    const big = record(MAX_BASELINE_AUTHORS + 5);
    expect(big.repository.claude.commits).toBe(MAX_BASELINE_AUTHORS + 5);
    expect(big.repository.claude.authors).toHaveLength(MAX_BASELINE_AUTHORS);
    expect(big.repository.notes).toEqual([`5 more Claude authors not listed (the ${MAX_BASELINE_AUTHORS} with the most commits are)`]);
    expect("changes" in big.repository.claude).toBe(false);
    expect(renderBaselineComment(big, KEY).length).toBeLessThan(65_536);
    expect(record(3).repository.notes).toBeUndefined();
  });

  it("round-trips through its comment, signed; an edited record or another key does not verify", () => {
    const body = renderBaselineComment(record(3), KEY);
    expect(parseBaselineComment(body, KEY)).toEqual({ record: record(3), signed: true });
    expect(parseBaselineComment(body, KEY + "x")?.signed).toBe(false);
    expect(parseBaselineComment(body.replace('"commits": 3', '"commits": 1'), KEY)?.signed).toBe(false);
    // The marker names the repository the record is about: another name is not a record at all.
    expect(parseBaselineComment(body.replace("repo=acme/api", "repo=acme/web"), KEY)).toBeUndefined();
  });
});
