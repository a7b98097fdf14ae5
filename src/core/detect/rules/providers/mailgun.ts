/**
 * Mailgun: API keys (legacy `key-` + 32 characters, or the current 32-8-8 hex form, read in a Mailgun
 * setting or as the password of the "api" user), public validation keys (`pubkey-`) and webhook
 * signing keys. Formats from Mailgun's documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { ASSIGN, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "mailgun-public-validation-key",
    title: "Mailgun public validation key",
    provider: "Mailgun",
    // Made for client-side address validation: reported so its presence is a reviewed decision.
    severity: "low",
    keywords: ["pubkey-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>pubkey-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
    docs: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/",
    remediation: "Rotate the public validation key in Mailgun (Settings > API Security) if it should not be public.",
    samples: () => ["pubkey-" + fake.hex(32, "mg-pub")] as const,
    truePositives: ([t]) => inSyntaxes("mailgun_public_key", t),
    falsePositives: ([t]) => [`MAILGUN_PUBLIC_KEY=${t.slice(0, 20)}`, 'const name = "pubkey-rotation";'],
  }),
  defineRule({
    id: "mailgun-api-key",
    title: "Mailgun API key",
    provider: "Mailgun",
    severity: "high",
    keywords: ["mailgun", "key-"],
    // Legacy "key-" + 32 base36 characters, or the current <32 hex>-<8 hex>-<8 hex> form; only in a
    // Mailgun setting (not its webhook signing key) or as the password of the "api" user.
    // Or anywhere later on a line that names Mailgun (a client's constructor, a list of settings): a
    // lookbehind, so that each of several values on such a line is reported, not only the first.
    regex: new RegExp(
      `(?:${ci("mailgun")}(?![\\w.-]{0,30}?(?:${ci("webhook")}|${ci("signing")}))[\\w.-]{0,30}?${ASSIGN}|\\b${ci("api")}["']?\\s{0,3}[:,]\\s{0,3}["']?` +
        // The webhook test stands left of the name: a lookbehind runs right to left, so it is tried only
        // where the name matched, not at each of the 200 places between (quadratic on long lines).
        `|(?<![\\w-])(?=key-|[0-9a-f]{32}-)(?<=(?![^\\n]{0,207}?(?:${ci("webhook")}|${ci("signing")}))${ci("mailgun")}[^\\n]{0,200}?[\\s"'\x60=:,(]))` +
        `(?<secret>key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9-])`,
    ),
    docs: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key",
    remediation: "Delete or rotate the key in Settings > API Security and keep its replacement in a secret store.",
    samples: () => ["key-" + fake.lowerDigits(32, "mg-legacy"), fake.hex(32, "mg-new") + "-" + fake.hex(8, "mg-b") + "-" + fake.hex(8, "mg-c")] as const,
    truePositives: ([legacy, current]) => [
      ...inSyntaxes("mailgun_api_key", current),
      ...withValue(current, 'const mg = new Mailgun(formData).client({ username: "sender", key: "%s" });'),
      ...withValue(legacy, "mailgun domain 'mg.acme.com' key '%s'"),
      // The second of two values on a line that names Mailgun.
      [`mailgun pass '${current}' key ${legacy}`, legacy],
      ...withValue(legacy, 'requests.post(url, auth=("api", "%s"), data=payload)', "curl -s --user 'api:%s' https://api.mailgun.net/v3/acme.com/messages"),
    ],
    falsePositives: ([legacy, current]) => [`MAILGUN_WEBHOOK_SIGNING_KEY=${current}`, `mailgun webhook signing key '${current}'`, `// mailgun: ${legacy}x`, `const cacheKey = "${legacy}";`, `MAILGUN_API_KEY=${legacy.slice(0, 20)}`],
  }),
  defineRule({
    id: "mailgun-webhook-signing-key",
    title: "Mailgun webhook signing key",
    provider: "Mailgun",
    severity: "medium",
    keywords: ["mailgun"],
    regex: assigned(
      `${ci("mailgun")}[\\w.-]{0,30}?(?:${ci("webhook")}|${ci("signing")})[\\w.-]{0,20}?${ci("key")}`,
      "[0-9a-f]{32}(?:-[0-9a-f]{8}-[0-9a-f]{8})?",
      "[A-Za-z0-9-]",
    ),
    docs: "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks",
    remediation: "Rotate the HTTP webhook signing key in Settings > API Security and keep it in a secret store.",
    samples: () => [fake.hex(32, "mg-sign") + "-" + fake.hex(8, "mg-sign-b") + "-" + fake.hex(8, "mg-sign-c")] as const,
    truePositives: ([k]) => [...inSyntaxes("mailgun_webhook_signing_key", k), ...withValue(k, '  mailgunSigningKey: "%s",')],
    falsePositives: ([k]) => [`MAILGUN_WEBHOOK_SIGNING_KEY=${k.slice(0, 20)}`, `MAILGUN_API_KEY=${k}`],
  }),
];
