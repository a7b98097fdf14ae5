/**
 * Yandex Cloud: service-account API keys (`AQVN`), IAM tokens (`t1.`) and the secrets of static
 * (S3-compatible) access keys (`YC` + 38 characters, read where a secret key setting names them).
 * Formats from Yandex Cloud's IAM documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "yandex-cloud-api-key",
    title: "Yandex Cloud API key",
    provider: "Yandex Cloud",
    severity: "high",
    keywords: ["aqvn"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/,
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key",
    remediation: "Delete the service account's API key in the console (Service accounts > API keys) and keep its replacement in Lockbox.",
    samples: () => ["AQVN" + fake.base64url(36, "yc-api")] as const,
    truePositives: ([k]) => [...inSyntaxes("yc_api_key", k), ...withValue(k, 'headers = {"Authorization": "Api-Key %s"}')],
    falsePositives: ([k]) => [`YC_API_KEY=${k.slice(0, 30)}`, `const x = "${k}abcdef";`],
  }),
  defineRule({
    id: "yandex-cloud-iam-token",
    title: "Yandex Cloud IAM token",
    provider: "Yandex Cloud",
    severity: "medium",
    keywords: ["t1.9euel", "yandex"],
    // IAM tokens start with "t1." and the same encoded header ("9euel..."); they live up to 12 hours.
    // Other headers are only read on a line that names Yandex (the keyword gates the rule).
    regex: /(?<![A-Za-z0-9_.-])(?<secret>t1\.[A-Za-z0-9_-]{20,400}={0,2}\.[A-Za-z0-9_-]{80,100}={0,2})(?![A-Za-z0-9_=-])/,
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token",
    remediation: "Revoke the token (yc iam revoke-token) and let the SDK obtain IAM tokens at run time from a service account.",
    samples: () => ["t1.9euel" + fake.base64url(140, "yc-iam-a") + "." + fake.base64url(86, "yc-iam-b")] as const,
    truePositives: ([t]) => [...inSyntaxes("yc_iam_token", t), ...withValue(t, 'headers = {"Authorization": "Bearer %s"}')],
    falsePositives: ([t]) => [`YC_IAM_TOKEN=${t.split(".").slice(0, 2).join(".")}`, "const t1 = t1.9euelDone;"],
  }),
  defineRule({
    id: "yandex-cloud-static-key-secret",
    title: "Yandex Cloud static access key secret",
    provider: "Yandex Cloud",
    severity: "critical",
    keywords: ["yandex", "secret_access_key", "secretaccesskey", "secret-access-key", "yc_secret", "ycsecret"],
    // The S3-compatible secret starts with "YC" and has 40 characters.
    regex: assigned(
      `${ci("secret")}${SEP}(?:${ci("access")}${SEP})?${ci("key")}|${ci("yandex")}[\\w.-]{0,30}?(?:${ci("secret")}|${ci("key")}|${ci("token")})|${ci("yc")}${SEP}${ci("secret")}`,
      "YC[A-Za-z0-9_-]{38}",
      "[A-Za-z0-9_-]",
    ),
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/access-key",
    remediation: "Delete the static access key of the service account and create a new one, stored in Lockbox.",
    samples: () => ["YC" + fake.base64url(38, "yc-static")] as const,
    truePositives: ([s]) => [...inSyntaxes("yandex_storage_secret_key", s), ...withValue(s, "aws_secret_access_key = %s")],
    falsePositives: ([s]) => [`aws_secret_access_key = ${s.slice(0, 30)}`, `const other = "${s}";`],
  }),
];
