/**
 * Zulip: API keys, 32 letters and digits with no prefix, read only as the value of a Zulip key
 * setting (Zulip's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "zulip-api-key",
    title: "Zulip API key",
    provider: "Zulip",
    severity: "high",
    keywords: ["zulip"],
    regex: assigned(`${ci("zulip")}[\\w. -]{0,20}?(?:${ci("api")}${SEP})?(?:${ci("key")}|${ci("token")})`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://zulip.com/api/api-keys",
    remediation: "Regenerate the API key in Personal settings > Account & privacy (or the bot's settings) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "zulip")] as const,
    truePositives: ([k]) => [...inSyntaxes("zulip_api_key", k), ...withValue(k, '  zulipKey: "%s",'), ...withValue(k, "zulip token - '%s'")],
    falsePositives: ([k]) => [`ZULIP_API_KEY=${k.slice(0, 20)}`, "ZULIP_SITE=https://acme.zulipchat.com"],
  }),
];
