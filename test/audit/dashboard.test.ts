import { describe, expect, it } from "@jest/globals";
import {
  COMPLIANCE_MAP,
  deriveControls,
  hasIssueMarker,
  issueMarker,
  judgeMaturity,
  parseRecordComment,
  renderComplianceSection,
  renderDashboard,
  renderRecordComment,
  summarise,
  type AuditRecord,
  type GovernanceControls,
  type OrgFacts,
} from "../../src/core/audit/index.js";
import { codeSpan, utf8Length } from "../../src/core/report/markdown.js";
import { claudeChange, HMAC_KEY, OTHER_KEY, sha, simpleRecord } from "./fixtures.js";

const ORG_FACTS: OrgFacts = { auditRepository: true, keyedHashes: true, skillsConfigured: false, contentPathsConfigured: false, failOn: "high", notifyTeams: 0 };
const ALL_ON: GovernanceControls = {
  auditTrail: true,
  keyedHashes: true,
  secretScan: true,
  piiScan: true,
  classification: true,
  skillPolicy: true,
  contentClassification: true,
  enforcement: true,
  incidentNotify: true,
};
const criticalRecord = (n: number, overrides = {}): AuditRecord =>
  simpleRecord(n, "vault", {
    classification: { value: "restricted", source: "config classification" },
    findings: [{ category: "policy", severity: "critical" }],
    ...overrides,
  });

describe("record comments", () => {
  it("round-trips: the marker names delivery and head SHA, the JSON comes back, signed with the key", () => {
    const record = simpleRecord(1);
    const body = renderRecordComment(record, { key: HMAC_KEY });
    expect(body.startsWith(`<!-- claude-guard:audit-record v1 delivery=delivery-1 head=${sha(1)} sig=`)).toBe(true);
    expect(body).toContain("<details><summary>Record (JSON, schema v1)</summary>");
    const parsed = parseRecordComment(body, HMAC_KEY);
    expect(parsed).toEqual({ deliveryId: "delivery-1", headSha: sha(1), record, signed: true, signature: { record: expect.stringMatching(/^[0-9a-f]{32}$/), fields: expect.stringMatching(/^[0-9a-f]+$/) } });
    expect(parseRecordComment(body, OTHER_KEY)?.signed).toBe(false);
  });

  it("a record edited by hand, or forged without the key, is not signed", () => {
    const body = renderRecordComment(simpleRecord(1), { key: HMAC_KEY });
    expect(parseRecordComment(body.replace('"claude_commits": 1', '"claude_commits": 0'), HMAC_KEY)?.signed).toBe(false);
    const forged = renderRecordComment(simpleRecord(2), { key: OTHER_KEY });
    expect(parseRecordComment(forged, HMAC_KEY)?.signed).toBe(false);
    expect(parseRecordComment("LGTM", HMAC_KEY)).toBeUndefined();
    expect(parseRecordComment(body.replace("delivery=delivery-1", "delivery=delivery-9"), HMAC_KEY)).toBeUndefined();
  });

  it("keeps repository data inert: a hostile branch name cannot link, mention or close the JSON block", () => {
    const ref = "x```\n@octocat [click](https://evil.example) <img src=x>";
    const record = simpleRecord(3, "web", { change: { type: "push", ref } });
    const body = renderRecordComment(record, { key: HMAC_KEY });
    const human = body.split("\n<details>")[0] as string;
    // The ref appears only as one code span (inert: no link, mention or HTML inside it), and nowhere else.
    expect(human).toContain(codeSpan(ref));
    const outside = human.replace(codeSpan(ref), "");
    expect(outside).not.toContain("[click](");
    expect(outside).not.toContain("@octocat");
    expect(outside).not.toContain("<img");
    expect(codeSpan(ref)).not.toContain("\n"); // a newline would end the span's line
    expect(parseRecordComment(body, HMAC_KEY)?.record.input_summary.ref).toBe(ref);
  });

  it("mentions the notify teams on a critical incident only, and drops anything that is not org/team", () => {
    const critical = renderRecordComment(criticalRecord(4), { key: HMAC_KEY, notify: ["acme/security", "acme/ir", "evil](http://x)"] });
    expect(critical).toContain("**Critical incident:**");
    expect(critical).toContain("cc @acme/security @acme/ir");
    expect(critical).not.toContain("evil");
    const calm = renderRecordComment(simpleRecord(5), { key: HMAC_KEY, notify: ["acme/security"] });
    expect(calm).not.toContain("@acme/security");
    expect(calm).not.toContain("Critical incident");
  });
});

