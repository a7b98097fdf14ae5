/**
 * Oracle Cloud Infrastructure: auth tokens (20 characters of letters, digits and punctuation, used
 * for the registry and Swift APIs). No prefix: read only as the value of an OCI auth token setting
 * (OCI's Registry documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, SETTING_SYNTAXES, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "oci-auth-token",
    title: "Oracle Cloud Infrastructure auth token",
    provider: "Oracle Cloud",
    severity: "high",
    keywords: ["oci_", "oci-", "oci.", "ociauth", "oracle"],
    // 20 characters drawn from letters, digits and punctuation; only as the value of an OCI auth token setting.
    regex: assigned(
      `(?:${ci("oci")}|${ci("oracle")})[\\w.-]{0,20}?${ci("auth")}${SEP}${ci("token")}`,
      String.raw`[A-Za-z0-9+\-_.:;<>()\[\]{}#!]{20}`,
      String.raw`[^\s"'\x60,]`,
    ),
    minEntropy: 3.5,
    docs: "https://docs.oracle.com/en-us/iaas/Content/Registry/Tasks/registrygettingauthtoken.htm",
    remediation: "Delete the auth token under the user's Auth Tokens in the OCI console and keep its replacement in OCI Vault.",
    samples: () => ["a" + fake.alnum(12, "oci-a") + "(;<" + fake.alnum(3, "oci-b") + "#"] as const,
    // Not in XML: the token may hold "<", so its text cannot be told from the closing tag.
    truePositives: ([t]) => [...inSyntaxes("oci_auth_token", t, SETTING_SYNTAXES), ...withValue(t, '  oracle_auth_token: "%s"')],
    falsePositives: () => ["OCI_AUTH_TOKEN=aaaaaaaaaaaaaaaaaaaa", "  oci_auth_token: ${OCI_AUTH_TOKEN}"],
  }),
];
