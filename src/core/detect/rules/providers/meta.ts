/**
 * Meta (Facebook): Graph API access tokens (`EAA` + 100 or more characters), app access tokens
 * (`<app id>|<app secret>`, read where the line names Facebook) and app secrets (32 hex characters,
 * read only as the value of a Facebook secret setting). Formats from Meta's access token and login
 * security documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "facebook-app-access-token",
    title: "Facebook / Meta app access token (app id|app secret)",
    provider: "Meta",
    severity: "high",
    // An app token is "<app id>|<app secret or token>"; the app id is 15-16 digits: every token holds a
    // digit right before its bar. A bar alone selected every `||` of ordinary code.
    keywords: ["facebook", "fb_", ..."0123456789".split("").flatMap((digit) => [`${digit}|`, `${digit}%7c`])],
    regex: /(?<![A-Za-z0-9_])(?<secret>[0-9]{15,16}(?:\||%7[Cc])[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    docs: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens",
    remediation: "Reset the app secret in the Meta App Dashboard (Settings > Basic): that invalidates app tokens built from it.",
    samples: () => [fake.digits(15, "fb-app").replace(/^0/, "1") + "|" + fake.base64url(27, "fb-app-secret")] as const,
    truePositives: ([t]) => [...inSyntaxes("facebook_app_token", t), ...withValue(t, `{"facebook access_token":"%s","token_type":"bearer"}`)],
    falsePositives: () => ['facebook: "2024|release notes"', `facebook_id = "${fake.digits(15, "fb-x")}"`],
  }),
  defineRule({
    id: "facebook-access-token",
    title: "Facebook / Meta Graph API access token",
    provider: "Meta",
    severity: "high",
    keywords: ["eaa"],
    // User, page and system-user tokens start with "EAA" and run to 100+ characters. Not inside base64
    // blobs: the value may neither start nor end next to a + / = character.
    regex: /(?<![A-Za-z0-9+/])(?<secret>EAA[A-Za-z0-9]{100,500})(?![A-Za-z0-9+/=])/,
    docs: "https://developers.facebook.com/docs/facebook-login/guides/access-tokens",
    remediation: "Invalidate the token (change the app secret or remove the app's access for that user/page) and keep tokens in a secret store.",
    samples: () => ["EAAG" + fake.alnum(180, "fb-token")] as const,
    truePositives: ([t]) => [...inSyntaxes("facebook_access_token", t), ...withValue(t, "fetch(`https://graph.facebook.com/v19.0/me?access_token=%s`)")],
    falsePositives: ([t]) => [`FACEBOOK_ACCESS_TOKEN=${t.slice(0, 60)}`, `const blob = "QUJD${t}+/==";`],
  }),
  defineRule({
    id: "facebook-app-secret",
    title: "Facebook / Meta app secret",
    provider: "Meta",
    severity: "high",
    keywords: ["facebook", "fb_", "fb-", "fb.", "fbapp", "fbsecret"],
    regex: assigned(`(?:${ci("facebook")}|${ci("fb")})[\\w. -]{0,20}?${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.facebook.com/docs/facebook-login/security/#appsecret",
    remediation: "Reset the app secret in App settings > Basic (this also invalidates tokens signed with it) and keep it in a secret store.",
    samples: () => [fake.hex(32, "fb-secret")] as const,
    truePositives: ([s]) => [...inSyntaxes("facebook_app_secret", s), ...withValue(s, "FB_APP_SECRET=%s")],
    falsePositives: ([s]) => [`FACEBOOK_APP_ID=${s.slice(0, 15)}`, `FACEBOOK_APP_SECRET=${s.slice(0, 24)}`],
  }),
];
