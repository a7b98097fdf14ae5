/**
 * Typeform credentials: personal access token.
 * Formats from the provider's documentation: https://www.typeform.com/developers/get-started/personal-access-token/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "typeform-personal-access-token",
    title: "Typeform personal access token",
    provider: "Typeform",
    severity: "high",
    keywords: ["tfp_"],
    regex: /(?<![\w-])(?<secret>tfp_[A-Za-z0-9_.=-]{59})(?![\w.=-])/,
    docs: "https://www.typeform.com/developers/get-started/personal-access-token/",
    remediation: "Delete the token in Typeform > Account > Personal tokens and keep its replacement in a secret manager.",
    samples: () => ["tfp_" + fake.alnum(44, "tfp-1") + "_" + fake.alnum(14, "tfp-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("typeform_token", t), ...withValue(t, 'Authorization: "Bearer %s"')],
    falsePositives: () => ["tfp_" + fake.alnum(30, "tfp-short"), "tfp_" + fake.alnum(70, "tfp-long")],
  }),
];
