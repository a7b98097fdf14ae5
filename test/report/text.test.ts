import { fake } from "../../src/core/detect/fake.js";
import { formatBytes, renderText, type RuleMeta } from "../../src/core/report/index.js";
import type { Finding, ScanReport } from "../../src/core/types.js";

const ESC = "\x1b[";
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

function finding(overrides: Partial<Finding> = {}): Finding {
  // Seeded by position, so the same fixture renders the same way twice.
  const n = `${overrides.path ?? ""}:${overrides.line ?? 0}:${overrides.severity ?? ""}`;
  return {
    rule: "github-pat-classic",
    category: "secret",
    severity: "high",
    path: "src/config.ts",
    line: 12,
    column: 7,
    endColumn: 47,
    fingerprint: fake.hex(32, `t-${n}`),
    redacted: "gh" + "p_…" + fake.alnum(4, `t-${n}`),
    message: "GitHub personal access token (classic)",
    title: "GitHub personal access token (classic)",
    ...overrides,
  };
}

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    version: 1,
    tool: { name: "claude-guard", version: "0.1.0" },
    scanned: { files: 120, bytes: Math.round(1.2 * 1024 * 1024), commits: 0, claudeCommits: 0, skipped: [] },
    findings: [],
    ...overrides,
  };
}

const RULES: RuleMeta[] = [
  {
    id: "github-pat-classic",
    title: "GitHub personal access token (classic)",
    provider: "GitHub",
    category: "secret",
    severity: "high",
    remediation: "Revoke it in GitHub's developer settings",
    docs: "https://docs.github.com/en/authentication",
  },
];

function mixedReport(): ScanReport {
  return report({
    findings: [
      finding({ path: "src/z.ts", line: 40, column: 13 }),
      finding({ rule: "aws-access-key-id", severity: "critical", path: "src/config.ts", line: 3, column: 1, redacted: "AK" + "IA…" + fake.upper(4, "a"), message: "AWS access key ID" }),
      finding({ path: "src/config.ts", line: 120, column: 9, validation: { status: "failed", check: "checksum", note: "not a confirmed credential" } }),
    ],
    scanned: {
      files: 120,
      bytes: Math.round(1.2 * 1024 * 1024),
      commits: 0,
      claudeCommits: 0,
      skipped: [
        { path: "assets/logo.png", reason: "binary" },
        { path: "vendor/big.js", reason: "too-large", detail: "3 MB over the 1 MB limit" },
        { path: "dist/app.js", reason: "generated" },
        { path: "data/dump.sql", reason: "truncated" },
      ],
    },
  });
}

