/**
 * Razorpay API keys (razorpay.com/docs/api/authentication): a `rzp_live_`/`rzp_test_` key id and a
 * 24-character key secret without a prefix, found next to `razorpay` or a key id.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ASSIGN, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "razorpay-key-secret",
    title: "Razorpay API key secret",
    provider: "Razorpay",
    severity: "critical",
    keywords: ["razorpay", "rzp_live_", "rzp_test_"],
    // The secret has no prefix: it is found as a secret or token next to `razorpay` or a `rzp_live_`/`rzp_test_` key id.
    regex: new RegExp(`(?:${ci("razorpay")}|rzp_(?:live|test)_)[^\\n]{0,200}?(?:${ci("secret")}|${ci("token")})[\\w.-]{0,12}${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_])`),
    minEntropy: 3,
    docs: "https://razorpay.com/docs/api/authentication/",
    remediation: "Regenerate the API key pair in the Razorpay Dashboard (Account & Settings > API Keys) and keep the secret server-side in a secret manager.",
    samples: () => [fake.alnum(24, "rzp-1"), fake.alnum(24, "rzp-3")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("razorpay_key_secret", a),
      ...withValue(a, "razorpay token - '%s'"),
      ...withValue(b, `const rzp = new Razorpay({ key_id: "rzp_live_${fake.alnum(14, "rzp-2")}", key_secret: "%s" });`),
    ],
    falsePositives: () => [`RAZORPAY_KEY_SECRET=process.env.RAZORPAY_SECRET`, `RAZORPAY_KEY_ID=rzp_live_${fake.alnum(14, "rzp-4")}`],
  }),
];
