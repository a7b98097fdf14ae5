/**
 * Sourcegraph credentials: access token.
 * Formats from the provider's documentation: https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "sourcegraph-access-token",
    title: "Sourcegraph access token",
    provider: "Sourcegraph",
    severity: "high",
    keywords: ["sgp_"],
    // Hex digits of either case: tokens copied from some UIs come upper-cased.
    regex: /(?<![\w-])(?<secret>sgp_(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40})(?![\w-])/,
    docs: "https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token",
    remediation: "Delete the token in Sourcegraph > Settings > Access tokens and give tools its replacement as SRC_ACCESS_TOKEN from a secret.",
    samples: () => {
      const t = "sgp_" + fake.hex(16, "sgp-1") + "_" + fake.hex(40, "sgp-1b");
      const t2 = "sgp_" + fake.hex(40, "sgp-2");
      return [t, t2] as const;
    },
    truePositives: ([t, t2]) => [...inSyntaxes("src_access_token", t), ...withValue(t2, 'token: "%s"')],
    falsePositives: () => ["sgp_" + fake.hex(20, "sgp-short"), "sgp_local_" + fake.hex(30, "sgp-short2")],
  }),
];
