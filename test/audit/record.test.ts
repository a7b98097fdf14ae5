import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import {
  buildAuditRecord,
  canonicalAddedLines,
  contentHash,
  deriveControls,
  keyId,
  languageOf,
  renderDashboard,
  renderRecordComment,
  type AuditRecord,
} from "../../src/core/audit/index.js";
import type { Finding } from "../../src/core/types.js";
import { BODY_SENTINEL, claudeChange, CONTENT_SENTINEL, EMAIL, HMAC_KEY, OTHER_KEY, recordInput, scanFindings, SECRET, sha, simpleRecord } from "./fixtures.js";
import { validate } from "./json-schema-subset.js";
import { addedLinesOf } from "../../src/core/added-lines.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/audit-record.v1.json", import.meta.url), "utf8")) as Record<string, unknown>;

const policyFinding = (severity: Finding["severity"]): Finding => ({
  rule: "skill-above-classification",
  category: "policy",
  severity,
  path: ".claude/skills/deploy/SKILL.md",
  line: 1,
  column: 1,
  endColumn: 2,
  fingerprint: "f".repeat(32),
  redacted: "",
  message: "deploy/prod may not run in a restricted repository",
  title: "Skill not allowed",
});

describe("audit record: the governance framework's fields", () => {
  it("summarises a Claude change with a confirmed credential: who, where, what went in, what came out", () => {
    const input = recordInput();
    const record = buildAuditRecord(input);
    expect(record).toMatchObject({
      version: 1,
      timestamp: "2025-03-04T10:00:00.000Z",
      user: "jane-dev",
      team: null,
      session: { type: "webhook-delivery", id: "delivery-1" },
      repository: { owner: "acme", name: "api", classification: "internal", classification_source: "custom property data_classification" },
      skills_used: ["code-review/security"],
      input_summary: { type: "pull_request", pull_request: 7, ref: null, head_sha: sha(99), claude_commits: 1, commits: [sha(1)], files: 2, languages: ["Python", "TypeScript"], lines_added: 5 },
      policy_checks: { secret_scan: "failed", pii_scan: expect.stringMatching(/passed|failed/), skill_policy: "not-run", content_classification: "internal" },
      incident: { critical: true, reasons: ["confirmed-credential"] },
    });
    expect(record.output_summary.findings.secret.critical + record.output_summary.findings.secret.high).toBeGreaterThanOrEqual(1);
    expect(record.output_summary.findings_total).toBe(input.findings.length);
    expect(record.output_summary.conclusion).toBe("failure");
  });

  it("counts a push by its branch, and a clean change as passed checks with no incident", () => {
    const record = simpleRecord(3, "web", { change: { type: "push", ref: "main" }, skillPolicyRan: true });
    expect(record.input_summary).toMatchObject({ type: "push", pull_request: null, ref: "main" });
    expect(record.policy_checks).toEqual({ secret_scan: "passed", pii_scan: "passed", skill_policy: "passed", content_classification: "internal" });
    expect(record.incident).toEqual({ critical: false, reasons: [] });
    expect(record.output_summary.conclusion).toBe("success");
  });

  it("says not-run for a PII scan that did not run and a skill policy nobody configured", () => {
    const record = simpleRecord(4, "web", { piiScanRan: false, skillPolicyRan: false });
    expect(record.policy_checks.pii_scan).toBe("not-run");
    expect(record.policy_checks.skill_policy).toBe("not-run");
  });

  it("an incident: a verified credential anywhere, or a critical finding in a confidential or restricted repository (or content)", () => {
    const confidential = simpleRecord(5, "warehouse", { classification: { value: "confidential", source: "custom property data_classification" }, findings: [{ category: "secret", severity: "critical" }] });
    expect(confidential.incident).toEqual({ critical: true, reasons: ["critical-in-confidential-or-restricted"] });
    // A high policy violation in restricted code is a failing check, not a critical incident.
    const violation = simpleRecord(6, "vault", { classification: { value: "restricted", source: "config classification" }, findings: [policyFinding("high")] });
    expect(violation.policy_checks.skill_policy).toBe("failed");
    expect(violation.incident.critical).toBe(false);
    const internal = simpleRecord(7, "web", { findings: [{ category: "secret", severity: "critical" }] });
    expect(internal.incident.critical).toBe(false);
    const byContent = simpleRecord(8, "web", { contentPaths: { "src/**": "restricted" }, findings: [policyFinding("critical")] });
    expect(byContent.policy_checks.content_classification).toBe("restricted");
    expect(byContent.repository.classification).toBe("internal");
    expect(byContent.incident.reasons).toEqual(["critical-in-confidential-or-restricted"]);
    const verified = simpleRecord(9, "web", { findings: [{ category: "secret", severity: "high", validation: { status: "confirmed" } }] });
    expect(verified.incident.reasons).toEqual(["confirmed-credential"]);
  });

  it("names the skills a change added or edited, by front matter name or folder, with the trailers' skills", () => {
    const change = claudeChange(11, { skills: ["code-review"], paths: [".claude/skills/deploy/prod/SKILL.md", ".claude/skills/notes/SKILL.md", "packages/web/.claude/commands/frontend/component.md", "src/app.ts"] });
    change.files[0] = addedLinesOf(".claude/skills/deploy/prod/SKILL.md", ["---", "name: deploy", "description: ship it", "---"], [1, 2, 3, 4]);
    const record = buildAuditRecord(recordInput({ changes: [change], findings: [] }));
    expect(record.skills_used).toEqual(["code-review", "deploy", "notes", "frontend/component"]);
  });

  it("keeps only login-shaped users and skill ids that do not look like tokens", () => {
    const changes = [claudeChange(1, { skills: ["deploy/prod", SECRET, "two words", "/lint"] })];
    const record = buildAuditRecord(recordInput({ changes, findings: [], user: "not a login](http://x)", team: "acme/platform" }));
    expect(record.skills_used).toEqual(["deploy/prod", "lint"]);
    expect(record.user).toBeNull();
    expect(record.team).toBe("acme/platform");
  });

  it("refuses identifiers that a marker could not hold", () => {
    expect(() => buildAuditRecord(recordInput({ headSha: "main" }))).toThrow(/head SHA/);
    expect(() => buildAuditRecord(recordInput({ session: { type: "webhook-delivery", id: "a b -->" } }))).toThrow(/session id/);
  });

  it("names languages from extensions and well-known file names", () => {
    expect(languageOf("src/a.tsx")).toBe("TypeScript");
    expect(languageOf("deploy/Dockerfile")).toBe("Dockerfile");
    expect(languageOf(".env.production")).toBe("Dotenv");
    expect(languageOf("LICENSE")).toBeUndefined();
  });
});

