/**
 * Mollie API keys (docs.mollie.com/reference/authentication): `live_` and `test_` + 30 alphanumerics.
 * The prefixes are common words, so the key is reported only under a setting or call that names Mollie.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

const SETTING = providerSetting(["mollie"], ["key", "token", "secret"]);
const docs = "https://docs.mollie.com/reference/authentication";

export const rules: Rule[] = [
  defineRule({
    id: "mollie-live-api-key",
    title: "Mollie live API key",
    provider: "Mollie",
    severity: "critical",
    keywords: ["mollie"],
    regex: new RegExp(`${SETTING}(?<secret>live_[A-Za-z0-9]{30})(?![A-Za-z0-9_])`),
    docs,
    remediation: "Reset the live API key in the Mollie Dashboard (Developers > API keys) and keep it in a secret manager.",
    samples: () => [`live_${fake.alnum(30, "mollie-1")}`, `live_${fake.alnum(30, "mollie-2")}`] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("mollie_api_key", a),
      ...withValue(b, `mollie = createMollieClient({ apiKey: "%s" });`, `mollie_client.set_api_key("%s")`),
    ],
    falsePositives: () => [`MOLLIE_API_KEY=live_${fake.alnum(20, "mollie-3")}`, `MOLLIE_PROFILE_ID=pfl_${fake.alnum(10, "mollie-4")}`, "MOLLIE_API_KEY=process.env.MOLLIE_API_KEY"],
  }),
  defineRule({
    id: "mollie-test-api-key",
    title: "Mollie test API key",
    provider: "Mollie",
    severity: "medium",
    keywords: ["mollie"],
    regex: new RegExp(`${SETTING}(?<secret>test_[A-Za-z0-9]{30})(?![A-Za-z0-9_])`),
    docs,
    remediation: "Reset the test API key in the Mollie Dashboard and load it from the environment.",
    samples: () => [`test_${fake.alnum(30, "mollie-t-1")}`, `test_${fake.alnum(30, "mollie-t-2")}`] as const,
    truePositives: ([a, b]) => [...inSyntaxes("mollie_test_api_key", a), ...withValue(b, `mollie_client.set_api_key("%s")`, `MOLLIE_KEY: %s`)],
    falsePositives: () => [`MOLLIE_API_KEY=test_${fake.alnum(12, "mollie-t-3")}`, `test_${fake.alnum(30, "mollie-t-4")}`],
  }),
];
