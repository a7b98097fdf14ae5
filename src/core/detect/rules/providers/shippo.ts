/**
 * Shippo credentials: live API token; test API token.
 * Formats from the provider's documentation: https://docs.goshippo.com/docs/guides_general/authentication/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "shippo-live-api-token",
    title: "Shippo live API token",
    provider: "Shippo",
    severity: "high",
    keywords: ["shippo_live_"],
    regex: /(?<![\w-])(?<secret>shippo_live_[a-fA-F0-9]{40})(?![\w-])/,
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
    remediation: "Regenerate the token in Shippo > Settings > API and keep its replacement in a secret manager.",
    samples: () => ["shippo_live_" + fake.hex(40, "shippo-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("shippo_api_key", t), ...withValue(t, "Authorization: ShippoToken %s")],
    falsePositives: () => ["shippo_live_" + fake.hex(20, "shippo-short"), "SHIPPO_API_KEY=${SHIPPO_API_KEY}"],
  }),
  defineRule({
    id: "shippo-test-api-token",
    title: "Shippo test API token",
    provider: "Shippo",
    severity: "medium",
    keywords: ["shippo_test_"],
    regex: /(?<![\w-])(?<secret>shippo_test_[a-fA-F0-9]{40})(?![\w-])/,
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
    remediation: "Regenerate the test token in Shippo > Settings > API and keep it out of source control.",
    samples: () => ["shippo_test_" + fake.hex(40, "shippo-t-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("shippo_test_key", t), ...withValue(t, "shippo.api_key = '%s'")],
    falsePositives: () => ["shippo_test_" + fake.hex(20, "shippo-t-short"), "shippo_test_" + fake.hex(48, "shippo-t-long")],
  }),
];
