import { fake } from "../../src/core/detect/fake.js";
import { parseIgnoreFile } from "../../src/core/detect/suppress.js";
import {
  ACTION_IDS,
  annotationBatches,
  renderCheckRun,
  renderIgnoreLines,
  renderIgnoreLinesMarkdown,
  type CheckAnnotation,
  type CheckRunInput,
} from "../../src/core/report/check-run.js";
import { envVarName, languageOf } from "../../src/core/report/fix-hints.js";
import { codeSpan, mdText } from "../../src/core/report/markdown.js";
import { fingerprint, redact } from "../../src/core/report/redact.js";
import type { RuleMeta } from "../../src/core/report/meta.js";
import type { AuthorshipVerdict, Finding, ScanReport } from "../../src/core/types.js";

/* Fixtures: values are generated at run time; findings carry only what redact() shows of them. */

const LIMIT = 65_535;
const ZWSP = "\u200b";

const RULES: RuleMeta[] = [
  {
    id: "github-pat-classic",
    title: "GitHub personal access token (classic)",
    provider: "GitHub",
    category: "secret",
    severity: "critical",
    remediation: "Revoke it under Settings > Developer settings",
  },
  { id: "aws-access-key-id", title: "AWS access key ID", provider: "AWS", category: "secret", severity: "high" },
  { id: "generic-password", title: "Hardcoded password", provider: "generic", category: "secret", severity: "high" },
  { id: "email-address", title: "Email address", provider: "generic", category: "pii", severity: "low" },
];

let seq = 0;
/** A finding for `value` as the engine would report it: fingerprint and preview derived from the value. */
function finding(value: string, overrides: Partial<Finding> = {}): Finding {
  seq++;
  const rule = overrides.rule ?? "github-pat-classic";
  const path = overrides.path ?? "src/config.ts";
  const category = overrides.category ?? "secret";
  return {
    rule,
    category,
    severity: "critical",
    path,
    line: 10 + (seq % 50),
    column: 7,
    endColumn: 7 + value.length,
    fingerprint: fingerprint(rule, path, value),
    redacted: redact(value, rule, category),
    message: "GitHub personal access token (classic)",
    title: "GitHub personal access token (classic)",
    ...overrides,
  };
}

const ghToken = (seed: string) => "gh" + "p_" + fake.alnum(36, seed);

const CLAUDE: AuthorshipVerdict = {
  isClaude: true,
  agents: ["claude"],
  signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" }],
};
const HUMAN: AuthorshipVerdict = { isClaude: false, agents: [], signals: [] };

function report(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    version: 1,
    tool: { name: "claude-guard", version: "0.1.0" },
    scanned: { files: 4, bytes: 4096, commits: 3, claudeCommits: 1, skipped: [] },
    findings: [],
    commits: [
      { sha: "1".repeat(40), subject: "Add config loader", author: "Ada", authorship: CLAUDE },
      { sha: "2".repeat(40), subject: "Fix typo", author: "Grace", authorship: HUMAN },
      { sha: "3".repeat(40), subject: "Bump deps", author: "Linus", authorship: HUMAN },
    ],
    ...overrides,
  };
}

function input(overrides: Partial<CheckRunInput> = {}): CheckRunInput {
  return { report: report(), rules: RULES, failOn: "high", ...overrides };
}

