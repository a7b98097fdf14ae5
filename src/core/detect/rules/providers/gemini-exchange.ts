/**
 * Gemini (the cryptocurrency exchange) API keys: `account-` (one account) or `master-` (a group of
 * accounts) and an alphanumeric body, paired with an API secret that signs each request. The prefix is
 * common enough in other text that a key is matched only under a setting named for Gemini. Google's
 * Gemini API keys (`AIza…`) are google-cloud.ts's. Format from Gemini's developer documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "gemini-exchange-api-key",
    title: "Gemini exchange API key",
    provider: "Gemini",
    severity: "medium",
    keywords: ["gemini"],
    // No digit is required: a dummy body (`account-xxxxxxxxxxxxxxxx`, as the docs write it) is then
    // reported as this rule's placeholder.
    regex: contextRegex("gemini", null, "(?:account|master)-[A-Za-z0-9]{16,24}"),
    docs: "https://developer.gemini.com/authentication/api-key",
    remediation: "Revoke the key in Gemini > Settings > API (its secret stops working with it) and keep the replacement key and secret in a secret manager.",
    samples: () => ["account-" + fake.alnum(20, "gemini-1"), "master-" + fake.alnum(20, "gemini-2")] as const,
    truePositives: ([account, master]) => [...inSyntaxes("gemini_api_key", account), ...withValue(master, "GEMINI_MASTER_KEY=%s", "gemini key: '%s'")],
    falsePositives: () => ["GEMINI_API_KEY=AIza" + fake.alnum(35, "gemini-google"), "gemini_account = account-settings", "GEMINI_KEY=master-" + fake.alnum(30, "gemini-long")],
  }),
];
