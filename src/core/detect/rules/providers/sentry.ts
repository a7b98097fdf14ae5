/**
 * Sentry credentials: organization auth token; user auth token; auth token (legacy 64-hex); DSN with secret key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://docs.sentry.io/account/auth-tokens/#organization-auth-tokens
 * - https://docs.sentry.io/account/auth-tokens/#user-auth-tokens
 * - https://docs.sentry.io/account/auth-tokens/
 * - https://docs.sentry.io/concepts/key-terms/dsn-explainer/
 */
import type { Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { decodeJsonObject, structureCheck } from "../../validate/structure.js";

/** Sentry org tokens: `sntrys_` + base64 JSON claims (with `iat`) + `_` + 43-character secret. */
function validateSentryOrgToken(token: string): Validation {
  const payload = token.slice("sntrys_".length, token.lastIndexOf("_"));
  const claims = decodeJsonObject(payload);
  return structureCheck(claims !== undefined && "iat" in claims, "embedded JSON claims");
}

export function fakeSentryOrgToken(seed: string): string {
  const claims = JSON.stringify({
    iat: 1700000000 + Number.parseInt(fake.digits(6, seed), 10),
    url: "https://sentry.io",
    region_url: "https://us.sentry.io",
    org: "org-" + fake.lower(8, seed),
  });
  return "sntrys_" + toBase64(claims) + "_" + fake.base64(43, seed + "-secret");
}

export const rules: Rule[] = [
  defineRule({
    id: "sentry-org-token",
    title: "Sentry organization auth token",
    provider: "Sentry",
    severity: "high",
    keywords: ["sntrys_"],
    regex: /(?<![\w-])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43})(?![\w+/=-])/,
    validate: validateSentryOrgToken,
    docs: "https://docs.sentry.io/account/auth-tokens/#organization-auth-tokens",
    remediation: "Revoke the token in Sentry > Settings > Auth Tokens and give CI its replacement as SENTRY_AUTH_TOKEN from a secret.",
    samples: () => [fakeSentryOrgToken("sntrys-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sentry_auth_token", t), ...withValue(t, "authToken: '%s',")],
    falsePositives: () => ["SENTRY_AUTH_TOKEN=${{ secrets.SENTRY_AUTH_TOKEN }}", "sntrys_eyJ" + fake.base64(30, "sntrys-nosecret")],
  }),
  defineRule({
    id: "sentry-user-token",
    title: "Sentry user auth token",
    provider: "Sentry",
    severity: "high",
    keywords: ["sntryu_"],
    regex: /(?<![\w-])(?<secret>sntryu_[a-f0-9]{64})(?![\w-])/,
    docs: "https://docs.sentry.io/account/auth-tokens/#user-auth-tokens",
    remediation: "Revoke the token in Sentry > User Settings > Personal Tokens and keep its replacement in a secret manager.",
    samples: () => ["sntryu_" + fake.hex(64, "sntryu-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sentry_auth_token", t), ...withValue(t, 'token = "%s"')],
    falsePositives: () => ["sntryu_" + fake.hex(40, "sntryu-short"), "sntryu_" + fake.hex(64, "sntryu-long") + "ab"],
  }),
  defineRule({
    id: "sentry-auth-token-legacy",
    title: "Sentry auth token (legacy 64-hex)",
    provider: "Sentry",
    severity: "high",
    keywords: ["sentry"],
    regex: contextRegex("sentry", String.raw`auth[_.-]?token|token|api[_.-]?key`, "[a-f0-9]{64}"),
    docs: "https://docs.sentry.io/account/auth-tokens/",
    remediation: "Revoke the token in Sentry > Settings > Auth Tokens and keep its replacement in a secret manager.",
    samples: () => [fake.hex(64, "sentry-leg-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sentry_auth_token", t), ...withValue(t, "sentry_auth_token: '%s'")],
    falsePositives: () => ["SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN", "SENTRY_RELEASE=" + fake.hex(64, "sentry-fp")],
  }),
  defineRule({
    id: "sentry-dsn-secret",
    title: "Sentry DSN with secret key",
    provider: "Sentry",
    // The secret part of a DSN is deprecated and only lets one submit events, but it is still a secret.
    severity: "medium",
    keywords: ["sentry"],
    regex: /https?:\/\/[a-f0-9]{32}:(?<secret>[a-f0-9]{32})@[\w.-]{0,60}?sentry[\w.-]{0,60}(?::\d{1,5})?\/(?:[\w.-]{1,40}\/)?\d{1,12}/,
    docs: "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
    remediation: "Revoke the client key in Sentry > Project Settings > Client Keys and use the public DSN form (without the secret) in code.",
    samples: () => [fake.hex(32, "dsn-secret-1")] as const,
    truePositives: ([s]) => withValue(s, `SENTRY_DSN=https://${fake.hex(32, "dsn-pub-1")}:%s@o123456.ingest.sentry.io/4501234`, `dsn: "https://${fake.hex(32, "dsn-pub-2")}:%s@sentry.example.com/42"`),
    falsePositives: () => [`SENTRY_DSN=https://${fake.hex(32, "dsn-pub-3")}@o123456.ingest.sentry.io/4501234`, `https://${fake.hex(32, "dsn-4")}:${fake.hex(32, "dsn-5")}@example.com/42`],
  }),
];
