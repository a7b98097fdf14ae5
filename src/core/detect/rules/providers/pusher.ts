/**
 * Pusher Channels: app secrets, 20 hex characters with no prefix, read only as the value of a Pusher
 * secret setting (Pusher's server API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "pusher-app-secret",
    title: "Pusher Channels app secret",
    provider: "Pusher",
    severity: "high",
    keywords: ["pusher"],
    regex: assigned(`${ci("pusher")}[\\w. -]{0,20}?${ci("secret")}`, "[a-f0-9]{20}", "[A-Za-z0-9]"),
    docs: "https://pusher.com/docs/channels/server_api/authenticating-users/",
    remediation: "Rotate the app's key/secret pair in the Channels dashboard (App Keys) and keep the secret server-side in a secret store.",
    samples: () => [fake.hex(20, "pusher")] as const,
    truePositives: ([s]) => [...inSyntaxes("pusher_app_secret", s), ...withValue(s, '  "pusherSecret": "%s",')],
    falsePositives: ([s]) => [`PUSHER_APP_KEY=${s}`, `PUSHER_APP_SECRET=${s.slice(0, 12)}`],
  }),
];
