/**
 * monday.com credentials: API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developer.monday.com/api-reference/docs/authentication
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";

function fakeJwt(seed: string, payload: Record<string, unknown>): string {
  return toBase64('{"alg":"HS256","typ":"JWT"}', true) + "." + toBase64(JSON.stringify(payload), true) + "." + fake.base64url(43, seed + "sig");
}

const JWT = String.raw`eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}`;

export const rules: Rule[] = [
  defineRule({
    id: "monday-api-token",
    title: "monday.com API token",
    provider: "monday.com",
    severity: "high",
    keywords: ["monday"],
    regex: contextRegex("monday", String.raw`api[_.-]?token|api[_.-]?key|token`, JWT),
    docs: "https://developer.monday.com/api-reference/docs/authentication",
    remediation: "Regenerate the token in monday.com > Developers > My access tokens and keep its replacement in a secret manager.",
    samples: () => [fakeJwt("monday-1", { tid: Number(fake.digits(9, "monday-t")), aai: 11, uid: Number(fake.digits(8, "monday-u")), iad: "2024-05-01T10:00:00.000Z", per: "me:write", actid: 1234, rgn: "use1" })] as const,
    truePositives: ([t]) => [...inSyntaxes("monday_api_token", t), ...withValue(t, "monday_token: '%s'")],
    falsePositives: () => ["MONDAY_API_TOKEN=${MONDAY_API_TOKEN}", "MONDAY_BOARD_ID=" + fake.digits(10, "monday-fp")],
  }),
];
