/**
 * LaunchDarkly credentials: API access token; server-side SDK key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://docs.launchdarkly.com/home/account/api
 * - https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

/** `launchdarkly...`, or `LD_SDK_KEY` / `LD_API_TOKEN` / `LD_ACCESS_TOKEN` (not "build-", "field_"). */
const LAUNCHDARKLY = String.raw`launch[_.-]?darkly|(?<![a-z])ld[_-](?=sdk|api|access)`;

const LAUNCHDARKLY_KEYWORDS = ["launchdarkly", "launch_darkly", "launch-darkly", "ld_sdk", "ld-sdk", "ld_api", "ld-api", "ld_access", "ld-access"];

export const rules: Rule[] = [
  defineRule({
    id: "launchdarkly-access-token",
    title: "LaunchDarkly API access token",
    provider: "LaunchDarkly",
    severity: "high",
    keywords: LAUNCHDARKLY_KEYWORDS,
    regex: contextRegex(LAUNCHDARKLY, null, "api-" + UUID),
    docs: "https://docs.launchdarkly.com/home/account/api",
    remediation: "Delete the token in LaunchDarkly > Organization settings > Authorization and keep its replacement in a secret manager.",
    samples: () => ["api-" + fake.uuid("ld-api-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("launchdarkly_access_token", t), ...withValue(t, "ld_api_token: '%s'")],
    falsePositives: () => ["service_name = api-" + fake.uuid("ld-fp"), "LAUNCHDARKLY_ACCESS_TOKEN=${LD_TOKEN}"],
  }),
  defineRule({
    id: "launchdarkly-sdk-key",
    title: "LaunchDarkly server-side SDK key",
    provider: "LaunchDarkly",
    severity: "medium",
    keywords: LAUNCHDARKLY_KEYWORDS,
    regex: contextRegex(LAUNCHDARKLY, null, "sdk-" + UUID),
    docs: "https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys",
    remediation: "Reset the SDK key in LaunchDarkly > Project settings > Environments and load it from a secret at run time.",
    samples: () => ["sdk-" + fake.uuid("ld-sdk-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("ld_sdk_key", t), ...withValue(t, "  launchdarkly_sdk_key: %s")],
    falsePositives: () => ["LD_SDK_KEY=sdk-" + fake.hex(20, "ld-sdk-short"), "LD_CLIENT_SIDE_ID=" + fake.hex(24, "ld-sdk-fp")],
  }),
];
