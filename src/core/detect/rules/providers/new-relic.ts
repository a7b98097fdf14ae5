/**
 * New Relic credentials: user API key; admin API key (legacy); Insights insert and query keys; browser key;
 * ingest license key; license key (legacy 40-hex); mobile app token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/
 * - https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#insights-insert-key
 * - https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#browser-key
 * - https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "newrelic-user-api-key",
    title: "New Relic user API key",
    provider: "New Relic",
    severity: "high",
    keywords: ["nrak-"],
    regex: /(?<![\w-])(?<secret>NRAK-[A-Za-z0-9]{27})(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    remediation: "Delete the key in New Relic > API keys, create a new one and keep it in a secret manager.",
    samples: () => ["NRAK-" + fake.upperDigits(27, "nrak-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("new_relic_api_key", k), ...withValue(k, 'headers: { "API-Key": "%s" }')],
    falsePositives: () => ["NEW_RELIC_API_KEY=NRAK-" + fake.upperDigits(20, "nrak-short"), "NRAK-" + fake.upperDigits(30, "nrak-long")],
  }),
  defineRule({
    id: "newrelic-admin-api-key",
    title: "New Relic admin API key (legacy)",
    provider: "New Relic",
    severity: "high",
    keywords: ["nraa-"],
    regex: /(?<![\w-])(?<secret>NRAA-[A-Za-z0-9]{27,71})(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
    remediation: "Delete the admin key in New Relic > API keys, move automation to a user key and keep keys in a secret manager.",
    samples: () => ["NRAA-" + fake.alnum(27, "nraa-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("newrelic_admin_key", k), ...withValue(k, "'X-Api-Key': '%s'")],
    falsePositives: () => ["NRAA-" + fake.alnum(10, "nraa-short"), "xNRAA-" + fake.alnum(27, "nraa-embedded")],
  }),
  defineRule({
    id: "newrelic-insert-key",
    title: "New Relic Insights insert key",
    provider: "New Relic",
    severity: "medium",
    keywords: ["nrii-"],
    regex: /(?<![\w-])(?<secret>NRII-[A-Za-z0-9_-]{32})(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#insights-insert-key",
    remediation: "Delete the insert key in New Relic > API keys and use an ingest license key from a secret store instead.",
    samples: () => ["NRII-" + fake.base64url(32, "nrii-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("new_relic_insert_key", k), ...withValue(k, '"X-Insert-Key": "%s"')],
    falsePositives: () => ["NRII-" + fake.alnum(16, "nrii-short"), "NRII-" + fake.alnum(40, "nrii-long")],
  }),
  defineRule({
    id: "newrelic-query-key",
    title: "New Relic Insights query key",
    provider: "New Relic",
    severity: "medium",
    keywords: ["nriq-"],
    // Issued beside insert keys, in the same form: NRIQ- then 32 URL-safe characters.
    regex: /(?<![\w-])(?<secret>NRIQ-[A-Za-z0-9_-]{32})(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/insights-apis/query-insights-event-data-api/",
    remediation: "Delete the query key in New Relic > API keys and query through NerdGraph with a user key kept in a secret store.",
    samples: () => ["NRIQ-" + fake.base64url(32, "nriq-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("new_relic_query_key", k), ...withValue(k, 'curl -H "X-Query-Key: %s" https://insights-api.newrelic.com/v1/accounts/1/query')],
    falsePositives: () => ["NRIQ-" + fake.alnum(16, "nriq-short"), "NRIQ-" + fake.alnum(40, "nriq-long")],
  }),
  defineRule({
    id: "newrelic-browser-key",
    title: "New Relic browser key",
    provider: "New Relic",
    // Shipped to browsers by design; worth knowing about, not a breach on its own.
    severity: "low",
    keywords: ["nrjs-", "nrbr-"],
    // The browser agent's snippet carries it as `licenseKey`: NRJS- or NRBR- then 19 hex characters.
    regex: /(?<![\w-])(?<secret>NR(?:JS|BR)-[a-f0-9]{19})(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#browser-key",
    remediation: "If the key was not meant to be public, rotate it in New Relic > API keys.",
    samples: () => ["NRJS-" + fake.hex(19, "nrjs-1"), "NRBR-" + fake.hex(19, "nrbr-1")] as const,
    truePositives: ([k, br]) => [...inSyntaxes("new_relic_browser_key", k), ...withValue(k, 'licenseKey: "%s",'), ...withValue(br, 'NREUM.info={"licenseKey":"%s","applicationID":"1"}')],
    falsePositives: () => ["NRJS-" + fake.hex(12, "nrjs-short"), "NRJS-" + fake.hex(25, "nrjs-long")],
  }),
  defineRule({
    id: "newrelic-license-key",
    title: "New Relic ingest license key",
    provider: "New Relic",
    severity: "medium",
    keywords: ["nral"],
    // 40 characters ending in the literal NRAL New Relic puts on ingest license keys (most end FFFFNRAL;
    // EU-region keys start eu01xx).
    regex: /(?<![\w-])(?<secret>[a-z0-9]{32}(?:[a-z0-9]{4}|FFFF)NRAL)(?![\w-])/,
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
    remediation: "Rotate the license key in New Relic > API keys and pass it to agents through an environment variable or secret.",
    samples: () => [fake.hex(36, "nral-1") + "NRAL", fake.hex(32, "nral-2") + "FFFFNRAL", "eu01xx" + fake.hex(26, "nral-3") + "FFFFNRAL"] as const,
    truePositives: ([k, ffff, eu]) => [...inSyntaxes("new_relic_license_key", k), ...withValue(k, "license_key: '%s'"), ...inSyntaxes("new_relic_license_key", ffff), ...withValue(eu, "new relic license key EU = '%s'")],
    falsePositives: () => ["NEW_RELIC_LICENSE_KEY=" + fake.hex(30, "nral-short") + "NRAL", "GENERAL_SETTING=" + fake.hex(40, "nral-fp")],
  }),
  defineRule({
    id: "newrelic-license-key-legacy",
    title: "New Relic license key (legacy 40-hex)",
    provider: "New Relic",
    severity: "medium",
    keywords: ["newrelic", "new_relic", "new-relic"],
    regex: contextRegex(String.raw`new[_.-]?relic`, String.raw`license[_.-]?key|license`, "[a-f0-9]{40}"),
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key",
    remediation: "Rotate the license key in New Relic > API keys and pass it to agents through an environment variable or secret.",
    samples: () => [fake.hex(40, "nrlic-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("new_relic_license_key", k), ...withValue(k, "newrelic.license_key = '%s'")],
    falsePositives: () => ["NEW_RELIC_LICENSE_KEY=<%= ENV['KEY'] %>", "NEW_RELIC_APP_NAME=" + fake.hex(40, "nrlic-fp")],
  }),
  defineRule({
    id: "newrelic-mobile-app-token",
    title: "New Relic mobile app token",
    provider: "New Relic",
    // Compiled into the mobile app by design; it can only report data.
    severity: "low",
    keywords: ["-nrma"],
    // AA then 40 hex characters (EU region: eu01xx then 36), ending -NRMA.
    regex: /(?<![\w-])(?<secret>(?:AA[0-9a-f]{40}|eu01xx[0-9a-f]{36})-NRMA)(?![\w-])/,
    // Under a New Relic setting, `AA…-NRMA` a few characters off is a broken copy.
    owns: { names: ["new relic"], shape: { chars: "0-9a-fxuANRM-", length: [47, 47], starts: ["AA", "eu01xx"], exact: "(?:AA[0-9a-f]{40}|eu01xx[0-9a-f]{36})-NRMA" } },
    docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#mobile-app-token",
    remediation: "If the app is not public, regenerate the token with New Relic support and ship it only in release builds.",
    samples: () => ["AA" + fake.hex(40, "nrma-1") + "-NRMA", "eu01xx" + fake.hex(36, "nrma-2") + "-NRMA"] as const,
    truePositives: ([k, eu]) => [...inSyntaxes("new_relic_app_token", k), ...withValue(k, 'NewRelic.withApplicationToken("%s").start(this);'), ...withValue(eu, "NEW_RELIC_MOBILE_TOKEN=%s")],
    falsePositives: ([k]) => ["AA" + fake.hex(30, "nrma-short") + "-NRMA", `${k.slice(0, -5)}`],
  }),
];
