/**
 * Square credentials (developer.squareup.com/docs/build-basics/access-tokens): `EAAA` access tokens
 * (production and sandbox), legacy `sq0atp-` personal access tokens, `sq0csp-` OAuth application
 * secrets (`sandbox-sq0csb-` in the sandbox), and `sq0idp-` application IDs (`sandbox-sq0idb-`).
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const remediation =
  "Revoke or replace the credential in the Square Developer Console and load it from a secret manager or environment variable.";

export const rules: Rule[] = [
  defineRule({
    id: "square-access-token",
    title: "Square access token",
    provider: "Square",
    severity: "critical",
    keywords: ["eaaa"],
    // Production and sandbox access tokens: `EAAA` + 60 URL-safe base64 characters (64 in all).
    regex: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    remediation,
    samples: () => ["EAAA" + fake.alnum(60, "square-at-1"), "EAAA" + fake.base64url(60, "square-at-2"), "EAAA" + fake.base64url(60, "t-sq-1")] as const,
    truePositives: ([a, b, c]) => [...inSyntaxes("square_access_token", a), ...withValue(b, `client = Client(access_token="%s")`), ...withValue(c, `token: %s`)],
    falsePositives: () => [
      // A lower-case hex digest beginning with "eaaa" (container image digests).
      `image: aws-cli@sha256:eaaa${fake.hex(60, "square-at-digest")}`,
      `token = "EAAA${fake.base64url(40, "square-at-short")}"`,
    ],
  }),
  defineRule({
    id: "square-legacy-access-token",
    title: "Square personal access token (legacy sq0atp-)",
    provider: "Square",
    severity: "critical",
    keywords: ["sq0atp-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    remediation,
    samples: () => ["sq0atp-" + fake.alnum(22, "square-atp-1"), "sq0atp-" + fake.base64url(22, "square-atp-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("square_token", a), ...withValue(b, `"accessToken": "%s"`, `export SQUARE_TOKEN=%s`)],
    falsePositives: () => [`sq0atp-${fake.base64url(12, "square-atp-short")}`, `sq0atp-${fake.base64url(40, "square-atp-long")}`],
  }),
  defineRule({
    id: "square-oauth-secret",
    title: "Square OAuth application secret",
    provider: "Square",
    severity: "high",
    keywords: ["sq0csp-", "sq0csb-"],
    // Production `sq0csp-`, sandbox `sandbox-sq0csb-`: 43 URL-safe base64 characters after the prefix.
    regex: /(?<![A-Za-z0-9_-])(?<secret>(?:sq0csp|sandbox-sq0csb)-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/oauth-api/create-urls-for-square-authorization",
    remediation: "Replace the application secret in the Square Developer Console (OAuth page) and keep it server-side in a secret store.",
    samples: () => ["sq0csp-" + fake.alnum(43, "square-csp-1"), "sq0csp-" + fake.base64url(43, "square-csp-2"), "sandbox-sq0csb-" + fake.alnum(43, "square-csb")] as const,
    truePositives: ([a, b, c]) => [...inSyntaxes("square_app_secret", a), ...withValue(b, `SQUARE_APP_SECRET='%s'`, `client_secret: %s`), ...withValue(c, `SQUARE_SANDBOX_SECRET=%s`)],
    falsePositives: () => [`sq0csp-${fake.base64url(20, "square-csp-short")}`, `const name = "sq0csp-placeholder";`, `sq0csb-${fake.alnum(43, "square-csb-bare")}`],
  }),
  defineRule({
    id: "square-application-id",
    title: "Square application ID",
    provider: "Square",
    // Public by design (the Web Payments SDK runs it in browsers): reported so that it is a reviewed
    // decision, and because it sits next to the application's secret in most configurations.
    severity: "low",
    keywords: ["sq0idp-", "sq0idb-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>(?:sq0idp|sandbox-sq0idb)-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens#get-an-application-id",
    remediation: "An application ID is not a secret on its own: check that the application's secret and access tokens next to it are not committed.",
    samples: () => ["sq0idp-" + fake.alnum(22, "square-idp"), "sandbox-sq0idb-" + fake.base64url(22, "square-idb")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("square_application_id", a), ...withValue(b, `squareAppId: "%s",`)],
    falsePositives: () => [`sq0idp-${fake.alnum(12, "square-idp-short")}`, `sq0idb-${fake.alnum(22, "square-idb-bare")}`],
  }),
];
