/**
 * DocuSign credentials: integration secret key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developers.docusign.com/platform/configure-app/
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "docusign-secret-key",
    title: "DocuSign integration secret key",
    provider: "DocuSign",
    severity: "high",
    keywords: ["docusign"],
    regex: contextRegex("docusign", String.raw`secret[_.-]?key|client[_.-]?secret|secret`, UUID),
    docs: "https://developers.docusign.com/platform/configure-app/",
    remediation: "Delete the secret key on the app in DocuSign Apps and Keys and keep its replacement in a secret manager.",
    samples: () => [fake.uuid("docusign-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("docusign_secret_key", t), ...withValue(t, "docusign_client_secret: '%s'")],
    falsePositives: () => ["DOCUSIGN_INTEGRATION_KEY=" + fake.uuid("docusign-fp"), "DOCUSIGN_ACCOUNT_ID=" + fake.uuid("docusign-fp2")],
  }),
];
