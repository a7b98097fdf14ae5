/**
 * Payment providers: keys that can move money or read payment data. Live secret keys are `critical`,
 * restricted and app secrets `high`, test-mode keys `medium`, publishable keys `low`.
 *
 * Example tokens are generated at run time (see fake.ts): no realistic key is written literally here.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";

// ---------------------------------------------------------------------------------------------------
// Pattern helpers (kept local: each provider file is self-contained).

/** Escapes regex metacharacters and spells letters as `[aA]`: case-insensitive without the `i` flag. */
function ci(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/**
 * Closing quote, spaces and an assignment (`=`, `:`, `=>`, `:=`, `,`, a call's `(`, or a space), then an
 * opening quote.
 */
const ASSIGN = `["'\\]]{0,2}\\s{0,3}(?:=>|:=|[:=,(]|\\s)\\s{0,3}["'\`]?`;

/**
 * A value assigned to an identifier that names the provider and a kind of credential, e.g.
 * `PLAID_SECRET = "…"`, `"plaidSecret": "…"`, `export PLAID_SECRET=…`, or passed as a named argument
 * to a constructor that names the provider, e.g. `Mollie(api_key="…")`, `createMollieClient({ apiKey: "…" })`.
 * Every repetition is bounded and the pieces are separated by disjoint character classes, so the cost
 * per context occurrence is a small constant (no catastrophic backtracking).
 */
function assignedTo(names: string[], kinds: string[], value: string, end = "(?![A-Za-z0-9_])"): RegExp {
  const name = `(?:${names.map(ci).join("|")})`;
  const kind = `(?:${kinds.map(ci).join("|")})`;
  const direct = `[\\w.-]{0,24}?${kind}[\\w.-]{0,12}${ASSIGN}`;
  const namedArgument = `[\\w.]{0,30}\\(\\s{0,3}\\{?\\s{0,3}\\w{0,12}${kind}\\w{0,12}["']?\\s{0,2}[=:]\\s{0,2}["'\`]?`;
  return new RegExp(`${name}(?:${direct}|${namedArgument})(?<secret>${value})${end}`);
}

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

// ---------------------------------------------------------------------------------------------------
// Stripe

/**
 * Paystack secret keys share Stripe's `sk_live_` prefix but are 40 lower-case hex characters. When the
 * line names Paystack, the Paystack rule reports the key; without that context the Stripe rule still
 * reports it (safer than missing a live key).
 */
const NOT_PAYSTACK = `(?!(?<=${ci("paystack")}[^\\n]{0,200})[0-9a-f]{40}(?![0-9A-Za-z]))`;

const stripeRemediation =
  "Roll the key in the Stripe Dashboard (Developers > API keys) and load it from a secret manager or environment variable.";

const stripe: Rule[] = [
  {
    id: "stripe-secret-key",
    title: "Stripe live secret key",
    provider: "Stripe",
    category: "secret",
    severity: "critical",
    keywords: ["sk_live_"],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_live_${NOT_PAYSTACK}[0-9A-Za-z]{24,247})(?![0-9A-Za-z])`),
    docs: "https://docs.stripe.com/keys",
    remediation: stripeRemediation,
    examples: () => {
      const legacy = "sk_live_" + fake.alnum(24, "stripe-sk-1");
      const modern = "sk_live_51" + fake.alnum(97, "stripe-sk-2");
      return {
        truePositives: [
          `const stripe = new Stripe("${legacy}");`,
          `STRIPE_SECRET_KEY=${modern}`,
          `stripe.api_key = '${legacy}'`,
        ],
        falsePositives: [
          `STRIPE_SECRET_KEY=sk_live_${fake.alnum(12, "stripe-sk-short")}`,
          "const key = process.env.STRIPE_SECRET_KEY; // sk_live_ prefix expected",
          `const PAYSTACK_SECRET = "sk_live_${fake.hex(40, "stripe-sk-paystack")}";`,
        ],
      };
    },
  },
  {
    id: "stripe-restricted-key",
    title: "Stripe live restricted key",
    provider: "Stripe",
    category: "secret",
    severity: "high",
    keywords: ["rk_live_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>rk_live_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys/restricted-api-keys",
    remediation: stripeRemediation,
    examples: () => {
      const key = "rk_live_51" + fake.alnum(97, "stripe-rk-1");
      return {
        truePositives: [`stripe_restricted_key: "${key}"`, `export STRIPE_RK=${"rk_live_" + fake.alnum(24, "stripe-rk-2")}`],
        falsePositives: [`rk_live_${fake.alnum(10, "stripe-rk-short")}`, `const id = "xrk_live_${fake.alnum(30, "stripe-rk-3")}";`],
      };
    },
  },
  {
    id: "stripe-test-key",
    title: "Stripe test-mode secret or restricted key",
    provider: "Stripe",
    category: "secret",
    // Test mode cannot move money, but it exposes test data and is often a copy-paste away from a live key.
    severity: "medium",
    keywords: ["sk_test_", "rk_test_"],
    // Stripe's API reference shows this test-mode key in its examples; copies of it are placeholders.
    exampleValues: ["sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc"],
    regex: /(?<![A-Za-z0-9_])(?<secret>[sr]k_test_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys#test-live-modes",
    remediation: "Roll the test key in the Stripe Dashboard and keep even test keys in environment variables.",
    examples: () => ({
      truePositives: [
        `Stripe.api_key = "${"sk_test_51" + fake.alnum(97, "stripe-test-1")}"`,
        `STRIPE_TEST_KEY: ${"rk_test_" + fake.alnum(24, "stripe-test-2")}`,
      ],
      falsePositives: [`sk_test_${fake.alnum(16, "stripe-test-short")}`, "stripeKey = os.environ['STRIPE_TEST_KEY']"],
    }),
  },
  {
    id: "stripe-webhook-secret",
    title: "Stripe webhook signing secret",
    provider: "Stripe",
    category: "secret",
    severity: "high",
    keywords: ["whsec_"],
    // Dashboard endpoints get 32 alphanumerics; `stripe listen` prints 64 hex characters.
    regex: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9]{32,64})(?![A-Za-z0-9+/=])/,
    docs: "https://docs.stripe.com/webhooks#verify-official-libraries",
    remediation: "Roll the endpoint's signing secret in the Stripe Dashboard (Webhooks) and load it from the environment.",
    examples: () => ({
      truePositives: [
        `const endpointSecret = "${"whsec_" + fake.alnum(32, "stripe-whsec-1")}";`,
        `STRIPE_WEBHOOK_SECRET=${"whsec_" + fake.hex(64, "stripe-whsec-2")}`,
      ],
      falsePositives: [
        `STRIPE_WEBHOOK_SECRET=whsec_${fake.alnum(16, "stripe-whsec-short")}`,
        // Svix-style secrets are base64 with `+` and `/`: not Stripe's format.
        `SVIX_SECRET=whsec_${fake.alnum(20, "svix-a")}+${fake.alnum(11, "svix-b")}/${fake.alnum(10, "svix-c")}=`,
      ],
    }),
  },
  {
    id: "stripe-publishable-key",
    title: "Stripe live publishable key",
    provider: "Stripe",
    category: "secret",
    // Meant to ship in front-end code: reported only so that it is a visible, reviewed decision.
    severity: "low",
    keywords: ["pk_live_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>pk_live_[0-9A-Za-z]{24,247})(?![0-9A-Za-z])/,
    docs: "https://docs.stripe.com/keys#obtain-api-keys",
    remediation: "Publishable keys are public by design; load them from configuration so test and live keys are not mixed up.",
    examples: () => ({
      truePositives: [
        `const stripePromise = loadStripe("${"pk_live_51" + fake.alnum(97, "stripe-pk-1")}");`,
        `NEXT_PUBLIC_STRIPE_KEY=${"pk_live_" + fake.alnum(24, "stripe-pk-2")}`,
      ],
      falsePositives: [`pk_live_${fake.alnum(8, "stripe-pk-short")}`, `const stripe = loadStripe(process.env.NEXT_PUBLIC_STRIPE_KEY);`],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Square

const squareRemediation =
  "Revoke or replace the credential in the Square Developer Console and load it from a secret manager or environment variable.";

const square: Rule[] = [
  {
    id: "square-access-token",
    title: "Square access token",
    provider: "Square",
    category: "secret",
    severity: "critical",
    keywords: ["eaaa"],
    // Production and sandbox access tokens: `EAAA` + 60 URL-safe base64 characters (64 in all).
    regex: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    remediation: squareRemediation,
    examples: () => ({
      truePositives: [
        `SQUARE_ACCESS_TOKEN=${"EAAA" + fake.base64url(60, "square-at-1")}`,
        `client = Client(access_token="${"EAAA" + fake.base64url(60, "square-at-2")}")`,
      ],
      falsePositives: [
        // A lower-case hex digest beginning with "eaaa" (container image digests).
        `image: aws-cli@sha256:eaaa${fake.hex(60, "square-at-digest")}`,
        `token = "EAAA${fake.base64url(40, "square-at-short")}"`,
      ],
    }),
  },
  {
    id: "square-legacy-access-token",
    title: "Square personal access token (legacy sq0atp-)",
    provider: "Square",
    category: "secret",
    severity: "critical",
    keywords: ["sq0atp-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    remediation: squareRemediation,
    examples: () => ({
      truePositives: [
        `"accessToken": "${"sq0atp-" + fake.base64url(22, "square-atp-1")}"`,
        `export SQUARE_TOKEN=${"sq0atp-" + fake.base64url(22, "square-atp-2")}`,
      ],
      falsePositives: [`sq0atp-${fake.base64url(12, "square-atp-short")}`, `sq0atp-${fake.base64url(40, "square-atp-long")}`],
    }),
  },
  {
    id: "square-oauth-secret",
    title: "Square OAuth application secret",
    provider: "Square",
    category: "secret",
    severity: "high",
    keywords: ["sq0csp-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/oauth-api/create-urls-for-square-authorization",
    remediation: "Replace the application secret in the Square Developer Console (OAuth page) and keep it server-side in a secret store.",
    examples: () => ({
      truePositives: [
        `SQUARE_APP_SECRET='${"sq0csp-" + fake.base64url(43, "square-csp-1")}'`,
        `client_secret: ${"sq0csp-" + fake.base64url(43, "square-csp-2")}`,
      ],
      falsePositives: [`sq0csp-${fake.base64url(20, "square-csp-short")}`, `const name = "sq0csp-placeholder";`],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// PayPal and Braintree

const paypal: Rule[] = [
  {
    id: "braintree-access-token",
    title: "Braintree production access token",
    provider: "PayPal Braintree",
    category: "secret",
    severity: "critical",
    keywords: ["access_token$production$"],
    regex: /(?<![A-Za-z0-9_])(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9])/,
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
    remediation: "Revoke the access token in the Braintree Control Panel (or the PayPal developer dashboard) and store its replacement in a secret manager.",
    examples: () => ({
      truePositives: [
        `BRAINTREE_ACCESS_TOKEN=${"access_token$production$" + fake.lowerDigits(16, "bt-1") + "$" + fake.hex(32, "bt-2")}`,
        `gateway = braintree.BraintreeGateway(access_token="${"access_token$production$" + fake.lowerDigits(16, "bt-3") + "$" + fake.hex(32, "bt-4")}")`,
      ],
      falsePositives: [
        `access_token$staging$${fake.lowerDigits(16, "bt-5")}$${fake.hex(32, "bt-6")}`,
        `access_token$production$${fake.lowerDigits(16, "bt-7")}$${fake.hex(20, "bt-8")}`,
      ],
    }),
  },
  {
    id: "braintree-sandbox-access-token",
    title: "Braintree sandbox access token",
    provider: "PayPal Braintree",
    category: "secret",
    severity: "medium",
    keywords: ["access_token$sandbox$"],
    regex: /(?<![A-Za-z0-9_])(?<secret>access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9])/,
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
    remediation: "Revoke the sandbox access token and load tokens from the environment rather than source.",
    examples: () => ({
      truePositives: [
        `"braintreeToken": "${"access_token$sandbox$" + fake.lowerDigits(16, "bts-1") + "$" + fake.hex(32, "bts-2")}"`,
        `BT_TOKEN=${"access_token$sandbox$" + fake.lowerDigits(16, "bts-3") + "$" + fake.hex(32, "bts-4")}`,
      ],
      falsePositives: [`access_token$sandbox$${fake.lowerDigits(10, "bts-5")}`, "access_token$sandbox$ is the prefix to look for"],
    }),
  },
  {
    id: "paypal-client-secret",
    title: "PayPal REST API client secret",
    provider: "PayPal",
    category: "secret",
    severity: "critical",
    keywords: ["paypal"],
    // PayPal client ids and secrets are both 80 URL-safe characters: only the name tells the secret apart.
    regex: assignedTo(["paypal"], ["secret"], "[A-Za-z0-9_-]{80}", "(?![A-Za-z0-9_-])"),
    minEntropy: 3.5,
    docs: "https://developer.paypal.com/api/rest/authentication/",
    remediation: "Generate a new secret for the app in the PayPal Developer Dashboard, disable the old one, and keep it in a secret manager.",
    examples: () => ({
      truePositives: [
        `PAYPAL_CLIENT_SECRET=${"E" + fake.base64url(79, "paypal-1")}`,
        `"paypalSecret": "${"E" + fake.base64url(79, "paypal-2")}"`,
      ],
      falsePositives: [
        `PAYPAL_CLIENT_ID=${"A" + fake.base64url(79, "paypal-3")}`,
        `PAYPAL_CLIENT_SECRET=\${PAYPAL_CLIENT_SECRET}`,
        `PAYPAL_CLIENT_SECRET=${fake.base64url(40, "paypal-4")}`,
      ],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Shopify: four prefixes, each followed by 32 hex characters.

function shopifyRule(prefix: string, id: string, title: string, docs: string): Rule {
  return {
    id,
    title,
    provider: "Shopify",
    category: "secret",
    severity: "high",
    keywords: [prefix],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[a-fA-F0-9]{32})(?![A-Za-z0-9_])`),
    docs,
    remediation: "Rotate the credential from the Shopify admin or Partner Dashboard (uninstalling a custom app revokes its tokens) and keep it in a secret manager.",
    examples: () => ({
      truePositives: [
        `SHOPIFY_TOKEN=${prefix + fake.hex(32, id + "-1")}`,
        `const shopify = { accessToken: "${prefix + fake.hex(32, id + "-2")}" };`,
      ],
      falsePositives: [`${prefix}${fake.hex(20, id + "-short")}`, `"${prefix}${fake.alnum(32, id + "-charset")}Q"`],
    }),
  };
}

