/**
 * ClickHouse credentials: Cloud API key secret.
 * Formats from the provider's documentation: https://clickhouse.com/docs/cloud/manage/openapi
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "clickhouse-cloud-api-secret",
    title: "ClickHouse Cloud API key secret",
    provider: "ClickHouse",
    severity: "high",
    keywords: ["4b1d"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>4b1d[A-Za-z0-9]{38})(?![A-Za-z0-9_-])/,
    docs: "https://clickhouse.com/docs/cloud/manage/openapi",
    remediation: "Delete the API key in ClickHouse Cloud > Organization > API keys and create a new one kept in a secret store.",
    samples: () => ["4b1d" + fake.alnum(38, "clickhouse")] as const,
    truePositives: ([k]) => [...inSyntaxes("clickhouse_key_secret", k), ...withValue(k, 'secret: "%s"')],
    falsePositives: () => ["4b1d" + fake.alnum(30, "ch-short"), "id-4b1d" + fake.alnum(38, "ch-inword") + "x"],
  }),
];
