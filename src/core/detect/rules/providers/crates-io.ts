/** crates.io API tokens (doc.rust-lang.org/cargo, publishing): `cio` + 32 alphanumerics. */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "crates-io-api-token",
    title: "crates.io API token",
    provider: "crates.io",
    severity: "high",
    keywords: ["cio"],
    regex: /(?<![A-Za-z0-9_])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
    docs: "https://doc.rust-lang.org/cargo/reference/publishing.html#before-your-first-publish",
    remediation: "Revoke the token on crates.io (Account Settings > API Tokens), prefer trusted publishing, and keep any token in a CI secret.",
    samples: () => ["cio" + fake.alnum(32, "cio-1"), "cio" + fake.alnum(32, "cio-2"), "cio" + fake.alnum(32, "edge-cio")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("cargo_registry_token", a),
      ...withValue(b, `token = "%s"`, `cargo publish --token %s`),
      // A crates.io token in CARGO_REGISTRY_TOKEN is this rule's, not cargo-registry-token's.
      ...withValue(c, `CARGO_REGISTRY_TOKEN=%s`),
    ],
    falsePositives: () => [`cargo publish --token cio${fake.alnum(20, "cio-3")}`, `specious${fake.alnum(32, "cio-4")}`],
  }),
];
