import { describe, expect, it, jest } from "@jest/globals";
import type { BusinessHoursConfig } from "../../src/core/config/config.js";
import {
  businessHoursFindings,
  classifyChange,
  compileContentPaths,
  contentAboveFindings,
  isOutsideBusinessHours,
  PII_CLASSIFICATION,
} from "../../src/core/policy/content.js";
import type { CommitInfo, Finding } from "../../src/core/types.js";

const SHA = "ab".repeat(20);
const REPO = { name: "acme/payments", classification: "internal" as const, source: "custom property data_classification" };

function finding(rule: string, category: Finding["category"], line: number, extra: Partial<Finding> = {}): Finding {
  return { rule, category, severity: "high", path: "data/users.csv", line, column: 1, endColumn: 5, commit: SHA, fingerprint: "f".repeat(32), redacted: "…", message: "", title: rule === "payment-card-number" ? "Payment card number" : rule, ...extra };
}

const change = { path: "data/users.csv", commit: SHA, firstLine: 1 };
const noPaths = compileContentPaths({});

describe("content classification of a change: the highest signal wins", () => {
  it("card numbers make the change restricted; one signal for every line of the same kind", () => {
    const content = classifyChange(change, [finding("payment-card-number", "pii", 3), finding("payment-card-number", "pii", 2), finding("email-address", "pii", 2)], noPaths);
    expect(content.classification).toBe("restricted");
    expect(content.signals.map((s) => [s.kind, s.classification, s.line])).toEqual([
      ["pii", "restricted", 2],
      ["pii", "internal", 2],
    ]);
    expect(content.signals[0]?.description).toBe("it adds personal data: Payment card number on lines 2, 3 (restricted)");
  });

  it("lists each line once for a file of many findings, in time that grows with their number", () => {
    // 120,000 findings on 100,000 lines (some twice, out of order): a lookup per finding took seconds.
    const many = Array.from({ length: 120_000 }, (_, i) => finding("phone-number", "pii", 100_000 - (i % 100_000)));
    const started = Date.now();
    const content = classifyChange(change, many, noPaths);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(content.signals).toHaveLength(1);
    expect(content.signals[0]?.line).toBe(1);
    expect(content.signals[0]?.description).toBe("it adds personal data: phone-number on lines 1, 2, 3, 4, 5 and 99995 more (internal)");
  });

  it("documents a classification for every built-in PII rule: cards, health and national ids restricted, IBAN confidential, contacts internal", () => {
    expect(PII_CLASSIFICATION["payment-card-number"]).toBe("restricted");
    expect(PII_CLASSIFICATION["uk-nhs-number"]).toBe("restricted");
    expect(PII_CLASSIFICATION["us-ssn"]).toBe("restricted");
    expect(PII_CLASSIFICATION["iban"]).toBe("confidential");
    expect(PII_CLASSIFICATION["email-address"]).toBe("internal");
    expect(PII_CLASSIFICATION["phone-number"]).toBe("internal");
    // A custom pii rule of the config: personal data, confidential.
    expect(classifyChange(change, [finding("acme-customer-id", "pii", 4)], noPaths).classification).toBe("confidential");
  });

  it("path globs of content.paths classify a change; findings of another file or commit do not count", () => {
    const matchPaths = compileContentPaths({ "**/payments/**": "confidential", "data/**": "internal" });
    const content = classifyChange({ path: "services/payments/charge.ts", commit: SHA, firstLine: 7 }, [finding("payment-card-number", "pii", 3)], matchPaths);
    expect(content.classification).toBe("confidential");
    expect(content.signals).toEqual([{ kind: "path", classification: "confidential", description: 'its path matches content.paths "**/payments/**" (confidential)', line: 7, raises: true }]);
    expect(classifyChange({ ...change, commit: "cd".repeat(20) }, [finding("payment-card-number", "pii", 3)], noPaths).signals).toEqual([]);
  });

  it("a secret makes the change confidential but does not raise content-above-classification by itself", () => {
    const secret = finding("aws-access-key-id", "secret", 5);
    const content = classifyChange(change, [secret], noPaths);
    expect(content.classification).toBe("confidential");
    expect(content.signals[0]).toMatchObject({ kind: "secret", raises: false });
    expect(contentAboveFindings([change], [secret], {}, REPO)).toEqual([]);
    // A value whose own check failed is not a credential; placeholders are no signal.
    const failed = finding("aws-access-key-id", "secret", 5, { validation: { status: "failed" } });
    expect(classifyChange(change, [failed, finding("generic-password", "placeholder", 6)], noPaths).signals).toEqual([]);
  });
});

