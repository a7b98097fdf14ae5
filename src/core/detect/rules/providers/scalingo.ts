/**
 * Scalingo credentials: API token.
 * Formats from the provider's documentation: https://doc.scalingo.com/platform/cli/start#login-with-an-api-token
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "scalingo-api-token",
    title: "Scalingo API token",
    provider: "Scalingo",
    severity: "high",
    keywords: ["tk-us-"],
    regex: /(?<![\w-])(?<secret>tk-us-[A-Za-z0-9_-]{48})(?![\w-])/,
    docs: "https://doc.scalingo.com/platform/cli/start#login-with-an-api-token",
    remediation: "Revoke the token in Scalingo > Profile > API tokens and give CI its replacement as SCALINGO_API_TOKEN from a secret.",
    samples: () => ["tk-us-" + fake.base64url(48, "scalingo-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("scalingo_api_token", t), ...withValue(t, "scalingo login --api-token %s")],
    falsePositives: () => ["tk-us-" + fake.alnum(20, "scalingo-short"), "SCALINGO_API_TOKEN=${SCALINGO_API_TOKEN}"],
  }),
];
