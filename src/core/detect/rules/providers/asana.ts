/**
 * Asana credentials: personal access token; personal access token (legacy 1/ format).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developers.asana.com/docs/personal-access-token
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "asana-personal-access-token",
    title: "Asana personal access token",
    provider: "Asana",
    severity: "high",
    keywords: ["asana"],
    // Current format: 2/<user gid>/<app gid>:<32 characters>.
    regex: contextRegex("asana", null, String.raw`2/[0-9]{6,20}/[0-9]{6,20}:[A-Za-z0-9]{32}`),
    docs: "https://developers.asana.com/docs/personal-access-token",
    remediation: "Deauthorize the token in Asana > My Settings > Apps > Developer apps and keep its replacement in a secret manager.",
    samples: () => ["2/" + fake.digits(16, "asana-1") + "/" + fake.digits(16, "asana-1b") + ":" + fake.alnum(32, "asana-1c")] as const,
    truePositives: ([t]) => [...inSyntaxes("asana_access_token", t), ...withValue(t, "asana_pat: '%s'")],
    falsePositives: () => ["ASANA_PROJECT=2/" + fake.digits(16, "asana-fp"), "ASANA_ACCESS_TOKEN=${ASANA_ACCESS_TOKEN}"],
  }),
  defineRule({
    id: "asana-personal-access-token-legacy",
    title: "Asana personal access token (legacy 1/ format)",
    provider: "Asana",
    severity: "high",
    keywords: ["asana"],
    regex: contextRegex("asana", null, String.raw`1/[0-9]{6,20}:[a-f0-9]{32}`),
    docs: "https://developers.asana.com/docs/personal-access-token",
    remediation: "Deauthorize the token in Asana > My Settings > Apps and keep its replacement in a secret manager.",
    samples: () => ["1/" + fake.digits(16, "asana-leg-1") + ":" + fake.hex(32, "asana-leg-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("asana_token", t), ...withValue(t, "asana_access_token = '%s'")],
    falsePositives: () => ["ASANA_TOKEN=1/" + fake.digits(16, "asana-leg-fp") + ":" + fake.hex(20, "asana-leg-s"), "ratio = 1/" + fake.digits(8, "asana-r")],
  }),
];
