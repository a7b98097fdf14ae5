/**
 * Prefect credentials: Cloud API key.
 * Formats from the provider's documentation: https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "prefect-api-key",
    title: "Prefect Cloud API key",
    provider: "Prefect",
    severity: "high",
    keywords: ["pnu_", "pnb_"],
    regex: /(?<![\w-])(?<secret>pn[ub]_[A-Za-z0-9]{36})(?![\w-])/,
    docs: "https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys",
    remediation: "Delete the key in Prefect Cloud > Profile > API Keys and give workers its replacement as PREFECT_API_KEY from a secret.",
    samples: () => ["pnu_" + fake.alnum(36, "pnu-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("prefect_api_key", t), ...withValue(t, "prefect cloud login -k %s")],
    falsePositives: () => ["pnu_" + fake.alnum(20, "pnu-short"), "pnu_" + fake.alnum(40, "pnu-long")],
  }),
];
