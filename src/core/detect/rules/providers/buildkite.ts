/**
 * Buildkite: API access tokens, `bkua_` + 40 hex characters (Buildkite's API token documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "buildkite-api-token",
    title: "Buildkite API access token",
    provider: "Buildkite",
    severity: "high",
    keywords: ["bkua_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>bkua_[a-f0-9]{40})(?![A-Za-z0-9_])/,
    // `bkua_` and another body (cut short, other characters) is a broken copy. Bodies of 40 lower-case
    // letters and digits that are not hex are in use as well: reported by name, they stay secrets.
    owns: { prefixes: ["bkua_"], shape: { chars: "a-z0-9_", length: [45, 45], exact: "bkua_[a-z0-9]{40}" } },
    docs: "https://buildkite.com/docs/apis/managing-api-tokens",
    remediation: "Revoke the token in Personal settings > API access tokens and keep its replacement in a secret store.",
    samples: () => ["bkua_" + fake.hex(40, "bkua")] as const,
    truePositives: ([t]) => [...inSyntaxes("buildkite_api_token", t), ...withValue(t, 'curl -H "Authorization: Bearer %s" https://api.buildkite.com/v2/user')],
    falsePositives: ([t]) => [`BUILDKITE_API_TOKEN=${t.slice(0, 30)}`, `BUILDKITE_API_TOKEN=bkua_${fake.alnum(40, "not-hex").replace(/[0-9a-f]/g, "Z")}`],
  }),
];