const shopify: Rule[] = [
  shopifyRule("shpat_", "shopify-access-token", "Shopify Admin API access token", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
  shopifyRule("shpca_", "shopify-custom-app-token", "Shopify custom app access token", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"),
  shopifyRule("shppa_", "shopify-private-app-token", "Shopify private app password", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
  shopifyRule("shpss_", "shopify-shared-secret", "Shopify app shared secret", "https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets"),
];

// ---------------------------------------------------------------------------------------------------
// Adyen, Razorpay, Plaid, Coinbase

/** Adyen API keys: `AQE` + base64, `-`, then a 32-byte base64 hash (further `-` parts follow, not captured). */
const ADYEN_CONTEXT = `(?:${ci("adyen")}|${ci("x-api-key")})`;

const otherProviders: Rule[] = [
  {
    id: "adyen-api-key",
    title: "Adyen API key",
    provider: "Adyen",
    category: "secret",
    severity: "critical",
    keywords: ["adyen", "x-api-key"],
    // `(?=AQE)` first, so the look-behind for the context runs only where a key can start.
    regex: new RegExp(
      `(?<![A-Za-z0-9+/])(?=AQE)(?<=${ADYEN_CONTEXT}[^\\n]{0,200})(?<secret>AQE[A-Za-z0-9+/]{20,200}={0,2}-[A-Za-z0-9+/]{40,48}={0,2})(?![A-Za-z0-9+/=])`,
    ),
    docs: "https://docs.adyen.com/development-resources/api-credentials/",
    remediation: "Generate a new API key for the API credential in the Adyen Customer Area, revoke the old one, and keep it in a secret manager.",
    examples: () => {
      const key = () => "AQE" + fake.base64(60, "adyen-a") + "==-" + fake.base64(43, "adyen-b") + "=";
      return {
        truePositives: [`ADYEN_API_KEY=${key()}-${fake.alnum(16, "adyen-c")}`, `curl -H "X-API-Key: ${key()}" https://checkout-test.adyen.com/v71/payments`],
        falsePositives: [
          // An unrelated base64 blob on a line that does not mention Adyen.
          `const blob = "${key()}";`,
          `ADYEN_API_KEY=AQE${fake.base64(30, "adyen-d")}`,
        ],
      };
    },
  },
  {
    id: "razorpay-key-secret",
    title: "Razorpay API key secret",
    provider: "Razorpay",
    category: "secret",
    severity: "critical",
    keywords: ["razorpay", "rzp_live_", "rzp_test_"],
    // The secret has no prefix: it is found next to `razorpay` or a `rzp_live_`/`rzp_test_` key id.
    regex: new RegExp(
      `(?:${ci("razorpay")}|rzp_(?:live|test)_)[^\\n]{0,200}?${ci("secret")}[\\w.-]{0,12}${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_])`,
    ),
    minEntropy: 3,
    docs: "https://razorpay.com/docs/api/authentication/",
    remediation: "Regenerate the API key pair in the Razorpay Dashboard (Account & Settings > API Keys) and keep the secret server-side in a secret manager.",
    examples: () => ({
      truePositives: [
        `RAZORPAY_KEY_SECRET=${fake.alnum(24, "rzp-1")}`,
        `const rzp = new Razorpay({ key_id: "rzp_live_${fake.alnum(14, "rzp-2")}", key_secret: "${fake.alnum(24, "rzp-3")}" });`,
      ],
      falsePositives: [`RAZORPAY_KEY_SECRET=process.env.RAZORPAY_SECRET`, `RAZORPAY_KEY_ID=rzp_live_${fake.alnum(14, "rzp-4")}`],
    }),
  },
  {
    id: "plaid-secret",
    title: "Plaid API secret",
    provider: "Plaid",
    category: "secret",
    severity: "critical",
    keywords: ["plaid"],
    // 30 hex characters; any 30 letters and digits under a Plaid secret or token setting.
    regex: assignedTo(["plaid"], ["secret", "token"], "(?=[a-z]{0,29}[0-9])[0-9a-z]{30}"),
    docs: "https://plaid.com/docs/quickstart/glossary/#secret",
    remediation: "Rotate the secret in the Plaid Dashboard (Team Settings > Keys) and keep it in a secret manager.",
    examples: () => ({
      truePositives: [`PLAID_SECRET=${fake.hex(30, "plaid-1")}`, `plaid_config = {"plaidSecret": "${fake.hex(30, "plaid-2")}"}`],
      falsePositives: [`PLAID_CLIENT_ID=${fake.hex(24, "plaid-3")}`, `PLAID_SECRET=${fake.hex(40, "plaid-4")}`],
    }),
  },
  {
    id: "plaid-access-token",
    title: "Plaid access token",
    provider: "Plaid",
    category: "secret",
    severity: "high",
    // Sandbox tokens reach only fake institutions: left out on purpose.
    keywords: ["access-production-", "access-development-"],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development)-${UUID})(?![A-Za-z0-9_-])`),
    docs: "https://plaid.com/docs/api/items/#token-exchange-flow",
    remediation: "Call /item/access_token/invalidate (or /item/remove) for the leaked token and store access tokens encrypted server-side.",
    examples: () => ({
      truePositives: [`ACCESS_TOKEN = "access-production-${fake.uuid("plaid-at-1")}"`, `{"access_token": "access-development-${fake.uuid("plaid-at-2")}"}`],
      falsePositives: [`access_token = "access-sandbox-${fake.uuid("plaid-at-3")}"`, `access-production-${fake.hex(32, "plaid-at-4")}`],
    }),
  },
  {
    id: "coinbase-commerce-api-key",
    title: "Coinbase Commerce API key",
    provider: "Coinbase",
    category: "secret",
    severity: "high",
    keywords: ["commerce", "x-cc-api-key"],
    regex: assignedTo(["coinbase_commerce", "coinbase-commerce", "coinbasecommerce", "coinbase.commerce", "x-cc-api"], ["key", "token"], UUID),
    docs: "https://docs.cdp.coinbase.com/commerce/introduction/welcome",
    remediation: "Delete the API key in Coinbase Commerce settings, create a new one, and keep it in a secret manager.",
    examples: () => ({
      truePositives: [`COINBASE_COMMERCE_API_KEY=${fake.uuid("cbc-1")}`, `curl -H "X-CC-Api-Key: ${fake.uuid("cbc-2")}" https://api.commerce.coinbase.com/charges`],
      falsePositives: [`COINBASE_COMMERCE_WEBHOOK_ID=${fake.uuid("cbc-3")}`, `COMMERCE_ORDER_KEY=${fake.uuid("cbc-4")}`],
    }),
  },
  {
    id: "coinbase-api-secret",
    title: "Coinbase API secret",
    provider: "Coinbase",
    category: "secret",
    severity: "critical",
    keywords: ["coinbase"],
    // Legacy Coinbase secrets are 32 alphanumerics, Exchange secrets 88 base64 characters.
    regex: assignedTo(["coinbase"], ["secret"], "[A-Za-z0-9+/]{32,86}={0,2}", "(?![A-Za-z0-9+/=_])"),
    minEntropy: 3.5,
    docs: "https://docs.cdp.coinbase.com/exchange/docs/rest-auth",
    remediation: "Delete the API key in Coinbase settings (API), create a new key pair, and keep the secret in a secret manager.",
    examples: () => ({
      truePositives: [`COINBASE_API_SECRET=${fake.alnum(32, "cb-1")}`, `coinbase_secret: "${fake.base64(86, "cb-2")}=="`],
      falsePositives: [`COINBASE_API_SECRET=\${{ secrets.COINBASE_API_SECRET }}`, `COINBASE_API_SECRET=${fake.alnum(16, "cb-3")}`],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Flutterwave, Paystack, Mollie, Checkout.com, GoCardless, Wise, Klarna

const africaEurope: Rule[] = [
  {
    id: "flutterwave-secret-key",
    title: "Flutterwave live secret key",
    provider: "Flutterwave",
    category: "secret",
    severity: "critical",
    keywords: ["flwseck-"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs: "https://developer.flutterwave.com/docs/integration-guides/authentication",
    remediation: "Regenerate the API keys in the Flutterwave Dashboard (Settings > API Keys) and keep the secret key in a secret manager.",
    examples: () => ({
      truePositives: [`FLW_SECRET_KEY=FLWSECK-${fake.hex(32, "flw-1")}-X`, `const flw = new Flutterwave(pub, "FLWSECK-${fake.hex(32, "flw-2")}-X");`],
      falsePositives: [`FLW_PUBLIC_KEY=FLWPUBK-${fake.hex(32, "flw-3")}-X`, `FLWSECK-${fake.hex(20, "flw-4")}-X`],
    }),
  },
  {
    id: "flutterwave-encryption-key",
    title: "Flutterwave encryption key",
    provider: "Flutterwave",
    category: "secret",
    severity: "high",
    keywords: ["flwseck_test-", "flwseck-"],
    // 12 hex characters after the test or live secret-key prefix (not the 32-character secret key).
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK(?:_TEST)?-[0-9a-fA-F]{12})(?![A-Za-z0-9_-])/,
    docs: "https://developer.flutterwave.com/docs/integration-guides/authentication",
    remediation: "Regenerate the API keys in the Flutterwave Dashboard (Settings > API) and load them from the environment.",
    examples: () => ({
      truePositives: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST-${fake.hex(12, "flwe-1")}`, `"encryptionKey": "FLWSECK_TEST-${fake.hex(12, "flwe-2")}"`],
      falsePositives: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST-${fake.hex(8, "flwe-3")}`, `FLWSECK_TEST-${fake.hex(32, "flwe-4")}-X`],
    }),
  },
  {
    id: "flutterwave-public-key",
    title: "Flutterwave public key",
    provider: "Flutterwave",
    category: "secret",
    // Meant for the client side: reported so that it is a visible, reviewed decision.
    severity: "low",
    keywords: ["flwpubk"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWPUBK(?:_TEST)?-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs: "https://developer.flutterwave.com/docs/integration-guides/authentication",
    remediation: "Public keys may ship in client code; rotate the key pair in the Flutterwave Dashboard if it was not meant to be published.",
    examples: () => ({
      truePositives: [`FLW_PUBLIC_KEY=FLWPUBK_TEST-${fake.hex(32, "flwp-1")}-X`, `public_key: "FLWPUBK-${fake.hex(32, "flwp-2")}-X"`],
      falsePositives: [`FLWPUBK_TEST-${fake.hex(20, "flwp-3")}-X`, `const name = "FLWPUBK_TEST-key";`],
    }),
  },
  {
    id: "flutterwave-test-secret-key",
    title: "Flutterwave test secret key",
    provider: "Flutterwave",
    category: "secret",
    severity: "medium",
    keywords: ["flwseck_test-"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK_TEST-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs: "https://developer.flutterwave.com/docs/integration-guides/authentication",
    remediation: "Regenerate the test keys in the Flutterwave Dashboard and load them from the environment.",
    examples: () => ({
      truePositives: [`FLW_SECRET_KEY=FLWSECK_TEST-${fake.hex(32, "flwt-1")}-X`, `"secretKey": "FLWSECK_TEST-${fake.hex(32, "flwt-2")}-X"`],
      falsePositives: [`FLWPUBK_TEST-${fake.hex(32, "flwt-3")}-X`, `FLWSECK_TEST-${fake.hex(12, "flwt-4")}`],
    }),
  },
  {
    id: "paystack-secret-key",
    title: "Paystack live secret key",
    provider: "Paystack",
    category: "secret",
    severity: "critical",
    keywords: ["paystack"],
    regex: new RegExp(`${ci("paystack")}[^\\n]{0,200}?(?<![A-Za-z0-9_])(?<secret>sk_live_[0-9a-f]{40})(?![A-Za-z0-9])`),
    docs: "https://paystack.com/docs/api/authentication/",
    remediation: "Generate new API keys in the Paystack Dashboard (Settings > API Keys & Webhooks) and keep the secret key in a secret manager.",
    examples: () => ({
      truePositives: [`PAYSTACK_SECRET_KEY=sk_live_${fake.hex(40, "paystack-1")}`, `const paystack = require("paystack")("sk_live_${fake.hex(40, "paystack-2")}");`],
      falsePositives: [`PAYSTACK_SECRET_KEY=sk_test_${fake.hex(40, "paystack-3")}`, `PAYSTACK_SECRET_KEY=sk_live_${fake.hex(30, "paystack-4")}`],
    }),
  },
  {
    id: "mollie-live-api-key",
    title: "Mollie live API key",
    provider: "Mollie",
    category: "secret",
    severity: "critical",
    keywords: ["mollie"],
    regex: assignedTo(["mollie"], ["key", "token", "secret"], "live_[A-Za-z0-9]{30}"),
    docs: "https://docs.mollie.com/reference/authentication",
    remediation: "Reset the live API key in the Mollie Dashboard (Developers > API keys) and keep it in a secret manager.",
    examples: () => ({
      truePositives: [`MOLLIE_API_KEY=live_${fake.alnum(30, "mollie-1")}`, `mollie = createMollieClient({ apiKey: "live_${fake.alnum(30, "mollie-2")}" });`],
      falsePositives: [`MOLLIE_API_KEY=live_${fake.alnum(20, "mollie-3")}`, `MOLLIE_PROFILE_ID=pfl_${fake.alnum(10, "mollie-4")}`],
    }),
  },
  {
    id: "mollie-test-api-key",
    title: "Mollie test API key",
    provider: "Mollie",
    category: "secret",
    severity: "medium",
    keywords: ["mollie"],
    regex: assignedTo(["mollie"], ["key", "token", "secret"], "test_[A-Za-z0-9]{30}"),
    docs: "https://docs.mollie.com/reference/authentication",
    remediation: "Reset the test API key in the Mollie Dashboard and load it from the environment.",
    examples: () => ({
      truePositives: [`MOLLIE_TEST_API_KEY=test_${fake.alnum(30, "mollie-t-1")}`, `mollie_client.set_api_key("test_${fake.alnum(30, "mollie-t-2")}")`],
      falsePositives: [`MOLLIE_API_KEY=test_${fake.alnum(12, "mollie-t-3")}`, `test_${fake.alnum(30, "mollie-t-4")}`],
    }),
  },
  {
    id: "checkout-secret-key",
    title: "Checkout.com secret key",
    provider: "Checkout.com",
    category: "secret",
    severity: "critical",
    keywords: ["sk_"],
    // Checkout.com (ABC accounts): `sk_` + UUID. No other common provider puts a UUID after `sk_`.
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_${UUID})(?![A-Za-z0-9_-])`),
    docs: "https://www.checkout.com/docs/developer-resources/api/manage-api-keys",
    remediation: "Revoke the secret key in the Checkout.com Dashboard (Developers > Keys) and keep its replacement in a secret manager.",
    examples: () => ({
      truePositives: [`CKO_SECRET_KEY=sk_${fake.uuid("cko-1")}`, `api = checkout_sdk.DefaultSdk(secret_key="sk_${fake.uuid("cko-2")}")`],
      falsePositives: [`CKO_PUBLIC_KEY=pk_${fake.uuid("cko-3")}`, `task_${fake.uuid("cko-4")}`],
    }),
  },
  {
    id: "checkout-test-secret-key",
    title: "Checkout.com sandbox secret key",
    provider: "Checkout.com",
    category: "secret",
    severity: "medium",
    keywords: ["sk_test_"],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_test_${UUID})(?![A-Za-z0-9_-])`),
    docs: "https://www.checkout.com/docs/developer-resources/api/manage-api-keys",
    remediation: "Revoke the sandbox key in the Checkout.com Dashboard and load keys from the environment.",
    examples: () => ({
      truePositives: [`CKO_SECRET_KEY=sk_test_${fake.uuid("cko-t-1")}`, `{"secretKey": "sk_test_${fake.uuid("cko-t-2")}"}`],
      falsePositives: [`pk_test_${fake.uuid("cko-t-3")}`, `sk_test_${fake.hex(32, "cko-t-4")}`],
    }),
  },
  {
    id: "gocardless-live-access-token",
    title: "GoCardless live access token",
    provider: "GoCardless",
    category: "secret",
    severity: "critical",
    keywords: ["gocardless"],
    regex: assignedTo(["gocardless"], ["token", "key", "secret"], "live_[A-Za-z0-9_=-]{40}", "(?![A-Za-z0-9_=-])"),
    docs: "https://developer.gocardless.com/getting-started/api/making-your-first-request/",
    remediation: "Revoke the access token in the GoCardless Dashboard (Developers > API access tokens) and keep its replacement in a secret manager.",
    examples: () => ({
      truePositives: [
        `GOCARDLESS_ACCESS_TOKEN=live_${fake.base64url(40, "gc-1")}`,
        `client = gocardless_pro.Client(access_token="live_${fake.base64url(40, "gc-2")}", environment="live")`,
      ],
      falsePositives: [`GOCARDLESS_ACCESS_TOKEN=sandbox_${fake.base64url(40, "gc-3")}`, `GOCARDLESS_ACCESS_TOKEN=live_${fake.base64url(20, "gc-4")}`],
    }),
  },
  {
    id: "wise-api-token",
    title: "Wise (TransferWise) API token",
    provider: "Wise",
    category: "secret",
    severity: "critical",
    keywords: ["wise"],
    // `(?<![A-Za-z])` keeps words such as "otherwise" or "likewise" from counting as context.
    regex: new RegExp(
      `(?<![A-Za-z])(?:${ci("transferwise")}|${ci("wise")})[\\w.-]{0,24}?(?:${ci("token")}|${ci("key")})[\\w.-]{0,12}${ASSIGN}(?<secret>${UUID})(?![A-Za-z0-9_-])`,
    ),
    docs: "https://docs.wise.com/api-docs/features/authentication-access/personal-tokens",
    remediation: "Delete the token in Wise (Settings > API tokens), create a new one with the least access needed, and keep it in a secret manager.",
    examples: () => ({
      truePositives: [`WISE_API_TOKEN=${fake.uuid("wise-1")}`, `"transferwiseToken": "${fake.uuid("wise-2")}"`],
      falsePositives: [`otherwise_token = "${fake.uuid("wise-3")}"`, `WISE_PROFILE_ID=${fake.digits(8, "wise-4")}`],
    }),
  },
  {
    id: "klarna-live-api-key",
    title: "Klarna live API key",
    provider: "Klarna",
    category: "secret",
    severity: "critical",
    keywords: ["klarna_live_api_"],
    // The key is its own context: `klarna_live_api_` + base64 (the whole key may reach 255 characters).
    regex: /(?<![A-Za-z0-9_])(?<secret>klarna_live_api_[A-Za-z0-9+/=_-]{40,239})(?![A-Za-z0-9+/=_-])/,
    docs: "https://docs.klarna.com/api/authentication/",
    remediation: "Disable the API key in the Klarna Merchant Portal (Settings > Klarna API keys), create a new one and keep it in a secret manager.",
    examples: () => ({
      truePositives: [`KLARNA_API_KEY=klarna_live_api_${fake.base64(120, "klarna-1")}`, `password: "klarna_live_api_${fake.base64url(80, "klarna-2")}"`],
      falsePositives: [`KLARNA_CLIENT_ID=klarna_live_client_${fake.base64(60, "klarna-3")}`, `klarna_live_api_username: ${fake.lower(8, "klarna-4")}`],
    }),
  },
  {
    id: "klarna-test-api-key",
    title: "Klarna test API key",
    provider: "Klarna",
    category: "secret",
    severity: "medium",
    keywords: ["klarna_test_api_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>klarna_test_api_[A-Za-z0-9+/=_-]{40,239})(?![A-Za-z0-9+/=_-])/,
    docs: "https://docs.klarna.com/api/authentication/",
    remediation: "Disable the test API key in the Klarna Merchant Portal (playground) and load keys from the environment.",
    examples: () => ({
      truePositives: [`KLARNA_API_KEY=klarna_test_api_${fake.base64(120, "klarna-t-1")}`, `auth = ("${fake.uuid("klarna-t-2")}", "klarna_test_api_${fake.base64url(80, "klarna-t-3")}")`],
      falsePositives: [`klarna_test_api_${fake.base64(20, "klarna-t-4")}`, `klarna_test_api_base_url = "https://api.playground.klarna.com"`],
    }),
  },
];

export const rules: Rule[] = [...stripe, ...square, ...paypal, ...shopify, ...otherProviders, ...africaEurope];
