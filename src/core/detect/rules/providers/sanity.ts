/**
 * Sanity credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.sanity.io/docs/http-auth
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "sanity-api-token",
    title: "Sanity API token",
    provider: "Sanity",
    severity: "high",
    keywords: ["sanity"],
    regex: contextRegex("sanity", String.raw`token|api[_.-]?key|secret`, "sk[A-Za-z0-9]{78,200}"),
    docs: "https://www.sanity.io/docs/http-auth",
    remediation: "Delete the token in sanity.io/manage > API > Tokens and keep its replacement in a secret manager.",
    samples: () => ["sk" + fake.alnum(180, "sanity-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sanity_api_token", t), ...withValue(t, "sanity_token: '%s'")],
    falsePositives: () => ["SANITY_PROJECT_ID=" + fake.lowerDigits(8, "sanity-fp"), "SANITY_API_TOKEN=sk" + fake.alnum(30, "sanity-short")],
  }),
];
