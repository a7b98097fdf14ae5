/**
 * IBM Cloud: IAM API keys (44 base64url characters) and Cloud Object Storage HMAC secrets (48 hex
 * characters). Neither has a prefix: both are read only as the value of a setting that names them
 * (IBM Cloud's IAM and Object Storage documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "ibm-cloud-api-key",
    title: "IBM Cloud API key",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["ibm", "ic_api_key"],
    // The name may say key or token without "api" (`IBM_CLOUD_KEY`, `ibmcloud token`): the value's
    // fixed length keeps the rule narrow.
    regex: assigned(`(?<![A-Za-z])${ci("ibm")}[\\w. -]{0,20}?(?:${ci("api")}${SEP}${ci("key")}|${ci("key")}|${ci("token")})|${ci("ic_api_key")}`, "[A-Za-z0-9_-]{44}", "[A-Za-z0-9_-]"),
    docs: "https://cloud.ibm.com/docs/account?topic=account-userapikey",
    remediation: "Delete the key under Manage > Access (IAM) > API keys and use trusted profiles or a secret manager.",
    samples: () => [fake.base64url(44, "ibm-key")] as const,
    truePositives: ([k]) => [...inSyntaxes("ibmcloud_api_key", k), ...withValue(k, "IC_API_KEY=%s", '  ibm_apikey: "%s"', "IBM_CLOUD_KEY=%s", "ibmcloud token = '%s'")],
    falsePositives: ([k]) => [`IBMCLOUD_API_KEY=${k.slice(0, 40)}`, "  ibm_api_key: ${{ secrets.IBM_KEY }}", `libmagic_key = "${k}"`],
  }),
  defineRule({
    id: "ibm-cos-hmac-secret",
    title: "IBM Cloud Object Storage HMAC secret access key",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["secret_access_key", "secretaccesskey", "secret-access-key"],
    // HMAC credentials are 48 hex characters (AWS secret keys are 40 base64 ones).
    regex: assigned(`${ci("secret")}${SEP}${ci("access")}${SEP}${ci("key")}`, "[a-f0-9]{48}", "[A-Za-z0-9]"),
    docs: "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-uhc-hmac-credentials-main",
    remediation: "Delete the service credential that holds these HMAC keys and create a new one, stored in Secrets Manager.",
    samples: () => [fake.hex(48, "ibm-hmac")] as const,
    truePositives: ([s]) => [
      ...inSyntaxes("secret_access_key", s),
      ...withValue(s, `  "cos_hmac_keys": { "access_key_id": "${fake.hex(32, "ibm-hmac-id")}", "secret_access_key": "%s" }`, "aws_secret_access_key = %s"),
    ],
    falsePositives: ([s]) => [`aws_secret_access_key = ${s.slice(0, 40)}`, `const digest = "${s}";`],
  }),
];
