/**
 * Authress credentials: service client access key.
 * Formats from the provider's documentation: https://authress.io/knowledge-base/docs/authorization/service-clients
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "authress-service-client-access-key",
    title: "Authress service client access key",
    provider: "Authress",
    severity: "high",
    keywords: ["sc_", "ext_", "scauth_", "authress_"],
    // <client id>.<key id>.acc_<account id>.<private key>
    regex: /(?<![A-Za-z0-9_-])(?<secret>(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120})(?![A-Za-z0-9+/_=-])/,
    docs: "https://authress.io/knowledge-base/docs/authorization/service-clients",
    remediation: "Delete the access key on the service client in the Authress management portal and create a new one kept in a secret store.",
    samples: () => [`sc_${fake.lowerDigits(12, "au1")}.${fake.lowerDigits(4, "au2")}.acc_${fake.lowerDigits(12, "au3")}.${fake.base64url(64, "au4")}`] as const,
    truePositives: ([k]) => [...inSyntaxes("authress_key", k), ...withValue(k, 'accessKey: "%s"')],
    falsePositives: () => ["sc_" + fake.lowerDigits(12, "au5") + ".abcd", "sc_abc.defg.acc_short.x"],
  }),
];
