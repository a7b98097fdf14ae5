/**
 * EasyPost credentials: production API key; test API key.
 * Formats from the provider's documentation: https://docs.easypost.com/docs/authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "easypost-production-api-key",
    title: "EasyPost production API key",
    provider: "EasyPost",
    severity: "high",
    keywords: ["ezak"],
    regex: /(?<![\w-])(?<secret>EZAK[A-Za-z0-9]{54})(?![\w-])/,
    docs: "https://docs.easypost.com/docs/authentication",
    remediation: "Delete the key in EasyPost > Account Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => ["EZAK" + fake.alnum(54, "ezak-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("easypost_api_key", t), ...withValue(t, "EasyPostClient('%s')")],
    falsePositives: () => ["EZAK" + fake.alnum(30, "ezak-short"), "EZAK" + fake.alnum(60, "ezak-long")],
  }),
  defineRule({
    id: "easypost-test-api-key",
    title: "EasyPost test API key",
    provider: "EasyPost",
    severity: "medium",
    keywords: ["eztk"],
    regex: /(?<![\w-])(?<secret>EZTK[A-Za-z0-9]{54})(?![\w-])/,
    docs: "https://docs.easypost.com/docs/authentication",
    remediation: "Delete the test key in EasyPost > Account Settings > API Keys and keep it out of source control.",
    samples: () => ["EZTK" + fake.alnum(54, "eztk-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("easypost_test_key", t), ...withValue(t, "client = EasyPostClient('%s')")],
    falsePositives: () => ["EZTK" + fake.alnum(30, "eztk-short"), "EZTK" + fake.alnum(60, "eztk-long")],
  }),
];
