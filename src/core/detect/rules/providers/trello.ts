/**
 * Trello credentials: API token; API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
 * - https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "trello-api-token",
    title: "Trello API token",
    provider: "Trello",
    severity: "high",
    keywords: ["trello"],
    regex: contextRegex("trello", "token", String.raw`ATTA[A-Za-z0-9]{60,80}|[a-f0-9]{64}`),
    docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/",
    remediation: "Revoke the token in Trello > Settings > Applications and keep its replacement in a secret manager.",
    samples: () => {
      const t = "ATTA" + fake.hex(64, "trello-1") + fake.hexUpper(8, "trello-1b");
      const t2 = fake.hex(64, "trello-2");
      return [t, t2] as const;
    },
    truePositives: ([t, t2]) => [...inSyntaxes("trello_token", t), ...withValue(t2, "trello_api_token: '%s'")],
    falsePositives: () => ["TRELLO_BOARD_ID=" + fake.hex(24, "trello-fp"), "TRELLO_TOKEN=${TRELLO_TOKEN}"],
  }),
  defineRule({
    id: "trello-api-key",
    title: "Trello API key",
    provider: "Trello",
    // The key identifies the app; it needs a user token to act, so it matters less on its own.
    severity: "medium",
    keywords: ["trello"],
    regex: contextRegex("trello", String.raw`api[_.-]?key|key`, "[a-f0-9]{32}"),
    docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/",
    remediation: "Regenerate the key and secret in the Trello Power-Up admin portal and keep them in a secret manager.",
    samples: () => [fake.hex(32, "trello-key-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("trello_api_key", t), ...withValue(t, "trello_key: '%s'")],
    falsePositives: () => ["TRELLO_LIST_ID=" + fake.hex(32, "trello-key-fp"), "TRELLO_API_KEY=" + fake.hex(24, "trello-key-short")],
  }),
];
