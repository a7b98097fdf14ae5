/**
 * ngrok credentials: authtoken / API key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://ngrok.com/docs/agent/#authtokens
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, END, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "ngrok-authtoken",
    title: "ngrok authtoken / API key",
    provider: "ngrok",
    severity: "high",
    keywords: ["ngrok"],
    regex: new RegExp(
      String.raw`(?:ngrok[\w. -]{0,25}?(?:auth[_.-]?token|api[_.-]?key|token|key)[\w.-]{0,12}?${ASSIGN}|ngrok(?:\s{1,3}config)?\s{1,3}(?:add-)?authtoken\s{1,3}["']?)(?<secret>[0-9A-Za-z]{20,30}_[0-9A-Za-z]{17,30})${END}`,
      "i",
    ),
    docs: "https://ngrok.com/docs/agent/#authtokens",
    remediation: "Reset the authtoken (or delete the API key) in the ngrok dashboard and pass its replacement as NGROK_AUTHTOKEN from a secret.",
    samples: () => ["2" + fake.alnum(26, "ngrok-1") + "_" + fake.alnum(21, "ngrok-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("ngrok_authtoken", t), ...withValue(t, "ngrok config add-authtoken %s", "ngrok authtoken %s", "ngrok token = '%s'")],
    falsePositives: () => ["NGROK_AUTHTOKEN=${NGROK_AUTHTOKEN}", "ngrok http 8080 --domain=" + fake.lower(10, "ngrok-fp") + ".ngrok.app"],
  }),
];
