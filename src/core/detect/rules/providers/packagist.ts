/**
 * Private Packagist tokens (packagist.com/docs/composer-authentication): `packagist_` + a kind
 * (organization read `ort`, user `out`, user update `uut`, user read `urt`) + 68 hex characters.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "packagist-token",
    title: "Private Packagist token",
    provider: "Packagist",
    severity: "high",
    keywords: ["packagist_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>packagist_(?:ort|out|uut|urt)_[a-f0-9]{68})(?![A-Za-z0-9_])/,
    docs: "https://packagist.com/docs/composer-authentication",
    remediation: "Revoke the token in Private Packagist (Settings > Authentication tokens) and keep its replacement in Composer's auth.json outside the repository or in a CI secret.",
    samples: () => ["packagist_ort_" + fake.hex(68, "pkg-1"), "packagist_uut_" + fake.hex(68, "pkg-2"), "packagist_out_" + fake.hex(68, "t-pkg")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("packagist_token", c),
      ...withValue(a, `composer config --global --auth http-basic.repo.packagist.com token %s`),
      ...withValue(b, `"password": "%s"`),
    ],
    falsePositives: () => [`packagist_org_${fake.hex(68, "pkg-3")}`, `packagist_ort_${fake.hex(40, "pkg-4")}`],
  }),
];
