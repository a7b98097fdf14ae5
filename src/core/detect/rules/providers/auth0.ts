/**
 * Auth0 credentials: client secret; Management API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://auth0.com/docs/get-started/applications/rotate-client-secret
 * - https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";


export const rules: Rule[] = [
  defineRule({
    id: "auth0-client-secret",
    title: "Auth0 client secret",
    provider: "Auth0",
    severity: "high",
    keywords: ["auth0"],
    regex: contextRegex("auth0", String.raw`client[_.-]?secret|secret`, "[A-Za-z0-9_-]{64}"),
    minEntropy: 3.5,
    docs: "https://auth0.com/docs/get-started/applications/rotate-client-secret",
    remediation: "Rotate the client secret in the Auth0 dashboard (Applications > Settings) and keep its replacement in a secret manager.",
    samples: () => [fake.base64url(64, "auth0-1")] as const,
    truePositives: ([s]) => [...inSyntaxes("auth0_client_secret", s), ...withValue(s, "auth0_secret: '%s'")],
    falsePositives: () => ["AUTH0_CLIENT_SECRET=process.env.AUTH0_CLIENT_SECRET", "AUTH0_CLIENT_ID=" + fake.alnum(32, "auth0-fp")],
  }),
  defineRule({
    id: "auth0-management-token",
    title: "Auth0 Management API token",
    provider: "Auth0",
    severity: "critical",
    keywords: ["auth0"],
    regex: contextRegex("auth0", String.raw`(?:management|mgmt|api)[_.-]?(?:api[_.-]?)?token`, String.raw`eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}`),
    docs: "https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens",
    remediation: "Revoke the token by rotating the signing key or deleting the grant in Auth0, and obtain short-lived tokens via client credentials at run time.",
    samples: () => [toBase64('{"alg":"RS256","typ":"JWT","kid":"' + fake.alnum(12, "a0k") + '"}', true) + "." + toBase64('{"iss":"https://acme.eu.auth0.com/","sub":"' + fake.alnum(20, "a0s") + '@clients","aud":"https://acme.eu.auth0.com/api/v2/"}', true) + "." + fake.base64url(86, "a0sig")] as const,
    truePositives: ([jwt]) => [...inSyntaxes("auth0_management_token", jwt), ...withValue(jwt, "auth0_mgmt_token: '%s'")],
    falsePositives: () => ["AUTH0_MANAGEMENT_TOKEN=${AUTH0_TOKEN}", "AUTH0_MANAGEMENT_AUDIENCE=https://acme.eu.auth0.com/api/v2/"],
  }),
];
