/**
 * Duffel credentials: live access token; test access token.
 * Formats from the provider's documentation: https://duffel.com/docs/api/overview/making-requests/authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "duffel-live-token",
    title: "Duffel live access token",
    provider: "Duffel",
    severity: "high",
    keywords: ["duffel_live_"],
    regex: /(?<![\w-])(?<secret>duffel_live_[A-Za-z0-9_=-]{43})(?![\w=-])/,
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
    remediation: "Revoke the token in the Duffel dashboard > Developers > Access tokens and keep its replacement in a secret manager.",
    samples: () => ["duffel_live_" + fake.base64url(43, "duffel-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("duffel_access_token", t), ...withValue(t, "new Duffel({ token: '%s' })")],
    falsePositives: () => ["duffel_live_" + fake.alnum(20, "duffel-short"), "DUFFEL_ACCESS_TOKEN=${DUFFEL_TOKEN}"],
  }),
  defineRule({
    id: "duffel-test-token",
    title: "Duffel test access token",
    provider: "Duffel",
    severity: "medium",
    keywords: ["duffel_test_"],
    regex: /(?<![\w-])(?<secret>duffel_test_[A-Za-z0-9_=-]{43})(?![\w=-])/,
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
    remediation: "Revoke the test token in the Duffel dashboard and keep it out of source control.",
    samples: () => ["duffel_test_" + fake.base64url(43, "duffel-t-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("duffel_token", t), ...withValue(t, "token: '%s'")],
    falsePositives: () => ["duffel_test_" + fake.alnum(20, "duffel-t-short"), "duffel_test_" + fake.alnum(50, "duffel-t-long")],
  }),
];
