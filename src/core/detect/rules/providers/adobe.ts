/**
 * Adobe credentials: Developer Console client secret.
 * Formats from the provider's documentation:
 * - https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "adobe-client-secret",
    title: "Adobe Developer Console client secret",
    provider: "Adobe",
    severity: "high",
    keywords: ["p8e-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>p8e-[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
    docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/implementation/",
    remediation: "Rotate the client secret in Adobe Developer Console > Project > Credentials and keep the new one in a secret store.",
    samples: () => ["p8e-" + fake.alnum(32, "adobe-secret")] as const,
    truePositives: ([k]) => [...inSyntaxes("adobe_client_secret", k), ...withValue(k, 'clientSecret := "%s"')],
    falsePositives: () => ["p8e-" + fake.alnum(20, "adobe-short"), "p8e-" + fake.alnum(40, "adobe-long")],
  }),
];
