/**
 * Scaleway: API keys. The access key (`SCW` + 17 characters) identifies the key; the secret key is a
 * UUID, read only as the value of a Scaleway secret setting (Scaleway's IAM documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { UUID, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "scaleway-access-key",
    title: "Scaleway API access key",
    provider: "Scaleway",
    severity: "medium",
    keywords: ["scw"],
    // The access key identifies the API key; the secret key (a UUID) is the credential (next rule).
    regex: /(?<![A-Za-z0-9])(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9])/,
    docs: "https://www.scaleway.com/en/docs/iam/concepts/#api-key",
    remediation: "Delete the API key in IAM > API keys and generate a new one, kept in a secret manager.",
    samples: () => ["SCW" + fake.upperDigits(17, "scw")] as const,
    truePositives: ([k]) => [...inSyntaxes("scw_access_key", k), ...withValue(k, 'access_key = "%s"')],
    falsePositives: ([k]) => [`const x = "${k}A";`, "const name = 'SCW_ACCESS_KEY';"],
  }),
  defineRule({
    id: "scaleway-secret-key",
    title: "Scaleway API secret key",
    provider: "Scaleway",
    severity: "critical",
    keywords: ["scw", "scaleway"],
    regex: assigned(`(?:${ci("scw")}|${ci("scaleway")})[\\w. -]{0,20}?${ci("secret")}`, UUID, "[A-Za-z0-9-]"),
    docs: "https://www.scaleway.com/en/docs/iam/concepts/#api-key",
    remediation: "Delete the API key in IAM > API keys and generate a new one, kept in a secret manager.",
    samples: () => [fake.uuid("scw-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("scw_secret_key", s), ...withValue(s, '  scaleway_secret_key: "%s"')],
    falsePositives: ([s]) => [`SCW_DEFAULT_PROJECT_ID=${s}`, `SCW_SECRET_KEY=${s.slice(0, 30)}`],
  }),
];
