import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinRules } from "../../src/core/detect/index.js";
import { SECRET_SEVERITY, secretSeverity } from "../../src/core/detect/severity.js";
import { rulePages, severityPage } from "../../src/core/report/rule-pages.js";
import { SEVERITIES } from "../../src/core/types.js";

const DOCS = join(process.cwd(), "docs");
const STALE = "docs/rules or docs/severity.md is stale: run `npm run docs:rules` and commit the result";

describe("docs/rules and docs/severity.md are generated from the rules", () => {
  const pages = rulePages(builtinRules);

  test("every page on disk is the page the rules make, and no other page is there", () => {
    const onDisk = readdirSync(join(DOCS, "rules")).filter((f) => f.endsWith(".md")).sort();
    const extra = onDisk.filter((f) => !pages.has(f));
    const missing = [...pages.keys()].filter((f) => !onDisk.includes(f));
    const different = onDisk.filter((f) => pages.has(f) && readFileSync(join(DOCS, "rules", f), "utf8") !== pages.get(f));
    expect({ extra, missing, different: different.slice(0, 20), hint: STALE }).toEqual({ extra: [], missing: [], different: [], hint: STALE });
    expect(readFileSync(join(DOCS, "severity.md"), "utf8")).toBe(severityPage());
  });

  test("one page per rule id, the ids family rules report included", () => {
    for (const rule of builtinRules) {
      for (const id of [rule.id, ...(rule.reports ?? []).map((r) => r.id)]) expect(pages.has(`${id}.md`)).toBe(true);
    }
    const page = pages.get("github-pat-classic.md") ?? "";
    expect(page).toMatch(/^# GitHub personal access token \(classic\)\n/);
    expect(page).toContain("| Severity | `critical` when the value's own checksum or structure checks out offline, `medium` when it does not");
    expect(pages.get("generic-password.md")).toContain("`high`: a generic, name-based match");
  });
});

describe("severity follows one table: verified > format-only > generic", () => {
  test("a GitHub token whose checksum verified outranks a Stripe key that cannot be verified", () => {
    const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
    const github = builtinRules.find((r) => r.id === "github-pat-classic");
    const stripe = builtinRules.find((r) => r.id === "stripe-secret-key");
    expect(github?.validate).toBeDefined();
    expect(stripe?.validate).toBeUndefined();
    const githubVerified = secretSeverity(github!.provider, github!.severity, { status: "confirmed" });
    const stripeFormat = secretSeverity(stripe!.provider, stripe!.severity, undefined);
    expect(githubVerified).toBe("critical");
    expect(stripeFormat).toBe("high");
    expect(rank(githubVerified)).toBeLessThan(rank(stripeFormat));
  });

  test("at every reach, verified > format-only >= generic, and a failed check is below format-only", () => {
    const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
    for (const radius of ["broad", "scoped"] as const) {
      expect(rank(SECRET_SEVERITY.verified[radius])).toBeLessThan(rank(SECRET_SEVERITY.format[radius]));
      expect(rank(SECRET_SEVERITY.format[radius])).toBeLessThan(rank(SECRET_SEVERITY.failed[radius]));
    }
    for (const radius of ["broad", "scoped", "narrow"] as const) {
      expect(rank(SECRET_SEVERITY.format[radius])).toBeLessThanOrEqual(rank(SECRET_SEVERITY.generic[radius]));
      expect(SECRET_SEVERITY.generic[radius]).not.toBe("critical");
    }
  });
});
