#!/usr/bin/env node
/**
 * `npm run screenshots` (by hand, outside CI; needs `npm run build:lib` and Debian's chromium):
 * renders what a reviewer and an admin see, with the real renderers of lib/, from fake-token
 * scenarios (a pull request of 8 commits, 3 by Claude, with findings; a clean one; one with 290
 * findings), turns the GitHub-flavoured Markdown into HTML with `marked` and GitHub's stylesheet
 * (`github-markdown-css`), and screenshots each page at 1280 px in headless chromium driven by
 * `puppeteer-core`. Images go to docs/images/. Every token is generated here at run time.
 * Mermaid blocks are left as code: GitHub renders them, this page does not. Emoji need Debian's
 * fonts-noto-color-emoji (without it chromium draws a box).
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { marked } from "marked";
import puppeteer from "puppeteer-core";
import { prepareScan } from "../lib/core/setup.js";
import { fake, randomString } from "../lib/core/detect/fake.js";
import { githubStyleChecksum } from "../lib/core/detect/validate/checksum.js";
import { renderText } from "../lib/core/report/text.js";
import { renderCheckRun } from "../lib/core/report/check-run.js";
import { jobSummaryMarkdown } from "../lib/action/summary.js";
import { buildAuditRecord, deriveControls, renderDashboard } from "../lib/core/audit/index.js";

const require = createRequire(import.meta.url);
const ROOT = new URL("../", import.meta.url).pathname;
const OUT = join(ROOT, "docs/images");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const CSS = require("node:fs").readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
const sha = (n) => fake.hex(40, `shot-sha-${n}`);
const CLAUDE = "\n\nCo-Authored-By: Claude <noreply@anthropic.com>";

/** A GitHub token whose checksum holds (reported as verified), built from seeded random characters. */
const verifiedToken = (seed) => {
  const body = fake.alnum(30, seed);
  return "gh" + "p_" + body + githubStyleChecksum(body);
};

/** Scans each commit's added lines with the real scanner; returns a report as `scan --git` builds it. */
function scenario(commits) {
  const setup = prepareScan({});
  const findings = [];
  let files = 0;
  let bytes = 0;
  const claude = commits.filter((c) => c.agent === "claude");
  for (const commit of claude) {
    for (const [path, lines] of Object.entries(commit.files)) {
      files++;
      bytes += lines.join("\n").length;
      findings.push(...setup.scanner.scan({ path, text: lines.join("\n"), lineNumbers: lines.map((_, i) => i + 1), commit: commit.sha }).findings);
    }
  }
  const otherAgents = {};
  for (const c of commits) if (c.agent && c.agent !== "claude") otherAgents[c.agent] = (otherAgents[c.agent] ?? 0) + 1;
  const report = {
    version: 1,
    tool: { name: "claude-guard", version: "0.1.0" },
    scanned: { files, bytes, commits: commits.length, claudeCommits: claude.length, skipped: [], ...(Object.keys(otherAgents).length ? { otherAgents } : {}) },
    findings,
    commits: claude.map((c) => ({
      sha: c.sha,
      subject: c.subject,
      author: "Dana Developer <dana@example.com>",
      authorship: { isClaude: true, agents: ["claude"], signals: [{ kind: "co-author-trailer", agent: "claude", evidence: "Co-Authored-By: Claude <noreply@anthropic.com>", strength: "strong" }] },
    })),
  };
  return { report, setup, claude };
}

