/**
 * Heroku credentials: API key; API key (legacy UUID).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://devcenter.heroku.com/articles/authentication
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "heroku-api-key",
    title: "Heroku API key",
    provider: "Heroku",
    severity: "critical",
    keywords: ["hrku-"],
    owns: { prefixes: ["HRKU-"] },
    regex: /(?<![\w-])(?<secret>HRKU-AA[0-9A-Za-z_-]{58})(?![\w-])/,
    docs: "https://devcenter.heroku.com/articles/authentication",
    remediation: "Revoke the authorization with `heroku authorizations:revoke` (or in Account settings), then store its replacement as a CI secret.",
    samples: () => ["HRKU-AA" + fake.base64url(58, "hrku-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("heroku_api_key", k), ...withValue(k, 'heroku_api_key = "%s"')],
    falsePositives: () => ["HRKU-AA" + fake.base64url(30, "hrku-short"), "HEROKU_API_KEY=$(heroku auth:token)"],
  }),
  defineRule({
    id: "heroku-api-key-legacy",
    title: "Heroku API key (legacy UUID)",
    provider: "Heroku",
    severity: "critical",
    keywords: ["heroku"],
    regex: contextRegex("heroku", String.raw`api[_.-]?key|api[_.-]?token|auth[_.-]?token|token|key|password|secret`, UUID),
    docs: "https://devcenter.heroku.com/articles/authentication",
    remediation: "Regenerate the API key in Heroku Account settings and store its replacement as a CI secret.",
    samples: () => [fake.uuid("heroku-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("heroku_api_key", k), ...withValue(k, "heroku_token: '%s'", '"heroku_secret": "%s"')],
    falsePositives: () => ["HEROKU_APP_ID=" + fake.uuid("heroku-fp"), "HEROKU_API_KEY=${{ secrets.HEROKU_API_KEY }}"],
  }),
];
