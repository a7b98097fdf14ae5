/**
 * Flutterwave API keys (developer.flutterwave.com, authentication): `FLWSECK-…-X` secret keys,
 * `FLWPUBK-…-X` public keys (each with a `_TEST` variant) and 12-hex-character encryption keys.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const docs = "https://developer.flutterwave.com/docs/integration-guides/authentication";

export const rules: Rule[] = [
  defineRule({
    id: "flutterwave-secret-key",
    title: "Flutterwave live secret key",
    provider: "Flutterwave",
    severity: "critical",
    keywords: ["flwseck-"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs,
    remediation: "Regenerate the API keys in the Flutterwave Dashboard (Settings > API Keys) and keep the secret key in a secret manager.",
    samples: () => [`FLWSECK-${fake.hex(32, "flw-1")}-X`, `FLWSECK-${fake.hex(32, "flw-2")}-X`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("flw_secret_key", a), ...withValue(b, `const flw = new Flutterwave(pub, "%s");`)],
    falsePositives: () => [`FLW_PUBLIC_KEY=FLWPUBK-${fake.hex(32, "flw-3")}-X`, `FLWSECK-${fake.hex(20, "flw-4")}-X`],
  }),
  defineRule({
    id: "flutterwave-encryption-key",
    title: "Flutterwave encryption key",
    provider: "Flutterwave",
    severity: "high",
    keywords: ["flwseck_test-", "flwseck-"],
    // 12 hex characters after the test or live secret-key prefix (not the 32-character secret key).
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK(?:_TEST)?-[0-9a-fA-F]{12})(?![A-Za-z0-9_-])/,
    docs,
    remediation: "Regenerate the API keys in the Flutterwave Dashboard (Settings > API) and load them from the environment.",
    samples: () => [`FLWSECK_TEST-${fake.hex(12, "flwe-1")}`, `FLWSECK-${fake.hex(12, "flwe-2")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("flw_encryption_key", a), ...withValue(b, `"encryptionKey": "%s"`)],
    falsePositives: () => [`FLW_ENCRYPTION_KEY=FLWSECK_TEST-${fake.hex(8, "flwe-3")}`, `FLWSECK_TEST-${fake.hex(32, "flwe-4")}-X`],
  }),
  defineRule({
    id: "flutterwave-public-key",
    title: "Flutterwave public key",
    provider: "Flutterwave",
    // Meant for the client side: reported so that it is a visible, reviewed decision.
    severity: "low",
    keywords: ["flwpubk"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWPUBK(?:_TEST)?-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs,
    remediation: "Public keys may ship in client code; rotate the key pair in the Flutterwave Dashboard if it was not meant to be published.",
    samples: () => [`FLWPUBK_TEST-${fake.hex(32, "flwp-1")}-X`, `FLWPUBK-${fake.hex(32, "flwp-2")}-X`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("flw_public_key", a), ...withValue(b, `public_key: "%s"`)],
    falsePositives: () => [`FLWPUBK_TEST-${fake.hex(20, "flwp-3")}-X`, `const name = "FLWPUBK_TEST-key";`],
  }),
  defineRule({
    id: "flutterwave-test-secret-key",
    title: "Flutterwave test secret key",
    provider: "Flutterwave",
    severity: "medium",
    keywords: ["flwseck_test-"],
    regex: /(?<![A-Za-z0-9_])(?<secret>FLWSECK_TEST-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_])/,
    docs,
    remediation: "Regenerate the test keys in the Flutterwave Dashboard and load them from the environment.",
    samples: () => [`FLWSECK_TEST-${fake.hex(32, "flwt-1")}-X`, `FLWSECK_TEST-${fake.hex(32, "flwt-2")}-X`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("flw_secret_key", a), ...withValue(b, `"secretKey": "%s"`)],
    falsePositives: () => [`FLWPUBK_TEST-${fake.hex(32, "flwt-3")}-X`, `FLWSECK_TEST-${fake.hex(12, "flwt-4")}`],
  }),
];
