/**
 * Which framework controls the audit trail maps to, control by control, and the org's governance
 * maturity judged from which controls are switched on. Pure: the door states the controls (from the org
 * config and the records); this module only judges and renders. A mapping says where these records can
 * help; it is not evidence that a framework's control is met, and the texts say plainly what the App
 * cannot check.
 */

/** The controls an org can switch on, each a fact the App can observe. */
export interface GovernanceControls {
  /** `audit.repository` is set and the audit trail is written (records exist). */
  auditTrail: boolean;
  /** Records carry keyed hashes (AUDIT_HMAC_KEY is set). */
  keyedHashes: boolean;
  /** Secrets are scanned in every Claude change (always on in claude-guard). */
  secretScan: boolean;
  /** A personal-data detector ran on the latest changes. */
  piiScan: boolean;
  /** Repositories carry a data classification (custom property or config). */
  classification: boolean;
  /** The org config governs skills (`skills:`) or their policy was evaluated. */
  skillPolicy: boolean;
  /** `content.paths` classifies what sensitive paths hold. */
  contentClassification: boolean;
  /** The check fails on findings (`failOn` is not `none`). */
  enforcement: boolean;
  /** `audit.notify` names teams alerted on critical incidents. */
  incidentNotify: boolean;
}

type ControlKey = keyof GovernanceControls;

const CONTROL_LABELS: Record<ControlKey, string> = {
  auditTrail: "Audit trail (`audit.repository`)",
  keyedHashes: "Keyed content hashes (`AUDIT_HMAC_KEY`)",
  secretScan: "Secret scan of every Claude change",
  piiScan: "Personal-data (PII) scan",
  classification: "Repository classification",
  skillPolicy: "Skill and agent permission policy (`skills:`)",
  contentClassification: "Content classification (`content.paths`)",
  enforcement: "Failing check on findings (`failOn`)",
  incidentNotify: "Incident notification (`audit.notify`)",
};

type MaturityLevel = "ad hoc" | "documented" | "managed" | "measured" | "optimised";
const MATURITY_LEVELS: readonly MaturityLevel[] = ["ad hoc", "documented", "managed", "measured", "optimised"];

/** What each level adds to the one below it (cumulative). */
const MATURITY_REQUIREMENTS: Record<MaturityLevel, readonly ControlKey[]> = {
  "ad hoc": [],
  documented: ["secretScan", "auditTrail", "keyedHashes"],
  managed: ["classification", "skillPolicy"],
  measured: ["enforcement", "piiScan", "incidentNotify"],
  optimised: ["contentClassification"],
};

const MATURITY_MEANING: Record<MaturityLevel, string> = {
  "ad hoc": "Claude's changes are scanned, but no audit trail is kept.",
  documented: "Every Claude change is scanned and recorded in a keyed, tamper-evident audit trail.",
  managed: "Repositories are classified and a policy decides which skills may run where, and for whom.",
  measured: "Findings fail checks, personal data is scanned, and critical incidents alert a response team.",
  optimised: "Sensitive paths are classified too, so each change is judged by what it touches, not only where it lives.",
};

interface MaturityJudgement {
  level: MaturityLevel;
  meaning: string;
  /** Controls to switch on to reach the next level (empty at the top). */
  next: ControlKey[];
}

/** The highest level whose requirements (and all lower levels') are met. */
export function judgeMaturity(controls: GovernanceControls): MaturityJudgement {
  let level: MaturityLevel = "ad hoc";
  for (const candidate of MATURITY_LEVELS.slice(1)) {
    if (!MATURITY_REQUIREMENTS[candidate].every((c) => controls[c])) break;
    level = candidate;
  }
  const nextLevel = MATURITY_LEVELS[MATURITY_LEVELS.indexOf(level) + 1];
  return { level, meaning: MATURITY_MEANING[level], next: nextLevel ? MATURITY_REQUIREMENTS[nextLevel].filter((c) => !controls[c]) : [] };
}

interface ComplianceControl {
  framework: string;
  id: string;
  name: string;
  /** The claude-guard controls whose records this framework control maps to. */
  evidence: readonly ControlKey[];
  checks: string;
  cannot: string;
}

