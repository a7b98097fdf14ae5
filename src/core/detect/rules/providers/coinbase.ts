/**
 * Coinbase credentials (docs.cdp.coinbase.com): Coinbase Commerce API keys (UUIDs, sent as
 * `X-CC-Api-Key`) and Coinbase / Exchange API secrets (32 alphanumerics or 88 base64 characters), both
 * found only under a setting that names the product.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { UUID_ANY_CASE, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "coinbase-commerce-api-key",
    title: "Coinbase Commerce API key",
    provider: "Coinbase",
    severity: "high",
    keywords: ["commerce", "x-cc-api-key"],
    regex: new RegExp(
      `${providerSetting(["coinbase_commerce", "coinbase-commerce", "coinbasecommerce", "coinbase.commerce", "x-cc-api"], ["key", "token"])}(?<secret>${UUID_ANY_CASE})(?![A-Za-z0-9_])`,
    ),
    docs: "https://docs.cdp.coinbase.com/commerce/introduction/welcome",
    remediation: "Delete the API key in Coinbase Commerce settings, create a new one, and keep it in a secret manager.",
    samples: () => [fake.uuid("cbc-1"), fake.uuid("cbc-2"), fake.uuid("t-cbc-1")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("coinbase_commerce_api_key", a),
      ...withValue(b, `curl -H "X-CC-Api-Key: %s" https://api.commerce.coinbase.com/charges`),
      ...withValue(c, `coinbaseCommerceApiKey = '%s'`),
    ],
    falsePositives: () => [`COINBASE_COMMERCE_WEBHOOK_ID=${fake.uuid("cbc-3")}`, `COMMERCE_ORDER_KEY=${fake.uuid("cbc-4")}`],
  }),
  defineRule({
    id: "coinbase-api-secret",
    title: "Coinbase API secret",
    provider: "Coinbase",
    severity: "critical",
    keywords: ["coinbase"],
    // Legacy Coinbase secrets are 32 alphanumerics, Exchange secrets 88 base64 characters.
    regex: new RegExp(`${providerSetting(["coinbase"], ["secret"])}(?<secret>[A-Za-z0-9+/]{32,86}={0,2})(?![A-Za-z0-9+/=_])`),
    minEntropy: 3.5,
    docs: "https://docs.cdp.coinbase.com/exchange/docs/rest-auth",
    remediation: "Delete the API key in Coinbase settings (API), create a new key pair, and keep the secret in a secret manager.",
    samples: () => [fake.alnum(32, "cb-1"), fake.base64(86, "cb-2") + "=="] as const,
    truePositives: ([legacy, exchange]) => [...inSyntaxes("coinbase_api_secret", legacy), ...withValue(exchange, `coinbase_secret: "%s"`, `COINBASE_SECRET="%s"`)],
    falsePositives: () => [`COINBASE_API_SECRET=\${{ secrets.COINBASE_API_SECRET }}`, `COINBASE_API_SECRET=${fake.alnum(16, "cb-3")}`],
  }),
];