/** Removes CommonMark code spans (backtick run, content, the same run), whose content is shown literally. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, "").replace(/(`+) \1/g, "");
}

function everything(out: ReturnType<typeof renderCheckRun>): string {
  return JSON.stringify(out);
}

describe("conclusion", () => {
  test("failure when a finding is at or above failOn", () => {
    const out = renderCheckRun(input({ report: report({ findings: [finding(ghToken("c1"), { severity: "high" })] }) }));
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("1 credential: rotate before merge");
    expect(out.summary.split("\n")[0]).toMatch(/^❌ \*\*1 credential\\: rotate before merge\.\*\* 1 finding fails the check/);
  });

  test("failure for a policy finding at or above failOn", () => {
    const policy = finding("skill:deploy", { rule: "skill-classification", category: "policy", severity: "high", path: ".claude/skills/deploy/SKILL.md", message: "Skill deploy/run is allowed up to internal; this repository is restricted", title: "Skill above classification" });
    const out = renderCheckRun(input({ report: report({ findings: [policy] }) }));
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("1 policy violation: fix before merge");
    // The violation is a row of the table; its whole message is in the details.
    expect(out.summary).toMatch(/\| high \| Skill above classification \|/);
    expect(out.text).toContain(mdText("Skill deploy/run is allowed up to internal; this repository is restricted", 400));
  });

  test("failure on a config error alone, shown before everything else but the verdict", () => {
    const out = renderCheckRun(input({ configErrors: ["failOn: must be one of critical, high, medium, low, none (line 3)"], notes: ["audit write failed"] }));
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("1 config error: fix the configuration");
    const lines = out.summary.split("\n");
    expect(lines[0]).toContain("1 config error");
    expect(lines[2]).toBe("**Configuration errors (1)**");
    expect(lines[3]).toContain("failOn");
    // Notes are folded in the details, not on the first screen.
    expect(out.summary).not.toContain("audit write failed");
    expect(out.text).toContain("audit write failed");
  });

  test("neutral when only findings below failOn remain; success when clean", () => {
    const low = finding("someone" + "@example.org", { rule: "email-address", category: "pii", severity: "low", title: "Email address", message: "Email address" });
    const medium = finding(ghToken("n1"), { severity: "medium" });
    const neutral = renderCheckRun(input({ report: report({ findings: [low, medium] }) }));
    expect(neutral.conclusion).toBe("neutral");
    expect(neutral.title).toBe("1 credential, 1 personal data finding: review, does not block");
    expect(neutral.summary.split("\n")[0]).toMatch(/^⚠️ .* 2 findings, all below the fail-on level `high`/);

    const clean = renderCheckRun(input());
    expect(clean.conclusion).toBe("success");
    expect(clean.title).toBe("No findings in 1 Claude commit");
    // A clean run is one line.
    expect(clean.summary).toBe("✅ **No findings** in the lines 1 Claude-authored commit added (4 files).\n");
  });

  test("failOn none never fails on findings, but still fails on a config error", () => {
    const critical = [finding(ghToken("none"))];
    expect(renderCheckRun(input({ failOn: "none", report: report({ findings: critical }) })).conclusion).toBe("neutral");
    expect(renderCheckRun(input({ failOn: "none", configErrors: ["rules[0].regex: invalid"] })).conclusion).toBe("failure");
  });

  test("a change with no Claude-authored commit succeeds and says so plainly", () => {
    const noClaude = report({
      scanned: { files: 0, bytes: 0, commits: 2, claudeCommits: 0, skipped: [] },
      commits: [
        { sha: "4".repeat(40), subject: "Refactor", author: "Grace", authorship: HUMAN },
        { sha: "5".repeat(40), subject: "Docs", author: "Linus", authorship: HUMAN },
      ],
    });
    const out = renderCheckRun(input({ report: noClaude }));
    expect(out.conclusion).toBe("success");
    expect(out.title).toBe("No Claude-authored commits");
    expect(out.summary).toBe("✅ **No Claude-authored commits** in this change (2 commits checked): nothing to scan.\n");
    expect(out.text).toContain("None of the commits in this change carries one.");
    expect(out.annotations).toEqual([]);
  });
});

describe("summary", () => {
  const skipped = [
    { path: "data/dump.sql", reason: "too-large" as const, detail: "3 MB over the 1 MB limit" },
    { path: "assets/a.png", reason: "binary" as const },
    { path: "assets/b.png", reason: "binary" as const },
    { path: "src/huge.ts", reason: "truncated" as const, detail: "GitHub sent no patch" },
  ];
  const out = renderCheckRun(
    input({
      classification: { value: "restricted", source: "custom property data_classification" },
      notes: ["PR has more than 250 commits: compare API used"],
      report: report({
        scanned: { files: 4, bytes: 4096, commits: 3, claudeCommits: 1, skipped },
        findings: [
          finding(ghToken("s1")),
          finding(ghToken("s2"), { severity: "high", path: "src/b.ts" }),
          finding("change" + "me", { rule: "generic-password", category: "placeholder", severity: "medium", path: "app/settings.py", message: "A placeholder password is assigned to `dbPassword` (a default).", title: "Placeholder or default password" }),
        ],
      }),
    }),
  );

  test("opens with the verdict, then the findings table at once; counts by category are folded in the details", () => {
    const lines = out.summary.split("\n");
    expect(lines[0]).toMatch(/^❌ \*\*2 credentials, 1 placeholder\\: rotate before merge\.\*\*/);
    const table = lines.indexOf("| Severity | What | Where (added) | Commit | Fix |");
    // Only the not-scanned line stands between the verdict and the table.
    expect(table).toBe(4);
    expect(out.summary).not.toContain("<details>");
    expect(out.text).toContain("Findings by category: Secret 2 (1 critical, 1 high) · Placeholder 1 (1 medium).");
    expect(out.title).toBe("2 credentials, 1 placeholder: rotate before merge");
  });

  test("names each Claude commit and why it was recognised, with the evidence quoted", () => {
    const text = out.text ?? "";
    expect(text).toContain("How Claude's commits were recognised (1 of 3):");
    expect(text).toContain("Add config loader");
    expect(text).toContain("co-author trailer (strong): `Co-Authored-By: Claude <noreply@anthropic.com>`");
    // Folded, and human commits are counted, not listed.
    expect(text.indexOf("<summary>Scope, notes and Claude's commits</summary>")).toBeLessThan(text.indexOf("Add config loader"));
    expect(text).not.toContain("Fix typo");
  });

  test("shows the classification with its source, and the notes", () => {
    expect(out.text).toContain("Classification: `restricted`, from custom property data\\_classification.");
    expect(out.text).toContain("PR has more than 250 commits\\: compare API used");
  });

  test("lists what was not scanned, grouped by reason with counts, the likely-missed first", () => {
    const text = out.text ?? "";
    expect(text).toContain("<summary>Files not scanned (4)</summary>");
    const truncated = text.indexOf("(1): `src/huge.ts`");
    const binary = text.indexOf("**binary** (2): `assets/a.png`, `assets/b.png`");
    expect(truncated).toBeGreaterThan(0);
    expect(binary).toBeGreaterThan(truncated);
    expect(text).toContain("`data/dump.sql` (3 MB over the 1 MB limit)");
    // On the first screen: one line with the counts by reason.
    expect(out.summary.split("\n")[2]).toMatch(/^⚠️ \*\*4 files were not scanned\*\* \(1 truncated.*; 1 too large to scan; 2 binary\)/);
  });

  test("top findings are ordered by severity and each says how to fix it for its language", () => {
    const critical = out.summary.indexOf("| critical |");
    const medium = out.summary.indexOf("| medium |");
    expect(critical).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(critical);
    expect(out.summary).toContain("rotate, then `process.env.GITHUB_TOKEN`");
    expect(out.summary).toContain('use `os.environ["DB_PASSWORD"]`');
    // How to suppress is in the details, once.
    expect(out.text?.match(/\*\*False positive\?\*\*/g)).toHaveLength(1);
  });

  test("the details give every finding its fix, the rule's advice, and both ways to suppress it", () => {
    const text = out.text ?? "";
    expect(text).toContain("## How to fix");
    // The fix once per rule: two GitHub tokens, one fix paragraph.
    expect(text.match(/`process\.env\.GITHUB_TOKEN`/g)).toHaveLength(1);
    expect(text).toContain("### GitHub personal access token \\(classic\\) (`github-pat-classic`, 2 findings)");
    expect(text).toContain("Revoke it under Settings &gt; Developer settings\\.");
    const placeholder = findingBlock(text, "Placeholder or default password");
    expect(placeholder).toMatch(/fingerprint `[0-9a-f]{32}`/);
    expect(text).toContain(`a \`claude-guard:allow\` comment on the line, or the finding's fingerprint on its own line to \`.claude-guard-ignore\``);
  });
});