describe("the dashboard, rebuilt from the records", () => {
  it("counts per repository: distinct Claude commits, latest findings per change, open violations, last event", () => {
    const firstScan = simpleRecord(1, "api", { change: { type: "pull_request", number: 12 }, changes: [claudeChange(50)], claudeCommits: 1, findings: [{ category: "secret", severity: "high" }] });
    // The same PR pushed again: commit 50 again plus 51, the secret fixed, a policy violation now.
    const rescan = simpleRecord(2, "api", { change: { type: "pull_request", number: 12 }, changes: [claudeChange(50), claudeChange(51)], claudeCommits: 2, findings: [{ category: "policy", severity: "medium" }] });
    const push = simpleRecord(3, "web", { change: { type: "push", ref: "main" }, findings: [{ category: "pii", severity: "medium" }] });
    const redelivered = structuredClone(push);
    const summary = summarise([firstScan, rescan, push, redelivered]);
    expect(summary.repositories).toEqual([
      expect.objectContaining({ repository: "acme/api", events: 2, claudeCommits: 2, findings: { secret: 0, placeholder: 0, pii: 0, policy: 1 }, openViolations: 1, lastEvent: { timestamp: rescan.timestamp, user: "jane-dev" } }),
      expect.objectContaining({ repository: "acme/web", events: 1, claudeCommits: 1, findings: { secret: 0, placeholder: 0, pii: 1, policy: 0 }, openViolations: 0 }),
    ]);
    expect(summary.totals).toMatchObject({ repositories: 2, events: 3, claudeCommits: 3, openViolations: 1, lastEvent: { repository: "acme/web" } });
  });

  it("opens with what needs action: incident, repository, links to the change and its checks, age, owner team", () => {
    const leak = simpleRecord(1, "payments", {
      classification: { value: "restricted", source: "custom property data_classification" },
      change: { type: "pull_request", number: 42 },
      team: "acme/payments-team",
      timestamp: "2025-03-01T09:15:27.123Z",
      findings: [{ category: "secret", severity: "critical", validation: { status: "confirmed", check: "CRC32 checksum" } }],
    });
    // 80 critical AWS keys in a confidential repository: an incident too, with no key verified.
    const keys = simpleRecord(2, "warehouse", {
      classification: { value: "confidential", source: "config classification" },
      change: { type: "push", ref: "main" },
      timestamp: "2025-03-04T10:00:00.000Z",
      findings: Array.from({ length: 80 }, () => ({ category: "secret" as const, severity: "critical" as const })),
    });
    const calm = simpleRecord(3, "web", { classification: undefined, timestamp: "2025-03-04T11:30:00.000Z", findings: [{ category: "secret", severity: "critical" }] });
    const records = [leak, keys, calm];
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records, controls: deriveControls(records, ORG_FACTS) });
    const needs = body.slice(body.indexOf("## Needs action"), body.indexOf("\n## ", body.indexOf("## Needs action") + 3));
    // Two incidents, and one anomaly: the first Claude change in a restricted repository.
    expect(needs).toContain("## Needs action (3)");
    expect(needs).toContain("| Incident | Repository | Change | Age | Owner team |");
    const incidentTable = needs.slice(0, needs.indexOf("| Anomaly |"));
    const rows = incidentTable.split("\n").filter((l) => l.startsWith("| **"));
    expect(rows).toHaveLength(2);
    expect(needs).toContain("| **First change in a restricted repository** | `acme/payments` | First Claude change in acme/payments, classified restricted: commit");
    // Newest first: the confidential push, then the payments pull request.
    expect(rows[0]).toBe(`| **Critical finding in a confidential repository**: 80 secrets | \`acme/warehouse\` (\`confidential\`) | [push ${sha(2).slice(0, 7)}](https://github.com/acme/warehouse/commit/${sha(2)}) · [checks](https://github.com/acme/warehouse/commit/${sha(2)}/checks) | 1 hour | unknown |`);
    expect(rows[1]).toBe("| **Verified credential, critical finding in a restricted repository**: 1 secret | `acme/payments` (`restricted`) | [#42](https://github.com/acme/payments/pull/42) · [checks](https://github.com/acme/payments/pull/42/checks) | 3 days | `acme/payments-team` |");
    // An internal repository's critical finding that nothing verified is not an incident.
    expect(needs).not.toContain("acme/web");
    // People's times, not ISO stamps; reasons in words, not codes.
    expect(body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(body).toContain("Mar 4, 2025 11:30 UTC");
    expect(body).not.toMatch(/confirmed-credential|critical-in-confidential-or-restricted/);
    // Every table is narrow.
    for (const line of body.split("\n").filter((l) => l.startsWith("| "))) expect(line.split(" | ").length).toBeLessThanOrEqual(5);
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [...records].reverse(), controls: deriveControls(records, ORG_FACTS) })).toBe(body);
  });

  it("charts findings per week by category and by classification in Mermaid, and counts per team", () => {
    const week1 = simpleRecord(1, "api", { timestamp: "2025-02-18T10:00:00.000Z", team: "acme/platform", findings: [{ category: "secret", severity: "high" }, { category: "pii", severity: "medium" }] });
    const week3 = simpleRecord(2, "vault", { timestamp: "2025-03-04T10:00:00.000Z", classification: { value: "restricted", source: "config" }, findings: [{ category: "policy", severity: "high" }] });
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records: [week1, week3], controls: ALL_ON });
    const chart = body.slice(body.indexOf("```mermaid"), body.indexOf("```", body.indexOf("```mermaid") + 3));
    expect(chart).toContain("xychart-beta");
    expect(chart).toContain('x-axis ["Feb 17", "Feb 24", "Mar 3"]');
    expect(chart).toContain("line [1, 0, 0]"); // secrets
    expect(chart).toContain("line [0, 0, 1]"); // policy
    expect(body).toContain("Lines: secrets (red), personal data (purple), policy (blue).");
    expect(body).toMatch(/```mermaid\npie showData\n {2}"internal" : 2\n {2}"restricted" : 1\n```/);
    expect(body).toContain("| `acme/platform` | 1 | 1 | 2 | 0 |");
    expect(body).toContain("| no team known | 1 | 1 | 1 | 0 |");
  });

  it("a clean org says nothing needs action, and the dashboard of no records is short", () => {
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records: [simpleRecord(1, "api")], controls: ALL_ON });
    expect(body).toContain("## Needs action\n\nNothing: no open incident");
    expect(body).not.toContain("```mermaid");
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [], controls: ALL_ON })).toContain("No Claude-authored change has been scanned yet.");
  });

  it("an incident fixed by a later push of the same pull request leaves the list", () => {
    const leaked = simpleRecord(1, "api", { change: { type: "pull_request", number: 9 }, findings: [{ category: "secret", severity: "high", validation: { status: "confirmed" } }] });
    const fixed = simpleRecord(2, "api", { change: { type: "pull_request", number: 9 }, findings: [] });
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [leaked], controls: ALL_ON })).toContain("## Needs action (1)");
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [leaked, fixed], controls: ALL_ON })).toContain("Nothing: no open incident");
  });

  it("puts compliance mapping and maturity in a collapsed section that says mapped, never evidenced", () => {
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records: [simpleRecord(1, "api")], controls: ALL_ON });
    const details = body.indexOf("<details><summary>Compliance mapping and governance maturity</summary>");
    expect(details).toBeGreaterThan(body.indexOf("## Repositories"));
    expect(body.indexOf("### Compliance mapping")).toBeGreaterThan(details);
    expect(body.indexOf("</details>")).toBeGreaterThan(body.indexOf("### Governance maturity"));
    expect(body).toContain("mapped, controls on");
    expect(body).not.toMatch(/evidenced/i);
  });

  it("stays within GitHub's body limit with thousands of repositories, and says how many are left out", () => {
    const records = Array.from({ length: 3000 }, (_, i) => simpleRecord(i + 1, `service-${String(i).padStart(4, "0")}`));
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records, controls: ALL_ON });
    expect(utf8Length(body)).toBeLessThan(65_536);
    expect(body).toMatch(/\d+ less recently active repositories are not listed here/);
    expect(body).toContain("3000 repositories, 3000 scanned changes, 3000 Claude commits");
    expect(body).toContain("`acme/service-2999`"); // the most recent ones are kept
  });

  it("signs its marker for one org: another key or org does not match", () => {
    const marker = issueMarker("acme", HMAC_KEY);
    expect(hasIssueMarker(marker, "ACME", HMAC_KEY)).toBe(true);
    expect(hasIssueMarker(marker, "acme", OTHER_KEY)).toBe(false);
    expect(hasIssueMarker(marker, "other", HMAC_KEY)).toBe(false);
    expect(hasIssueMarker(`text\n${marker}`, "acme", HMAC_KEY)).toBe(false);
  });
});

