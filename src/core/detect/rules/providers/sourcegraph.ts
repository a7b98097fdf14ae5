/**
 * Sourcegraph credentials: access token; the backend tokens that grant Cody Gateway access (dotcom user
 * gateway `sgd_`, license-key-derived `slk_`, product subscription `sgs_`, each 64 hex characters).
 * Formats from the provider's documentation: https://sourcegraph.com/docs/cli/how-tos/creating_an_access_token
 * and Sourcegraph's secret formats page (https://docs.sourcegraph.com/dev/security/secret_formats).
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
  defineRule({
    id: "sourcegraph-gateway-token",
    title: "Sourcegraph Cody Gateway access token",
    provider: "Sourcegraph",
    severity: "high",
    keywords: ["sgd_", "slk_", "sgs_"],
    regex: /(?<![\w-])(?<secret>(?:sgd|slk|sgs)_[a-fA-F0-9]{64})(?![\w-])/,
    docs: "https://docs.sourcegraph.com/dev/security/secret_formats",
    remediation: "Rotate the license key or product subscription the token derives from (Sourcegraph support for sgd_/sgs_ tokens) and keep tokens out of source: instances derive them from the configured license key.",
    samples: () => ["slk_" + fake.hex(64, "slk-1"), "sgd_" + fake.hex(64, "sgd-1"), "sgs_" + fake.hex(64, "sgs-1")] as const,
    truePositives: ([slk, sgd, sgs]) => [
      ...inSyntaxes("cody_gateway_token", slk),
      ...withValue(sgd, 'curl -H "Authorization: Bearer %s" https://cody-gateway.sourcegraph.com/v1/limits'),
      ...withValue(sgs, "  accessToken: %s"),
    ],
    falsePositives: ([slk]) => ["slk_" + fake.hex(40, "slk-short"), `${slk}0`, "sgd_" + fake.alnum(64, "sgd-alnum").replace(/[0-9a-f]/g, "x")],
  }),
];
