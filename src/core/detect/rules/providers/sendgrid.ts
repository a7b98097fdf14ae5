/**
 * SendGrid (Twilio SendGrid): API keys, `SG.` + a 22-character id + `.` + a 43-character secret
 * (SendGrid's API key documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "sendgrid-api-key",
    title: "SendGrid API key",
    provider: "SendGrid",
    severity: "high",
    keywords: ["sg."],
    // SG.<22>.<43>; copies that lost the inner dot keep the 66 characters after "SG.".
    regex: /(?<![A-Za-z0-9_.-])(?<secret>SG\.(?:[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}|[A-Za-z0-9_=-]{66}))(?![A-Za-z0-9_=.-])/,
    docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    remediation: "Delete the key in Settings > API Keys and create a new, narrowly scoped one stored in a secret store.",
    samples: () => ["SG." + fake.base64url(22, "sg-id") + "." + fake.base64url(43, "sg-secret")] as const,
    truePositives: ([k]) => [...inSyntaxes("sendgrid_api_key", k), ...withValue(k, 'sgMail.setApiKey("%s");')],
    falsePositives: ([k]) => [`SENDGRID_API_KEY=${k.slice(0, 40)}`, 'const ns = "SG.util.format";'],
  }),
];