describe("controls, compliance and maturity", () => {
  it("derives controls from the org config and the latest records", () => {
    const records = [simpleRecord(1, "api", { piiScanRan: true }), simpleRecord(2, "web", { classification: undefined })];
    expect(deriveControls(records, ORG_FACTS)).toEqual({
      auditTrail: true,
      keyedHashes: true,
      secretScan: true,
      piiScan: true,
      classification: false, // acme/web has none
      skillPolicy: false,
      contentClassification: false,
      enforcement: true,
      incidentNotify: false,
    });
    expect(deriveControls([], { ...ORG_FACTS, failOn: "none", notifyTeams: 2, skillsConfigured: true })).toMatchObject({ auditTrail: false, enforcement: false, incidentNotify: true, skillPolicy: true });
  });

  it("judges maturity level by level, each level needing every lower one", () => {
    const off: GovernanceControls = { ...ALL_ON, auditTrail: false, keyedHashes: false, classification: false, skillPolicy: false, enforcement: false, piiScan: false, incidentNotify: false, contentClassification: false };
    expect(judgeMaturity(off)).toMatchObject({ level: "ad hoc", next: ["auditTrail", "keyedHashes"] });
    const documented = { ...off, auditTrail: true, keyedHashes: true };
    expect(judgeMaturity(documented)).toMatchObject({ level: "documented", next: ["classification", "skillPolicy"] });
    const managed = { ...documented, classification: true, skillPolicy: true };
    expect(judgeMaturity(managed).level).toBe("managed");
    const measured = { ...managed, enforcement: true, piiScan: true, incidentNotify: true };
    expect(judgeMaturity(measured).level).toBe("measured");
    expect(judgeMaturity(ALL_ON)).toMatchObject({ level: "optimised", next: [] });
    // Higher controls do not make up for a missing lower one.
    expect(judgeMaturity({ ...ALL_ON, classification: false }).level).toBe("documented");
  });

  it("maps each check to SOC 2, GDPR, HIPAA and PCI DSS controls, saying what it cannot check", () => {
    expect(COMPLIANCE_MAP.map((c) => `${c.framework} ${c.id}`)).toEqual(["SOC 2 CC6.1", "SOC 2 CC6.6", "SOC 2 CC7.2", "SOC 2 C1.1", "GDPR Art. 30", "GDPR Art. 32", "HIPAA 164.312(b)", "PCI DSS 10.2"]);
    const section = renderComplianceSection({ ...ALL_ON, skillPolicy: false, incidentNotify: false });
    expect(section).toContain("| What claude-guard checks | What it cannot check |");
    expect(section).toMatch(/SOC 2 CC6\.1 Logical access security \| mapped, some controls off \(off: Skill and agent permission policy/);
    expect(section).toMatch(/PCI DSS 10\.2 Audit logs of events \| mapped, controls on \|/);
    expect(section).not.toMatch(/evidenced/i);
    expect(section).toContain("**Documented**");
    expect(section).toContain("To reach the next level, switch on: Skill and agent permission policy");
    for (const control of COMPLIANCE_MAP) expect(section).toContain(control.cannot);
  });
});
