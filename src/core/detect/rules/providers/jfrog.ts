/**
 * JFrog Platform credentials (jfrog.com/help): `AKCp` Artifactory API keys and reference tokens, which
 * are base64 of `reftkn:01:<expiry>:<random>` (64 characters). A reference token is reported only on a
 * line that names JFrog or a way it is sent (bearer header, npm auth); the validator decodes its
 * structure offline.
 */
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, withValue } from "../kit.js";

/** JFrog reference tokens are base64 of `reftkn:01:<expiry>:<random>`. */
export function validateJfrogReferenceToken(token: string): Validation {
  const decoded = Buffer.from(token, "base64").toString("latin1");
  const ok = /^reftkn:\d{2}:\d{1,12}:[!-~]{8,}$/.test(decoded);
  return ok
    ? { status: "confirmed", check: "reference token structure" }
    : { status: "failed", check: "reference token structure", note: "the value does not decode to reftkn:<version>:<expiry>:<random>" };
}

/** A structurally valid reference token (64 characters), for examples and tests. */
export function makeJfrogReferenceToken(seed: string): string {
  return Buffer.from(`reftkn:01:${fake.digits(10, seed + "-exp")}:${fake.alnum(27, seed)}`).toString("base64");
}

const CONTEXT_WORDS = ["jfrog", "artifactory", "xray", "bearer", "_authtoken", "jf_access", "x-jfrog"];
/** Lines that give a reference token away as JFrog's (it is also sent as a bearer token or npm auth). */
const CONTEXT = `(?:${CONTEXT_WORDS.map(ci).join("|")})`;

export const rules: Rule[] = [
  defineRule({
    id: "jfrog-api-key",
    title: "JFrog Artifactory API key",
    provider: "JFrog",
    severity: "high",
    keywords: ["akcp"],
    regex: /(?<![A-Za-z0-9_])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9_])/,
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    remediation: "Revoke the API key in the JFrog Platform (Edit Profile), move to access or reference tokens, and keep credentials in a CI secret.",
    samples: () => ["AKCp" + fake.alnum(69, "akcp-1"), "AKCp" + fake.alnum(69, "akcp-2")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("artifactory_api_key", b),
      ...withValue(a, `curl -H "X-JFrog-Art-Api: %s" https://acme.jfrog.io/artifactory/api/repositories`),
    ],
    falsePositives: () => [`AKCp${fake.alnum(40, "akcp-3")}`, `xAKCp${fake.alnum(69, "akcp-4")}`],
  }),
  defineRule({
    id: "jfrog-reference-token",
    title: "JFrog reference token",
    provider: "JFrog",
    severity: "high",
    keywords: CONTEXT_WORDS,
    // `cmVmdGtuOjAx` is base64 of "reftkn:01"; the token is 64 characters. `(?=cmVmdGtu)` first, so the
    // look-behind for the context runs only where a token can start.
    regex: new RegExp(`(?<![A-Za-z0-9+/])(?=cmVmdGtu)(?<=${CONTEXT}[^\\n]{0,200})(?<secret>cmVmdGtuOjAx[A-Za-z0-9+/]{52})(?![A-Za-z0-9+/=])`),
    validate: validateJfrogReferenceToken,
    // `cmVmdGtu` ("reftkn") and another length is a cut or padded copy; a whole token outside the
    // context above, reported by name, stays a secret.
    owns: { prefixes: ["cmVmdGtu"], shape: { chars: "A-Za-z0-9+/", length: [64, 64], exact: "cmVmdGtuOjAx[A-Za-z0-9+/]{52}" } },
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/reference-tokens",
    remediation: "Revoke the token in the JFrog Platform (Administration > User Management > Access Tokens) and keep its replacement in a CI secret.",
    samples: () => [makeJfrogReferenceToken("rt-1"), makeJfrogReferenceToken("rt-2"), makeJfrogReferenceToken("edge-rt")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("jfrog_access_token", b),
      ...withValue(a, `curl -H "Authorization: Bearer %s" https://acme.jfrog.io/artifactory/api/system/ping`, `artifactory_token: "%s"`),
      ...withValue(c, `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=%s`),
    ],
    falsePositives: ([, , c]) => [
      `const blob = "${makeJfrogReferenceToken("rt-3")}";`,
      `value: "${c}"`,
      `JFROG_ACCESS_TOKEN=cmVmdGtuOjAx${fake.alnum(20, "rt-4")}`,
    ],
  }),
];
