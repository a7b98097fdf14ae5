/**
 * WeChat: official account and mini program AppSecrets, 32 hex characters with no prefix, read only
 * as the value of a WeChat / Weixin / wx secret setting (WeChat's developer documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "wechat-app-secret",
    title: "WeChat official account / mini program AppSecret",
    provider: "WeChat",
    severity: "high",
    keywords: ["wechat", "weixin", "wx_", "wx-", "wxapp", "wxsecret"],
    regex: assigned(`(?:${ci("wechat")}|${ci("weixin")}|${ci("wx")})[\\w. -]{0,20}?${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.weixin.qq.com/doc/offiaccount/en/Basic_Information/Get_access_token.html",
    remediation: "Reset the AppSecret in the WeChat Official Accounts / Mini Program admin console and keep it server-side in a secret store.",
    samples: () => [fake.hex(32, "wechat")] as const,
    truePositives: ([s]) => [...inSyntaxes("wechat_app_secret", s), ...withValue(s, "  wx_app_secret: %s")],
    falsePositives: ([s]) => [`WECHAT_APP_ID=wx${s.slice(0, 16)}`, `WECHAT_APP_SECRET=${s.slice(0, 20)}`],
  }),
];
