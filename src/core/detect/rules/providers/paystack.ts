/**
 * Paystack secret keys (paystack.com/docs/api/authentication): `sk_live_` + 40 lower-case hex
 * characters. Stripe uses the same prefix, so the line must name Paystack (stripe.ts leaves such keys
 * to this rule).
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "paystack-secret-key",
    title: "Paystack live secret key",
    provider: "Paystack",
    severity: "critical",
    keywords: ["paystack"],
    regex: new RegExp(`${ci("paystack")}[^\\n]{0,200}?(?<![A-Za-z0-9_])(?<secret>sk_live_[0-9a-f]{40})(?![A-Za-z0-9])`),
    docs: "https://paystack.com/docs/api/authentication/",
    remediation: "Generate new API keys in the Paystack Dashboard (Settings > API Keys & Webhooks) and keep the secret key in a secret manager.",
    samples: () => [`sk_live_${fake.hex(40, "paystack-1")}`, `sk_live_${fake.hex(40, "paystack-2")}`] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("paystack_secret_key", a),
      ...withValue(b, `const paystack = require("paystack")("%s");`, `paystack.secret_key = "%s"`),
    ],
    falsePositives: () => [
      `PAYSTACK_SECRET_KEY=sk_test_${fake.hex(40, "paystack-3")}`,
      `PAYSTACK_SECRET_KEY=sk_live_${fake.hex(30, "paystack-4")}`,
      `SECRET_KEY=sk_live_${fake.hex(40, "edge-ps-1")}`,
    ],
  }),
];
