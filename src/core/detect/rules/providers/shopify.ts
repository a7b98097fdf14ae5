/**
 * Shopify credentials (shopify.dev, access tokens and client secrets): four prefixes, `shpat_` Admin API
 * tokens, `shpca_` custom app tokens, `shppa_` private app passwords and `shpss_` app shared secrets,
 * each followed by 32 hex characters.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

function shopifyRule(prefix: string, id: string, title: string, docs: string): Rule {
  return defineRule({
    id,
    title,
    provider: "Shopify",
    severity: "high",
    keywords: [prefix],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[a-fA-F0-9]{32})(?![A-Za-z0-9_])`),
    docs,
    remediation: "Rotate the credential from the Shopify admin or Partner Dashboard (uninstalling a custom app revokes its tokens) and keep it in a secret manager.",
    samples: () => [prefix + fake.hex(32, id + "-1"), prefix + fake.hex(32, id + "-2")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("shopify_token", a),
      ...withValue(b, `const shopify = { accessToken: "%s" };`, `X-Shopify-Access-Token: %s`),
    ],
    falsePositives: () => [`${prefix}${fake.hex(20, id + "-short")}`, `"${prefix}${fake.alnum(32, id + "-charset")}Q"`],
  });
}

export const rules: Rule[] = [
  shopifyRule("shpat_", "shopify-access-token", "Shopify Admin API access token", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
  shopifyRule("shpca_", "shopify-custom-app-token", "Shopify custom app access token", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"),
  shopifyRule("shppa_", "shopify-private-app-token", "Shopify private app password", "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens"),
  shopifyRule("shpss_", "shopify-shared-secret", "Shopify app shared secret", "https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets"),
];
