/**
 * X (formerly Twitter): app-only bearer tokens (a run of "A" and URL-encoded characters) and API key
 * secrets (50 characters, read only under a Twitter setting). Formats from X's developer
 * documentation on bearer tokens and API keys.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { ASSIGN, ci, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "twitter-bearer-token",
    title: "X (Twitter) app bearer token",
    provider: "X (Twitter)",
    severity: "high",
    keywords: ["aaaaaaaaaaaaaaaaaaaa"],
    // App-only bearer tokens start with a run of "A" and carry URL-encoded characters (%2B, %3D). The
    // reported value leaves out the leading run, which alone would read as a dummy.
    regex: /(?<![A-Za-z0-9%])A{20}(?<secret>A{0,6}(?=[A-Za-z0-9%]{0,130}%)[A-Za-z0-9%]{70,130})(?![A-Za-z0-9%])/,
    docs: "https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/bearer-tokens",
    remediation: "Regenerate the bearer token in the developer portal (Keys and tokens) and keep it in a secret store.",
    samples: () => ["AM" + fake.alnum(10, "tw-a") + "AAAAAA" + fake.alnum(6, "tw-b") + "%2B" + fake.alnum(20, "tw-c") + "%3D" + fake.alnum(50, "tw-d")] as const,
    // The token is the leading run of "A" and then `rest`, which is what is reported.
    truePositives: ([rest]) =>
      withValue(
        rest,
        `TWITTER_BEARER_TOKEN=${"A".repeat(20)}%s`,
        `  twitter_bearer_token: ${"A".repeat(20)}%s`,
        `  "twitterBearerToken": "${"A".repeat(20)}%s",`,
        `headers = {"Authorization": "Bearer ${"A".repeat(20)}%s"}`,
      ),
    falsePositives: ([rest]) => [`const blob = "${"A".repeat(40)}${fake.alnum(90, "blob")}";`, `TWITTER_BEARER_TOKEN=${"A".repeat(20)}${rest.slice(0, 40)}`],
  }),
  defineRule({
    id: "twitter-api-secret",
    title: "X (Twitter) API key secret",
    provider: "X (Twitter)",
    severity: "high",
    keywords: ["twitter"],
    // 50 characters under any Twitter setting: the consumer key is 25 and the access secret 45 (named-keys.ts).
    // Also in notes and labels that space the setting's words (`Twitter consumer secret: …`).
    regex: new RegExp(`(?:${ci("twitter")}${ASSIGN}|${providerSetting(["twitter"], ["secret", "key", "token"], false)})(?<secret>(?=[A-Za-z]{0,49}[0-9])[A-Za-z0-9]{50})(?![A-Za-z0-9])`),
    docs: "https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a/api-key-and-secret",
    remediation: "Regenerate the API key and secret in the developer portal (Keys and tokens) and keep them in a secret store.",
    samples: () => [fake.alnum(50, "twitter-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("twitter_api_secret", s), ...withValue(s, "  twitter_consumer_secret: %s", "Twitter consumer secret: %s", "twitter API key secret - '%s'")],
    falsePositives: ([s]) => [`TWITTER_API_KEY=${s.slice(0, 25)}`, `TWITTER_API_SECRET=${s.slice(0, 40)}`],
  }),
];
