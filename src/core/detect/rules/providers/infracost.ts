/**
 * Infracost credentials: API key.
 * Formats from the provider's documentation: https://www.infracost.io/docs/integrations/environment_variables/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "infracost-api-key",
    title: "Infracost API key",
    provider: "Infracost",
    severity: "medium",
    keywords: ["ico-"],
    // Not inside a file name: `favicon.ico-<hash>.png` is a fingerprinted asset, not a key.
    regex: /(?<![\w.-])(?<secret>ico-[A-Za-z0-9]{32})(?![\w-]|\.[A-Za-z0-9])/,
    docs: "https://www.infracost.io/docs/integrations/environment_variables/",
    remediation: "Rotate the key in Infracost Cloud > Org Settings and give CI its replacement as INFRACOST_API_KEY from a secret.",
    samples: () => ["ico-" + fake.alnum(32, "ico-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("infracost_api_key", t), ...withValue(t, "infracost configure set api_key %s")],
    falsePositives: () => ["ico-" + fake.alnum(16, "ico-short"), "favico-" + fake.alnum(32, "ico-embedded"), "/assets/favicon.ico-" + fake.hex(32, "ico-asset") + ".png"],
  }),
];
