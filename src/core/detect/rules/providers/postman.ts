/**
 * Postman credentials: API key.
 * Formats from the provider's documentation: https://learning.postman.com/docs/developer/postman-api/authentication/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "postman-api-key",
    title: "Postman API key",
    provider: "Postman",
    severity: "high",
    keywords: ["pmak-"],
    regex: /(?<![\w-])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![\w-])/,
    docs: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    remediation: "Delete the key in Postman > Settings > API keys and keep its replacement in a secret manager.",
    samples: () => ["PMAK-" + fake.hex(24, "pmak-1") + "-" + fake.hex(34, "pmak-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("postman_api_key", t), ...withValue(t, '-H "X-Api-Key: %s"')],
    falsePositives: () => ["PMAK-" + fake.hex(24, "pmak-fp") + "-" + fake.hex(20, "pmak-short"), "POSTMAN_API_KEY={{postman_api_key}}"],
  }),
];
