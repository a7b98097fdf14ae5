/**
 * MaxMind credentials: license key.
 * Formats from the provider's documentation: https://dev.maxmind.com/license-key-retirement/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "maxmind-license-key",
    title: "MaxMind license key",
    provider: "MaxMind",
    severity: "high",
    keywords: ["_mmk"],
    // 6 characters, _, 29 characters, then the _mmk suffix.
    regex: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)(?![A-Za-z0-9_-])/,
    docs: "https://dev.maxmind.com/license-key-retirement/",
    remediation: "Deactivate the license key in your MaxMind account (Manage License Keys) and generate a new one kept in a secret store.",
    samples: () => [fake.alnum(6, "mm1") + "_" + fake.alnum(29, "mm2") + "_mmk"] as const,
    truePositives: ([k]) => [...inSyntaxes("maxmind_license_key", k), ...withValue(k, "LicenseKey %s")],
    falsePositives: () => [fake.alnum(6, "mm3") + "_" + fake.alnum(20, "mm4") + "_mmk", "geo_mmk"],
  }),
];
