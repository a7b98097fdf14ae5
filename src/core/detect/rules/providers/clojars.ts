/** Clojars deploy tokens (github.com/clojars/clojars-web/wiki/Deploy-Tokens): `CLOJARS_` + 60 hex characters. */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "clojars-deploy-token",
    title: "Clojars deploy token",
    provider: "Clojars",
    severity: "high",
    keywords: ["clojars_"],
    // 60 hex characters; letters and digits accepted for copies re-cased or re-encoded.
    regex: /(?<![A-Za-z0-9_])(?<secret>CLOJARS_[a-z0-9]{60})(?![A-Za-z0-9_])/,
    docs: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    remediation: "Disable the deploy token on clojars.org (Deploy Tokens), create a scoped one, and keep it in a CI secret.",
    samples: () => ["CLOJARS_" + fake.hex(60, "clj-1"), "CLOJARS_" + fake.hex(60, "clj-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("clojars_password", b), ...withValue(a, `:password "%s"`)],
    falsePositives: () => [`CLOJARS_USERNAME=${fake.lower(8, "clj-3")}`, `CLOJARS_${fake.hex(40, "clj-4")}`],
  }),
];
