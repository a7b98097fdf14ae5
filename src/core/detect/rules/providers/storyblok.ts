/**
 * Storyblok credentials: access token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "storyblok-access-token",
    title: "Storyblok access token",
    provider: "Storyblok",
    severity: "medium",
    keywords: ["storyblok"],
    regex: contextRegex("storyblok", String.raw`(?:access|preview|public|management|oauth)?[_.-]?token|api[_.-]?key`, hasDigit(30) + "[A-Za-z0-9-]{22,30}"),
    minEntropy: 3.5,
    docs: "https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication",
    remediation: "Delete the token in Storyblok > Settings > Access Tokens and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(20, "storyblok-1") + "3" + fake.alnum(1, "storyblok-1b") + "tt"] as const,
    truePositives: ([t]) => [...inSyntaxes("storyblok_token", t), ...withValue(t, "storyblok_preview_token: '%s'")],
    falsePositives: () => ["STORYBLOK_SPACE_ID=" + fake.digits(6, "storyblok-fp"), "STORYBLOK_TOKEN=${STORYBLOK_TOKEN}"],
  }),
];
