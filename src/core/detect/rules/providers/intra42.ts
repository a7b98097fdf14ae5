/**
 * 42 credentials: intranet (Intra) OAuth client secret.
 * Formats from the provider's documentation: https://api.intra.42.fr/apidoc/guides/getting_started
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "intra42-client-secret",
    title: "42 intranet (Intra) OAuth client secret",
    provider: "42",
    severity: "high",
    keywords: ["s-s4t2"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>s-s4t2(?:ud|af)-[a-fA-F0-9]{64})(?![A-Za-z0-9_-])/,
    docs: "https://api.intra.42.fr/apidoc/guides/getting_started",
    remediation: "Regenerate the application's secret on profile.intra.42.fr (Applications) and keep it out of the repository.",
    samples: () => ["s-s4t2ud-" + fake.hex(64, "intra42")] as const,
    truePositives: ([k]) => [...inSyntaxes("ft_client_secret", k), ...withValue(k, 'clientSecret := "%s"')],
    falsePositives: () => ["s-s4t2ud-" + fake.hex(40, "i42-short"), "s-s4t2xx-" + fake.hex(64, "i42-bad")],
  }),
];
