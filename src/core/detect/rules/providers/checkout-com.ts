/**
 * Checkout.com secret keys (checkout.com/docs, manage API keys): `sk_` + UUID for live accounts (ABC),
 * `sk_test_` + UUID for the sandbox. No other common provider puts a UUID after `sk_`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { UUID_ANY_CASE, defineRule, inSyntaxes, withValue } from "../kit.js";

const docs = "https://www.checkout.com/docs/developer-resources/api/manage-api-keys";

export const rules: Rule[] = [
  defineRule({
    id: "checkout-secret-key",
    title: "Checkout.com secret key",
    provider: "Checkout.com",
    severity: "critical",
    keywords: ["sk_"],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_${UUID_ANY_CASE})(?![A-Za-z0-9_-])`),
    docs,
    remediation: "Revoke the secret key in the Checkout.com Dashboard (Developers > Keys) and keep its replacement in a secret manager.",
    samples: () => [`sk_${fake.uuid("cko-1")}`, `sk_${fake.uuid("cko-2")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("cko_secret_key", a), ...withValue(b, `api = checkout_sdk.DefaultSdk(secret_key="%s")`, `Authorization: %s`)],
    falsePositives: () => [`CKO_PUBLIC_KEY=pk_${fake.uuid("cko-3")}`, `task_${fake.uuid("cko-4")}`, `"sk_test_${fake.uuid("edge-cko")}"`],
  }),
  defineRule({
    id: "checkout-test-secret-key",
    title: "Checkout.com sandbox secret key",
    provider: "Checkout.com",
    severity: "medium",
    keywords: ["sk_test_"],
    regex: new RegExp(`(?<![A-Za-z0-9_])(?<secret>sk_test_${UUID_ANY_CASE})(?![A-Za-z0-9_-])`),
    docs,
    remediation: "Revoke the sandbox key in the Checkout.com Dashboard and load keys from the environment.",
    samples: () => [`sk_test_${fake.uuid("cko-t-1")}`, `sk_test_${fake.uuid("cko-t-2")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("cko_secret_key", a), ...withValue(b, `{"secretKey": "%s"}`)],
    falsePositives: () => [`pk_test_${fake.uuid("cko-t-3")}`, `sk_test_${fake.hex(32, "cko-t-4")}`],
  }),
];