export const COMPLIANCE_MAP: readonly ComplianceControl[] = [
  {
    framework: "SOC 2",
    id: "CC6.1",
    name: "Logical access security",
    evidence: ["skillPolicy", "classification"],
    checks: "Which skills and tool permissions Claude used in each repository, judged against its classification and the teams allowed to run them.",
    cannot: "Who holds access to the repositories, the identity provider, or access reviews.",
  },
  {
    framework: "SOC 2",
    id: "CC6.6",
    name: "Protection against threats from outside the system boundary",
    evidence: ["secretScan", "enforcement"],
    checks: "Credentials added by Claude's commits are found before merge, with the check failing on them.",
    cannot: "Network controls, secrets already in history before claude-guard ran, or credentials outside git.",
  },
  {
    framework: "SOC 2",
    id: "CC7.2",
    name: "Monitoring for anomalies and security events",
    evidence: ["auditTrail", "incidentNotify"],
    checks: "Every scanned Claude change is recorded here; critical incidents mention the response teams.",
    cannot: "Runtime behaviour of the deployed system, or changes made by other tools and people.",
  },
  {
    framework: "SOC 2",
    id: "C1.1",
    name: "Confidential information is identified",
    evidence: ["classification", "contentClassification", "piiScan"],
    checks: "The classification of each repository and of the paths a change touches; personal data in added lines.",
    cannot: "Confidential data outside the repositories, or data the detectors have no pattern for.",
  },
  {
    framework: "GDPR",
    id: "Art. 30",
    name: "Records of processing activities",
    evidence: ["auditTrail"],
    checks: "A record of each processing of repository content by Claude: when, by whom, where, and with which result.",
    cannot: "The organisation's register of processing (purposes, recipients, retention): this trail is one input to it.",
  },
  {
    framework: "GDPR",
    id: "Art. 32",
    name: "Security of processing",
    evidence: ["piiScan", "secretScan", "keyedHashes"],
    checks: "Personal data and credentials in Claude's changes are detected; records hold keyed hashes, never content.",
    cannot: "Encryption, backups or access control of the systems that hold the data.",
  },
  {
    framework: "HIPAA",
    id: "164.312(b)",
    name: "Audit controls",
    evidence: ["auditTrail", "keyedHashes"],
    checks: "Activity of the coding agent in repositories is recorded and can be examined (records can be exported and verified).",
    cannot: "Access to electronic protected health information in production systems.",
  },
  {
    framework: "PCI DSS",
    id: "10.2",
    name: "Audit logs of events",
    evidence: ["auditTrail"],
    checks: "User, time, repository, change and outcome of each scanned Claude change.",
    cannot: "Access to cardholder data or the cardholder data environment's own logs.",
  },
];

type EvidenceStatus = "on" | "partial" | "off";

function evidenceStatus(control: ComplianceControl, controls: GovernanceControls): EvidenceStatus {
  const on = control.evidence.filter((c) => controls[c]).length;
  return on === control.evidence.length ? "on" : on === 0 ? "off" : "partial";
}

const STATUS_TEXT: Record<EvidenceStatus, string> = { on: "mapped, controls on", partial: "mapped, some controls off", off: "mapped, controls off" };

/** The compliance and maturity sections of the dashboard (Markdown; no repository data in them). */
export function renderComplianceSection(controls: GovernanceControls): string {
  const maturity = judgeMaturity(controls);
  const lines: string[] = [
    "### Compliance mapping",
    "",
    "Where these records can support a framework control. A mapping is not an attestation: an auditor decides what the records show. claude-guard checks Claude-authored changes only; each row says what it cannot see.",
    "",
    "| Control | Mapping | What claude-guard checks | What it cannot check |",
    "| --- | --- | --- | --- |",
  ];
  for (const control of COMPLIANCE_MAP) {
    const status = evidenceStatus(control, controls);
    const missing = control.evidence.filter((c) => !controls[c]).map((c) => CONTROL_LABELS[c]);
    lines.push(
      `| ${control.framework} ${control.id} ${control.name} | ${STATUS_TEXT[status]}${missing.length > 0 ? ` (off: ${missing.join("; ")})` : ""} | ${control.checks} | ${control.cannot} |`,
    );
  }
  lines.push("", "### Governance maturity", "", `**${capitalise(maturity.level)}**: ${maturity.meaning}`, "");
  lines.push(`Levels: ${MATURITY_LEVELS.map((l) => (l === maturity.level ? `**${l}**` : l)).join(" → ")}.`, "");
  lines.push("| Control | State |", "| --- | --- |");
  for (const key of Object.keys(CONTROL_LABELS) as ControlKey[]) lines.push(`| ${CONTROL_LABELS[key]} | ${controls[key] ? "on" : "off"} |`);
  if (maturity.next.length > 0) lines.push("", `To reach the next level, switch on: ${maturity.next.map((c) => CONTROL_LABELS[c]).join("; ")}.`);
  return lines.join("\n");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
