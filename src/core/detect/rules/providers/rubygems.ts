/** RubyGems.org API keys (guides.rubygems.org/api-key-scopes): `rubygems_` + 48 hex characters. */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "rubygems-api-key",
    title: "RubyGems API key",
    provider: "RubyGems",
    severity: "high",
    keywords: ["rubygems_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>rubygems_[a-f0-9]{48})(?![A-Za-z0-9_])/,
    docs: "https://guides.rubygems.org/api-key-scopes/",
    remediation: "Delete the key on rubygems.org (Settings > API keys), prefer trusted publishing, and keep any key in a CI secret.",
    samples: () => ["rubygems_" + fake.hex(48, "gem-1"), "rubygems_" + fake.hex(48, "gem-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("gem_host_api_key", a), ...withValue(b, `:rubygems_api_key: %s`, `'%s'`)],
    falsePositives: () => [`:rubygems_api_key: ${fake.hex(32, "gem-3")}`, `rubygems_${fake.hex(40, "gem-4")}`],
  }),
];
