/**
 * Lob credentials: live API key; publishable API key; test API key.
 * Formats from the provider's documentation: https://docs.lob.com/#tag/Authentication (secret keys start with
 * `live_` or `test_`, publishable keys with `live_pub_` or `test_pub_`), and Lob's own request snippets, whose
 * secret key is the prefix and 35 lower-case hex characters (https://github.com/lob/lob-go/blob/main/CODE_SNIPPETS.md).
 * A live secret key of that exact shape is reported wherever it stands; a test key, or a body of 32 to 34 hex
 * characters, only next to the provider's name in the setting's name.
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, END, ci, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

/** `lob` must start the name and be followed by a separator or a key word (not "global_key", "lobby"). */
const LOB = String.raw`(?<![a-zA-Z])${ci("lob")}(?=[_.-]|${["api", "key", "secret", "token", "live", "test"].map(ci).join("|")})`;

const LOB_KEYWORDS = ["lob_", "lob-", "lob.", "lobapi", "lobkey", "lobsecret", "lobtoken", "loblive", "lobtest"];

/**
 * A Lob secret key with `prefix`: 32 to 35 hex characters under a Lob setting, or, with `alone`, the
 * documented 35 wherever it stands (`sk_live_…` and `x-live_…` are other providers' values: the prefix
 * must start the token). Test keys reach only Lob's test environment, and `test_` starts test function
 * names everywhere: they keep the setting's name.
 */
function lobKeyRegex(prefix: "live_" | "test_", alone: boolean): RegExp {
  const named = String.raw`${LOB}[\w. -]{0,25}?${ASSIGN}(?<secret>${prefix}[a-f0-9]{32,35})`;
  return new RegExp(String.raw`(?:${named}${alone ? String.raw`|(?<![\w-])${prefix}[a-f0-9]{35}` : ""})${END}`);
}

/** Every match holds the prefix and 32 hex characters: most texts with `live_` hold none. */
const LIVE_HEX = [/live_[a-f0-9]{32}/];

export const rules: Rule[] = [
  defineRule({
    id: "lob-live-api-key",
    title: "Lob live API key",
    provider: "Lob",
    severity: "high",
    keywords: [...LOB_KEYWORDS, "live_"],
    regex: lobKeyRegex("live_", true),
    requires: LIVE_HEX,
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the key in the Lob dashboard > Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => ["live_" + fake.hex(35, "lob-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("lob_api_key", t), ...withValue(t, "lob_key: '%s'", "curl https://api.lob.com/v1/addresses -u %s:", "token = '%s'")],
    falsePositives: () => ["GLOBAL_KEY=live_" + fake.hex(33, "lob-fp"), "LOB_API_KEY=live_pub_" + fake.hex(31, "lob-pub"), "token = 'live_" + fake.hex(34, "lob-fp-34") + "'", "STRIPE_KEY=sk_live_" + fake.hex(35, "lob-fp-sk")],
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
    regex: lobKeyRegex("test_", false),
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the test key in the Lob dashboard and keep it out of source control.",
    samples: () => ["test_" + fake.hex(35, "lob-t-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("lob_test_key", t), ...withValue(t, "lob.api_key = '%s'")],
    falsePositives: () => ["LOB_TEST_KEY=test_" + fake.hex(20, "lob-t-short"), "unittest_" + fake.hex(35, "lob-t-fp"), "def test_" + fake.hex(35, "lob-t-fn") + "():"],
  }),
];