describe("renderText", () => {
  test("groups findings by file: a path header, then aligned rows sorted by position", () => {
    const out = renderText(mixedReport(), { color: false });
    const lines = out.split("\n");
    const configHeader = lines.indexOf("src/config.ts");
    const zHeader = lines.indexOf("src/z.ts");
    expect(configHeader).toBeGreaterThanOrEqual(0);
    expect(zHeader).toBeGreaterThan(configHeader);
    // Rows of src/config.ts: line 3 before line 120, both under their header and before the next file.
    const row3 = lines.findIndex((l) => l.startsWith("  3:1 "));
    const row120 = lines.findIndex((l) => l.startsWith("  120:9 "));
    expect(row3).toBe(configHeader + 1);
    expect(row120).toBeGreaterThan(row3);
    expect(row120).toBeLessThan(zHeader);
    expect(lines[zHeader + 1]).toMatch(/^ {2}40:13 /);

    // Columns line up: severity, rule, redacted and message start at the same offset on every row.
    const rows = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
    expect(rows).toHaveLength(3);
    const offsets = (needle: (l: string) => number) => new Set(rows.map(needle));
    expect(offsets((l) => l.search(/critical|high/)).size).toBe(1);
    expect(offsets((l) => l.search(/github-pat-classic|aws-access-key-id/)).size).toBe(1);
    expect(offsets((l) => l.search(/ghp_…|AKIA…/)).size).toBe(1);
    expect(offsets((l) => l.search(/GitHub personal|AWS access/)).size).toBe(1);
    expect(rows[0]).toMatch(/^ {2}3:1 {4}critical {2}aws-access-key-id {3}AKIA…\S{4} {2}AWS access key ID$/);
  });

  test("shows validation notes under the finding", () => {
    const out = renderText(mixedReport(), { color: false });
    const lines = out.split("\n");
    const row = lines.findIndex((l) => l.startsWith("  120:9 "));
    expect(lines[row + 1]).toMatch(/^\s+↳ checksum failed: not a confirmed credential$/);
  });

  test("colours severities with ANSI codes only when asked", () => {
    const plain = renderText(mixedReport(), { color: false });
    expect(plain).not.toContain(ESC);

    const coloured = renderText(mixedReport(), { color: true });
    expect(coloured).toContain(`${ESC}1;31mcritical${ESC}0m`);
    expect(coloured).toContain(`${ESC}31mhigh    ${ESC}0m`);
    expect(coloured).toContain(`${ESC}1msrc/config.ts${ESC}0m`);
    // Colour changes nothing but the escape codes.
    expect(stripAnsi(coloured)).toBe(plain);
  });

  test("medium and low get their own colours", () => {
    const out = renderText(report({ findings: [finding({ severity: "medium" }), finding({ severity: "low", line: 13 })] }), { color: true });
    expect(out).toContain(`${ESC}33mmedium${ESC}0m`);
    expect(out).toContain(`${ESC}36mlow   ${ESC}0m`);
  });

  test("ends with a summary line: counts by severity, files, size, skipped", () => {
    const out = renderText(mixedReport(), { color: false });
    const last = out.trimEnd().split("\n").at(-1);
    expect(last).toBe("3 findings (1 critical, 2 high) in 2 files · 120 files, 1.2 MB scanned · 4 skipped");
    expect(out.endsWith("\n")).toBe(true);
  });

  test("says plainly when there are no findings", () => {
    const out = renderText(report(), { color: false });
    expect(out).toBe("No findings · 120 files, 1.2 MB scanned · 0 skipped\n");
    expect(renderText(report(), { color: true })).toContain(`${ESC}32mNo findings${ESC}0m`);
  });

  test("lists what was skipped and why, never silently", () => {
    const out = renderText(mixedReport(), { color: false });
    expect(out).toContain("Skipped 4 files (1 binary, 1 too-large, 1 generated, 1 truncated)");
    expect(out).toMatch(/ {2}assets\/logo\.png +binary file/);
    expect(out).toMatch(/ {2}vendor\/big\.js +too large \(3 MB over the 1 MB limit\)/);
    expect(out).toMatch(/data\/dump\.sql +truncated: only the first part was scanned/);
  });

  test("a long skipped list is capped, with the rest counted", () => {
    const skipped = Array.from({ length: 50 }, (_, i) => ({ path: `node_modules/p${i}.js`, reason: "vendored" as const }));
    const out = renderText(report({ scanned: { files: 1, bytes: 10, commits: 0, claudeCommits: 0, skipped } }), { color: false });
    expect(out).toContain("Skipped 50 files (50 vendored)");
    expect(out).toContain("… and 30 more");
    expect(out).toContain("node_modules/p19.js");
    expect(out).not.toContain("node_modules/p20.js");
    expect(out.trimEnd().split("\n").at(-1)).toBe("No findings · 1 file, 10 B scanned · 50 skipped");
  });

  test("with --git: lists the Claude commits with the evidence for each, and counts commits in the summary", () => {
    const out = renderText(
      report({
        scanned: { files: 5, bytes: 2048, commits: 4, claudeCommits: 1, skipped: [] },
        findings: [finding({ commit: "abcdef1234567890abcdef1234567890abcdef12" })],
        commits: [
          {
            sha: "abcdef1234567890abcdef1234567890abcdef12",
            subject: "Add config loader",
            author: "Jane Doe",
            authorship: {
              isClaude: true,
              agents: ["claude"],
              signals: [
                { kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" },
                { kind: "branch-name", agent: "claude", evidence: "claude/issue-12-config", strength: "weak" },
              ],
            },
          },
        ],
      }),
      { color: false },
    );
    expect(out).toContain("Commits scanned (1, 1 by Claude)");
    expect(out).toMatch(/ {2}abcdef1 {2}Add config loader {2}\(Jane Doe; claude\)/);
    expect(out).toContain("co-author-trailer [claude, strong]: Co-Authored-By: Claude <noreply@anthropic.com>");
    expect(out).toContain("branch-name [claude, weak]: claude/issue-12-config");
    expect(out).toContain("(commit abcdef1)");
    expect(out.trimEnd().split("\n").at(-1)).toBe("1 finding (1 high) in 1 file · 5 files, 2 KB scanned · 4 commits (1 by Claude) · 0 skipped");
  });

  test("with --git and no Claude commit, says so", () => {
    const out = renderText(report({ commits: [], scanned: { files: 0, bytes: 0, commits: 7, claudeCommits: 0, skipped: [] } }), { color: false });
    expect(out).toContain("No Claude-authored commits in the scanned range.");
    expect(out).toContain("No findings · 0 files, 0 B scanned · 7 commits (0 by Claude) · 0 skipped");
  });

  test("gives fix hints: the rule's own remediation when rules are passed, and how to suppress", () => {
    const withRules = renderText(mixedReport(), { color: false, rules: RULES });
    expect(withRules).toContain("github-pat-classic: Revoke it in GitHub's developer settings");
    expect(withRules).toMatch(/secret: Rotate the credential/);
    expect(withRules).toMatch(/environment variable or a secret manager/);
    expect(withRules).toContain("claude-guard:allow");
    expect(withRules).toContain(".claude-guard-ignore");
    const without = renderText(mixedReport(), { color: false });
    expect(without).not.toContain("Revoke it in GitHub's developer settings");
    expect(without).toMatch(/secret: Rotate the credential/);
  });

  test("escapes terminal control and bidi characters coming from the repository", () => {
    const out = renderText(
      report({ findings: [finding({ path: "src/evil\x1b[2Jname\u202e.ts", message: "line\nbreak" })] }),
      { color: false },
    );
    expect(out).not.toContain("\x1b");
    expect(out).not.toContain("\u202e");
    expect(out).toContain("src/evil\\x1b[2Jname\\u202e.ts");
    expect(out).toContain("line\\x0abreak");
  });

  test("shows unicode paths as they are", () => {
    const out = renderText(report({ findings: [finding({ path: "docs/日本語/my file.md" })] }), { color: false });
    expect(out.split("\n")[0]).toBe("docs/日本語/my file.md");
  });
});

describe("formatBytes", () => {
  test("picks a readable unit", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(Math.round(1.2 * 1024 * 1024))).toBe("1.2 MB");
    expect(formatBytes(300 * 1024 * 1024)).toBe("300 MB");
  });
});
