/**
 * Notion credentials: integration token; integration token (legacy secret_).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developers.notion.com/docs/authorization#internal-integration-auth-flow-set-up
 * - https://developers.notion.com/docs/authorization
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "notion-api-token",
    title: "Notion integration token",
    provider: "Notion",
    severity: "high",
    keywords: ["ntn_"],
    regex: /(?<![\w-])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![\w-])/,
    docs: "https://developers.notion.com/docs/authorization#internal-integration-auth-flow-set-up",
    remediation: "Refresh the integration secret at notion.so/profile/integrations and keep its replacement in a secret manager.",
    samples: () => ["ntn_" + fake.digits(11, "ntn-1") + fake.alnum(35, "ntn-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("notion_token", t), ...withValue(t, "new Client({ auth: '%s' })")],
    falsePositives: () => ["ntn_" + fake.alnum(20, "ntn-short"), "NOTION_TOKEN=${NOTION_TOKEN}"],
  }),
  defineRule({
    id: "notion-integration-token-legacy",
    title: "Notion integration token (legacy secret_)",
    provider: "Notion",
    severity: "high",
    keywords: ["notion"],
    regex: contextRegex("notion", null, String.raw`secret_[A-Za-z0-9]{43}`),
    docs: "https://developers.notion.com/docs/authorization",
    remediation: "Refresh the integration secret at notion.so/profile/integrations and keep its replacement in a secret manager.",
    samples: () => ["secret_" + fake.alnum(43, "notion-leg-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("notion_api_key", t), ...withValue(t, "notion_token: '%s'", "notion token = '%s'")],
    falsePositives: () => ["NOTION_API_KEY=secret_" + fake.alnum(20, "notion-short"), "client_secret_" + fake.alnum(43, "notion-fp")],
  }),
];