function findingBlock(text: string, title: string): string {
  const start = text.indexOf(title);
  const end = text.indexOf("\n### ", start);
  return text.slice(start, end < 0 ? undefined : end);
}

describe("escaping what comes from the repository", () => {
  const evilPath = "src/[x](https://evil)|<img src=x onerror=alert(1)>`.ts";
  const evilCommit = {
    sha: "a".repeat(40),
    subject: "Fix [click](https://evil) <script>alert(1)</script> for @org/team | x",
    author: "@org/team",
    authorship: {
      isClaude: true,
      agents: ["claude"],
      signals: [{ kind: "bot-author" as const, agent: "claude", evidence: "author: [x](https://evil) `@org/team`", strength: "strong" as const }],
    },
  };
  const out = renderCheckRun(
    input({
      repository: { owner: "acme", repo: "app", headSha: "f".repeat(40) },
      classification: { value: "<b>secret</b>", source: "custom property [p](https://evil)" },
      notes: ["see @org/team"],
      configErrors: ["skills.[x](https://evil): unknown key"],
      report: report({
        commits: [evilCommit],
        scanned: { files: 1, bytes: 10, commits: 1, claudeCommits: 1, skipped: [{ path: "[s](https://evil).bin", reason: "binary", detail: "@org/team" }] },
        findings: [finding(ghToken("evil"), { path: evilPath, message: "assigned to `@org/team` <i>x</i>" })],
      }),
    }),
  );

  test.each([
    ["summary", () => out.summary],
    ["text", () => out.text ?? ""],
  ])("the %s has no link, HTML or mention outside code spans, except the tool's own links", (_name, get) => {
    const prose = withoutCodeSpans(get());
    expect(prose).not.toContain("](https://evil");
    expect(prose).not.toMatch(/<(img|script|b|i)\b/i);
    expect(prose).not.toMatch(/@org/); // every @ in prose is followed by a zero-width space
    expect(prose).not.toMatch(/https?:\/\/evil/); // no autolinkable URL
    // Every link the renderer made points into the repository on GitHub.
    for (const [, url] of prose.matchAll(/\]\(([^)\s]*)\)/g)) expect(url).toMatch(/^https:\/\/github\.com\/acme\/app\/(blob|commit)\/[0-9a-f]{40}\b/);
  });

  test("the login and the commit subject are shown escaped, not dropped", () => {
    expect(out.text).toContain(`by @${ZWSP}org/team`);
    expect(out.text).toContain(`Fix \\[click\\]\\(https\\:${ZWSP}//evil\\) &lt;script&gt;alert\\(1\\)&lt;/script&gt; for @${ZWSP}org/team \\| x`);
  });

  test("a path with | and backticks stays in one table cell and is a literal code span", () => {
    const row = out.summary.split("\n").find((line) => line.startsWith("| critical |")) ?? "";
    // 5 columns: 6 unescaped pipes.
    expect(row.replace(/\\\|/g, "").split("|").length - 1).toBe(6);
    expect(row).toContain("``src/[x](https://evil)\\|<img src=x onerror=alert(1)>`.ts:");
    // The link to the line percent-encodes the path, so it cannot end the destination early.
    expect(row).toContain("/blob/" + "f".repeat(40) + "/src/%5Bx%5D%28https%3A//evil%29%7C%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%60.ts#L");
  });

  test("code spans hold backticks and newlines safely", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("a\nb")).toBe("`a\\x0ab`");
    expect(mdText("line\nbreak")).toBe("line\\\\x0abreak");
  });
});

