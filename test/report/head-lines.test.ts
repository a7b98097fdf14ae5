/**
 * Where a finding of an earlier commit sits at the head (annotations can only sit there): the same line
 * when it still reads the same, else the nearest line that does, else nowhere (null).
 */
import { describe, expect, it } from "@jest/globals";
import { locateAtHead } from "../../src/core/report/head-lines.js";
import type { Finding } from "../../src/core/types.js";

const OLD = "1".repeat(40);
const HEAD = "2".repeat(40);

function finding(path: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { rule: "phone-number", category: "pii", severity: "low", path, line, column: 1, endColumn: 5, commit: OLD, fingerprint: "f".repeat(32), redacted: "…", message: "", title: "Phone number", ...extra };
}

describe("locateAtHead", () => {
  const head: Record<string, string | null | undefined> = {
    "a.txt": ["x", "call 555", "y", "call 555", "z", "call 555"].join("\n"),
    "crlf.txt": ["first", "call 555", "last"].join("\r\n"),
    "deleted.txt": null,
  };
  const files = { text: (path: string) => head[path], addedLine: () => "call 555" };

  it("keeps a line that still reads the same, moves one that does not to the nearest that does, the earlier of two as near", () => {
    const same = finding("a.txt", 4);
    const moved = finding("a.txt", 3); // lines 2 and 4 are as near: the earlier
    const below = finding("a.txt", 7);
    const crlf = finding("crlf.txt", 1);
    const located = locateAtHead([same, moved, below, crlf], HEAD, files);
    expect([same, moved, below, crlf].map((f) => located.get(f))).toEqual([4, 2, 6, 2]);
  });

  it("says null where no line of the head reads as the added one, or the file is gone; leaves out what it cannot tell", () => {
    const gone = finding("a.txt", 2);
    const deleted = finding("deleted.txt", 1);
    const unread = finding("unread.txt", 1);
    const atHead = finding("a.txt", 1, { commit: HEAD });
    const policy = finding("a.txt", 1, { category: "policy" });
    const located = locateAtHead([gone, deleted, unread, atHead, policy], HEAD, { ...files, addedLine: (f) => (f === gone ? "removed later" : "call 555") });
    expect(located.get(gone)).toBeNull();
    expect(located.get(deleted)).toBeNull();
    expect([unread, atHead, policy].map((f) => located.has(f))).toEqual([false, false, false]);
  });

  // Each finding searched every line of its file: 5 s for 20,000 findings in a file a later commit had
  // shifted by one line, growing with the square. The lines are indexed once now.
  it("places 50,000 findings of a file shifted by one line in time that grows with their number", () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${100_000 + i},+1-555-${1000 + (i % 9000)},row ${i}`);
    const text = ["id,phone,note", ...lines].join("\n");
    const findings = lines.map((_, i) => finding("data.csv", i + 1));
    const started = Date.now();
    const located = locateAtHead(findings, HEAD, { text: () => text, addedLine: (f) => lines[f.line - 1] });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(findings.every((f) => located.get(f) === f.line + 1)).toBe(true);
  });
});
