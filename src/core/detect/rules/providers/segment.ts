/**
 * Segment credentials: write key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://segment.com/docs/connections/find-writekey/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "segment-write-key",
    title: "Segment write key",
    provider: "Segment",
    // Write-only, and browser sources expose it by design: worth reporting for server sources.
    severity: "medium",
    keywords: ["segment"],
    regex: contextRegex("segment", String.raw`write[_.-]?key`, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://segment.com/docs/connections/find-writekey/",
    remediation: "Regenerate the write key of the source in Segment and load it from a secret manager for server-side sources.",
    samples: () => [fake.alnum(30, "segment-1") + "27"] as const,
    truePositives: ([t]) => [...inSyntaxes("segment_write_key", t), ...withValue(t, "segment_write_key: '%s'")],
    falsePositives: () => ["SEGMENT_WRITE_KEY=${SEGMENT_WRITE_KEY}", "SEGMENT_SOURCE_ID=" + fake.alnum(32, "segment-fp")],
  }),
];
