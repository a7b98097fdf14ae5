import { fake } from "../../../src/core/detect/fake.js";
import type { Rule } from "../../../src/core/detect/rule.js";
import { rules } from "../../../src/core/detect/rules/providers/stripe.js";
import { rules as paystack } from "../../../src/core/detect/rules/providers/paystack.js";
import { runRule } from "../../../src/core/detect/run-rule.js";

function rule(id: string): Rule {
  const found = [...rules, ...paystack].find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

const secrets = (id: string, line: string): string[] => runRule(rule(id), line).map((m) => m.secret);

describe("Stripe keys", () => {
  it("reports several keys on one line, each once", () => {
    const a = "sk_live_" + fake.alnum(24, "edge-multi-1");
    const b = "sk_live_" + fake.alnum(30, "edge-multi-2");
    expect(secrets("stripe-secret-key", `keys = ["${a}", "${b}"]`)).toEqual([a, b]);
  });

  it("gives a 40-hex sk_live_ key to exactly one of Stripe and Paystack, by the line's context", () => {
    const key = "sk_live_" + fake.hex(40, "edge-ps");
    expect([secrets("stripe-secret-key", `SECRET_KEY=${key}`), secrets("paystack-secret-key", `SECRET_KEY=${key}`)]).toEqual([[key], []]);
    const line = `PAYSTACK_SECRET_KEY=${key}`;
    expect([secrets("stripe-secret-key", line), secrets("paystack-secret-key", line)]).toEqual([[], [key]]);
  });

  it("rates live, test and publishable keys apart", () => {
    expect([rule("stripe-secret-key"), rule("stripe-test-key"), rule("stripe-publishable-key")].map((r) => r.severity)).toEqual(["critical", "medium", "low"]);
  });
});
