/**
 * Stripe API keys (docs.stripe.com/keys): `sk_live_` secret, `rk_live_` restricted and `pk_live_`
 * publishable keys, their `_test_` twins, and `whsec_` webhook signing secrets. Live secret keys are
 * `critical`, restricted keys and signing secrets `high`, test-mode keys `medium`, publishable keys `low`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, withValue } from "../kit.js";

/**
 * Paystack secret keys share Stripe's `sk_live_` prefix but are 40 lower-case hex characters. When the
 * line names Paystack, the Paystack rule reports the key; without that context the Stripe rule still
 * reports it (safer than missing a live key).
 */
const NOT_PAYSTACK = `(?!(?<=${ci("paystack")}[^\\n]{0,200})[0-9a-f]{40}(?![0-9A-Za-z]))`;

const remediation =
  "Roll the key in the Stripe Dashboard (Developers > API keys) and load it from a secret manager or environment variable.";

export const rules: Rule[] = [
  defineRule({
    id: "stripe-secret-key",
    title: "Stripe live secret key",
    provider: "Stripe",
    severity: "critical",
    keywords: ["sk_live_"],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_live_${NOT_PAYSTACK}[0-9A-Za-z]{24,247})(?![0-9A-Za-z-])`),
    docs: "https://docs.stripe.com/keys",
    remediation,
    samples: () => ["sk_live_" + fake.alnum(24, "stripe-sk-1"), "sk_live_51" + fake.alnum(97, "stripe-sk-2"), "sk_live_" + fake.hex(40, "stripe-sk-3")] as const,
    truePositives: ([legacy, modern, hex]) => [
      ...inSyntaxes("stripe_secret_key", modern),
      ...withValue(legacy, `const stripe = new Stripe("%s");`, `stripe.api_key = '%s'`),
      // A Paystack-shaped key on a line that does not name Paystack stays Stripe's.
      ...withValue(hex, `SECRET_KEY=%s`),
      // A real Stripe key on a line that also mentions Paystack.
      ...withValue(modern, `// migrated from paystack: STRIPE_KEY=%s`),
    ],
    falsePositives: () => [
      `STRIPE_SECRET_KEY=sk_live_${fake.alnum(12, "stripe-sk-short")}`,
      "const key = process.env.STRIPE_SECRET_KEY; // sk_live_ prefix expected",
      `const PAYSTACK_SECRET = "sk_live_${fake.hex(40, "stripe-sk-paystack")}";`,
      `my_sk_live_${fake.alnum(30, "edge-embed")}`,
      `"sk_test_${fake.alnum(30, "edge-sev")}"`,
      // Stripe keys are alphanumeric: a run continued by `-` is some other token.
      `Using Key=sk_live_${fake.alnum(34, "stripe-sk-dash-1")}-${fake.alnum(40, "stripe-sk-dash-2")}`,
    ],
  }),
  defineRule({
    id: "stripe-restricted-key",
    title: "Stripe live restricted key",
    provider: "Stripe",
    severity: "high",
    keywords: ["rk_live_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>rk_live_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys/restricted-api-keys",
    remediation,
    samples: () => ["rk_live_51" + fake.alnum(97, "stripe-rk-1"), "rk_live_" + fake.alnum(24, "stripe-rk-2")] as const,
    truePositives: ([modern, legacy]) => [...inSyntaxes("stripe_restricted_key", modern), ...withValue(legacy, `export STRIPE_RK=%s`, `key: '%s'`)],
    falsePositives: () => [`rk_live_${fake.alnum(10, "stripe-rk-short")}`, `const id = "xrk_live_${fake.alnum(30, "stripe-rk-3")}";`],
  }),
  defineRule({
    id: "stripe-test-key",
    title: "Stripe test-mode secret or restricted key",
    provider: "Stripe",
    // Test mode cannot move money, but it exposes test data and is often a copy-paste away from a live key.
    severity: "medium",
    keywords: ["sk_test_", "rk_test_"],
    // Stripe's API reference shows this test-mode key in its examples; copies of it are placeholders.
    exampleValues: ["sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc"],
    regex: /(?<![A-Za-z0-9_])(?<secret>[sr]k_test_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys#test-live-modes",
    remediation: "Roll the test key in the Stripe Dashboard and keep even test keys in environment variables.",
    samples: () => ["sk_test_51" + fake.alnum(97, "stripe-test-1"), "rk_test_" + fake.alnum(24, "stripe-test-2")] as const,
    truePositives: ([secret, restricted]) => [
      ...inSyntaxes("stripe_test_key", secret),
      ...withValue(secret, `Stripe.api_key = "%s"`),
      ...withValue(restricted, `STRIPE_TEST_KEY: %s`, `x=%s;`),
    ],
    falsePositives: () => [`sk_test_${fake.alnum(16, "stripe-test-short")}`, "stripeKey = os.environ['STRIPE_TEST_KEY']"],
  }),
  defineRule({
    id: "stripe-webhook-secret",
    title: "Stripe webhook signing secret",
    provider: "Stripe",
    severity: "high",
    keywords: ["whsec_"],
    // Dashboard endpoints get 32 alphanumerics; `stripe listen` prints 64 hex characters.
    regex: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9]{32,64})(?![A-Za-z0-9+/=])/,
    docs: "https://docs.stripe.com/webhooks#verify-official-libraries",
    remediation: "Roll the endpoint's signing secret in the Stripe Dashboard (Webhooks) and load it from the environment.",
    samples: () => ["whsec_" + fake.alnum(32, "stripe-whsec-1"), "whsec_" + fake.hex(64, "stripe-whsec-2")] as const,
    truePositives: ([dashboard, cli]) => [...inSyntaxes("stripe_webhook_secret", cli), ...withValue(dashboard, `const endpointSecret = "%s";`)],
    falsePositives: () => [
      `STRIPE_WEBHOOK_SECRET=whsec_${fake.alnum(16, "stripe-whsec-short")}`,
      // Svix-style secrets are base64 with `+` and `/`: not Stripe's format.
      `SVIX_SECRET=whsec_${fake.alnum(20, "svix-a")}+${fake.alnum(11, "svix-b")}/${fake.alnum(10, "svix-c")}=`,
    ],
  }),
  defineRule({
    id: "stripe-publishable-key",
    title: "Stripe live publishable key",
    provider: "Stripe",
    // Meant to ship in front-end code: reported only so that it is a visible, reviewed decision.
    severity: "low",
    keywords: ["pk_live_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>pk_live_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys#obtain-api-keys",
    remediation: "Publishable keys are public by design; load them from configuration so test and live keys are not mixed up.",
    samples: () => ["pk_live_51" + fake.alnum(97, "stripe-pk-1"), "pk_live_" + fake.alnum(24, "stripe-pk-2")] as const,
    truePositives: ([modern, legacy]) => [
      ...inSyntaxes("stripe_publishable_key", legacy),
      ...withValue(modern, `const stripePromise = loadStripe("%s");`),
      ...withValue(legacy, `NEXT_PUBLIC_STRIPE_KEY=%s`),
    ],
    falsePositives: () => [`pk_live_${fake.alnum(8, "stripe-pk-short")}`, `const stripe = loadStripe(process.env.NEXT_PUBLIC_STRIPE_KEY);`],
  }),
];
