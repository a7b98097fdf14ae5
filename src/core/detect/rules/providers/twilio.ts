/**
 * Twilio: API key SIDs (`SK` + 32 hex), account SIDs (`AC` + 32 hex, an identifier reported low),
 * auth tokens and API key secrets (32 characters with no prefix, read only as the value of a Twilio
 * setting). Formats from Twilio's IAM documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "twilio-api-key",
    title: "Twilio API key SID",
    provider: "Twilio",
    severity: "high",
    // The prefix "SK" is short, but the regex is anchored on it and 32 lower-case hex must follow.
    keywords: ["sk"],
    regex: /(?<![A-Za-z0-9_])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9_])/,
    docs: "https://www.twilio.com/docs/iam/api-keys",
    remediation: "Delete the API key in the Twilio Console (Account > API keys & tokens); its secret is likely nearby and is revoked with it.",
    samples: () => ["SK" + fake.hex(32, "twilio-sk")] as const,
    truePositives: ([k]) => [...inSyntaxes("twilio_api_key", k), ...withValue(k, 'client = Client("%s", api_secret, account_sid)')],
    falsePositives: ([k]) => [`TWILIO_API_KEY=${k.toUpperCase()}`, `TWILIO_API_KEY=${k.slice(0, 30)}`, `const skip = "SKIP_${k.slice(2)}";`],
  }),
  defineRule({
    id: "twilio-account-sid",
    title: "Twilio account SID",
    provider: "Twilio",
    severity: "low",
    keywords: ["twilio", "account_sid", "accountsid", "account-sid"],
    // An identifier, not a secret on its own: reported low, as a sign that the auth token is near.
    regex: assigned(`${ci("twilio")}[\\w. -]{0,20}?(?:${ci("sid")}|${ci("token")})|${ci("account")}${SEP}${ci("sid")}`, "AC[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/api/account",
    remediation: "No rotation needed for the SID itself; check that the auth token or API key secret next to it is not committed as well.",
    samples: () => ["AC" + fake.hex(32, "twilio-ac")] as const,
    truePositives: ([sid]) => [...inSyntaxes("twilio_account_sid", sid), ...withValue(sid, '  accountSid: "%s",'), ...withValue(sid, "twilio token - '%s'")],
    falsePositives: ([sid]) => [`TWILIO_ACCOUNT_SID=${sid.slice(0, 20)}`, `const other = "${sid}";`],
  }),
  defineRule({
    id: "twilio-auth-token",
    title: "Twilio auth token",
    provider: "Twilio",
    severity: "critical",
    keywords: ["twilio"],
    regex: assigned(`${ci("twilio")}[\\w. -]{0,20}?(?:${ci("auth")}${SEP})?${ci("token")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/access-tokens#auth-tokens",
    remediation: "Rotate the auth token (promote the secondary token in the Console) and move API access to API keys kept in a secret store.",
    samples: () => [fake.hex(32, "twilio-auth")] as const,
    truePositives: ([t]) => [...inSyntaxes("twilio_auth_token", t), ...withValue(t, "  twilioAuthToken: '%s',"), ...withValue(t, "twilio token - '%s'")],
    falsePositives: ([t]) => [`TWILIO_AUTH_TOKEN=${t.slice(0, 20)}`, "  twilioAuthToken: process.env.TWILIO_AUTH_TOKEN,"],
  }),
  defineRule({
    id: "twilio-api-key-secret",
    title: "Twilio API key secret",
    provider: "Twilio",
    severity: "high",
    keywords: ["twilio"],
    regex: assigned(`${ci("twilio")}[\\w. -]{0,20}?(?:${ci("api")}${SEP}(?:${ci("key")}${SEP})?)?${ci("secret")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/api-keys",
    remediation: "Delete the API key in the Twilio Console and create a new one, with its secret in a secret store.",
    samples: () => [fake.alnum(32, "twilio-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("twilio_api_secret", s), ...withValue(s, "  twilio_api_key_secret: %s")],
    falsePositives: ([s]) => [`TWILIO_API_SECRET=${s.slice(0, 24)}`, `const secret = "${s}";`],
  }),
];