describe("content-above-classification", () => {
  it("is one high finding per change, at its strongest signal, saying which signal and what to do", () => {
    const findings = contentAboveFindings([change], [finding("payment-card-number", "pii", 4), finding("email-address", "pii", 2)], { "data/**": "confidential" }, REPO);
    expect(findings).toHaveLength(1);
    const [above] = findings;
    expect(above).toMatchObject({ rule: "content-above-classification", category: "policy", severity: "high", path: "data/users.csv", line: 4, commit: SHA, redacted: "restricted" });
    expect(above?.message).toMatch(/^Commit ababababab.. changes data\/users\.csv, whose content is classified restricted: it adds personal data: Payment card number on line 4 \(restricted\); its path matches content\.paths "data\/\*\*" \(confidential\)\. But acme\/payments is classified internal \(from custom property data_classification\)/);
    expect(above?.message).toContain("Remove the personal data");
    expect(above?.message).toContain("have its classification raised");
    // The email (internal) is not above an internal repository and is not named.
    expect(above?.message).not.toContain("Email");
  });

  it("the credentials found in a change change nothing in its finding: only paths and personal data can raise one", () => {
    const pii = [finding("email-address", "pii", 2), finding("payment-card-number", "pii", 4)];
    const secrets = [finding("aws-access-key-id", "secret", 1), finding("payment-card-number", "secret", 4)];
    const paths = { "data/**": "confidential" } as const;
    expect(contentAboveFindings([change], [secrets[0]!, pii[0]!, secrets[1]!, pii[1]!], paths, REPO)).toEqual(contentAboveFindings([change], pii, paths, REPO));
    expect(contentAboveFindings([change], secrets, {}, { ...REPO, classification: "public" })).toEqual([]);
  });

  it("nothing when the content is at or below the repository's classification", () => {
    expect(contentAboveFindings([change], [finding("payment-card-number", "pii", 4)], {}, { ...REPO, classification: "restricted" })).toEqual([]);
    expect(contentAboveFindings([change], [finding("email-address", "pii", 4)], {}, REPO)).toEqual([]);
    expect(contentAboveFindings([change], [finding("email-address", "pii", 4)], {}, { ...REPO, classification: "public" })).toHaveLength(1);
  });
});

describe("business hours", () => {
  const hours: BusinessHoursConfig = { timezone: "Europe/Berlin", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" };
  const commit = (date: string): CommitInfo => ({ sha: SHA, message: "x", author: { name: "a", email: "a@acme.example" }, committer: { name: "a", email: "a@acme.example" }, date });

  it("reads the author date in the configured time zone; the end is exclusive", () => {
    // 07:30Z in January is 08:30 in Berlin: before the start.
    expect(isOutsideBusinessHours("2024-01-03T07:30:00Z", hours)).toEqual({ outside: true, day: "wed", time: "08:30" });
    expect(isOutsideBusinessHours("2024-01-03T08:00:00Z", hours)?.outside).toBe(false);
    expect(isOutsideBusinessHours("2024-01-03T16:59:00+00:00", hours)?.outside).toBe(false);
    expect(isOutsideBusinessHours("2024-01-03T17:00:00Z", hours)?.outside).toBe(true);
    expect(isOutsideBusinessHours("2024-01-06T10:00:00Z", hours)).toMatchObject({ outside: true, day: "sat" });
    expect(isOutsideBusinessHours("not a date", hours)).toBeUndefined();
  });

  it("makes one formatter a time zone for any number of dates (an inventory reads thousands), and reads many zones right", () => {
    const built = jest.spyOn(Intl, "DateTimeFormat");
    try {
      const chatham: BusinessHoursConfig = { ...hours, timezone: "Pacific/Chatham" };
      // 08:00Z on a Wednesday in January is 21:45 in the Chatham Islands (UTC+13:45).
      for (let i = 0; i < 1000; i++) expect(isOutsideBusinessHours("2024-01-03T08:00:00Z", chatham)).toEqual({ outside: true, day: "wed", time: "21:45" });
      expect(built.mock.calls.length).toBeLessThanOrEqual(1);
      // More zones than it keeps: each still read in its own zone.
      const zones = Intl.supportedValuesOf("timeZone").slice(0, 80);
      for (const timezone of zones) {
        const expected = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date("2024-01-03T12:00:00Z"));
        expect(isOutsideBusinessHours("2024-01-03T12:00:00Z", { ...hours, timezone })?.time).toBe(expected);
      }
    } finally {
      built.mockRestore();
    }
  });

  it("flags a restricted repository's commits outside the hours, low severity, and nothing elsewhere", () => {
    const night = [{ commit: commit("2024-01-03T22:15:00Z"), path: "src/a.ts", line: 3 }];
    const [note] = businessHoursFindings(night, hours, { name: "acme/vault", classification: "restricted" });
    expect(note).toMatchObject({ rule: "outside-business-hours", category: "policy", severity: "low", path: "src/a.ts", line: 3, commit: SHA });
    expect(note?.message).toMatch(/made on Wednesday at 23:15 \(Europe\/Berlin\), outside the business hours of content\.businessHours \(Mon, Tue, Wed, Thu, Fri 09:00-18:00\).*does not block the merge/);
    expect(businessHoursFindings(night, hours, { name: "acme/vault", classification: "confidential" })).toEqual([]);
    expect(businessHoursFindings(night, undefined, { name: "acme/vault", classification: "restricted" })).toEqual([]);
    expect(businessHoursFindings([{ commit: commit("2024-01-03T10:00:00Z"), path: "src/a.ts" }], hours, { name: "acme/vault", classification: "restricted" })).toEqual([]);
  });
});
