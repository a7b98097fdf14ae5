/**
 * Plivo: auth tokens, 40 letters and digits with no prefix, read only as the value of a Plivo auth
 * token setting (Plivo's authentication documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "plivo-auth-token",
    title: "Plivo auth token",
    provider: "Plivo",
    severity: "high",
    keywords: ["plivo"],
    regex: assigned(`${ci("plivo")}[\\w. -]{0,20}?${ci("auth")}${SEP}${ci("token")}`, "[A-Za-z0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://www.plivo.com/docs/sms/concepts/authentication",
    remediation: "Regenerate the auth token in the Plivo console and keep it in a secret store.",
    samples: () => [fake.alnum(40, "plivo")] as const,
    truePositives: ([t]) => [...inSyntaxes("plivo_auth_token", t), ...withValue(t, "  plivoAuthToken: '%s',")],
    falsePositives: ([t]) => [`PLIVO_AUTH_ID=${t.slice(0, 20)}`, `PLIVO_AUTH_TOKEN=${t.slice(0, 30)}`],
  }),
];