describe("size limits", () => {
  const many = Array.from({ length: 5000 }, (_, i) =>
    finding(ghToken(`big-${i}`), {
      path: `src/module-${i % 700}/file-${i}.ts`,
      severity: (["critical", "high", "medium", "low"] as const)[i % 4],
      message: "GitHub personal access token (classic) " + "x".repeat(200),
    }),
  );
  const longSubject = "S".repeat(5000);
  const commits = Array.from({ length: 2000 }, (_, i) => ({
    sha: i.toString(16).padStart(40, "0"),
    subject: longSubject,
    author: "A".repeat(500),
    authorship: { ...CLAUDE, signals: Array.from({ length: 10 }, () => ({ ...CLAUDE.signals[0]!, evidence: "E".repeat(1000) })) },
  }));
  const skipped = Array.from({ length: 5000 }, (_, i) => ({ path: `vendor/${"d".repeat(100)}/${i}.bin`, reason: (i % 2 ? "binary" : "too-large") as "binary" | "too-large" }));
  const out = renderCheckRun(
    input({
      repository: { owner: "acme", repo: "app", headSha: "c".repeat(40) },
      configErrors: Array.from({ length: 500 }, (_, i) => `error ${i}: ${"e".repeat(400)}`),
      notes: Array.from({ length: 100 }, (_, i) => `note ${i} ${"n".repeat(400)}`),
      report: report({ findings: many, commits, scanned: { files: 9000, bytes: 1e9, commits: 2000, claudeCommits: 2000, skipped } }),
    }),
  );

  test("summary and text stay within 65,535 characters (and bytes)", () => {
    for (const part of [out.summary, out.text ?? ""]) {
      expect(part.length).toBeLessThanOrEqual(LIMIT);
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(LIMIT);
    }
    expect(out.title.length).toBeLessThanOrEqual(255);
  });

  test("what was cut is said, with the right count", () => {
    // The table: single rows, then roll-ups by rule and file, then a cut that counts rows and findings.
    const rows = out.summary.split("\n").filter((line) => /^\| (critical|high|medium|low) \|/.test(line));
    expect(rows.length).toBe(out.table.rowsShown);
    expect(out.table.findings).toBe(5000);
    const cut = /\*\*(\d+) more rows \((\d+) findings\) cut here\*\*/.exec(out.summary);
    expect(cut).not.toBeNull();
    expect(Number(cut?.[1])).toBe(out.table.rows <= 40 ? 0 : Number(cut?.[1]));
    expect(Number(cut?.[2])).toBe(5000 - out.table.findingsShown);
    expect(out.summary).toContain(`_Not in this table: ${5000 - out.table.findingsShown} findings.`);
    // The App makes no SARIF report: the default cut note names the CLI.
    expect(out.summary).not.toMatch(/SARIF/i);
    expect(out.summary).toContain("`claude-guard scan --git --format json` on a clone lists every finding");
    const details = (out.text ?? "").split("\n").filter((line) => line.startsWith("- [`src/module-")).length;
    expect(details).toBeGreaterThan(10);
    expect(out.text).toContain(`The details of ${5000 - details} findings were cut`);
    expect(out.text).toMatch(/… and \d+ more Claude commits/);
    expect(out.summary).toMatch(/… and \d+ more configuration errors/);
  });

  test("the files not scanned are counted by reason even when their list is cut", () => {
    expect(out.summary).toContain("**5000 files were not scanned** (2500 too large to scan; 2500 binary)");
    expect(out.text).toContain("<summary>Files not scanned (5000)</summary>");
    expect(out.text).toContain("**too large to scan** (2500):");
    expect(out.text).toMatch(/\*\*binary\*\* \(2500\): .*and 2490 more/);
  });

  test("every finding still gets an annotation, most severe first", () => {
    expect(out.annotations).toHaveLength(5000);
    expect(out.annotations[0]?.annotation_level).toBe("failure");
    expect(out.annotations.at(-1)?.annotation_level).toBe("notice");
    expect(annotationBatches(out.annotations).map((b) => b.length)).toEqual(Array(100).fill(50));
  });

  test("the ignore lines for a check run's text are cut with a note too", () => {
    const markdown = renderIgnoreLinesMarkdown(many);
    expect(markdown.length).toBeLessThanOrEqual(LIMIT);
    expect(markdown).toMatch(/… and \d+ more lines/);
    // The plain list is complete.
    expect(parseIgnoreFile(renderIgnoreLines(many)).fingerprints.size).toBe(5000);
  });
});

