/**
 * Hetzner Cloud: project API tokens, 64 letters and digits with no prefix, read only as the value of
 * an hcloud / Hetzner token setting (Hetzner Cloud API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "hetzner-cloud-api-token",
    title: "Hetzner Cloud API token",
    provider: "Hetzner",
    severity: "critical",
    keywords: ["hcloud", "hetzner"],
    regex: assigned(`(?:${ci("hcloud")}|${ci("hetzner")})[\\w. -]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[A-Za-z0-9]{64}", "[A-Za-z0-9]"),
    docs: "https://docs.hetzner.cloud/#authentication",
    remediation: "Delete the token in the project's Security > API tokens and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(64, "hcloud")] as const,
    truePositives: ([t]) => [...inSyntaxes("hcloud_token", t), ...withValue(t, 'hetzner_api_key = "%s"')],
    falsePositives: ([t]) => [`HCLOUD_TOKEN=${t.slice(0, 50)}`, `const checksum = "${t}";`],
  }),
];
