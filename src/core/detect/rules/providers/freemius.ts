/**
 * Freemius credentials: SDK secret key.
 * Formats from the provider's documentation: https://freemius.com/help/documentation/wordpress-sdk/integrating-freemius-sdk/
 */
import type { Rule } from "../../rule.js";
import { defineRule, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "freemius-secret-key",
    title: "Freemius SDK secret key",
    provider: "Freemius",
    severity: "high",
    keywords: ["secret_key"],
    // The WordPress SDK's configuration array: 'secret_key' => 'sk_…' (29 characters after the prefix).
    regex: /["']secret_key["']\s{0,5}=>\s{0,5}["'](?<secret>sk_[^\s"']{29})["']/,
    docs: "https://freemius.com/help/documentation/wordpress-sdk/integrating-freemius-sdk/",
    remediation: "Regenerate the secret key in the Freemius dashboard (Settings > Keys) and load it from a configuration file kept out of the repository.",
    samples: () => ["sk_" + fake.base64(29, "freemius").replace(/[/+]/g, "#")] as const,
    truePositives: ([k]) => withValue(k, `"secret_key" => "%s",`, `'secret_key' => '%s',`),
    falsePositives: () => [`"secret_key" => "sk_short",`, `"public_key" => "pk_${fake.alnum(29, "fm-pk")}",`],
  }),
];
