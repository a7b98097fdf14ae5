import { describe, expect, it } from "@jest/globals";
import { exampleValidations } from "./examples-validate.js";
import type { Rule } from "../../../src/core/detect/rule.js";
import { runRule } from "../../../src/core/detect/run-rule.js";
import { fake, toBase64 } from "../../../src/core/detect/fake.js";
import { fakeSentryOrgToken, rules } from "../../../src/core/detect/rules/providers/sentry.js";

const rule = (id: string): Rule => rules.find((r) => r.id === id)!;

describe("Sentry", () => {
  it("org tokens carry JSON claims", () => {
    const r = rule("sentry-org-token");
    expect(r.validate?.(fakeSentryOrgToken("sentry-v")).status).toBe("confirmed");
    const bogus = "sntrys_" + toBase64("not json at all, just text") + "_" + fake.alnum(43, "x");
    expect(r.validate?.(bogus).status).toBe("failed");
  });

  it("the DSN rule reports the secret half only", () => {
    const pub = fake.hex(32, "p");
    const sec = fake.hex(32, "s");
    const [m] = runRule(rule("sentry-dsn-secret"), `dsn = "https://${pub}:${sec}@o1.ingest.sentry.io/99"`);
    expect(m?.secret).toBe(sec);
  });
});

describe("generated examples", () => {
  it.each(["sentry-org-token"])("%s: each true positive passes the rule's validator", (id) => {
    const statuses = exampleValidations(rules.find((r) => r.id === id)!);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.every((s) => s === "confirmed")).toBe(true);
  });
});
