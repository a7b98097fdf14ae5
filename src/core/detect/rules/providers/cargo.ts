/**
 * Cargo registry tokens (doc.rust-lang.org/cargo, registries.<name>.token): the value of
 * `CARGO_REGISTRY_TOKEN` or `CARGO_REGISTRIES_<NAME>_TOKEN`, whose format each registry chooses.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { SETTING_SYNTAXES, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "cargo-registry-token",
    title: "Cargo registry token",
    provider: "Cargo",
    severity: "high",
    keywords: ["cargo_regist"],
    // crates.io tokens (`cio…`) are the crates-io rule's: excluded here so that one value gives one finding.
    regex: /CARGO_REGISTR(?:Y|IES_[A-Z0-9_]{1,64})_TOKEN["']?\s{0,3}[:=]\s{0,3}["']?(?!cio[A-Za-z0-9]{32}(?![A-Za-z0-9]))(?<secret>[A-Za-z0-9_.+/=-]{16,200})(?![A-Za-z0-9_.+/=-])/,
    minEntropy: 3,
    docs: "https://doc.rust-lang.org/cargo/reference/config.html#registriesnametoken",
    remediation: "Revoke the token in the registry's settings and pass it to Cargo from a CI secret or a credential provider.",
    samples: () => [fake.base64url(40, "cargo-1"), fake.base64url(48, "cargo-2"), "A" + fake.base64url(39, "t-cargo")] as const,
    // An environment variable: the name keeps its case, and XML does not hold it.
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("CARGO_REGISTRIES_ACME_TOKEN", c, SETTING_SYNTAXES),
      ...withValue(a, `CARGO_REGISTRIES_ACME_TOKEN=%s`),
      ...withValue(b, `export CARGO_REGISTRY_TOKEN="%s"`),
      ...withValue(c, `CARGO_REGISTRIES_INTERNAL_TOKEN='%s'`),
    ],
    falsePositives: () => [
      "CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}",
      `CARGO_REGISTRY_TOKEN=${"cio" + fake.alnum(32, "cargo-3")}`,
      `CARGO_REGISTRIES_ACME_INDEX=sparse+https://cargo.acme.dev/index/`,
    ],
  }),
];
