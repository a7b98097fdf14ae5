/**
 * Sumo Logic credentials: access key; access ID.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://help.sumologic.com/docs/manage/security/access-keys/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "sumologic-access-key",
    title: "Sumo Logic access key",
    provider: "Sumo Logic",
    severity: "high",
    keywords: ["sumo"],
    regex: contextRegex("sumo", String.raw`access[_.-]?key|key|secret`, hasDigit(64) + "[A-Za-z0-9]{64}"),
    minEntropy: 3.5,
    docs: "https://help.sumologic.com/docs/manage/security/access-keys/",
    remediation: "Delete the access key in Sumo Logic > Preferences > Access Keys and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(60, "sumo-1") + "8" + fake.alnum(3, "sumo-1b")] as const,
    truePositives: ([k]) => [...inSyntaxes("sumologic_accesskey", k), ...withValue(k, "sumo_access_key: '%s'")],
    falsePositives: () => ["SUMOLOGIC_ACCESSKEY=${SUMO_KEY}", "SUMO_COLLECTOR_KEY=" + fake.alnum(40, "sumo-short")],
  }),
  defineRule({
    id: "sumologic-access-id",
    title: "Sumo Logic access ID",
    provider: "Sumo Logic",
    // The ID half of an access key pair: sensitive mostly next to its key.
    severity: "low",
    keywords: ["sumo"],
    regex: contextRegex("sumo", String.raw`access[_.-]?id|id`, "su" + hasDigit(12) + "[A-Za-z0-9]{12}"),
    docs: "https://help.sumologic.com/docs/manage/security/access-keys/",
    remediation: "Rotate the access key pair in Sumo Logic > Preferences > Access Keys and keep both halves in a secret manager.",
    samples: () => ["su" + fake.alnum(10, "sumoid-1") + "42"] as const,
    truePositives: ([k]) => [...inSyntaxes("sumologic_accessid", k), ...withValue(k, "sumo_access_id: '%s'")],
    falsePositives: () => ["SUMOLOGIC_ACCESSID=${SUMO_ID}", "SUMO_COLLECTOR_ID=" + fake.digits(9, "sumoid-fp")],
  }),
];
