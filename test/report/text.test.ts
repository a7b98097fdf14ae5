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

const SHA = "abcdef1234567890abcdef1234567890abcdef12";

describe("renderText", () => {
  test("one line per finding, most severe first: severity, file:line, rule, preview, commit, aligned", () => {
    const out = renderText(mixedReport(), { color: false });
    const rows = out.split("\n").filter((l) => /^ {2}(critical|high|medium|low) /.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^ {2}critical {2}src\/config\.ts:3 +aws-access-key-id +AKIA…\S{4}$/);
    expect(rows[1]).toMatch(/^ {2}high {6}src\/config\.ts:120 +github-pat-classic +ghp_…\S{4} +check failed$/);
    expect(rows[2]).toMatch(/^ {2}high {6}src\/z\.ts:40 +github-pat-classic/);
    // Columns line up: rule and preview start at the same offset on every row.
    const offsets = (re: RegExp) => new Set(rows.map((l) => l.search(re)));
    expect(offsets(/github-pat-classic|aws-access-key-id/).size).toBe(1);
    expect(offsets(/ghp_…|AKIA…/).size).toBe(1);
    // The message (and its fix) is not repeated on the finding's line.
    expect(rows.join("\n")).not.toContain("GitHub personal access token");
  });

  test("marks a verified credential, and a passing check on a non-secret says nothing of a real credential", () => {
    const out = renderText(
      report({
        findings: [
          finding({ validation: { status: "confirmed", check: "CRC32 checksum" } }),
          finding({ rule: "payment-card-test", category: "placeholder", severity: "low", line: 30, redacted: "…", validation: { status: "confirmed", check: "Luhn check" } }),
        ],
      }),
      { color: false },
    );
    expect(out).toMatch(/high +src\/config\.ts:12 +github-pat-classic +\S+ +verified/);
    const card = out.split("\n").find((l) => l.includes("payment-card-test") && l.includes(":30"));
    expect(card).toBeDefined();
    expect(card).not.toMatch(/verified|real credential/);
  });

  test("every line fits 120 columns, long paths shortened in the middle with the line number kept", () => {
    const deep = "services/" + "very-long-folder-name/".repeat(12) + "settings.production.yml";
    const out = renderText(
      report({
        scanned: { files: 3, bytes: 900, commits: 8, claudeCommits: 3, otherAgents: { copilot: 2, cursor: 1 }, skipped: [{ path: deep, reason: "too-large", detail: "x".repeat(200) }] },
        findings: [
          finding({ path: deep, line: 4817, commit: SHA, rule: "slack-legacy-refresh-token-with-a-long-name", redacted: "xoxe-1-…" + "ab" }),
          finding({ path: "a.ts", line: 1, commit: SHA, message: "word ".repeat(100) }),
          finding({ rule: "skill-above-classification", category: "policy", severity: "critical", path: ".claude/skills/deploy/SKILL.md", line: 2, redacted: "deploy", message: "A policy message that is long. ".repeat(12) }),
        ],
        commits: [{ sha: SHA, subject: "s".repeat(300), author: "Jane Doe <jane@example.com>", authorship: { isClaude: true, agents: ["claude"], signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "e".repeat(300), strength: "strong" }] } }],
      }),
      { color: true, detail: "verbose", rules: RULES },
    );
    const lines = stripAnsi(out).split("\n");
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(120);
    const row = lines.find((l) => l.includes(":4817"));
    expect(row).toMatch(/services\/very-long.*….*settings\.production\.yml:4817/);
  });

  test("gives the fix once per rule at the end, however many findings the rule has", () => {
    const many = Array.from({ length: 5 }, (_, i) => finding({ line: i + 1 }));
    const out = renderText(report({ findings: many }), { color: false, rules: RULES });
    expect(out.match(/Revoke it in GitHub's developer settings/g)).toHaveLength(1);
    expect(out).toContain("github-pat-classic  GitHub personal access token (classic), 5 findings");
    expect(out).toMatch(/Secrets: Rotate the credential/);
    expect(out).toContain("claude-guard:allow");
    expect(out).toContain(".claude-guard-ignore");
    // Without rule metadata, the category's advice stands in.
    expect(renderText(report({ findings: many }), { color: false })).not.toContain("Revoke it in GitHub's developer settings");
  });

  test("lists 200,000 findings of one rule (widths and groups not passed as arguments, nor copied per finding)", () => {
    const one = finding();
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...one, line: i + 1 }));
    const out = renderText(report({ findings: many }), { color: false, rules: RULES });
    expect(out).toContain("github-pat-classic  GitHub personal access token (classic), 200000 findings");
    expect(out.split("\n").filter((l) => l.includes("src/config.ts:"))).toHaveLength(200_000);
  });

  test("policy findings keep their own remediation, and no suppression is offered for them alone", () => {
    const message = 'A commit used the skill "deploy", which only platform may run (skills."deploy/*".teams). Add them to the team.';
    const out = renderText(report({ findings: [finding({ rule: "skill-team-not-allowed", category: "policy", severity: "high", message, redacted: "deploy" })] }), { color: false });
    expect(out).toContain('skills."deploy/*".teams');
    expect(out).not.toContain("claude-guard:allow");
  });

  test("colours severities with ANSI codes only when asked", () => {
    const plain = renderText(mixedReport(), { color: false });
    expect(plain).not.toContain(ESC);
    const coloured = renderText(mixedReport(), { color: true });
    expect(coloured).toContain(`${ESC}1;31mcritical${ESC}0m`);
    expect(coloured).toContain(`${ESC}31mhigh    ${ESC}0m`);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  test("ends with a summary line: counts by severity, files, size, skipped", () => {
    const out = renderText(mixedReport(), { color: false });
    expect(out.trimEnd().split("\n").at(-1)).toBe("3 findings (1 critical, 2 high) · 120 files, 1.2 MB scanned · 4 skipped");
    expect(out.endsWith("\n")).toBe(true);
  });

  test("says plainly when there are no findings", () => {
    expect(renderText(report(), { color: false })).toBe("No findings · 120 files, 1.2 MB scanned\n");
    expect(renderText(report(), { color: true })).toContain(`${ESC}32mNo findings${ESC}0m`);
  });

  test("--quiet: the summary line alone", () => {
    expect(renderText(mixedReport(), { color: false, detail: "quiet" })).toBe("3 findings (1 critical, 2 high) · 120 files, 1.2 MB scanned · 4 skipped\n");
  });

  test("lists what was skipped and why, never silently, capped with the rest counted", () => {
    const out = renderText(mixedReport(), { color: false });
    expect(out).toContain("Skipped 4 files (1 binary, 1 too-large, 1 generated, 1 truncated)");
    expect(out).toMatch(/ {2}vendor\/big\.js +too large \(3 MB over the 1 MB limit\)/);
    const skipped = Array.from({ length: 50 }, (_, i) => ({ path: `node_modules/p${i}.js`, reason: "vendored" as const }));
    const capped = renderText(report({ scanned: { files: 1, bytes: 10, commits: 0, claudeCommits: 0, skipped } }), { color: false });
    expect(capped).toContain("… and 30 more");
    expect(capped).toContain("node_modules/p19.js");
    expect(capped).not.toContain("node_modules/p20.js");
  });

  describe("with --git", () => {
    const gitReport = () =>
      report({
        scanned: { files: 5, bytes: 2048, commits: 8, claudeCommits: 3, otherAgents: { cursor: 1, copilot: 2 }, skipped: [] },
        findings: [finding({ commit: SHA })],
        commits: [
          {
            sha: SHA,
            subject: "Add config loader",
            author: "Jane Doe",
            authorship: {
              isClaude: true,
              agents: ["claude"],
              signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" }],
            },
          },
        ],
      });

    test("the summary counts every commit read, Claude's, and other agents' by name", () => {
      const out = renderText(gitReport(), { color: false, authors: "claude" });
      // Longer than 120 columns: it goes on at a separator, on a line of its own.
      expect(out.trimEnd().split("\n\n").at(-1)?.replace("\n  ", " · ")).toBe(
        "1 finding (1 high) · Claude's 3 of 8 commits scanned (the rest: 2 by Copilot, 1 by Cursor, 2 with no agent marker) · 5 files, 2 KB",
      );
      const all = renderText(gitReport(), { color: false, authors: "all" });
      expect(all).toContain("8 commits scanned (3 by Claude, 2 by Copilot, 1 by Cursor, 2 with no agent marker)");
    });

    test("--quiet keeps even a long summary on one line, for scripts", () => {
      const quiet = renderText(gitReport(), { color: false, authors: "claude", detail: "quiet" });
      expect(quiet.split("\n")).toEqual([expect.stringMatching(/^1 finding \(1 high\) · Claude's 3 of 8 commits scanned .* · 5 files, 2 KB$/), ""]);
    });

    test("the commit list and its evidence only with --verbose", () => {
      const normal = renderText(gitReport(), { color: false });
      expect(normal).not.toContain("Add config loader");
      expect(normal).not.toContain("co-author-trailer");
      const verbose = renderText(gitReport(), { color: false, detail: "verbose" });
      expect(verbose).toContain("Claude-authored commits (1), with the markers that attributed them");
      expect(verbose).toMatch(/ {2}abcdef1 {2}Add config loader \(Jane Doe; claude\)/);
      expect(verbose).toContain("co-author-trailer [claude, strong]: Co-Authored-By: Claude <noreply@anthropic.com>");
    });

    test("no Claude commit: the summary says 0 of how many", () => {
      const out = renderText(report({ commits: [], scanned: { files: 0, bytes: 0, commits: 7, claudeCommits: 0, skipped: [] } }), { color: false });
      expect(out).toBe("No findings · Claude's 0 of 7 commits scanned (the rest: 7 with no agent marker) · 0 files, 0 B\n");
    });
  });

  test("escapes terminal control and bidi characters coming from the repository", () => {
    const out = renderText(report({ findings: [finding({ path: "src/evil\x1b[2Jname\u202e.ts", rule: "x\nrule" })] }), { color: false });
    expect(out).not.toContain("\x1b");
    expect(out).not.toContain("\u202e");
    expect(out).toContain("src/evil\\x1b[2Jname\\u202e.ts");
    expect(out).toContain("x\\x0arule");
  });

  test("shows unicode paths as they are", () => {
    const out = renderText(report({ findings: [finding({ path: "docs/日本語/my file.md" })] }), { color: false });
    expect(out).toContain("docs/日本語/my file.md:12");
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
