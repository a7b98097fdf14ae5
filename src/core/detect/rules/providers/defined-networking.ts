/**
 * Defined Networking credentials: API token.
 * Formats from the provider's documentation: https://docs.defined.net/guides/automating-host-creation/#api-keys
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "defined-networking-api-token",
    title: "Defined Networking API token",
    provider: "Defined Networking",
    severity: "high",
    keywords: ["dnkey-"],
    regex: /(?<![\w-])(?<secret>dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52})(?![\w=-])/,
    docs: "https://docs.defined.net/guides/automating-host-creation/#api-keys",
    remediation: "Delete the API key in the Defined Networking admin panel and keep its replacement in a secret manager.",
    samples: () => ["dnkey-" + fake.upperDigits(26, "dnkey-1") + "-" + fake.upperDigits(52, "dnkey-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("dn_api_key", t), ...withValue(t, 'Authorization: "Bearer %s"')],
    falsePositives: () => ["dnkey-" + fake.alnum(20, "dnkey-short"), "DN_API_KEY=${DN_API_KEY}"],
  }),
];
