import type { Finding, ScanReport, Severity } from "../types.js";
import {
  categorySentence,
  fixSentences,
  indexRules,
  metaFor,
  SEVERITY_ORDER,
  suppressSentence,
  TOOL_NAME,
  validationNote,
  ALLOW_COMMENT,
  type RuleMeta,
} from "./meta.js";
import { IGNORE_FILE } from "../files.js";

/*
 * SARIF 2.1.0 for GitHub code scanning (upload-sarif). GitHub reads: rules' shortDescription,
 * fullDescription and help (required by its ingestion rules GH2012), `security-severity` (a string
 * holding a number: it sets the alert's severity), tags, relative artifact URIs, and
 * partialFingerprints to follow an alert from one upload to the next.
 */

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** GitHub code scanning keeps at most this many results of one run. */
export const MAX_SARIF_RESULTS = 25_000;
export const FINGERPRINT_KEY = "claudeGuardFingerprint/v1";

type SarifLevel = "error" | "warning" | "note";

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === "critical" || severity === "high" ? "error" : severity === "medium" ? "warning" : "note";
}

/** GitHub maps > 9.0 to critical, 7.0-8.9 to high, 4.0-6.9 to medium, 0.1-3.9 to low. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

/** `aws-access-key-id` -> `AwsAccessKeyId`: SARIF's `name` is an identifier, distinct from the id. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/**
 * A path as a relative URI reference: forward slashes, each segment percent-encoded (spaces, `#`, `?`,
 * `%`, non-ASCII), so that GitHub resolves it against the checkout root. An absolute path (which a
 * door should not produce) becomes a `file:` URI rather than an invalid relative one.
 */
export function pathToUri(path: string): string {
  let p = path.replace(/\\/g, "/");
  while (p.startsWith("./")) p = p.slice(2);
  const encoded = (s: string) => s.split("/").map(encodeURIComponent).join("/");
  if (/^[A-Za-z]:\//.test(p)) return "file:///" + p.slice(0, 2) + encoded(p.slice(2));
  if (p.startsWith("/")) return "file://" + encoded(p);
  return encoded(p);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : t + ".";
}

function ruleDescriptor(rule: RuleMeta) {
  const what = categorySentence(rule.category);
  const fix = [...(rule.remediation ? [sentence(rule.remediation)] : []), ...fixSentences(rule.category)];
  const suppress = suppressSentence();
  const docs = rule.docs ? `Format documented at ${rule.docs}.` : undefined;
  const text = [
    `${sentence(rule.title)} ${what}`,
    `How to fix: ${fix.join(" ")}`,
    `How to suppress: ${suppress}`,
    ...(docs ? [docs] : []),
  ].join("\n\n");
  const markdown = [
    `**${rule.title}** (${rule.provider}, ${rule.category}, ${rule.severity})`,
    what,
    "### How to fix",
    fix.map((line) => `- ${line}`).join("\n"),
    "### How to suppress",
    [
      `- Inline: add a \`${ALLOW_COMMENT}\` comment on the same line.`,
      `- By fingerprint: add the finding's fingerprint (\`${FINGERPRINT_KEY}\`, also in the result message) on its own line to \`${IGNORE_FILE}\` at the repository root.`,
    ].join("\n"),
    ...(rule.docs ? [`### Reference\n[${rule.provider} documentation](${rule.docs})`] : []),
  ].join("\n\n");
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: `${sentence(rule.title)} ${what}` },
    help: { text, markdown },
    helpUri: rule.docs,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ["security", rule.category, rule.provider],
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

function resultMessage(finding: Finding): string {
  const parts = [sentence(finding.message || finding.title), `Value (redacted): ${finding.redacted}.`];
  const note = validationNote(finding.validation);
  if (note) parts.push(sentence(note.charAt(0).toUpperCase() + note.slice(1)));
  if (finding.commit) parts.push(`Added in commit ${finding.commit}.`);
  parts.push(`Fingerprint: ${finding.fingerprint}.`);
  return parts.join(" ");
}

function region(finding: Finding) {
  const startLine = Math.max(1, Math.trunc(finding.line));
  const startColumn = Math.max(1, Math.trunc(finding.column));
  // An empty or inverted region is invalid SARIF; cover at least one character.
  const endColumn = Math.max(startColumn + 1, Math.trunc(finding.endColumn));
  return { startLine, startColumn, endLine: startLine, endColumn };
}

/**
 * The SARIF log of a scan. `rules` describes the rules (any superset of those with findings); only the
 * rules that have results are listed, so the file stays small and GitHub shows no unused rules.
 */
export function renderSarif(report: ScanReport, rules: readonly RuleMeta[]): string {
  const byId = indexRules(rules);

  // Keep GitHub's per-run cap by dropping the least severe results first, and say so in the log.
  let findings = report.findings;
  let omitted = 0;
  if (findings.length > MAX_SARIF_RESULTS) {
    findings = findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
      .slice(0, MAX_SARIF_RESULTS)
      .sort((a, b) => a.index - b.index)
      .map(({ finding }) => finding);
    omitted = report.findings.length - findings.length;
  }
  const incomplete = report.scanned.incomplete ?? [];
  const notifications = [
    ...incomplete.map((gap) => ({ level: "warning", message: { text: `Incomplete scan (${gap.reason}): ${gap.detail}` } })),
    ...(omitted > 0
      ? [
          {
            level: "warning",
            message: {
              text: `${omitted} lower-severity results were left out to stay within GitHub's limit of ${MAX_SARIF_RESULTS} results per run; use the JSON report for all of them.`,
            },
          },
        ]
      : []),
  ];

  const usedRules: RuleMeta[] = [];
  const ruleIndex = new Map<string, number>();
  for (const finding of findings) {
    if (ruleIndex.has(finding.rule)) continue;
    ruleIndex.set(finding.rule, usedRules.length);
    usedRules.push(metaFor(finding, byId));
  }

  const results = findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule) as number,
    level: sarifLevel(finding.severity),
    message: { text: resultMessage(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(finding.path) },
          region: region(finding),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      category: finding.category,
      severity: finding.severity,
      ...(finding.commit ? { commit: finding.commit } : {}),
      ...(finding.validation ? { validation: finding.validation.status } : {}),
    },
  }));

  const run = {
    tool: {
      driver: {
        // No informationUri: the tool has no published page to point to (SARIF makes it optional).
        name: TOOL_NAME,
        semanticVersion: report.tool.version,
        rules: usedRules.map(ruleDescriptor),
      },
    },
    // Columns come from JavaScript string offsets.
    columnKind: "utf16CodeUnits",
    ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {}),
    results,
    // What the scan could not read (a shallow history), also as data for tools that read properties.
    ...(incomplete.length > 0 ? { properties: { incomplete: incomplete.map((gap) => ({ reason: gap.reason, detail: gap.detail })) } } : {}),
  };

  return JSON.stringify({ $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] }, null, 2) + "\n";
}
