/**
 * Postmark: server and account API tokens, UUIDs read only as the value of a Postmark token or key
 * setting or header (Postmark's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { UUID, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "postmark-server-token",
    title: "Postmark server or account API token",
    provider: "Postmark",
    severity: "high",
    keywords: ["postmark"],
    regex: assigned(`${ci("postmark")}[\\w. -]{0,30}?(?:${ci("token")}|${ci("key")})`, UUID, "[A-Za-z0-9-]"),
    docs: "https://postmarkapp.com/developer/api/overview#authentication",
    remediation: "Reset the token in the server's (or account's) API Tokens tab and keep its replacement in a secret store.",
    samples: () => [fake.uuid("postmark")] as const,
    truePositives: ([t]) => [...inSyntaxes("postmark_server_token", t), ...withValue(t, 'curl -H "X-Postmark-Server-Token: %s" https://api.postmarkapp.com/email')],
    falsePositives: ([t]) => [`POSTMARK_MESSAGE_ID=${t}`, `POSTMARK_SERVER_TOKEN=${t.slice(0, 30)}`],
  }),
];
