/**
 * Pulumi credentials: access token.
 * Formats from the provider's documentation: https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "pulumi-access-token",
    title: "Pulumi access token",
    provider: "Pulumi",
    severity: "high",
    keywords: ["pul-"],
    regex: /(?<![\w-])(?<secret>pul-[a-f0-9]{40})(?![\w-])/,
    docs: "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/",
    remediation: "Delete the token in Pulumi Cloud > Settings > Access Tokens and give CI its replacement as PULUMI_ACCESS_TOKEN from a secret.",
    samples: () => ["pul-" + fake.hex(40, "pul-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("pulumi_access_token", t), ...withValue(t, "pulumi login --token %s")],
    falsePositives: () => ["pul-" + fake.hex(30, "pul-short"), "PULUMI_ACCESS_TOKEN=${{ secrets.PULUMI_ACCESS_TOKEN }}"],
  }),
];
