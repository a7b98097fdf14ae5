/**
 * Netlify credentials: personal access token.
 * Formats from the provider's documentation: https://docs.netlify.com/api/get-started/#authentication
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "netlify-access-token",
    title: "Netlify personal access token",
    provider: "Netlify",
    severity: "high",
    keywords: ["nfp_"],
    regex: /(?<![\w-])(?<secret>nfp_[A-Za-z0-9]{36,48})(?![\w-])/,
    docs: "https://docs.netlify.com/api/get-started/#authentication",
    remediation: "Delete the token in Netlify > User settings > Applications and give CI its replacement as NETLIFY_AUTH_TOKEN from a secret.",
    samples: () => ["nfp_" + fake.alnum(40, "nfp-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("netlify_auth_token", t), ...withValue(t, "netlify deploy --auth %s")],
    falsePositives: () => ["nfp_" + fake.alnum(20, "nfp-short"), "NETLIFY_AUTH_TOKEN=${NETLIFY_AUTH_TOKEN}"],
  }),
];
