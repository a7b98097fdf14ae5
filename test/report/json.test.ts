import { fake } from "../../src/core/detect/fake.js";
import { renderJson, writeJson } from "../../src/core/report/index.js";
import type { Finding, ScanReport } from "../../src/core/types.js";

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: "aws-access-key-id",
    category: "secret",
    severity: "high",
    path: "src/x.ts",
    line: 12,
    column: 7,
    endColumn: 27,
    fingerprint: fake.hex(32, "json-fp"),
    redacted: "AK" + "IA…" + fake.upper(4, "json"),
    message: "AWS access key ID",
    title: "AWS access key ID",
    ...overrides,
  };
}

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    version: 1,
    tool: { name: "claude-guard", version: "0.1.0" },
    scanned: {
      files: 120,
      bytes: 1_234_567,
      commits: 4,
      claudeCommits: 2,
      skipped: [{ path: "assets/logo.png", reason: "binary" }],
    },
    findings: [finding()],
    ...overrides,
  };
}

describe("renderJson", () => {
  test("follows the version 1 contract of the JSON report", () => {
    const out = JSON.parse(renderJson(report()));
    expect(out.version).toBe(1);
    expect(out.scanned).toEqual({
      files: 120,
      bytes: 1_234_567,
      commits: 4,
      claudeCommits: 2,
      skipped: [{ path: "assets/logo.png", reason: "binary" }],
    });
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0];
    for (const key of ["rule", "category", "severity", "path", "line", "column", "fingerprint", "redacted", "message"]) {
      expect(f).toHaveProperty(key);
    }
    expect(f).toMatchObject({ rule: "aws-access-key-id", category: "secret", severity: "high", path: "src/x.ts", line: 12, column: 7 });
    expect(f.endColumn).toBe(27);
    expect(f.title).toBe("AWS access key ID");
  });

  test("keys come in a fixed order whatever order the caller built the objects in, 2-space indent", () => {
    const shuffled = {
      message: "AWS access key ID",
      redacted: "AK" + "IA…" + fake.upper(4, "order"),
      title: "AWS access key ID",
      fingerprint: fake.hex(32, "order"),
      endColumn: 27,
      column: 7,
      line: 12,
      path: "src/x.ts",
      severity: "high",
      category: "secret",
      rule: "aws-access-key-id",
      commit: "c".repeat(40),
    } as Finding;
    const text = renderJson(report({ findings: [shuffled] }));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(["version", "tool", "scanned", "findings"]);
    expect(Object.keys(parsed.scanned)).toEqual(["files", "bytes", "commits", "claudeCommits", "skipped"]);
    expect(Object.keys(parsed.findings[0])).toEqual([
      "rule", "category", "severity", "path", "line", "column", "endColumn", "commit", "fingerprint", "redacted", "message", "title",
    ]);
    expect(text).toMatch(/^\{\n {2}"version": 1,\n {2}"tool"/);
    expect(text.endsWith("}\n")).toBe(true);
    // Same input, same bytes.
    expect(renderJson(report({ findings: [shuffled] }))).toBe(text);
  });

  test("optional fields are left out when absent, kept when present", () => {
    const plain = JSON.parse(renderJson(report())).findings[0];
    expect(plain).not.toHaveProperty("commit");
    expect(plain).not.toHaveProperty("validation");

    const withExtras = JSON.parse(
      renderJson(
        report({
          scanned: { files: 1, bytes: 1, commits: 1, claudeCommits: 1, skipped: [{ path: "big.min.js", reason: "too-large", commit: "d".repeat(40), detail: "3 MB" }] },
          findings: [finding({ commit: "e".repeat(40), validation: { status: "failed", check: "checksum", note: "not a confirmed credential" } })],
        }),
      ),
    );
    expect(withExtras.findings[0].commit).toBe("e".repeat(40));
    expect(withExtras.findings[0].validation).toEqual({ status: "failed", check: "checksum", note: "not a confirmed credential" });
    expect(withExtras.scanned.skipped[0]).toEqual({ path: "big.min.js", reason: "too-large", commit: "d".repeat(40), detail: "3 MB" });
  });

  test("includes commits and their authorship evidence when present (with --git), and not otherwise", () => {
    expect(JSON.parse(renderJson(report()))).not.toHaveProperty("commits");
    const out = JSON.parse(
      renderJson(
        report({
          commits: [
            {
              sha: "f".repeat(40),
              subject: "Add config loader",
              author: "Jane Doe",
              authorship: {
                isClaude: true,
                agents: ["claude"],
                signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" }],
              },
            },
          ],
        }),
      ),
    );
    expect(Object.keys(out)).toEqual(["version", "tool", "scanned", "findings", "commits"]);
    expect(out.commits[0]).toEqual({
      sha: "f".repeat(40),
      subject: "Add config loader",
      author: "Jane Doe",
      authorship: {
        isClaude: true,
        agents: ["claude"],
        signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" }],
      },
    });
  });

  test("an empty report has empty arrays, not missing ones", () => {
    const out = JSON.parse(renderJson(report({ findings: [], scanned: { files: 0, bytes: 0, commits: 0, claudeCommits: 0, skipped: [] } })));
    expect(out.findings).toEqual([]);
    expect(out.scanned.skipped).toEqual([]);
  });

  test("written in pieces, the report is the same bytes as one JSON.stringify of it with a 2-space indent", () => {
    const findings = Array.from({ length: 250 }, (_, i) => finding({ line: i + 1, path: `src/ünïcode "${i}".ts`, ...(i % 3 === 0 ? { validation: { status: "failed", check: "checksum" } } : {}) }));
    const commits = [{ sha: "f".repeat(40), subject: "Add \"config\"\tloader", author: "Jane Doe", authorship: { isClaude: true, agents: ["claude"], signals: [] } }];
    for (const shape of [report({ findings }), report({ findings: [], baselined: findings.slice(0, 3), commits: [] }), report({ findings: findings.slice(0, 1), commits })]) {
      const pieces: string[] = [];
      writeJson(shape, undefined, (piece) => pieces.push(piece));
      const text = pieces.join("");
      expect(text).toBe(renderJson(shape));
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
    }
    // Many findings come in several pieces, none holding the whole report.
    const pieces: string[] = [];
    writeJson(report({ findings }), undefined, (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join("")).findings).toHaveLength(250);
  });

  test("fields a caller attached by accident (such as a raw secret) never reach the output", () => {
    const marker = "LEAKED-" + fake.alnum(24, "leak");
    const leaky = { ...finding(), secret: marker, match: { secret: marker } } as unknown as Finding;
    expect(renderJson(report({ findings: [leaky] }))).not.toContain(marker);
  });
});
