/**
 * Cloudinary: the CLOUDINARY_URL, `cloudinary://<api key>:<api secret>@<cloud name>`; the API secret
 * in it is the credential (Cloudinary's integration documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "cloudinary-url",
    title: "Cloudinary URL with API secret",
    provider: "Cloudinary",
    severity: "high",
    keywords: ["cloudinary://"],
    regex: /cloudinary:\/\/\d{10,20}:(?<secret>[A-Za-z0-9_-]{20,40})@[A-Za-z0-9_-]{1,64}/,
    docs: "https://cloudinary.com/documentation/how_to_integrate_cloudinary#api_keys_and_secrets",
    remediation: "Regenerate the API secret in Settings > API Keys and load CLOUDINARY_URL from the environment or a secret manager.",
    samples: () => [fake.base64url(27, "cloudinary")] as const,
    truePositives: ([s]) =>
      withValue(
        s,
        "CLOUDINARY_URL=cloudinary:" + "//" + fake.digits(15, "cl-key") + ":%s@acme-media",
        "cloudinary.config({ cloudinary_url: \"cloudinary:" + "//" + fake.digits(15, "cl-key2") + ':%s@demo" })',
        "  cloudinary_url: cloudinary:" + "//" + fake.digits(15, "cl-key3") + ":%s@acme-media",
      ),
    falsePositives: () => ["CLOUDINARY_URL=cloudinary:" + "//<api_key>:<api_secret>@<cloud_name>", "CLOUDINARY_URL=cloudinary:" + "//123456789012345:@acme"],
  }),
];
