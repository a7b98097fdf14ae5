/**
 * CircleCI: personal (`CCIPAT_`) and project (`CCIPRJ_`) API tokens, and the older unprefixed tokens
 * (40 hex characters, read only as the value of a CircleCI token setting). Formats from CircleCI's
 * API token documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "circleci-personal-token",
    title: "CircleCI personal API token",
    provider: "CircleCI",
    severity: "high",
    keywords: ["ccipat_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    docs: "https://circleci.com/docs/managing-api-tokens/",
    remediation: "Delete the token in User settings > Personal API tokens and keep its replacement in a secret store.",
    samples: () => ["CCIPAT_" + fake.alnum(22, "ccipat") + "_" + fake.hex(40, "ccipat-b")] as const,
    truePositives: ([t]) => [...inSyntaxes("circleci_token", t), ...withValue(t, '  headers: { "Circle-Token": "%s" },')],
    falsePositives: ([t]) => [`CIRCLECI_TOKEN=${t.slice(0, 40)}`, `const prefix = "CCIPAT_";`],
  }),
  defineRule({
    id: "circleci-project-token",
    title: "CircleCI project API token",
    provider: "CircleCI",
    severity: "high",
    keywords: ["cciprj_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    docs: "https://circleci.com/docs/managing-api-tokens/#creating-a-project-api-token",
    remediation: "Delete the token in Project settings > API permissions and keep its replacement in a secret store.",
    samples: () => ["CCIPRJ_" + fake.alnum(22, "cciprj") + "_" + fake.hex(40, "cciprj-b")] as const,
    truePositives: ([t]) => [...inSyntaxes("circle_project_token", t), ...withValue(t, "curl -u %s: https://circleci.com/api/v2/project/gh/acme/app/pipeline")],
    falsePositives: ([t]) => [`CIRCLE_PROJECT_TOKEN=${t.replace(/_[a-f0-9]{40}$/, "")}`, `const s = "CCIPRJ_${fake.alnum(22, "x")}";`],
  }),
  defineRule({
    id: "circleci-api-token-legacy",
    title: "CircleCI API token (unprefixed format)",
    provider: "CircleCI",
    severity: "high",
    keywords: ["circle"],
    regex: assigned(`${ci("circle")}(?:${ci("ci")})?[\\w. -]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://circleci.com/docs/managing-api-tokens/",
    remediation: "Delete the token in User settings > Personal API tokens and keep its replacement in a secret store.",
    samples: () => [fake.hex(40, "circle-legacy")] as const,
    truePositives: ([t]) => [...inSyntaxes("circleci_token", t), ...withValue(t, '  "circle-token": "%s",')],
    falsePositives: ([t]) => [`CIRCLE_SHA1=${t}`, `CIRCLECI_TOKEN=${t.slice(0, 36)}`],
  }),
];
