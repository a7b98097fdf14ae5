/**
 * Mailchimp: Marketing API keys (32 hex characters and the data center suffix, `-us6`) and Mandrill
 * (Mailchimp Transactional) API keys, read only as the value of a Mandrill setting. Formats from
 * Mailchimp's developer documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "mailchimp-api-key",
    title: "Mailchimp API key",
    provider: "Mailchimp",
    severity: "high",
    // The data center suffix with its first digit: every match holds one, and `--user` or `-use` none.
    keywords: [..."0123456789"].map((digit) => `-us${digit}`),
    // 32 hex characters and the data center suffix ("-us6").
    regex: /(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])/,
    docs: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
    remediation: "Revoke the key in Account > Extras > API keys and keep its replacement in a secret store.",
    samples: () => [fake.hex(32, "mailchimp") + "-us21"] as const,
    truePositives: ([k]) => [...inSyntaxes("mailchimp_api_key", k), ...withValue(k, 'mailchimp.setConfig({ apiKey: "%s", server: "us21" });')],
    falsePositives: ([k]) => [`const locale = "en-us";`, `MAILCHIMP_API_KEY=${k.slice(0, 20)}-us21`, `const x = "${k}x";`],
  }),
  defineRule({
    id: "mandrill-api-key",
    title: "Mandrill (Mailchimp Transactional) API key",
    provider: "Mailchimp",
    severity: "high",
    keywords: ["mandrill"],
    // Called an API key in the docs; settings and notes also name it a token.
    regex: assigned(`${ci("mandrill")}[\\w. -]{0,20}?(?:${ci("api")}${SEP})?(?:${ci("key")}|${ci("token")})`, "(?:md-)?[A-Za-z0-9_-]{22}", "[A-Za-z0-9_-]"),
    minEntropy: 3,
    docs: "https://mailchimp.com/developer/transactional/guides/quick-start/#generate-your-api-key",
    remediation: "Delete the key in Mandrill's Settings > SMTP & API Info and keep its replacement in a secret store.",
    samples: () => ["md-" + fake.base64url(22, "mandrill"), fake.alnum(22, "mandrill-old")] as const,
    truePositives: ([k, old]) => [...inSyntaxes("mandrill_api_key", k), ...withValue(k, '  "mandrillApiKey": "%s",'), ...withValue(old, "  mandrill_key: %s", "MANDRILL_TOKEN=%s")],
    falsePositives: ([k]) => [`MANDRILL_API_KEY=${k.slice(0, 15)}`, "MANDRILL_API_KEY=aaaaaaaaaaaaaaaaaaaaaa"],
  }),
];
