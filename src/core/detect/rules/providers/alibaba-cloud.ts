/**
 * Alibaba Cloud: RAM AccessKey pairs. The id starts with `LTAI`; the 30-character secret has no
 * prefix and is read only as the value of an Alibaba / AccessKeySecret setting (Alibaba Cloud's RAM
 * documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "alibaba-access-key-id",
    title: "Alibaba Cloud AccessKey ID",
    provider: "Alibaba Cloud",
    severity: "high",
    keywords: ["ltai"],
    regex: /(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/,
    docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    remediation: "Disable and delete the AccessKey pair in the RAM console, then use RAM roles / STS tokens or a secret manager.",
    samples: () => ["LTAI" + fake.alnum(20, "ltai"), "LTAI" + fake.alnum(12, "ltai-old")] as const,
    truePositives: ([id, old]) => [...inSyntaxes("alibaba_cloud_access_key_id", id), ...withValue(old, 'access_key_id = "%s"')],
    falsePositives: ([id]) => [`const x = "${id}Abcdef";`, "const region = 'LTAI-region';"],
  }),
  defineRule({
    id: "alibaba-access-key-secret",
    title: "Alibaba Cloud AccessKey secret",
    provider: "Alibaba Cloud",
    severity: "critical",
    keywords: ["alibaba", "aliyun", "alicloud", "accesskeysecret", "access_key_secret", "access-key-secret"],
    regex: assigned(
      `(?:${ci("alibaba")}|${ci("aliyun")}|${ci("alicloud")})[\\w.-]{0,30}?(?:${ci("secret")}|${ci("key")}|${ci("token")})|${ci("access")}${SEP}${ci("key")}${SEP}${ci("secret")}`,
      "[A-Za-z0-9]{30}",
      "[A-Za-z0-9]",
    ),
    docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    remediation: "Disable and delete the AccessKey pair in the RAM console, then use RAM roles / STS tokens or a secret manager.",
    samples: () => [fake.alnum(30, "ali-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("alibaba_cloud_access_key_secret", s), ...withValue(s, "  accessKeySecret: '%s',")],
    falsePositives: ([s]) => [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=${s.slice(0, 24)}`, "  accessKeySecret: process.env.ALIYUN_SECRET,", `const other = "${s}";`],
  }),
];
