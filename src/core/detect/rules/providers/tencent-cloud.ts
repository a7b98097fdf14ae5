/**
 * Tencent Cloud: CAM API keys. The SecretId starts with `AKID`; the 32-character SecretKey has no
 * prefix and is read only as the value of a Tencent / QCloud secret key setting (Tencent Cloud's CAM
 * documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "tencent-cloud-secret-id",
    title: "Tencent Cloud SecretId",
    provider: "Tencent Cloud",
    severity: "high",
    keywords: ["akid"],
    regex: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
    docs: "https://www.tencentcloud.com/document/product/598/32675",
    remediation: "Disable and delete the API key in CAM > Access Keys, then use CAM roles or a secret manager.",
    samples: () => ["AKID" + fake.alnum(32, "akid")] as const,
    truePositives: ([id]) => [...inSyntaxes("tencentcloud_secret_id", id), ...withValue(id, 'cred = credential.Credential("%s", secret_key)')],
    falsePositives: ([id]) => [`const x = "${id.slice(0, 30)}";`, `const y = "${id}Q";`],
  }),
  defineRule({
    id: "tencent-cloud-secret-key",
    title: "Tencent Cloud SecretKey",
    provider: "Tencent Cloud",
    severity: "critical",
    keywords: ["tencent", "qcloud", "tccli"],
    regex: assigned(`(?:${ci("tencent")}|${ci("qcloud")}|${ci("tccli")})[\\w. -]{0,30}?${ci("secret")}${SEP}${ci("key")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.tencentcloud.com/document/product/598/32675",
    remediation: "Disable and delete the API key in CAM > Access Keys, then use CAM roles or a secret manager.",
    samples: () => [fake.alnum(32, "tencent-key")] as const,
    truePositives: ([k]) => [...inSyntaxes("tencentcloud_secret_key", k), ...withValue(k, "  qcloud_secret_key: %s")],
    falsePositives: ([k]) => [`TENCENTCLOUD_SECRET_KEY=${k.slice(0, 20)}`, `const secretKey = "${k}";`],
  }),
];
