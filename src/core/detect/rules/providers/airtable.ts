/**
 * Airtable credentials: personal access token; OAuth access token; API key (legacy).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://airtable.com/developers/web/guides/personal-access-tokens
 * - https://airtable.com/developers/web/api/oauth-reference
 * - https://support.airtable.com/docs/airtable-api-key-deprecation-notice
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "airtable-personal-access-token",
    title: "Airtable personal access token",
    provider: "Airtable",
    severity: "high",
    keywords: ["pat"],
    regex: /(?<![\w-])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![\w-])/,
    docs: "https://airtable.com/developers/web/guides/personal-access-tokens",
    remediation: "Delete the token at airtable.com/create/tokens and keep its replacement in a secret manager.",
    samples: () => ["pat" + fake.alnum(14, "airtable-1") + "." + fake.hex(64, "airtable-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("airtable_token", t), ...withValue(t, "new Airtable({ apiKey: '%s' })")],
    falsePositives: () => ["pat" + fake.alnum(14, "airtable-fp") + "." + fake.hex(30, "airtable-short"), "spat" + fake.alnum(14, "airtable-e") + "." + fake.hex(64, "airtable-e2")],
  }),
  defineRule({
    id: "airtable-oauth-access-token",
    title: "Airtable OAuth access token",
    provider: "Airtable",
    severity: "high",
    keywords: ["oaa"],
    // "oaa" and 14 characters, the format version ".v1.", a base64url JSON payload (user, app,
    // expiry) and a 64-hex signature, as the token endpoint returns it.
    regex: /(?<![\w-])(?<secret>oaa[A-Za-z0-9]{14}\.v1\.eyJ[A-Za-z0-9_-]{20,2000}\.[a-f0-9]{64})(?![\w-])/,
    docs: "https://airtable.com/developers/web/api/oauth-reference",
    remediation: "Revoke the integration's grant (or its refresh token), let it request a new token, and keep tokens in a secret manager, never in code.",
    samples: () => [
      "oaa" + fake.alnum(14, "airtable-oauth") + ".v1." + Buffer.from(JSON.stringify({ userId: "usr" + fake.alnum(14, "at-usr"), expiresAt: "2030-01-01T00:00:00.000Z", oauthApplicationId: "oap" + fake.alnum(14, "at-app"), secret: fake.hex(64, "at-sec") })).toString("base64url") + "." + fake.hex(64, "airtable-oauth-sig"),
    ] as const,
    truePositives: ([t]) => [...inSyntaxes("airtable_access_token", t), ...withValue(t, "Authorization: Bearer %s")],
    falsePositives: ([t]) => [t.replace(".v1.", ".v2."), t.slice(0, -10), `const id = "x${t}";`],
  }),
  defineRule({
    id: "airtable-api-key-legacy",
    title: "Airtable API key (legacy)",
    provider: "Airtable",
    severity: "high",
    keywords: ["airtable"],
    // "key" and 14 characters; some copies lost the "key" prefix, so any 17 characters with a digit.
    regex: contextRegex("airtable", String.raw`api[_.-]?key|key|token`, hasDigit(17) + "[A-Za-z0-9]{17}"),
    docs: "https://support.airtable.com/docs/airtable-api-key-deprecation-notice",
    remediation: "API keys are deprecated: delete it, create a scoped personal access token and keep it in a secret manager.",
    samples: () => ["key" + fake.alnum(12, "airtable-leg-1") + "42"] as const,
    truePositives: ([t]) => [...inSyntaxes("airtable_api_key", t), ...withValue(t, "airtable_key: '%s'")],
    falsePositives: () => ["AIRTABLE_BASE_ID=app" + fake.alnum(14, "airtable-base"), "AIRTABLE_API_KEY=keyboardShortcutsX"],
  }),
];
