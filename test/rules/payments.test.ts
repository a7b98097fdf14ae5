import { fake } from "../../src/core/detect/fake.js";
import type { Rule } from "../../src/core/detect/rule.js";
import { rules } from "../../src/core/detect/rules/providers/payments.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The secrets one rule reports on one line. */
function secrets(id: string, line: string): string[] {
  return runRule(rule(id), line).map((m) => m.secret);
}

describe("payment rules: contract", () => {
  it("has unique kebab-case ids and the required metadata", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.length).toBeGreaterThanOrEqual(25);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.category).toBe("secret");
      expect(r.docs).toMatch(/^https:\/\//);
      expect(r.remediation?.length).toBeGreaterThan(20);
      expect(r.keywords.length).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(r.regex?.flags).not.toContain("g");
      expect(r.regex?.source).toContain("(?<secret>");
    }
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, r) => {
    const { truePositives: declared, falsePositives } = r.examples();
    const truePositives = declared.map(exampleLine);

    it("declares at least two true and two false positives", () => {
      expect(truePositives.length).toBeGreaterThanOrEqual(2);
      expect(falsePositives.length).toBeGreaterThanOrEqual(2);
    });

    it.each(truePositives)("finds the whole token in %s", (line) => {
      // The prefilter must let the line through.
      expect(r.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
      const matches = runRule(r, line);
      expect(matches.length).toBeGreaterThanOrEqual(1);
      for (const m of matches) {
        expect(line.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
        // The value is not cut out of a longer run of token characters.
        expect(line[m.index - 1] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(line[m.index + m.secret.length] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(m.category).toBeUndefined();
      }
    });

    it.each(falsePositives)("reports nothing in %s", (line) => {
      expect(runRule(r, line)).toEqual([]);
    });
  });
});

describe("payment rules: exact values", () => {
  const cases: Array<[string, string, (token: string) => string]> = [
    ["stripe-secret-key", "sk_live_" + fake.alnum(24, "t-stripe-1"), (t) => `stripe.api_key = "${t}"`],
    ["stripe-secret-key", "sk_live_51" + fake.alnum(97, "t-stripe-2"), (t) => `STRIPE_KEY=${t}`],
    ["stripe-restricted-key", "rk_live_" + fake.alnum(40, "t-stripe-3"), (t) => `key: '${t}'`],
    ["stripe-test-key", "sk_test_" + fake.alnum(30, "t-stripe-4"), (t) => `"${t}"`],
    ["stripe-test-key", "rk_test_" + fake.alnum(30, "t-stripe-5"), (t) => `x=${t};`],
    ["stripe-webhook-secret", "whsec_" + fake.alnum(32, "t-stripe-6"), (t) => `secret = "${t}"`],
    ["stripe-publishable-key", "pk_live_" + fake.alnum(30, "t-stripe-7"), (t) => `loadStripe('${t}')`],
    ["square-access-token", "EAAA" + fake.base64url(60, "t-sq-1"), (t) => `token: ${t}`],
    ["square-legacy-access-token", "sq0atp-" + fake.base64url(22, "t-sq-2"), (t) => `"${t}"`],
    ["square-oauth-secret", "sq0csp-" + fake.base64url(43, "t-sq-3"), (t) => `'${t}'`],
    ["braintree-access-token", "access_token$production$" + fake.lowerDigits(16, "t-bt-1") + "$" + fake.hex(32, "t-bt-2"), (t) => `"${t}"`],
    ["braintree-sandbox-access-token", "access_token$sandbox$" + fake.lowerDigits(16, "t-bt-3") + "$" + fake.hex(32, "t-bt-4"), (t) => `"${t}"`],
    ["paypal-client-secret", fake.base64url(80, "t-pp-1"), (t) => `paypal_client_secret: "${t}"`],
    ["shopify-access-token", "shpat_" + fake.hex(32, "t-shp-1"), (t) => `X-Shopify-Access-Token: ${t}`],
    ["shopify-custom-app-token", "shpca_" + fake.hex(32, "t-shp-2"), (t) => `"${t}"`],
    ["shopify-private-app-token", "shppa_" + fake.hex(32, "t-shp-3"), (t) => `"${t}"`],
    ["shopify-shared-secret", "shpss_" + fake.hex(32, "t-shp-4"), (t) => `"${t}"`],
    [
      "adyen-api-key",
      "AQE" + fake.base64(70, "t-ady-1") + "=-" + fake.base64(43, "t-ady-2") + "=",
      (t) => `adyenConfig.setApiKey("${t}-${fake.alnum(12, "t-ady-3")}");`,
    ],
    ["razorpay-key-secret", fake.alnum(24, "t-rzp-1"), (t) => `razorpay_key_secret: ${t}`],
    ["plaid-secret", fake.hex(30, "t-plaid-1"), (t) => `PLAID_SECRET_SANDBOX="${t}"`],
    ["plaid-access-token", "access-production-" + fake.uuid("t-plaid-2"), (t) => `token=${t}`],
    ["coinbase-commerce-api-key", fake.uuid("t-cbc-1"), (t) => `coinbaseCommerceApiKey = '${t}'`],
    ["coinbase-api-secret", fake.alnum(32, "t-cb-1"), (t) => `COINBASE_SECRET="${t}"`],
    ["flutterwave-secret-key", "FLWSECK-" + fake.hex(32, "t-flw-1") + "-X", (t) => `"${t}"`],
    ["flutterwave-test-secret-key", "FLWSECK_TEST-" + fake.hex(32, "t-flw-2") + "-X", (t) => `"${t}"`],
    ["flutterwave-encryption-key", "FLWSECK_TEST-" + fake.hex(12, "t-flw-3"), (t) => `FLW_ENCRYPTION_KEY=${t}`],
    ["flutterwave-public-key", "FLWPUBK_TEST-" + fake.hex(32, "t-flw-4") + "-X", (t) => `"${t}"`],
    ["paystack-secret-key", "sk_live_" + fake.hex(40, "t-ps-1"), (t) => `paystack.secret_key = "${t}"`],
    ["mollie-live-api-key", "live_" + fake.alnum(30, "t-mol-1"), (t) => `mollie_client.set_api_key("${t}")`],
    ["mollie-test-api-key", "test_" + fake.alnum(30, "t-mol-2"), (t) => `MOLLIE_KEY: ${t}`],
    ["checkout-secret-key", "sk_" + fake.uuid("t-cko-1"), (t) => `Authorization: ${t}`],
    ["checkout-test-secret-key", "sk_test_" + fake.uuid("t-cko-2"), (t) => `"${t}"`],
    ["gocardless-live-access-token", "live_" + fake.base64url(40, "t-gc-1"), (t) => `gocardless_access_token: ${t}`],
    ["wise-api-token", fake.uuid("t-wise-1"), (t) => `export WISE_TOKEN="${t}"`],
    ["klarna-live-api-key", "klarna_live_api_" + fake.base64(100, "t-kl-1"), (t) => `"${t}"`],
    ["klarna-test-api-key", "klarna_test_api_" + fake.base64(100, "t-kl-2"), (t) => `"${t}"`],
  ];

  it.each(cases)("%s reports exactly the token", (id, token, line) => {
    expect(secrets(id, line(token))).toEqual([token]);
  });

  it("covers every payment rule with an exact-value case", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(rules.map((r) => r.id)));
  });
});

