/**
 * PagerDuty credentials: REST API key; integration (routing) key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://support.pagerduty.com/main/docs/api-access-keys
 * - https://developer.pagerduty.com/docs/events-api-v2-overview
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "pagerduty-api-key",
    title: "PagerDuty REST API key",
    provider: "PagerDuty",
    severity: "high",
    keywords: ["pagerduty", "pager_duty", "pager-duty", "pd_", "pd-"],
    regex: contextRegex(String.raw`pager[_.-]?duty|(?<![a-z])pd[_-]`, String.raw`api[_.-]?key|api[_.-]?token|token|key`, hasDigit(20) + String.raw`[A-Za-z0-9_+-]{20}`),
    minEntropy: 3.5,
    exampleValues: ["y_NbAkKc66" + "ryYTWUXYEu"],
    docs: "https://support.pagerduty.com/main/docs/api-access-keys",
    remediation: "Delete the key in PagerDuty > Integrations > API Access Keys and load its replacement from a secret manager.",
    samples: () => ["u+" + fake.alnum(14, "pd-1") + "-7" + fake.alnum(2, "pd-1b")] as const,
    truePositives: ([k]) => [...inSyntaxes("pagerduty_api_key", k), ...withValue(k, "pd_api_token: '%s'")],
    falsePositives: () => ["PAGERDUTY_API_KEY=${PAGERDUTY_API_KEY}", "PAGERDUTY_SERVICE_NAME=checkout_service_prod"],
  }),
  defineRule({
    id: "pagerduty-integration-key",
    title: "PagerDuty integration (routing) key",
    provider: "PagerDuty",
    severity: "medium",
    keywords: ["pagerduty", "pager_duty", "pager-duty", "pd_", "pd-"],
    regex: contextRegex(String.raw`pager[_.-]?duty|(?<![a-z])pd[_-]`, String.raw`routing[_.-]?key|integration[_.-]?key|service[_.-]?key`, "[a-f0-9]{32}"),
    docs: "https://developer.pagerduty.com/docs/events-api-v2-overview",
    remediation: "Regenerate the integration key on the PagerDuty service and pass it to the sender through a secret.",
    samples: () => [fake.hex(32, "pd-int-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("pagerduty_routing_key", k), ...withValue(k, "pagerduty_integration_key: '%s'")],
    falsePositives: () => ["PAGERDUTY_ROUTING_KEY=" + fake.hex(20, "pd-int-short"), "PAGERDUTY_SERVICE_ID=" + fake.hex(32, "pd-int-fp")],
  }),
];
