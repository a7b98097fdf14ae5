/**
 * GoCardless access tokens (developer.gocardless.com): `live_` + 40 URL-safe characters. The prefix is
 * a common word, so the token is reported only under a setting or call that names GoCardless.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "gocardless-live-access-token",
    title: "GoCardless live access token",
    provider: "GoCardless",
    severity: "critical",
    keywords: ["gocardless"],
    regex: new RegExp(`${providerSetting(["gocardless"], ["token", "key", "secret"])}(?<secret>live_[A-Za-z0-9_=-]{40})(?![A-Za-z0-9_=-])`),
    docs: "https://developer.gocardless.com/getting-started/api/making-your-first-request/",
    remediation: "Revoke the access token in the GoCardless Dashboard (Developers > API access tokens) and keep its replacement in a secret manager.",
    samples: () => [`live_${fake.alnum(40, "gc-1")}`, `live_${fake.base64url(40, "gc-2")}`] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("gocardless_access_token", a),
      ...withValue(b, `client = gocardless_pro.Client(access_token="%s", environment="live")`, `gocardless_access_token: %s`),
    ],
    falsePositives: () => [`GOCARDLESS_ACCESS_TOKEN=sandbox_${fake.base64url(40, "gc-3")}`, `GOCARDLESS_ACCESS_TOKEN=live_${fake.base64url(20, "gc-4")}`],
  }),
];
