/**
 * Anaconda.org API tokens (anaconda.com/docs, anaconda-client auth): the format is not documented, so a
 * token is reported only as `ANACONDA_API_TOKEN=…` (or `BINSTAR_API_TOKEN`) or after `anaconda -t`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "anaconda-api-token",
    title: "Anaconda.org API token",
    provider: "Anaconda",
    severity: "high",
    keywords: ["anaconda", "binstar"],
    regex: new RegExp(
      `(?:${providerSetting(["anaconda", "binstar"], ["token"], false)}|${ci("anaconda")}\\s{1,3}(?:-t|--token)(?:\\s{1,3}|=)["']?)(?<secret>[A-Za-z0-9][A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3,
    docs: "https://www.anaconda.com/docs/cli-reference/anaconda-client/commands/auth",
    remediation: "Remove the token (`anaconda auth --remove` or on anaconda.org > Settings > Access), create a scoped one, and keep it in a CI secret.",
    samples: () => [`${fake.lower(2, "conda-1")}-${fake.uuid("conda-2")}`, fake.alnum(40, "conda-3"), "ab-" + fake.uuid("t-conda")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("anaconda_api_token", a),
      ...withValue(b, `anaconda -t %s upload dist/*.tar.bz2`),
      ...withValue(c, `export BINSTAR_API_TOKEN="%s"`),
    ],
    falsePositives: () => ["export ANACONDA_API_TOKEN=$INPUT_ANACONDATOKEN", "ANACONDA_API_TOKEN: ${{ secrets.ANACONDA_TOKEN }}", `anaconda upload --label main noarch/pkg.tar.bz2`],
  }),
];
