/**
 * Dropbox credentials: short-lived access token; long-lived access token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developers.dropbox.com/oauth-guide
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "dropbox-short-lived-token",
    title: "Dropbox short-lived access token",
    provider: "Dropbox",
    severity: "high",
    keywords: ["dropbox"],
    regex: contextRegex("dropbox", null, String.raw`sl\.[A-Za-z0-9_=.-]{130,1400}`, String.raw`(?![\w=.-])`),
    docs: "https://developers.dropbox.com/oauth-guide",
    remediation: "Revoke the token (POST /2/auth/token/revoke or the app console) and obtain tokens at run time through OAuth.",
    samples: () => ["sl." + fake.base64url(135, "dropbox-sl-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("dropbox_access_token", t), ...withValue(t, "dropbox_token: '%s'")],
    falsePositives: () => ["DROPBOX_ACCESS_TOKEN=sl." + fake.alnum(40, "dropbox-sl-short"), "DROPBOX_APP_KEY=" + fake.lowerDigits(15, "dropbox-fp")],
  }),
  defineRule({
    id: "dropbox-long-lived-token",
    title: "Dropbox long-lived access token",
    provider: "Dropbox",
    severity: "high",
    keywords: ["dropbox"],
    regex: contextRegex("dropbox", null, "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}", String.raw`(?![\w=-])`),
    docs: "https://developers.dropbox.com/oauth-guide",
    remediation: "Revoke the token in the Dropbox app console and move to short-lived tokens with refresh tokens kept in a secret manager.",
    samples: () => [fake.alnum(11, "dropbox-ll-1") + "AAAAAAAAAA" + fake.base64url(43, "dropbox-ll-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("dropbox_token", t), ...withValue(t, "dropbox_access_token = \"%s\"")],
    falsePositives: () => ["DROPBOX_TOKEN=" + fake.alnum(64, "dropbox-ll-fp"), "DROPBOX_TOKEN=${DROPBOX_TOKEN}"],
  }),
];
