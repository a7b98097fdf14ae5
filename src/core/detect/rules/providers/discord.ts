/**
 * Discord: bot tokens (base64 of the bot's user id, a timestamp and an HMAC, read with context: a
 * Discord or bot-token setting, the `Bot` scheme, or the client's run()/login() call) and webhook URLs
 * (the URL is the credential). Formats from Discord's developer documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { ASSIGN, SEP, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

const DISCORD_TOKEN = String.raw`[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`;

export const rules: Rule[] = [
  defineRule({
    id: "discord-bot-token",
    title: "Discord bot token",
    provider: "Discord",
    severity: "high",
    keywords: ["discord", "bot_token", "bottoken", "bot-token", "bot ", ".run(", ".login("],
    // base64(bot user id) . timestamp . HMAC. Only with context: a Discord/bot-token setting, the
    // "Bot" authorization scheme, or the client's run()/login() call.
    regex: new RegExp(
      `(?:(?:${ci("discord")}[\\w.-]{0,30}?|${ci("bot")}${SEP}${ci("token")})${ASSIGN}|\\b${ci("bot")}\\s{1,3}|\\.(?:run|login)\\(\\s{0,3}["'\\x60])` +
        `(?<secret>${DISCORD_TOKEN})(?![A-Za-z0-9_-])`,
    ),
    docs: "https://discord.com/developers/docs/reference#authentication",
    remediation: "Reset the bot token in the Developer Portal (Bot > Reset Token) and load it from the environment or a secret store.",
    samples: () =>
      [
        Buffer.from(fake.digits(19, "discord-id").replace(/^0/, "1")).toString("base64url").slice(0, 26) + "." + fake.base64url(6, "dt") + "." + fake.base64url(38, "dh"),
        "MT" + fake.base64url(24, "discord-id-2") + "." + fake.base64url(6, "dt2") + "." + fake.base64url(27, "dh2"),
      ] as const,
    truePositives: ([t, old]) => [...inSyntaxes("discord_token", t), ...withValue(t, 'client.run("%s")'), ...withValue(old, 'headers = {"Authorization": "Bot %s"}')],
    falsePositives: ([t]) => [`const version = "${t}";`, `DISCORD_TOKEN=${t.split(".").slice(0, 2).join(".")}`],
  }),
  defineRule({
    id: "discord-webhook-url",
    title: "Discord webhook URL",
    provider: "Discord",
    severity: "medium",
    keywords: ["discord.com/api", "discordapp.com/api"],
    regex: /(?<secret>discord(?:app)?\.com\/api(?:\/v[0-9]{1,2})?\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/,
    docs: "https://discord.com/developers/docs/resources/webhook#execute-webhook",
    remediation: "Delete the webhook (channel settings > Integrations > Webhooks) and create a new one whose URL lives in a secret store.",
    samples: () => ["discord" + ".com/api/webhooks/" + fake.digits(19, "dw-id") + "/" + fake.base64url(68, "dw-token")] as const,
    truePositives: ([u]) => withValue(u, "DISCORD_WEBHOOK_URL=https://%s", 'requests.post("https://%s", json={"content": "hi"})', '  "discordWebhook": "https://%s",'),
    falsePositives: ([u]) => [`DISCORD_WEBHOOK_URL=https://${u.slice(0, -30)}`, 'const base = "https://discord.com/api/webhooks/";'],
  }),
];
