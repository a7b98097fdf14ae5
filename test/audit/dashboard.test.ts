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
    findings: [{ category: "policy", severity: "high" }],
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

  it("renders totals, a row per repository and the critical incidents; the same records give the same bytes", () => {
    const records = [simpleRecord(1, "api"), criticalRecord(2), simpleRecord(3, "web", { classification: undefined })];
    const controls = deriveControls(records, ORG_FACTS);
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records, controls });
    expect(hasIssueMarker(body, "acme", HMAC_KEY)).toBe(true);
    expect(body).toContain("| 3 | 3 | 3 | 0 | 0 | 0 | 1 | 1 | 1 |");
    expect(body).toContain("| `acme/vault` | `restricted` | 1 | 0 | 0 | 0 | 1 | 1 |");
    expect(body).toContain("| `acme/web` | unclassified |");
    expect(body).toMatch(/acme\/vault`, pull request #7: restricted-policy-violation/);
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [...records].reverse(), controls })).toBe(body);
    expect(renderDashboard({ org: "acme", key: HMAC_KEY, records: [], controls })).toContain("No Claude-authored change has been scanned yet.");
  });

  it("stays within GitHub's body limit with thousands of repositories, and says how many are left out", () => {
    const records = Array.from({ length: 3000 }, (_, i) => simpleRecord(i + 1, `service-${String(i).padStart(4, "0")}`));
    const body = renderDashboard({ org: "acme", key: HMAC_KEY, records, controls: ALL_ON });
    expect(utf8Length(body)).toBeLessThan(65_536);
    expect(body).toMatch(/\d+ less recently active repositories are not listed here/);
    expect(body).toContain("| 3000 | 3000 | 3000 |");
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
    expect(section).toMatch(/SOC 2 CC6\.1 Logical access security \| partly evidenced \(off: Skill and agent permission policy/);
    expect(section).toMatch(/PCI DSS 10\.2 Audit logs of events \| evidenced \|/);
    expect(section).toContain("**Documented**");
    expect(section).toContain("To reach the next level, switch on: Skill and agent permission policy");
    for (const control of COMPLIANCE_MAP) expect(section).toContain(control.cannot);
  });
});
