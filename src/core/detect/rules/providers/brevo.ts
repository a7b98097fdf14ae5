/**
 * Brevo (formerly Sendinblue): API keys (`xkeysib-`) and SMTP keys (`xsmtpsib-`), each 64 hex
 * characters, a dash and 16 letters and digits (Brevo's developer documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "brevo-api-key",
    title: "Brevo (Sendinblue) API key",
    provider: "Brevo",
    severity: "high",
    keywords: ["xkeysib-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    docs: "https://developers.brevo.com/docs/getting-started",
    remediation: "Delete the key in SMTP & API > API Keys and keep its replacement in a secret store.",
    samples: () => ["xkeysib-" + fake.hex(64, "brevo") + "-" + fake.alnum(16, "brevo-b")] as const,
    truePositives: ([k]) => [...inSyntaxes("brevo_api_key", k), ...withValue(k, 'headers: { "api-key": "%s" },')],
    falsePositives: ([k]) => [`BREVO_API_KEY=${k.slice(0, 60)}`, 'const prefix = "xkeysib-";'],
  }),
  defineRule({
    id: "brevo-smtp-key",
    title: "Brevo (Sendinblue) SMTP key",
    provider: "Brevo",
    severity: "high",
    keywords: ["xsmtpsib-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    docs: "https://help.brevo.com/hc/en-us/articles/7924908994450",
    remediation: "Delete the SMTP key in SMTP & API > SMTP and keep its replacement in a secret store.",
    samples: () => ["xsmtpsib-" + fake.hex(64, "brevo-smtp") + "-" + fake.alnum(16, "brevo-smtp-b")] as const,
    truePositives: ([k]) => inSyntaxes("smtp_password", k),
    falsePositives: ([k]) => [`SMTP_PASSWORD=${k.slice(0, 50)}`, 'const prefix = "xsmtpsib-";'],
  }),
];
