/**
 * Algolia credentials: admin API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.algolia.com/doc/guides/security/api-keys/#admin-api-key
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "algolia-admin-api-key",
    title: "Algolia admin API key",
    provider: "Algolia",
    severity: "high",
    keywords: ["algolia"],
    regex: contextRegex("algolia", String.raw`admin[_.-]?(?:api[_.-]?)?key|write[_.-]?(?:api[_.-]?)?key`, "[a-f0-9]{32}"),
    docs: "https://www.algolia.com/doc/guides/security/api-keys/#admin-api-key",
    remediation: "Regenerate the admin API key in the Algolia dashboard > API Keys, keep it server-side only, and load it from a secret manager.",
    samples: () => [fake.hex(32, "algolia-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("algolia_admin_api_key", k), ...withValue(k, "algolia_admin_key: '%s'")],
    falsePositives: () => ["ALGOLIA_SEARCH_API_KEY=" + fake.hex(32, "algolia-fp"), "ALGOLIA_ADMIN_API_KEY=${ALGOLIA_ADMIN_API_KEY}"],
  }),
];