describe("a dump of 50,000 findings of one rule in one file", () => {
  test("renders in linear time: its groups are not copied for each finding they gain", () => {
    const base = finding(ghToken("dump"));
    const many = Array.from({ length: 50_000 }, (_, i) => ({ ...base, line: i + 1, fingerprint: fake.hex(32, `dump-${i}`) }));
    const started = performance.now();
    const out = renderCheckRun(input({ report: report({ findings: many }) }));
    const seconds = (performance.now() - started) / 1000;
    expect(out.table.findings).toBe(50_000);
    expect(out.annotations).toHaveLength(50_000);
    expect(out.text?.length ?? 0).toBeLessThanOrEqual(LIMIT);
    // Quadratic, 20,000 took 3.7 s, and 50,000 would take about 25.
    expect(seconds).toBeLessThan(10);
  });
});

describe("annotations", () => {
  test("batches of 50: 120 annotations give 50, 50, 20 in order", () => {
    const annotations: CheckAnnotation[] = Array.from({ length: 120 }, (_, i) => ({ path: `f${i}.ts`, start_line: 1, end_line: 1, annotation_level: "warning", message: String(i) }));
    const batches = annotationBatches(annotations);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat()).toEqual(annotations);
    expect(annotationBatches([])).toEqual([]);
    expect(annotationBatches(annotations, 100).map((b) => b.length)).toEqual([100, 20]);
  });

  test("file, line, columns on one line, level by failOn, title, and the fingerprint in raw_details", () => {
    const f = finding(ghToken("ann"), { severity: "high", path: "lib/a.go", line: 42, column: 9, endColumn: 49 });
    const medium = finding(ghToken("ann2"), { severity: "medium" });
    const low = finding("x" + "@example.org", { rule: "email-address", category: "pii", severity: "low", title: "Email address" });
    const out = renderCheckRun(input({ failOn: "high", report: report({ findings: [low, medium, f] }) }));
    const [first, second, third] = out.annotations;
    expect(first).toMatchObject({ path: "lib/a.go", start_line: 42, end_line: 42, start_column: 9, end_column: 48, annotation_level: "failure" });
    expect(first?.title).toBe("GitHub personal access token (classic) (high)");
    expect(first?.message).toContain('os.Getenv("GITHUB_TOKEN")');
    expect(first?.message).toContain(`GitHub personal access token (classic): ${f.redacted}.`);
    // Short: what, the fix, the rule's page; how to suppress is in raw_details.
    expect(first?.message.split("\n")).toHaveLength(3);
    expect(first?.message).toContain("Rule: docs/rules/github-pat-classic.md");
    expect(first?.raw_details).toContain('Add "// claude-guard:allow" at the end of the line');
    expect(first?.raw_details).toContain(f.fingerprint);
    expect(parseIgnoreFile(first?.raw_details ?? "").fingerprints.has(f.fingerprint)).toBe(true);
    expect(second?.annotation_level).toBe("warning");
    expect(third?.annotation_level).toBe("notice");
    // With failOn low, the low finding fails too.
    const strict = renderCheckRun(input({ failOn: "low", report: report({ findings: [low] }) }));
    expect(strict.annotations[0]?.annotation_level).toBe("failure");
    expect(strict.conclusion).toBe("failure");
  });
});

