/**
 * Frame.io credentials: developer token.
 * Formats from the provider's documentation: https://developer.frame.io/docs/getting-started/authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "frameio-api-token",
    title: "Frame.io developer token",
    provider: "Frame.io",
    severity: "high",
    keywords: ["fio-u-"],
    regex: /(?<![\w-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])/,
    docs: "https://developer.frame.io/docs/getting-started/authentication",
    remediation: "Delete the token at developer.frame.io > Tokens and keep its replacement in a secret manager.",
    samples: () => ["fio-u-" + fake.base64url(64, "fio-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("frameio_token", t), ...withValue(t, 'Authorization: "Bearer %s"')],
    falsePositives: () => ["fio-u-" + fake.alnum(30, "fio-short"), "fio-u-" + fake.alnum(70, "fio-long")],
  }),
];
