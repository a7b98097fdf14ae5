/**
 * Confluent credentials: Cloud API secret.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html
 */
import type { Rule } from "../../rule.js";
import { END_B64, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "confluent-api-secret",
    title: "Confluent Cloud API secret",
    provider: "Confluent",
    severity: "high",
    keywords: ["confluent"],
    regex: contextRegex("confluent", String.raw`api[_.-]?secret|secret|password|token`, "[A-Za-z0-9+/]{64}", END_B64),
    docs: "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html",
    remediation: "Delete the API key pair in Confluent Cloud > API keys and keep its replacement in a secret manager.",
    samples: () => [fake.base64(64, "confluent-1")] as const,
    truePositives: ([s]) => [...inSyntaxes("confluent_cloud_api_secret", s), ...withValue(s, "confluent_secret: '%s'")],
    falsePositives: () => ["CONFLUENT_CLOUD_API_KEY=" + fake.upperDigits(16, "confluent-fp"), "CONFLUENT_CLOUD_API_SECRET=${SECRET}"],
  }),
];
