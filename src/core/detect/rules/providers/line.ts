/**
 * LINE Messaging API: channel secrets (32 hex characters) and channel access tokens (long base64),
 * neither with a prefix: read only as the value of a channel secret / channel access token setting, or
 * of a token setting named for LINE (LINE Developers documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

/** A token setting named for LINE: `line_token`, `LINE_BOT_TOKEN`, `lineMessagingAccessToken`, `line token`. */
const LINE_WORD = "(?:line|LINE|Line)";
const LINE_TOKEN_NAME = String.raw`(?:(?<![A-Za-z0-9])${LINE_WORD}|(?<=[a-z0-9])Line)[ _.-]?(?:(?:bot|BOT|Bot|messaging|MESSAGING|Messaging)[ _.-]?)?(?:(?:access|ACCESS|Access)[ _.-]?)?(?:token|TOKEN|Token)`;
const LINE_TOKEN_KEYWORDS = ["line_token", "linetoken", "line-token", "line token", "line_bot", "linebot", "line-bot", "line_access", "lineaccess", "line_messaging", "linemessaging"];

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
    // Under a channel access token setting, or a token setting named for LINE itself (`LINE_TOKEN`,
    // `lineBotAccessToken`, `line messaging token`): the name starts a word, so `newline_token` is not one.
    keywords: ["channel_access_token", "channelaccesstoken", "channel-access-token", ...LINE_TOKEN_KEYWORDS],
    regex: assigned(`${ci("channel")}${SEP}${ci("access")}${SEP}${ci("token")}|${LINE_TOKEN_NAME}`, "[A-Za-z0-9+/]{150,200}={0,2}", "[A-Za-z0-9+/=]"),
    docs: "https://developers.line.biz/en/docs/basics/channel-access-token/",
    remediation: "Reissue (or revoke) the channel access token in the LINE Developers console and keep it in a secret store.",
    samples: () => [fake.base64(171, "line-token") + "="] as const,
    truePositives: ([t]) => [
      ...inSyntaxes("line_channel_access_token", t),
      ...inSyntaxes("line_bot_token", t),
      ...withValue(t, 'const config = { channelAccessToken: "%s" };', "line token = '%s'", 'const lineMessagingAccessToken = "%s";'),
    ],
    falsePositives: ([t]) => [
      `LINE_CHANNEL_ACCESS_TOKEN=${t.slice(0, 100)}`,
      "const config = { channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN };",
      `newline_token = "${t}"`,
      `line = '${t}'`,
    ],
  }),
];
