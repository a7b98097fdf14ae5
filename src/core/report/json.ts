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
  const pieces: string[] = [];
  writeJson(report, classification, (piece) => pieces.push(piece));
  return pieces.join("");
}

/** Findings a piece of writeJson's text holds: about 50 KB of JSON. */
const ITEMS_A_PIECE = 100;

/**
 * renderJson's text, handed to `write` in pieces as it is built: the findings about 50 KB at a time. A
 * report of ten thousand findings is megabytes of text; held whole until written, its parts outlive
 * young-generation collections and are copied by each, then encoded in one block. Pieces die young.
 */
export function writeJson(report: ScanReport, classification: ResolvedClassification | undefined, write: (piece: string) => void): void {
  const head = {
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
  };
  // The head object without its closing "\n}": the arrays follow as its last members.
  write(JSON.stringify(head, null, 2).slice(0, -2));
  writeArray("findings", report.findings, findingJson, write);
  // Added in version 1 (with --baseline): the findings the baseline records; they do not fail the scan.
  if (report.baselined) writeArray("baselined", report.baselined, findingJson, write);
  if (report.commits) {
    writeArray("commits", report.commits, (commit) => ({
      sha: commit.sha,
      subject: commit.subject,
      author: commit.author,
      authorship: authorshipJson(commit.authorship),
    }), write);
  }
  write("\n}\n");
}

/** A member of the report holding an array, as JSON.stringify(report, null, 2) writes it, in pieces. */
function writeArray<T>(key: string, items: readonly T[], toJson: (item: T) => object, write: (piece: string) => void): void {
  if (items.length === 0) {
    write(`,\n  "${key}": []`);
    return;
  }
  write(`,\n  "${key}": [\n`);
  for (let from = 0; from < items.length; from += ITEMS_A_PIECE) {
    const piece = items.slice(from, from + ITEMS_A_PIECE).map(toJson);
    // An array in an array: its items come out indented as the report's own array items (4 spaces);
    // the 6 characters either side are the two brackets' lines.
    const text = JSON.stringify([piece], null, 2).slice(6, -6);
    write(from === 0 ? text : `,\n${text}`);
  }
  write("\n  ]");
}
