/**
 * Plaid credentials (plaid.com/docs): the API secret (30 hex characters, no prefix, so only under a
 * setting that names Plaid) and `access-production-`/`access-development-` access tokens.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { UUID_ANY_CASE, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "plaid-secret",
    title: "Plaid API secret",
    provider: "Plaid",
    severity: "critical",
    keywords: ["plaid"],
    // 30 hex characters; any 30 letters and digits under a Plaid secret or token setting.
    regex: new RegExp(`${providerSetting(["plaid"], ["secret", "token"])}(?<secret>(?=[a-z]{0,29}[0-9])[0-9a-z]{30})(?![A-Za-z0-9_])`),
    docs: "https://plaid.com/docs/quickstart/glossary/#secret",
    remediation: "Rotate the secret in the Plaid Dashboard (Team Settings > Keys) and keep it in a secret manager.",
    samples: () => [fake.hex(30, "plaid-1"), fake.hex(30, "plaid-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("plaid_secret", a), ...withValue(b, `plaid_config = {"plaidSecret": "%s"}`, `PLAID_SECRET_SANDBOX="%s"`, "Plaid secret - '%s'", "Plaid client secret: %s")],
    falsePositives: () => [`PLAID_CLIENT_ID=${fake.hex(24, "plaid-3")}`, `PLAID_SECRET=${fake.hex(40, "plaid-4")}`, "PLAID_SECRET=${PLAID_SECRET}"],
  }),
  defineRule({
    id: "plaid-access-token",
    title: "Plaid access token",
    provider: "Plaid",
    severity: "high",
    // Sandbox tokens reach only fake institutions: left out on purpose.
    keywords: ["access-production-", "access-development-"],
    regex: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development)-${UUID_ANY_CASE})(?![A-Za-z0-9_-])`),
    // An access token's prefix with a body that is not a UUID is a broken copy; a whole sandbox token,
    // reported by name, stays a secret.
    owns: { prefixes: ["access-sandbox-", "access-development-", "access-production-"], shape: { chars: "a-z0-9-", length: [51, 55], exact: `access-(?:sandbox|development|production)-${UUID_ANY_CASE}` } },
    docs: "https://plaid.com/docs/api/items/#token-exchange-flow",
    remediation: "Call /item/access_token/invalidate (or /item/remove) for the leaked token and store access tokens encrypted server-side.",
    samples: () => [`access-production-${fake.uuid("plaid-at-1")}`, `access-development-${fake.uuid("plaid-at-2")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("plaid_access_token", a), ...withValue(b, `{"access_token": "%s"}`, `token=%s`)],
    falsePositives: () => [`access_token = "access-sandbox-${fake.uuid("plaid-at-3")}"`, `access-production-${fake.hex(32, "plaid-at-4")}`],
  }),
];
