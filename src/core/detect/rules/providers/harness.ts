/**
 * Harness credentials: personal or service account token.
 * Formats from the provider's documentation: https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "harness-api-key",
    title: "Harness personal or service account token",
    provider: "Harness",
    severity: "high",
    keywords: ["pat.", "sat."],
    // pat.<account id>.<token id>.<secret>, sat. for service accounts.
    regex: /(?<![A-Za-z0-9_.-])(?<secret>(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
    // A value with the prefix and dots that the format refuses (a part cut short) is a broken copy.
    owns: { prefixes: ["pat.", "sat."] },
    docs: "https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/",
    remediation: "Delete the token in Harness (Profile or Service Account > API Keys) and create a new one kept in a secret manager.",
    samples: () => [`pat.${fake.base64url(22, "hr1")}.${fake.alnum(24, "hr2")}.${fake.alnum(20, "hr3")}`] as const,
    truePositives: ([k]) => [...inSyntaxes("harness_api_key", k), ...withValue(k, 'x-api-key: "%s"')],
    falsePositives: () => ["pat." + fake.alnum(22, "hr4") + "." + fake.alnum(10, "hr5"), "compat.version.number"],
  }),
];
