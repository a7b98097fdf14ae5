/**
 * Travis CI: API tokens, 22 base64url characters with no prefix, read only as the value of a Travis
 * token or API key setting (Travis CI's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "travis-ci-api-token",
    title: "Travis CI API token",
    provider: "Travis CI",
    severity: "high",
    keywords: ["travis"],
    regex: assigned(`${ci("travis")}[\\w. -]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[A-Za-z0-9_-]{22}", "[A-Za-z0-9_-]"),
    docs: "https://docs.travis-ci.com/user/triggering-builds/",
    remediation: "Regenerate the token in Travis CI's account settings and keep it in a secret store.",
    samples: () => [fake.base64url(22, "travis")] as const,
    truePositives: ([t]) => [...inSyntaxes("travis_token", t), ...withValue(t, '  "travis_api_token": "%s",')],
    falsePositives: ([t]) => [`TRAVIS_TOKEN=${t.slice(0, 16)}`, `TRAVIS_BUILD_ID=${t}`],
  }),
];
