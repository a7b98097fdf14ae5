/**
 * Honeycomb credentials: API key; ingest key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.honeycomb.io/configure/environments/manage-api-keys/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "honeycomb-api-key",
    title: "Honeycomb API key",
    provider: "Honeycomb",
    severity: "high",
    keywords: ["honeycomb"],
    regex: contextRegex("honeycomb", String.raw`api[_.-]?key|write[_.-]?key|key|team|secret`, String.raw`(?:[a-f0-9]{32}|` + hasDigit(22) + "[A-Za-z0-9]{22})"),
    minEntropy: 3.2,
    docs: "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
    remediation: "Delete the key in Honeycomb > Environment settings > API Keys and pass its replacement to senders through a secret.",
    samples: () => {
      const k = fake.alnum(20, "hny-1") + "5" + fake.alnum(1, "hny-1b");
      const k2 = fake.hex(32, "hny-2");
      return [k, k2] as const;
    },
    truePositives: ([k, k2]) => [...inSyntaxes("honeycomb_api_key", k), ...withValue(k2, "honeycomb_writekey: '%s'"), ...withValue(k, 'HONEYCOMB_SECRET="%s"')],
    falsePositives: () => ["HONEYCOMB_DATASET=" + fake.alnum(22, "hny-fp"), "HONEYCOMB_API_KEY=${HONEYCOMB_API_KEY}"],
  }),
  defineRule({
    id: "honeycomb-ingest-key",
    title: "Honeycomb ingest key",
    provider: "Honeycomb",
    severity: "medium",
    keywords: ["hcaik_", "hcxik_"],
    regex: /(?<![\w-])(?<secret>hc[ax]ik_[0-9a-z]{58})(?![\w-])/,
    docs: "https://docs.honeycomb.io/configure/environments/manage-api-keys/",
    remediation: "Delete the ingest key in Honeycomb > Environment settings > API Keys and pass its replacement to senders through a secret.",
    samples: () => ["hcaik_" + "01" + fake.lowerDigits(56, "hcaik-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("honeycomb_api_key", t), ...withValue(t, "x-honeycomb-team: %s")],
    falsePositives: () => ["hcaik_" + fake.lowerDigits(20, "hcaik-short"), "hcaik_" + fake.lowerDigits(70, "hcaik-long")],
  }),
];