describe("no whole secret anywhere", () => {
  const values = {
    token: ghToken("whole"),
    aws: "AK" + "IA" + fake.upper(16, "whole-aws"),
    password: fake.alnum(9, "whole-pw") + "!",
    short: fake.alnum(6, "whole-short"),
    email: "jane.doe" + "@" + "example.com",
    key: "-----BEGIN " + "RSA PRIVATE KEY-----\n" + fake.base64(64, "whole-key"),
  };
  const findings = [
    finding(values.token, { path: "src/app.ts" }),
    finding(values.aws, { rule: "aws-access-key-id", title: "AWS access key ID", message: "AWS access key ID", path: "deploy/config.py" }),
    finding(values.password, { rule: "generic-password", path: "src/Main.java", message: "A hardcoded password is assigned to `dbPassword`. Rotate it." }),
    finding(values.short, { rule: "generic-password", path: "config/.env", message: "A hardcoded password is assigned to `API_PASS`." }),
    finding(values.email, { rule: "email-address", category: "pii", severity: "low", path: "README.md", title: "Email address", message: "Email address" }),
    finding(values.key, { rule: "private-key-rsa", title: "RSA private key", message: "RSA private key", path: "certs/key.pem" }),
  ];
  const out = renderCheckRun(input({ repository: { owner: "acme", repo: "app", headSha: "e".repeat(40) }, report: report({ findings }) }));
  const all = [everything(out), renderIgnoreLines(findings), renderIgnoreLinesMarkdown(findings)].join("\n");

  test.each(Object.entries(values))("%s never appears whole", (_name, value) => {
    expect(all).not.toContain(value);
    // Not even its longest half: previews show at most 4 + 4 characters.
    expect(all).not.toContain(value.slice(0, Math.ceil(value.length / 2) + 1));
  });

  test("the previews do appear, so a reviewer can find the value", () => {
    expect(out.text).toContain(`value ${codeSpan(redact(values.token, "github-pat-classic"))}`);
    expect(out.annotations[0]?.message).toContain(redact(values.key, "private-key-rsa"));
    expect(out.text).toContain("`[private key]`");
  });
});

