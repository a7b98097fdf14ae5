/**
 * MessageBird (Bird): access keys, 25 letters and digits with no prefix, read only as the value of a
 * MessageBird key or token setting (MessageBird's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "messagebird-api-key",
    title: "MessageBird (Bird) access key",
    provider: "MessageBird",
    severity: "high",
    keywords: ["messagebird", "message_bird", "message-bird"],
    regex: assigned(`${ci("message")}${SEP}${ci("bird")}[\\w. -]{0,20}?(?:${ci("key")}|${ci("token")})`, "[A-Za-z0-9]{25}", "[A-Za-z0-9]"),
    docs: "https://developers.messagebird.com/api/#authentication",
    remediation: "Delete the access key in the dashboard's Developers > API access and keep its replacement in a secret store.",
    samples: () => [fake.alnum(25, "messagebird")] as const,
    truePositives: ([k]) => [...inSyntaxes("messagebird_access_key", k), ...withValue(k, '  messageBirdKey: "%s",')],
    falsePositives: ([k]) => [`MESSAGEBIRD_ACCESS_KEY=${k.slice(0, 20)}`, `const key = "${k}";`],
  }),
];