describe("content_hash: HMAC-SHA256 with AUDIT_HMAC_KEY over the added lines", () => {
  const changes = [claudeChange(1, { withSecret: true }), claudeChange(2)];

  it("is the HMAC of the canonical added lines under the key, and nothing a plain hash could reproduce", () => {
    const canonical = canonicalAddedLines(changes);
    expect(canonical.startsWith(`commit ${sha(1)}\nfile scripts/run.py\n`)).toBe(true);
    const expected = "hmac-sha256:" + createHmac("sha256", HMAC_KEY).update(canonical).digest("hex");
    expect(contentHash(HMAC_KEY, changes)).toBe(expected);
    expect(contentHash(HMAC_KEY, changes)).not.toContain(createHash("sha256").update(canonical).digest("hex"));
    expect(contentHash(OTHER_KEY, changes)).not.toBe(expected);
    expect(keyId(HMAC_KEY)).not.toBe(keyId(OTHER_KEY));
    expect(keyId(HMAC_KEY)).not.toContain(HMAC_KEY.slice(0, 8));
  });

  it("changes when one added line changes, not when files come in another order", () => {
    const base = contentHash(HMAC_KEY, changes);
    const edited = structuredClone(changes);
    const file = edited[1]?.files[0];
    if (!file) throw new Error("fixture: the second commit has no file");
    file.text += "\none more line";
    file.lineNumbers.push((file.lineNumbers.at(-1) ?? 0) + 1);
    expect(contentHash(HMAC_KEY, edited)).not.toBe(base);
    const reordered = structuredClone(changes);
    reordered[0]?.files.reverse();
    expect(contentHash(HMAC_KEY, reordered)).toBe(base);
  });
});

describe("what a record never holds", () => {
  it("no secret, redacted preview, file content, path or commit message in the record, its comment or the dashboard", () => {
    const input = recordInput();
    const findings = scanFindings(input.changes);
    const secretFinding = findings.find((f) => f.category === "secret");
    expect(secretFinding?.validation?.status).toBe("confirmed"); // the fixture exercises the worst case
    const record = buildAuditRecord(input);
    const json = JSON.stringify(record);
    const comment = renderRecordComment(record, { key: HMAC_KEY, notify: ["acme/security"] });
    const dashboard = renderDashboard({ org: "acme", key: HMAC_KEY, records: [record], controls: deriveControls([record], { auditRepository: true, keyedHashes: true, skillsConfigured: false, contentPathsConfigured: false, failOn: "high", notifyTeams: 1 }) });
    const forbidden = [
      SECRET,
      SECRET.slice(4, 20), // any long piece of it
      ...findings.map((f) => f.redacted).filter((r) => r.length >= 4),
      CONTENT_SENTINEL,
      "content-sentinel",
      BODY_SENTINEL,
      "internal-codename",
      "Add feature 1",
      EMAIL,
      "src/feature.ts",
      HMAC_KEY,
    ];
    for (const text of [json, comment, dashboard]) {
      for (const value of forbidden) expect(text).not.toContain(value);
    }
  });
});

describe("schema/audit-record.v1.json", () => {
  const records: Array<[string, AuditRecord]> = [
    ["a pull request with a confirmed credential", buildAuditRecord(recordInput())],
    ["a clean push", simpleRecord(3, "web", { change: { type: "push", ref: "release/1.x" } })],
    ["a restricted violation with a team", simpleRecord(5, "vault", { team: "acme/platform", classification: { value: "restricted", source: "config classification" }, findings: [policyFinding("high")] })],
    ["an unclassified repository and no user", buildAuditRecord({ ...recordInput({ findings: [] }), user: undefined, classification: undefined } as never)],
  ];

  it.each(records)("validates a generated record: %s", (_name, record) => {
    expect(validate(schema, JSON.parse(JSON.stringify(record)))).toEqual([]);
  });

  it("rejects what the record must not be (the validator really checks)", () => {
    const record = JSON.parse(JSON.stringify(buildAuditRecord(recordInput()))) as Record<string, Record<string, unknown>>;
    (record["input_summary"] as Record<string, unknown>)["content_hash"] = "sha256:abc";
    (record["input_summary"] as Record<string, unknown>)["preview"] = "ghp_…";
    delete record["policy_checks"];
    const errors = validate(schema, record);
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/content_hash.*does not match/), expect.stringMatching(/unexpected property "preview"/), expect.stringMatching(/missing required "policy_checks"/)]),
    );
  });
});
