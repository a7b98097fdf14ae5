/**
 * Mattermost: personal access and bot tokens, 26 lower-case letters and digits with no prefix, read
 * only as the value of a Mattermost token setting (Mattermost's developer documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "mattermost-access-token",
    title: "Mattermost personal access or bot token",
    provider: "Mattermost",
    severity: "high",
    keywords: ["mattermost"],
    regex: assigned(`${ci("mattermost")}[\\w. -]{0,20}?(?:${ci("token")}|${ci("key")}|${ci("pat")})`, "[a-z0-9]{26}", "[A-Za-z0-9]"),
    docs: "https://developers.mattermost.com/integrate/reference/personal-access-token/",
    remediation: "Revoke the token in Profile > Security > Personal Access Tokens (or the bot account) and keep its replacement in a secret store.",
    samples: () => [fake.lowerDigits(26, "mattermost")] as const,
    truePositives: ([t]) => [...inSyntaxes("mattermost_token", t), ...withValue(t, '  mattermost_bot_token: "%s"')],
    falsePositives: ([t]) => [`MATTERMOST_TEAM_ID=${t}`, `MATTERMOST_TOKEN=${t.slice(0, 20)}`],
  }),
];
