/**
 * PayPal and its Braintree gateway: Braintree access tokens (`access_token$production$…`, documented in
 * Braintree's gateway credentials guide) and PayPal REST client secrets, which have no prefix and are
 * told apart from client ids only by the setting's name.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

const braintreeToken = (env: string, seed: string) => `access_token$${env}$` + fake.lowerDigits(16, seed + "-a") + "$" + fake.hex(32, seed + "-b");

export const rules: Rule[] = [
  defineRule({
    id: "braintree-access-token",
    title: "Braintree production access token",
    provider: "PayPal Braintree",
    severity: "critical",
    keywords: ["access_token$production$"],
    regex: /(?<![A-Za-z0-9_])(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9])/,
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
    remediation: "Revoke the access token in the Braintree Control Panel (or the PayPal developer dashboard) and store its replacement in a secret manager.",
    samples: () => [braintreeToken("production", "bt-1"), braintreeToken("production", "bt-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("braintree_access_token", a), ...withValue(b, `gateway = braintree.BraintreeGateway(access_token="%s")`)],
    falsePositives: () => [
      `access_token$staging$${fake.lowerDigits(16, "bt-5")}$${fake.hex(32, "bt-6")}`,
      `access_token$production$${fake.lowerDigits(16, "bt-7")}$${fake.hex(20, "bt-8")}`,
    ],
  }),
  defineRule({
    id: "braintree-sandbox-access-token",
    title: "Braintree sandbox access token",
    provider: "PayPal Braintree",
    severity: "medium",
    keywords: ["access_token$sandbox$"],
    regex: /(?<![A-Za-z0-9_])(?<secret>access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9])/,
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials",
    remediation: "Revoke the sandbox access token and load tokens from the environment rather than source.",
    samples: () => [braintreeToken("sandbox", "bts-1"), braintreeToken("sandbox", "bts-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("braintree_token", a), ...withValue(b, `"braintreeToken": "%s"`, `BT_TOKEN=%s`)],
    falsePositives: () => [`access_token$sandbox$${fake.lowerDigits(10, "bts-5")}`, "access_token$sandbox$ is the prefix to look for"],
  }),
  defineRule({
    id: "paypal-client-secret",
    title: "PayPal REST API client secret",
    provider: "PayPal",
    severity: "critical",
    keywords: ["paypal"],
    // PayPal client ids and secrets are both 80 URL-safe characters: only the name tells the secret apart.
    regex: new RegExp(`${providerSetting(["paypal"], ["secret"])}(?<secret>[A-Za-z0-9_-]{80})(?![A-Za-z0-9_-])`),
    minEntropy: 3.5,
    docs: "https://developer.paypal.com/api/rest/authentication/",
    remediation: "Generate a new secret for the app in the PayPal Developer Dashboard, disable the old one, and keep it in a secret manager.",
    samples: () => ["E" + fake.alnum(79, "paypal-1"), "E" + fake.base64url(79, "paypal-2"), fake.base64url(80, "t-pp-1")] as const,
    truePositives: ([a, b, c]) => [...inSyntaxes("paypal_client_secret", a), ...withValue(b, `"paypalSecret": "%s"`), ...withValue(c, `paypal_client_secret: "%s"`)],
    falsePositives: () => [
      `PAYPAL_CLIENT_ID=${"A" + fake.base64url(79, "paypal-3")}`,
      `PAYPAL_CLIENT_SECRET=\${PAYPAL_CLIENT_SECRET}`,
      `PAYPAL_CLIENT_SECRET=${fake.base64url(40, "paypal-4")}`,
    ],
  }),
];
