/**
 * Wise (TransferWise) personal API tokens (docs.wise.com, personal tokens): UUIDs, reported only under
 * a setting that names Wise and a token or key.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ASSIGN, UUID_ANY_CASE, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "wise-api-token",
    title: "Wise (TransferWise) API token",
    provider: "Wise",
    severity: "critical",
    keywords: ["wise"],
    // `(?<![A-Za-z])` keeps words such as "otherwise" or "likewise" from counting as context.
    regex: new RegExp(
      `(?<![A-Za-z])(?:${ci("transferwise")}|${ci("wise")})[\\w.-]{0,24}?(?:${ci("token")}|${ci("key")})[\\w.-]{0,12}${ASSIGN}(?<secret>${UUID_ANY_CASE})(?![A-Za-z0-9_-])`,
    ),
    docs: "https://docs.wise.com/api-docs/features/authentication-access/personal-tokens",
    remediation: "Delete the token in Wise (Settings > API tokens), create a new one with the least access needed, and keep it in a secret manager.",
    samples: () => [fake.uuid("wise-1"), fake.uuid("wise-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("wise_api_token", a), ...withValue(b, `"transferwiseToken": "%s"`, `export WISE_TOKEN="%s"`)],
    falsePositives: () => [`otherwise_token = "${fake.uuid("wise-3")}"`, `likewise_key = "${fake.uuid("edge-wise")}"`, `WISE_PROFILE_ID=${fake.digits(8, "wise-4")}`],
  }),
];
