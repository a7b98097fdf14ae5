/**
 * Contentful credentials: personal access token; delivery / preview API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api
 * - https://www.contentful.com/developers/docs/references/authentication/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "contentful-personal-access-token",
    title: "Contentful personal access token",
    provider: "Contentful",
    severity: "high",
    keywords: ["cfpat-"],
    regex: /(?<![\w-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![\w-])/,
    docs: "https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api",
    remediation: "Revoke the token in Contentful > Settings > CMA tokens and keep its replacement in a secret manager.",
    samples: () => ["CFPAT-" + fake.base64url(43, "cfpat-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("contentful_management_token", t), ...withValue(t, "createClient({ accessToken: '%s' })")],
    falsePositives: () => ["CFPAT-" + fake.alnum(20, "cfpat-short"), "CONTENTFUL_MANAGEMENT_TOKEN=${CMA_TOKEN}"],
  }),
  defineRule({
    id: "contentful-delivery-token",
    title: "Contentful delivery / preview API token",
    provider: "Contentful",
    // Read access to content (preview tokens include drafts).
    severity: "medium",
    keywords: ["contentful"],
    regex: contextRegex("contentful", String.raw`(?:delivery|preview|access|cda|cpa)[_.-]?(?:api[_.-]?)?token|token`, hasDigit(43) + "[A-Za-z0-9_-]{43}"),
    minEntropy: 3.5,
    docs: "https://www.contentful.com/developers/docs/references/authentication/",
    remediation: "Revoke the API key in Contentful > Settings > API keys and keep its replacement in a secret manager.",
    samples: () => [fake.base64url(40, "cda-1") + "7" + fake.alnum(2, "cda-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("contentful_delivery_token", t), ...withValue(t, "contentful_access_token: '%s'")],
    falsePositives: () => ["CONTENTFUL_SPACE_ID=" + fake.lowerDigits(12, "cda-fp"), "CONTENTFUL_ACCESS_TOKEN=${CONTENTFUL_ACCESS_TOKEN}"],
  }),
];
