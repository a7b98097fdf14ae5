/**
 * Cloudflare credentials: API token (legacy 40-character); global API key (legacy 37-hex); Origin CA key; user
 * API token; account API token; global API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/
 * - https://developers.cloudflare.com/fundamentals/api/get-started/create-token/
 * - https://developers.cloudflare.com/fundamentals/api/get-started/keys/
 * - https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  ...(
    [
      ["cfut_", "cloudflare-user-api-token", "Cloudflare user API token", "high"],
      ["cfat_", "cloudflare-account-api-token", "Cloudflare account API token", "high"],
      ["cfk_", "cloudflare-global-api-key", "Cloudflare global API key", "critical"],
    ] as const
  ).map(([prefix, id, title, severity]) =>
    defineRule({
      id,
      title,
      provider: "Cloudflare",
      severity,
      keywords: [prefix],
      owns: { prefixes: [prefix] },
      // Prefix, 40 characters, then an 8-hex checksum (algorithm not published).
      regex: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9_-]{40}[A-Fa-f0-9]{8})(?![\w-])`),
      docs: "https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/",
      remediation: "Roll or delete the credential in the Cloudflare dashboard (My Profile / Manage Account > API Tokens) and keep the new one in a secret manager.",
      samples: () => [prefix + fake.alnum(40, id + "-1") + fake.hex(8, id + "-1c")] as const,
      truePositives: ([t]) => [...inSyntaxes("cloudflare_api_token", t), ...withValue(t, "api_token = \"%s\"")],
      falsePositives: () => [prefix + fake.alnum(30, id + "-short"), "CLOUDFLARE_API_TOKEN=${CLOUDFLARE_API_TOKEN}"],
    }),
  ),
  defineRule({
    id: "cloudflare-api-token-legacy",
    title: "Cloudflare API token (legacy 40-character)",
    provider: "Cloudflare",
    severity: "high",
    keywords: ["cloudflare", "cf_", "cf-"],
    regex: contextRegex(String.raw`cloudflare|(?<![a-z])cf[_-]`, String.raw`api[_.-]?token|token`, hasDigit(40) + "[A-Za-z0-9_-]{40}"),
    minEntropy: 3.5,
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
    remediation: "Roll or delete the token in Cloudflare > My Profile > API Tokens and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(19, "cf-tok-1") + "3" + fake.base64url(20, "cf-tok-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("cloudflare_api_token", t), ...withValue(t, "CF_API_TOKEN: '%s'", 'cloudflare_api_token = "%s"')],
    falsePositives: () => ["CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}", "CLOUDFLARE_ZONE_TOKEN=" + fake.alnum(45, "cf-tok-long")],
  }),
  defineRule({
    id: "cloudflare-global-api-key-legacy",
    title: "Cloudflare global API key (legacy 37-hex)",
    provider: "Cloudflare",
    severity: "critical",
    keywords: ["cloudflare", "cf_", "cf-", "x-auth-key"],
    regex: contextRegex(String.raw`cloudflare|(?<![a-z])cf[_-]|x-auth-key`, null, "[a-f0-9]{37}"),
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/keys/",
    remediation: "Change the global API key in Cloudflare > My Profile > API Tokens, then move automation to scoped API tokens.",
    samples: () => [fake.hex(37, "cf-global-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("cloudflare_api_key", k), ...withValue(k, '-H "X-Auth-Key: %s"', "CF_GLOBAL_KEY='%s'")],
    falsePositives: () => ["CLOUDFLARE_API_KEY=" + fake.hex(32, "cf-global-32"), "CLOUDFLARE_ZONE_ID=${ZONE}"],
  }),
  defineRule({
    id: "cloudflare-origin-ca-key",
    title: "Cloudflare Origin CA key",
    provider: "Cloudflare",
    severity: "high",
    keywords: ["v1.0-"],
    regex: /(?<![\w.-])(?<secret>v1\.0-[a-f0-9]{24,64}-[a-f0-9]{64,160}(?:-[a-f0-9]{64})?)(?![\w-])/,
    docs: "https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/",
    remediation: "Change the Origin CA key in Cloudflare > My Profile > API Tokens and keep its replacement in a secret manager.",
    samples: () => ["v1.0-" + fake.hex(24, "cf-ca-1") + "-" + fake.hex(146, "cf-ca-1b")] as const,
    truePositives: ([k]) => [...inSyntaxes("cf_origin_ca_key", k), ...withValue(k, "X-Auth-User-Service-Key: %s")],
    falsePositives: () => ['version: "v1.0-beta"', "v1.0-" + fake.hex(8, "cf-ca-fp") + "-" + fake.hex(12, "cf-ca-fp2")],
  }),
];
