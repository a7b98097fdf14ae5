/**
 * Telegram: bot tokens, `<bot id>:<35 characters>` (in practice starting with "AA"), as issued by
 * @BotFather (Telegram's Bot API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "telegram-bot-token",
    title: "Telegram bot token",
    provider: "Telegram",
    severity: "high",
    keywords: [":aa", "telegram"],
    owns: { names: ["telegram"], shape: { chars: "0-9A-Za-z:_-", length: [41, 52], exact: "[0-9]{5,16}:A[A-Za-z0-9_-]{34}" } },
    // <bot id>:<35 characters>, in practice starting with "AA"; in API URLs it follows "/bot". Other
    // first letters are only read on a line that names Telegram (the keyword gates the rule).
    regex: /(?:(?<=\/bot)|(?<![A-Za-z0-9_]))(?<secret>[0-9]{5,16}:A[A-Za-z0-9_-]{34})(?![A-Za-z0-9_-])/,
    docs: "https://core.telegram.org/bots/api#authorizing-your-bot",
    remediation: "Revoke the token with @BotFather (/revoke) and load the new one from the environment or a secret store.",
    samples: () => [fake.digits(10, "tg-id").replace(/^0/, "7") + ":AA" + fake.base64url(33, "tg-secret")] as const,
    truePositives: ([t]) => [...inSyntaxes("telegram_bot_token", t), ...withValue(t, 'fetch("https://api.telegram.org/bot%s/sendMessage")')],
    falsePositives: ([t]) => [`TELEGRAM_BOT_TOKEN=${t.slice(0, 30)}`, "const time = '12:AAmorning';"],
  }),
];
