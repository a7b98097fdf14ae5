/**
 * Linode (Akamai Cloud): personal access tokens, 64 hex characters with no prefix, read only as the
 * value of a Linode token setting (Linode API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "linode-api-token",
    title: "Linode (Akamai) personal access token",
    provider: "Linode",
    severity: "critical",
    keywords: ["linode"],
    regex: assigned(`${ci("linode")}[\\w. -]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")}|${ci("pat")})`, "[a-f0-9]{64}", "[A-Za-z0-9]"),
    docs: "https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens",
    remediation: "Revoke the token in Cloud Manager (My Profile > API Tokens) and keep its replacement in a secret manager.",
    samples: () => [fake.hex(64, "linode")] as const,
    truePositives: ([t]) => [...inSyntaxes("linode_token", t), ...withValue(t, '  linode_api_key: "%s"')],
    falsePositives: ([t]) => [`LINODE_TOKEN=${t.slice(0, 40)}`, `const sha256 = "${t}";`],
  }),
];
