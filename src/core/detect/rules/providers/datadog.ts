/**
 * Datadog credentials: API key; application key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.datadoghq.com/account_management/api-app-keys/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

/** `datadog...`, or the `DD_API_KEY` / `DD_APP_KEY` family (not "add_", "odd-"). */
const DATADOG = String.raw`datadog|(?<![a-z])dd[_-]?(?=api|app)`;

const DATADOG_KEYWORDS = ["datadog", "dd_api", "dd-api", "ddapi", "dd_app", "dd-app", "ddapp"];

export const rules: Rule[] = [
  defineRule({
    id: "datadog-api-key",
    title: "Datadog API key",
    provider: "Datadog",
    severity: "high",
    keywords: DATADOG_KEYWORDS,
    regex: contextRegex(DATADOG, String.raw`api[_.-]?key|apikey|key`, "[a-f0-9]{32}"),
    docs: "https://docs.datadoghq.com/account_management/api-app-keys/",
    remediation: "Revoke the key in Datadog > Organization Settings > API Keys and inject its replacement from a secret store (e.g. DD_API_KEY from the CI secrets).",
    samples: () => [fake.hex(32, "dd-api-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("dd_api_key", k), ...withValue(k, 'headers = {"DD-API-KEY": "%s"}', "  datadog_api_key: %s")],
    falsePositives: () => [
      "DD_API_KEY=${DD_API_KEY}",
      'ADD_API_KEY="' + fake.hex(32, "dd-fp") + '"',
      "DD_API_KEY=" + fake.hex(31, "dd-short"),
    ],
  }),
  defineRule({
    id: "datadog-app-key",
    title: "Datadog application key",
    provider: "Datadog",
    severity: "high",
    keywords: DATADOG_KEYWORDS,
    regex: contextRegex(DATADOG, String.raw`app(?:lication)?[_.-]?key|appkey`, "[a-f0-9]{40}"),
    docs: "https://docs.datadoghq.com/account_management/api-app-keys/",
    remediation: "Revoke the application key in Datadog > Organization Settings > Application Keys and load its replacement from a secret store.",
    samples: () => [fake.hex(40, "dd-app-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("dd_app_key", k), ...withValue(k, 'export DATADOG_APPLICATION_KEY="%s"', '-H "DD-APPLICATION-KEY: %s"')],
    falsePositives: () => ["DD_APP_KEY=process.env.DD_APP_KEY", "DD_APP_KEY=" + fake.hex(41, "dd-app-long"), "DD_API_KEY=" + fake.hex(40, "dd-app-wrongname")],
  }),
];
