/**
 * Twitch credentials: client secret / OAuth token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://dev.twitch.tv/docs/authentication/register-app/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "twitch-client-secret",
    title: "Twitch client secret / OAuth token",
    provider: "Twitch",
    severity: "high",
    keywords: ["twitch"],
    regex: contextRegex("twitch", String.raw`client[_.-]?secret|secret|oauth[_.-]?token|access[_.-]?token|token`, hasDigit(30) + "[a-z0-9]{30}"),
    minEntropy: 3.5,
    docs: "https://dev.twitch.tv/docs/authentication/register-app/",
    remediation: "Create a new secret for the app in the Twitch Developer Console (or revoke the OAuth token) and keep it in a secret manager.",
    samples: () => [fake.lowerDigits(28, "twitch-1") + "5" + fake.lower(1, "twitch-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("twitch_client_secret", t), ...withValue(t, "twitch_oauth_token: '%s'")],
    falsePositives: () => ["TWITCH_CLIENT_ID=" + fake.lowerDigits(30, "twitch-fp"), "TWITCH_CLIENT_SECRET=${TWITCH_SECRET}"],
  }),
];
