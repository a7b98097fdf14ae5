/**
 * LINE Messaging API: channel secrets (32 hex characters) and channel access tokens (long base64),
 * neither with a prefix: read only as the value of a channel secret / channel access token setting
 * (LINE Developers documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "line-channel-secret",
    title: "LINE Messaging API channel secret",
    provider: "LINE",
    severity: "high",
    keywords: ["channel_secret", "channelsecret", "channel-secret"],
    regex: assigned(`${ci("channel")}${SEP}${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.line.biz/en/docs/messaging-api/getting-started/",
    remediation: "Reissue the channel secret in the LINE Developers console (Basic settings) and keep it in a secret store.",
    samples: () => [fake.hex(32, "line-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("line_channel_secret", s), ...withValue(s, 'const config = { channelSecret: "%s" };')],
    falsePositives: ([s]) => [`LINE_CHANNEL_ID=${s.slice(0, 10)}`, "const config = { channelSecret: process.env.LINE_CHANNEL_SECRET };"],
  }),
  defineRule({
    id: "line-channel-access-token",
    title: "LINE Messaging API channel access token",
    provider: "LINE",
    severity: "high",
    keywords: ["channel_access_token", "channelaccesstoken", "channel-access-token"],
    regex: assigned(`${ci("channel")}${SEP}${ci("access")}${SEP}${ci("token")}`, "[A-Za-z0-9+/]{150,200}={0,2}", "[A-Za-z0-9+/=]"),
    docs: "https://developers.line.biz/en/docs/basics/channel-access-token/",
    remediation: "Reissue (or revoke) the channel access token in the LINE Developers console and keep it in a secret store.",
    samples: () => [fake.base64(171, "line-token") + "="] as const,
    truePositives: ([t]) => [...inSyntaxes("line_channel_access_token", t), ...withValue(t, 'const config = { channelAccessToken: "%s" };')],
    falsePositives: ([t]) => [`LINE_CHANNEL_ACCESS_TOKEN=${t.slice(0, 100)}`, "const config = { channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN };"],
  }),
];