describe("fix snippets per language", () => {
  test.each([
    ["src/app.ts", "process.env.GITHUB_TOKEN"],
    ["web/index.jsx", "process.env.GITHUB_TOKEN"],
    ["app/settings.py", 'os.environ["GITHUB_TOKEN"]'],
    ["src/main/java/App.java", 'System.getenv("GITHUB_TOKEN")'],
    ["cmd/server/main.go", 'os.Getenv("GITHUB_TOKEN")'],
    ["config/initializers/github.rb", 'ENV.fetch("GITHUB_TOKEN")'],
    ["docker-compose.yml", "${GITHUB_TOKEN}"],
    ["deploy/values.yaml", "${GITHUB_TOKEN}"],
    [".github/workflows/ci.yml", "${{ secrets.GITHUB_TOKEN }}"],
    ["src/lib.rs", 'std::env::var("GITHUB_TOKEN")'],
    ["Program.cs", 'Environment.GetEnvironmentVariable("GITHUB_TOKEN")'],
    ["index.php", "getenv('GITHUB_TOKEN')"],
    ["scripts/deploy.sh", '"${GITHUB_TOKEN}"'],
    ["Dockerfile", "RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN"],
  ])("%s -> %s, in the summary, the details and the annotation", (path, snippet) => {
    const out = renderCheckRun(input({ report: report({ findings: [finding(ghToken(path), { path })] }) }));
    expect(out.summary).toContain(codeSpan(snippet, { inTable: true, max: 80 }).slice(0, 10));
    expect(out.text).toContain(snippet);
    expect(out.annotations[0]?.message).toContain(snippet);
  });

  test("the variable name comes from the key the value was assigned to, else from the rule", () => {
    expect(envVarName({ rule: "generic-password", message: "A hardcoded password is assigned to `dbPassword`." })).toBe("DB_PASSWORD");
    expect(envVarName({ rule: "generic-secret", message: "A hardcoded secret is assigned to `this.config.apiKey`." })).toBe("API_KEY");
    expect(envVarName({ rule: "generic-secret", message: "assigned to `STRIPE_KEY`" })).toBe("STRIPE_KEY");
    expect(envVarName({ rule: "aws-access-key-id", message: "" })).toBe("AWS_ACCESS_KEY_ID");
    expect(envVarName({ rule: "postgres-connection-string", message: "" })).toBe("DATABASE_URL");
    expect(envVarName({ rule: "stripe-secret-key", message: "" })).toBe("STRIPE_SECRET_KEY");
    expect(envVarName({ rule: "cloudflare-global-api-key-legacy", message: "" })).toBe("CLOUDFLARE_GLOBAL_API_KEY");
  });

  test("the allow comment follows the file's comment syntax; JSON has none", () => {
    expect(languageOf("a.py").allow).toBe("# claude-guard:allow");
    expect(languageOf("a.ts").allow).toBe("// claude-guard:allow");
    expect(languageOf("q.sql").allow).toBe("-- claude-guard:allow");
    expect(languageOf("package.json").allow).toBeUndefined();
    const out = renderCheckRun(input({ report: report({ findings: [finding(ghToken("json"), { path: "config/app.json" })] }) }));
    expect(out.annotations[0]?.raw_details).toContain("False positive? Add this line to .claude-guard-ignore");
    expect(out.annotations[0]?.message).not.toContain("claude-guard:allow");
  });

  test("personal data is removed, not moved to the environment", () => {
    const pii = finding("jo" + "@example.com", { rule: "email-address", category: "pii", severity: "low", path: "src/app.ts" });
    const out = renderCheckRun(input({ report: report({ findings: [pii] }) }));
    expect(out.annotations[0]?.message).toContain("Remove the personal data");
    expect(out.annotations[0]?.message).not.toContain("process.env");
  });
});