const awsId = (seed) => "AK" + "IA" + randomString(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", seed);
const eightCommits = [
  { sha: sha(1), agent: null, subject: "Add upload handler" },
  { sha: sha(2), agent: "copilot", subject: "Add tests for the handler" },
  {
    sha: sha(3),
    agent: "claude",
    subject: "Wire the payment provider",
    files: {
      "services/payments/src/config.ts": [`export const github = "${verifiedToken("shot-gh")}";`, `export const stripe = "sk_${"live"}_${fake.alnum(24, "shot-stripe")}";`],
      "services/payments/.env.example": ["DB_PASSWORD=changeme"],
    },
  },
  { sha: sha(4), agent: "cursor", subject: "Refactor the retry loop" },
  {
    sha: sha(5),
    agent: "claude",
    subject: "Add storage settings",
    files: { "deploy/settings.yml": [`aws_access_key_id: ${awsId("shot-aws")}`, `aws_secret_access_key: ${fake.alnum(40, "shot-aws-secret")}`, "contact: jane.doe@example.com"] },
  },
  { sha: sha(6), agent: "copilot", subject: "Bump dependencies" },
  { sha: sha(7), agent: null, subject: "Fix a typo" },
  { sha: sha(8), agent: "claude", subject: "Add customer fixtures", files: { "test/fixtures/customers.csv": ["id,name,card", `1,Jane,4111 1111 1111 1111`, `2,Joe,+49 151 ${fake.digits(8, "shot-ph")}`] } },
];

const cleanCommits = [
  { sha: sha(11), agent: "claude", subject: "Add pagination", files: { "src/list.ts": ["export const pageSize = Number(process.env.PAGE_SIZE ?? 50);"] } },
  { sha: sha(12), agent: null, subject: "Docs" },
];

const bigCommits = [
  {
    sha: sha(21),
    agent: "claude",
    subject: "Import legacy configuration",
    files: Object.fromEntries(
      Array.from({ length: 29 }, (_, i) => [
        `legacy/region-${String(i).padStart(2, "0")}/settings.env`,
        [
          ...Array.from({ length: 3 }, (_, j) => `AWS_ACCESS_KEY_ID_${j}=${awsId(`big-${i}-${j}`)}`),
          ...Array.from({ length: 2 }, (_, j) => `AWS_SECRET_ACCESS_KEY_${j}=${fake.alnum(40, `big-s-${i}-${j}`)}`),
          ...Array.from({ length: 5 }, (_, j) => `OWNER_${j}=owner${i}x${j}@example.org`),
        ],
      ]),
    ),
  },
];

const page = (title, body, wide = false) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${CSS}
body{margin:0;background:#fff}.markdown-body{box-sizing:border-box;max-width:1012px;margin:0 auto;padding:32px}
.frame{border:1px solid #d0d7de;border-radius:6px;padding:16px 24px}
pre.term{background:#0d1117;color:#e6edf3;padding:16px;border-radius:6px;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre;overflow:hidden}
</style></head><body><article class="markdown-body"${wide ? ' style="max-width:1280px"' : ""}><div class="frame">${body}</div></article></body></html>`;

async function main() {
  await mkdir(OUT, { recursive: true });
  const repository = { owner: "acme", repo: "payments", headSha: sha(8) };
  const shots = [];

  const pr = scenario(eightCommits);
  const clean = scenario(cleanCommits);
  const big = scenario(bigCommits);
  for (const [name, s] of [["check-run", pr], ["check-run-clean", clean], ["check-run-290", big]]) {
    const out = renderCheckRun({ report: s.report, rules: s.setup.metas, failOn: "high", classification: { value: "restricted", source: "custom property data_classification" }, repository });
    const md = `## ${out.title}\n\n${out.summary}\n\n${out.text ?? ""}`;
    shots.push([name, page("check run", marked.parse(md)), `${s.report.findings.length} findings`]);
  }
  // The job summary as the Action writes it (src/action/summary.ts), with no check run (no github-token).
  const job = renderCheckRun({ report: pr.report, rules: pr.setup.metas, failOn: "high", repository, everyFindingIn: "Every finding is in the SARIF file `/home/runner/work/_temp/claude-guard.sarif` (output `sarif-file`)" });
  const jobMarkdown = jobSummaryMarkdown({ rendered: job, sarifFile: "/home/runner/work/_temp/claude-guard.sarif", annotated: Math.min(10, job.annotations.length), auditSection: "" });
  shots.push(["job-summary", page("job summary", marked.parse(jobMarkdown)), "job summary"]);

  // The audit issue: records of the three pull requests, and of a confidential repository's push.
  const record = (n, s, repo, classification, change, team, day) =>
    buildAuditRecord({
      timestamp: new Date(Date.UTC(2026, 10, day, 9 + n, 12)).toISOString(),
      session: { type: "webhook-delivery", id: `delivery-${n}` },
      repository: { owner: "acme", name: repo },
      classification: { value: classification, source: "custom property data_classification" },
      user: "dana-dev",
      team,
      change,
      headSha: sha(100 + n),
      changes: s.claude.map((c) => ({ commit: { sha: c.sha, message: c.subject + CLAUDE, author: { name: "Dana", email: "dana@example.com" }, committer: { name: "Dana", email: "dana@example.com" } }, files: Object.entries(c.files ?? {}).map(([path, lines]) => ({ path, lines, lineNumbers: lines.map((_, i) => i + 1) })), skipped: [] })),
      claudeCommits: s.claude.length,
      findings: s.report.findings,
      failOn: "high",
      piiScanRan: true,
      skillPolicyRan: true,
      hmacKey: "screenshot-key-" + fake.alnum(32, "shot-key"),
      tool: { name: "claude-guard", version: "0.1.0" },
    });
  const records = [
    record(1, clean, "web", "internal", { type: "pull_request", number: 12 }, "acme/frontend", 10),
    record(2, big, "warehouse", "confidential", { type: "push", ref: "main" }, "acme/data", 24),
    record(3, pr, "payments", "restricted", { type: "pull_request", number: 42 }, "acme/payments-team", 27),
    record(4, clean, "web", "internal", { type: "pull_request", number: 14 }, "acme/frontend", 30),
  ];
  const dashboard = renderDashboard({
    org: "acme",
    key: "screenshot-key",
    records,
    controls: deriveControls(records, { auditRepository: true, keyedHashes: true, skillsConfigured: true, contentPathsConfigured: false, failOn: "high", notifyTeams: 1 }),
  });
  shots.push(["audit-issue", page("audit issue", marked.parse(dashboard.replace(/^<!--.*-->\n/, ""))), "audit issue"]);

  const ansi = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const terminal = [
    "$ claude-guard scan --git --range main..HEAD",
    renderText(pr.report, { color: false, rules: pr.setup.metas, authors: "claude" }),
    "$ claude-guard scan --git --range main..HEAD --quiet",
    renderText(pr.report, { color: false, rules: pr.setup.metas, authors: "claude", detail: "quiet" }),
  ].join("\n");
  shots.push(["terminal", page("terminal", `<pre class="term">${ansi(terminal)}</pre>`, true), "terminal"]);
  console.log(terminal);

  const profile = await mkdtemp(join(tmpdir(), "cg-shots-"));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`],
  });
  try {
    for (const [name, html] of shots) {
      const tab = await browser.newPage();
      await tab.setViewport({ width: 1280, height: 900 });
      await tab.setContent(html, { waitUntil: "load" });
      // The first 2,400 px: what a reader sees first (the 290-finding page is much longer).
      const height = Math.min(2400, await tab.evaluate("document.documentElement.scrollHeight"));
      await tab.setViewport({ width: 1280, height });
      await tab.screenshot({ path: join(OUT, `${name}.png`) });
      await tab.close();
      console.log(`docs/images/${name}.png`);
    }
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
