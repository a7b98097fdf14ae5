/**
 * Railway credentials: API / project token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.railway.com/guides/public-api#creating-a-token
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "railway-token",
    title: "Railway API / project token",
    provider: "Railway",
    severity: "high",
    keywords: ["railway"],
    regex: contextRegex("railway", String.raw`api[_.-]?token|token|api[_.-]?key`, UUID),
    docs: "https://docs.railway.com/guides/public-api#creating-a-token",
    remediation: "Delete the token in Railway > Account / Project Settings > Tokens and give CI its replacement as RAILWAY_TOKEN from a secret.",
    samples: () => [fake.uuid("railway-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("railway_token", t), ...withValue(t, "railway_api_token: '%s'")],
    falsePositives: () => ["RAILWAY_PROJECT_ID=" + fake.uuid("railway-fp"), "RAILWAY_TOKEN=${{ secrets.RAILWAY_TOKEN }}"],
  }),
];
