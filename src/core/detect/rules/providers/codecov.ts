/**
 * Codecov credentials: upload token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.codecov.com/docs/codecov-tokens
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "codecov-upload-token",
    title: "Codecov upload token",
    provider: "Codecov",
    severity: "medium",
    keywords: ["codecov"],
    regex: contextRegex("codecov", String.raw`token|api[_.-]?key`, UUID),
    docs: "https://docs.codecov.com/docs/codecov-tokens",
    remediation: "Regenerate the token in Codecov > Repository / Organization settings and pass it to CI as CODECOV_TOKEN from a secret.",
    samples: () => [fake.uuid("codecov-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("codecov_token", t), ...withValue(t, "codecov_token: %s")],
    falsePositives: () => ["CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}", "CODECOV_FLAGS=" + fake.uuid("codecov-fp")],
  }),
];
