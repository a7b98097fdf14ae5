/**
 * Prismic credentials: permanent access token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://prismic.io/docs/access-token
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "prismic-access-token",
    title: "Prismic permanent access token",
    provider: "Prismic",
    severity: "medium",
    keywords: ["prismic"],
    regex: contextRegex("prismic", String.raw`(?:access|write|api)?[_.-]?token`, hasDigit(60) + "[A-Za-z0-9_.-]{40,300}"),
    minEntropy: 4,
    docs: "https://prismic.io/docs/access-token",
    remediation: "Revoke the token in Prismic > Settings > API & Security and keep its replacement in a secret manager.",
    samples: () => ["MC5" + fake.alnum(30, "prismic-1") + ".77-9" + fake.base64url(30, "prismic-1b") + "5"] as const,
    truePositives: ([t]) => [...inSyntaxes("prismic_access_token", t), ...withValue(t, "prismic_token: '%s'")],
    falsePositives: () => ["PRISMIC_REPOSITORY=my-repo", "PRISMIC_ACCESS_TOKEN=${PRISMIC_TOKEN}"],
  }),
];
