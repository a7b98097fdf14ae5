/**
 * Strapi credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.strapi.io/cms/features/api-tokens
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "strapi-api-token",
    title: "Strapi API token",
    provider: "Strapi",
    severity: "high",
    keywords: ["strapi"],
    regex: contextRegex("strapi", String.raw`api[_.-]?token|token`, "[a-f0-9]{256}"),
    docs: "https://docs.strapi.io/cms/features/api-tokens",
    remediation: "Regenerate or delete the token in Strapi admin > Settings > API Tokens and keep its replacement in a secret manager.",
    samples: () => [fake.hex(256, "strapi-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("strapi_api_token", t), ...withValue(t, "strapi_token: '%s'")],
    falsePositives: () => ["STRAPI_API_TOKEN=" + fake.hex(64, "strapi-short"), "STRAPI_URL=http://localhost:1337"],
  }),
];
