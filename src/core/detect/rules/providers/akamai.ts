/**
 * Akamai EdgeGrid API clients (techdocs.akamai.com/developer/docs/set-up-authentication-credentials):
 * an `.edgerc` section holds a client token and an access token, each `akab-` then two lower-case
 * alphanumeric parts joined by `-`, a client secret (base64 of 32 bytes, reported by the name-based
 * rules) and the API host. The host starts the same way (`akab-….luna.akamaiapis.net`): a name
 * followed by a dot is the host, not a token.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

const token = (seed: string): string => `akab-${fake.lowerDigits(16, seed)}-${fake.lowerDigits(16, `${seed}-2`)}`;

export const rules: Rule[] = [
  defineRule({
    id: "akamai-edgegrid-token",
    title: "Akamai EdgeGrid client or access token",
    provider: "Akamai",
    severity: "high",
    keywords: ["akab-"],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>akab-[a-z0-9]{16,40}-[a-z0-9]{5,40})(?![A-Za-z0-9_.-])/,
    docs: "https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials",
    remediation:
      "Delete the API client's credentials in Akamai Control Center (Identity and Access Management > API clients), create new ones, and keep the .edgerc file out of the repository.",
    samples: () => [token("akamai-client"), token("akamai-access")] as const,
    truePositives: ([client, access]) => [
      ...inSyntaxes("client_token", client),
      ...withValue(access, "access_token = %s", `    ClientToken:  "%s",`, `const edgegrid = new EdgeGrid("%s", secret, accessToken, host);`),
    ],
    falsePositives: ([client]) => [
      `host = ${client}.luna.akamaiapis.net`,
      `host = https://${client}.luna.akamaiapis.net/`,
      `client_token = ${client.toUpperCase()}`,
      `client_token = akab-${fake.lowerDigits(12, "akamai-short")}`,
    ],
  }),
];
