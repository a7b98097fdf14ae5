/**
 * Linear credentials: personal API key; OAuth access token.
 * Formats from the provider's documentation:
 * - https://linear.app/developers/graphql#personal-api-keys
 * - https://linear.app/developers/oauth-2-0-authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "linear-api-key",
    title: "Linear personal API key",
    provider: "Linear",
    severity: "high",
    keywords: ["lin_api_"],
    regex: /(?<![\w-])(?<secret>lin_api_[A-Za-z0-9]{40})(?![\w-])/,
    docs: "https://linear.app/developers/graphql#personal-api-keys",
    remediation: "Revoke the key in Linear > Settings > Security & access > API keys and keep its replacement in a secret manager.",
    samples: () => ["lin_api_" + fake.alnum(40, "lin-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("linear_api_key", t), ...withValue(t, "new LinearClient({ apiKey: '%s' })")],
    falsePositives: () => ["lin_api_" + fake.alnum(30, "lin-short"), "LINEAR_API_KEY=process.env.LINEAR_API_KEY"],
  }),
  defineRule({
    id: "linear-oauth-token",
    title: "Linear OAuth access token",
    provider: "Linear",
    severity: "high",
    keywords: ["lin_oauth_"],
    regex: /(?<![\w-])(?<secret>lin_oauth_[a-f0-9]{64})(?![\w-])/,
    docs: "https://linear.app/developers/oauth-2-0-authentication",
    remediation: "Revoke the token through Linear's OAuth revoke endpoint (or the app's authorization) and store tokens server-side only.",
    samples: () => ["lin_oauth_" + fake.hex(64, "linoauth-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("linear_access_token", t), ...withValue(t, 'Authorization: Bearer %s')],
    falsePositives: () => ["lin_oauth_" + fake.hex(40, "linoauth-short"), "lin_oauth_" + fake.hex(70, "linoauth-long")],
  }),
];