describe("payment rules: edge cases", () => {
  it("reports a Paystack-shaped sk_live_ key as Stripe when the line does not name Paystack", () => {
    const key = "sk_live_" + fake.hex(40, "edge-ps-1");
    expect(secrets("stripe-secret-key", `SECRET_KEY=${key}`)).toEqual([key]);
    expect(secrets("paystack-secret-key", `SECRET_KEY=${key}`)).toEqual([]);
  });

  it("hands a key on a Paystack line to the Paystack rule only", () => {
    const key = "sk_live_" + fake.hex(40, "edge-ps-2");
    const line = `PAYSTACK_SECRET_KEY=${key}`;
    expect(secrets("paystack-secret-key", line)).toEqual([key]);
    expect(secrets("stripe-secret-key", line)).toEqual([]);
  });

  it("still reports a real Stripe key on a line that also mentions Paystack", () => {
    const key = "sk_live_51" + fake.alnum(97, "edge-ps-3");
    expect(secrets("stripe-secret-key", `// migrated from paystack: STRIPE_KEY=${key}`)).toEqual([key]);
  });

  it("reports several keys on one line", () => {
    const a = "sk_live_" + fake.alnum(24, "edge-multi-1");
    const b = "sk_live_" + fake.alnum(30, "edge-multi-2");
    expect(secrets("stripe-secret-key", `keys = ["${a}", "${b}"]`)).toEqual([a, b]);
  });

  it("does not report a Stripe key embedded in a longer identifier", () => {
    expect(secrets("stripe-secret-key", `my_sk_live_${fake.alnum(30, "edge-embed")}`)).toEqual([]);
  });

  it("separates live and test Stripe keys by severity", () => {
    expect(rule("stripe-secret-key").severity).toBe("critical");
    expect(rule("stripe-test-key").severity).toBe("medium");
    expect(rule("stripe-publishable-key").severity).toBe("low");
    expect(secrets("stripe-secret-key", `"sk_test_${fake.alnum(30, "edge-sev")}"`)).toEqual([]);
  });

  it("does not take the Checkout.com test key for a live key", () => {
    const key = "sk_test_" + fake.uuid("edge-cko");
    expect(secrets("checkout-secret-key", `"${key}"`)).toEqual([]);
    expect(secrets("checkout-test-secret-key", `"${key}"`)).toEqual([key]);
  });

  it("needs the Adyen context before an AQE key", () => {
    const key = "AQE" + fake.base64(60, "edge-ady-1") + "==-" + fake.base64(43, "edge-ady-2") + "=";
    expect(secrets("adyen-api-key", `apiKey: "${key}"`)).toEqual([]);
    expect(secrets("adyen-api-key", `adyen: { apiKey: "${key}" }`)).toEqual([key]);
  });

  it("ignores Wise context inside words such as 'otherwise'", () => {
    expect(secrets("wise-api-token", `likewise_key = "${fake.uuid("edge-wise")}"`)).toEqual([]);
  });

  it("does not report a context rule's value when it is an environment reference", () => {
    expect(secrets("plaid-secret", "PLAID_SECRET=${PLAID_SECRET}")).toEqual([]);
    expect(secrets("mollie-live-api-key", "MOLLIE_API_KEY=process.env.MOLLIE_API_KEY")).toEqual([]);
  });

  it("runs in linear time on a long adversarial line", () => {
    const hostile = ("paystack sk_live_" + "a".repeat(39) + " adyen AQE" + "A".repeat(50) + "=- razorpay secret ").repeat(700);
    const start = Date.now();
    for (const r of rules) runRule(r, hostile);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
