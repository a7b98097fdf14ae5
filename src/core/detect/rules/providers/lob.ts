/**
 * Lob credentials: live API key; publishable API key; test API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://docs.lob.com/#tag/Authentication
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

/** `lob` must start the name and be followed by a separator or a key word (not "global_key", "lobby"). */
const LOB = String.raw`(?<![a-z])lob(?=[_.-]|api|key|secret|token|live|test)`;

const LOB_KEYWORDS = ["lob_", "lob-", "lob.", "lobapi", "lobkey", "lobsecret", "lobtoken", "loblive", "lobtest"];

export const rules: Rule[] = [
  defineRule({
    id: "lob-live-api-key",
    title: "Lob live API key",
    provider: "Lob",
    severity: "high",
    keywords: LOB_KEYWORDS,
    regex: contextRegex(LOB, null, "live_[a-f0-9]{32,35}"),
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the key in the Lob dashboard > Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => ["live_" + fake.hex(35, "lob-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("lob_api_key", t), ...withValue(t, "lob_key: '%s'")],
    falsePositives: () => ["GLOBAL_KEY=live_" + fake.hex(35, "lob-fp"), "LOB_API_KEY=live_pub_" + fake.hex(31, "lob-pub")],
  }),
  defineRule({
    id: "lob-publishable-api-key",
    title: "Lob publishable API key",
    provider: "Lob",
    // Publishable keys may appear in front-end code: reported so that it is a reviewed decision.
    severity: "low",
    keywords: ["test_pub_", "live_pub_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>(?:test|live)_pub_[a-f0-9]{31})(?![A-Za-z0-9_])/,
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the publishable key in the Lob dashboard if it was not meant to be public.",
    samples: () => ["live_pub_" + fake.hex(31, "lob-pub")] as const,
    truePositives: ([t]) => [...inSyntaxes("lob_publishable_key", t), ...withValue(t, "lob.publishable = '%s'")],
    falsePositives: () => ["live_pub_" + fake.hex(20, "lob-pub-short"), "test_pub_" + fake.hex(40, "lob-pub-long")],
  }),
  defineRule({
    id: "lob-test-api-key",
    title: "Lob test API key",
    provider: "Lob",
    severity: "medium",
    keywords: LOB_KEYWORDS,
    regex: contextRegex(LOB, null, "test_[a-f0-9]{32,35}"),
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the test key in the Lob dashboard and keep it out of source control.",
    samples: () => ["test_" + fake.hex(35, "lob-t-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("lob_test_key", t), ...withValue(t, "lob.api_key = '%s'")],
    falsePositives: () => ["LOB_TEST_KEY=test_" + fake.hex(20, "lob-t-short"), "unittest_" + fake.hex(35, "lob-t-fp")],
  }),
];