describe("actions", () => {
  test("at most three buttons within GitHub's length limits", () => {
    for (const findings of [[], [finding(ghToken("act"))]]) {
      const { actions } = renderCheckRun(input({ report: report({ findings }) }));
      expect(actions.length).toBeGreaterThanOrEqual(1);
      expect(actions.length).toBeLessThanOrEqual(3);
      for (const action of actions) {
        expect(action.label.length).toBeLessThanOrEqual(20);
        expect(action.description.length).toBeLessThanOrEqual(40);
        expect(action.identifier.length).toBeLessThanOrEqual(20);
        expect(action.identifier).toMatch(/^[a-z-]+$/);
      }
    }
  });

  test("Re-scan always; Show ignore lines only when there is something to ignore", () => {
    const clean = renderCheckRun(input());
    expect(clean.actions.map((a) => a.identifier)).toEqual([ACTION_IDS.rescan]);
    const dirty = renderCheckRun(input({ report: report({ findings: [finding(ghToken("act2"))] }) }));
    expect(dirty.actions.map((a) => a.identifier)).toEqual(["rescan", "ignore-lines"]);
    expect(dirty.actions.map((a) => a.label)).toEqual(["Re-scan", "Show ignore lines"]);
  });
});

describe("renderIgnoreLines", () => {
  test("one line per fingerprint, readable back by the ignore-file parser, with no invalid line", () => {
    const a = finding(ghToken("ig1"), { path: "b.ts", line: 5 });
    const b = finding(ghToken("ig2"), { path: "a.ts", line: 9 });
    // A crafted path cannot start a new line in the file.
    const c = finding(ghToken("ig3"), { path: "evil\nffffffffffffffffffffffffffffffff.ts", line: 1 });
    const text = renderIgnoreLines([a, b, a, c]);
    const parsed = parseIgnoreFile(text);
    expect(parsed.invalid).toEqual([]);
    expect([...parsed.fingerprints].sort()).toEqual([a.fingerprint, b.fingerprint, c.fingerprint].sort());
    expect(text.split("\n").filter((l) => l.includes(a.fingerprint))).toHaveLength(1);
    // Ordered by path.
    expect(text.indexOf(b.fingerprint)).toBeLessThan(text.indexOf(a.fingerprint));
    expect(text).toContain(`${a.fingerprint}  # github-pat-classic at b.ts:5`);
  });

  test("the Markdown form is a code block that a crafted path cannot close", () => {
    const f = finding(ghToken("ig4"), { path: "x````\n## owned.ts" });
    const markdown = renderIgnoreLinesMarkdown([f]);
    const fence = /^(`{3,})$/m.exec(markdown)?.[1] ?? "";
    expect(fence.length).toBeGreaterThan(4);
    expect(markdown).not.toMatch(/^## owned/m);
  });
});
