/**
 * Klarna API keys (docs.klarna.com/api/authentication): `klarna_live_api_` / `klarna_test_api_` + base64;
 * the whole key may reach 255 characters. The key is its own context.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const docs = "https://docs.klarna.com/api/authentication/";

export const rules: Rule[] = [
  defineRule({
    id: "klarna-live-api-key",
    title: "Klarna live API key",
    provider: "Klarna",
    severity: "critical",
    keywords: ["klarna_live_api_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>klarna_live_api_[A-Za-z0-9+/=_-]{40,239})(?![A-Za-z0-9+/=_-])/,
    docs,
    remediation: "Disable the API key in the Klarna Merchant Portal (Settings > Klarna API keys), create a new one and keep it in a secret manager.",
    samples: () => [`klarna_live_api_${fake.alnum(120, "klarna-1")}`, `klarna_live_api_${fake.base64url(80, "klarna-2")}`, `klarna_live_api_${fake.base64(120, "klarna-5")}`] as const,
    truePositives: ([a, b, c]) => [...inSyntaxes("klarna_api_key", a), ...withValue(b, `password: "%s"`), ...withValue(c, `KLARNA_API_KEY=%s`)],
    falsePositives: () => [`KLARNA_CLIENT_ID=klarna_live_client_${fake.base64(60, "klarna-3")}`, `klarna_live_api_username: ${fake.lower(8, "klarna-4")}`],
  }),
  defineRule({
    id: "klarna-test-api-key",
    title: "Klarna test API key",
    provider: "Klarna",
    severity: "medium",
    keywords: ["klarna_test_api_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>klarna_test_api_[A-Za-z0-9+/=_-]{40,239})(?![A-Za-z0-9+/=_-])/,
    docs,
    remediation: "Disable the test API key in the Klarna Merchant Portal (playground) and load keys from the environment.",
    samples: () => [`klarna_test_api_${fake.alnum(120, "klarna-t-1")}`, `klarna_test_api_${fake.base64url(80, "klarna-t-3")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("klarna_api_key", a), ...withValue(b, `auth = ("${fake.uuid("klarna-t-2")}", "%s")`)],
    falsePositives: () => [`klarna_test_api_${fake.base64(20, "klarna-t-4")}`, `klarna_test_api_base_url = "https://api.playground.klarna.com"`],
  }),
];
