/**
 * Telegram: bot tokens, `<bot id>:<35 characters>` (in practice starting with "AA"), as issued by
 * @BotFather (Telegram's Bot API documentation, which does not promise the "AA").
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "telegram-bot-token",
    title: "Telegram bot token",
    provider: "Telegram",
    severity: "high",
    keywords: [":aa", "telegram"],
    owns: { names: ["telegram"], shape: { chars: "0-9A-Za-z:_-", length: [41, 52], exact: "[0-9]{5,16}:[A-Za-z0-9_-]{35}" } },
    // <bot id>:<35 characters>, in practice starting with "AA"; in API URLs it follows "/bot".
    regex: /(?:(?<=\/bot)|(?<![A-Za-z0-9_]))(?<secret>[0-9]{5,16}:A[A-Za-z0-9_-]{34})(?![A-Za-z0-9_-])/,
    // The documented shape promises no first letter: any other is read under a setting that names Telegram.
    nearbyRegex: contextRegex("telegram", null, "[0-9]{5,16}:[A-Za-z0-9_-]{35}"),
    docs: "https://core.telegram.org/bots/api#authorizing-your-bot",
    remediation: "Revoke the token with @BotFather (/revoke) and load the new one from the environment or a secret store.",
    samples: () => [fake.digits(10, "tg-id").replace(/^0/, "7") + ":AA" + fake.base64url(33, "tg-secret"), fake.digits(9, "tg-id-2").replace(/^0/, "5") + ":B" + fake.base64url(34, "tg-secret-2")] as const,
    truePositives: ([t, other]) => [
      ...inSyntaxes("telegram_bot_token", t),
      ...withValue(t, 'fetch("https://api.telegram.org/bot%s/sendMessage")'),
      ...inSyntaxes("telegramBotToken", other, ["env", "yaml", "json", "py"]),
    ],
    falsePositives: ([t, other]) => [`TELEGRAM_BOT_TOKEN=${t.slice(0, 30)}`, "const time = '12:AAmorning';", `BOT_TOKEN=${other}`, `TELEGRAM_BOT_TOKEN=${other}x`],
  }),
];
