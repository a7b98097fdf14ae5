import type { ResolvedClassification } from "../policy/classification.js";
import type { AuthorshipVerdict, Finding, ScanReport, SkippedFile } from "../types.js";

/*
 * The `--format json` report, version 1: a contract with users (fields may be added, none removed). Objects are rebuilt field by field
 * (rather than serializing the report as it is) so that the key order is fixed whatever order the
 * caller built them in, and so that no field a caller attached by accident (a raw match, a secret)
 * slips into the output.
 */

function skippedJson(skipped: SkippedFile) {
  return {
    path: skipped.path,
    reason: skipped.reason,
    commit: skipped.commit,
    detail: skipped.detail,
  };
}

function findingJson(finding: Finding) {
  return {
    rule: finding.rule,
    category: finding.category,
    severity: finding.severity,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    endColumn: finding.endColumn,
    commit: finding.commit,
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    message: finding.message,
    title: finding.title,
    validation: finding.validation
      ? { status: finding.validation.status, check: finding.validation.check, note: finding.validation.note }
      : undefined,
  };
}

function authorshipJson(verdict: AuthorshipVerdict) {
  return {
    isClaude: verdict.isClaude,
    agents: [...verdict.agents],
    signals: verdict.signals.map((signal) => ({
      kind: signal.kind,
      agent: signal.agent,
      evidence: signal.evidence,
      strength: signal.strength,
    })),
  };
}

/** The JSON report, 2-space indented, with a final newline. Undefined optional fields are left out. */
export function renderJson(report: ScanReport, classification?: ResolvedClassification): string {
  const out = {
    version: 1 as const,
    tool: { name: report.tool.name, version: report.tool.version },
    // Added in version 1 (by \`scan\`): the classification the policy used.
    classification,
    scanned: {
      files: report.scanned.files,
      bytes: report.scanned.bytes,
      commits: report.scanned.commits,
      claudeCommits: report.scanned.claudeCommits,
      skipped: report.scanned.skipped.map(skippedJson),
      // Added in version 1 (left out when the scan is complete): what the scan could not read.
      incomplete: report.scanned.incomplete?.map((gap) => ({ reason: gap.reason, detail: gap.detail })),
      // Added in version 1 (with --git): commits read that other coding agents wrote, by agent.
      otherAgents: report.scanned.otherAgents ? { ...report.scanned.otherAgents } : undefined,
      // Added in version 1 (the CLI): findings an allow comment or the ignore file suppressed.
      suppressed: report.scanned.suppressed,
      // Added in version 1 (with --baseline): how many findings the baseline records.
      baselined: report.scanned.baselined,
    },
    findings: report.findings.map(findingJson),
    // Added in version 1 (with --baseline): the findings the baseline records; they do not fail the scan.
    baselined: report.baselined?.map(findingJson),
    commits: report.commits?.map((commit) => ({
      sha: commit.sha,
      subject: commit.subject,
      author: commit.author,
      authorship: authorshipJson(commit.authorship),
    })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}
