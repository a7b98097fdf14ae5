/**
 * Databricks credentials: personal access token.
 * Formats from the provider's documentation: https://docs.databricks.com/en/dev-tools/auth/pat.html
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "databricks-access-token",
    title: "Databricks personal access token",
    provider: "Databricks",
    severity: "high",
    keywords: ["dapi"],
    regex: /(?<![\w-])(?<secret>dapi[a-f0-9]{32}(?:-\d)?)(?![\w-])/,
    docs: "https://docs.databricks.com/en/dev-tools/auth/pat.html",
    remediation: "Revoke the token in Databricks > User Settings > Developer > Access tokens and use OAuth or a secret scope instead.",
    samples: () => ["dapi" + fake.hex(32, "dapi-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("databricks_token", t), ...withValue(t, 'token = "%s"')],
    falsePositives: () => ["dapi" + fake.hex(20, "dapi-short"), "rapidapi" + fake.hex(32, "dapi-embedded")],
  }),
];
