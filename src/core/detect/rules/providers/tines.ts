/**
 * Tines webhook URLs: a story's webhook action listens at `https://<tenant>.tines.com/webhook/<path>/<secret>`,
 * and anyone with the URL can start the story. Format from Tines' documentation of the webhook action.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "tines-webhook-url",
    title: "Tines webhook URL",
    provider: "Tines",
    severity: "medium",
    keywords: [".tines.com/webhook/"],
    regex: /(?<secret>https:\/\/[A-Za-z0-9-]{1,63}\.tines\.com\/webhook\/[a-z0-9]{32}\/[a-z0-9]{32})(?![A-Za-z0-9])/,
    docs: "https://www.tines.com/docs/actions/types/webhook/",
    remediation: "Change the webhook action's secret in the Tines story (the old URL stops working) and keep the URL in a secret store.",
    samples: () => [`https://acme-corp.tines.com/webhook/${fake.lowerDigits(32, "tines-path")}/${fake.lowerDigits(32, "tines-secret")}`] as const,
    truePositives: ([u]) => [...inSyntaxes("tines_webhook_url", u), ...withValue(u, "curl -X POST %s -d '{}'")],
    falsePositives: ([u]) => [`TINES_WEBHOOK_URL=${u.slice(0, -10)}`, "https://acme.tines.com/webhook/"],
  }),
];
