/**
 * Slack: bot, user, workspace, session, configuration and app-level tokens (each `xox?-`/`xapp-`
 * prefixed), refresh tokens, incoming and workflow webhook URLs (the URL is the credential, reported
 * whole without its scheme) and app signing secrets. Formats from Slack's token-type, webhook and
 * request-signing documentation.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { SEP, assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

/** Slack's token prefixes, split so that no literal token prefix sits next to digits in this file. */
const XOX = "xox";

const SLACK_TOKEN_DOCS = "https://api.slack.com/concepts/token-types";
const SLACK_REMEDIATION =
  "Revoke the token (auth.revoke, or reinstall/rotate it in the app's OAuth & Permissions page) and keep its replacement in a secret store.";

export const rules: Rule[] = [
  defineRule({
    id: "slack-bot-token",
    title: "Slack bot token",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "b-"],
    // Current: xoxb-<team id>-<bot id>-<24 characters>; legacy bot tokens lack the middle number.
    regex: /(?<![A-Za-z0-9_-])(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,34})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "b-" + fake.digits(12, "sl-team") + "-" + fake.digits(13, "sl-bot") + "-" + fake.alnum(24, "sl-b")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_bot_token", t), ...withValue(t, 'app = App(token="%s")')],
    falsePositives: ([t]) => [`SLACK_BOT_TOKEN=${t.slice(0, 25)}`, `const id = "${XOX}b-${fake.digits(12, "x")}";`, `SLACK_BOT_TOKEN=${t}-extra`],
  }),
  defineRule({
    id: "slack-user-token",
    title: "Slack user token",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "p-"],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "p-" + fake.digits(11, "u1") + "-" + fake.digits(12, "u2") + "-" + fake.digits(13, "u3") + "-" + fake.hex(32, "u4")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_user_token", t), ...withValue(t, 'curl -H "Authorization: Bearer %s" https://slack.com/api/auth.test')],
    falsePositives: ([t]) => [`SLACK_USER_TOKEN=${t.slice(0, 40)}`, `SLACK_USER_TOKEN=${t.toUpperCase().replace("XOXP", XOX + "p")}`],
  }),
  defineRule({
    id: "slack-workspace-token",
    title: "Slack workspace app token (legacy)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "a-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xoxa-(?:[0-9]-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{8,64}){1,5})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "a-2-" + fake.digits(12, "wa1") + "-" + fake.digits(12, "wa2") + "-" + fake.hex(32, "wa3")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_token", t), ...withValue(t, '  "access_token": "%s",')],
    falsePositives: ([t]) => [`const label = "${XOX}a-short";`, `const y = "${t}_x";`],
  }),
  defineRule({
    id: "slack-legacy-refresh-token",
    title: "Slack workspace app refresh token (legacy)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "r-"],
    // A run continued by `?` is a fragment of a longer value (a masked or split token), not a token.
    regex: /(?<![A-Za-z0-9_-])(?<secret>xoxr-(?:[0-9]-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{8,64}){0,5})(?![A-Za-z0-9_?-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "r-" + fake.digits(12, "wr1") + "-" + fake.alnum(40, "wr2")] as const,
    truePositives: ([t]) => [
      ...inSyntaxes("slack_refresh_token", t),
      ...withValue(t, '  "refresh_token": "%s",'),
      ...withValue(`${XOX}r-1-${fake.alnum(12, "wr3")}`, '  "refresh_token": "%s",'),
    ],
    falsePositives: () => [
      `const label = "${XOX}r-1";`,
      `const y = "${XOX}r-abc";`,
      `slack token - '${XOX}r-${fake.digits(12, "wr-fp-1")}?${fake.digits(11, "wr-fp-2")}x'`,
    ],
  }),
  defineRule({
    id: "slack-session-token",
    title: "Slack session token (xoxs/xoxc)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "s-", XOX + "c-"],
    // Browser and legacy session tokens act as the signed-in user.
    regex: /(?<![A-Za-z0-9_-])(?<secret>xox[sc]-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32,64})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: "Sign the user out of all sessions (Account > Sign out all other sessions) so the token dies, and never store session tokens in code.",
    samples: () => [XOX + "c-" + fake.digits(12, "s1") + "-" + fake.digits(12, "s2") + "-" + fake.digits(13, "s3") + "-" + fake.hex(64, "s4")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_xoxc", t), ...withValue(t, 'headers = {"Authorization": "Bearer %s"}')],
    falsePositives: ([t]) => [`SLACK_XOXC=${t.slice(0, 30)}`, `const y = "${XOX}c-123-456-789-abc";`],
  }),
  defineRule({
    id: "slack-configuration-token",
    title: "Slack app configuration access token",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "e." + XOX],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{160,170})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/config-tokens",
    remediation: "Revoke the configuration token (tooling.tokens.rotate or the app config page) and regenerate it only where needed.",
    samples: () => [XOX + "e." + XOX + "p-1-" + fake.alnum(164, "cfg")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_config_token", t), ...withValue(t, "slack manifest --token %s")],
    falsePositives: ([t]) => [`SLACK_CONFIG_TOKEN=${t.slice(0, 100)}`, `const y = "${XOX}e.${XOX}p-1-abc";`],
  }),
  defineRule({
    id: "slack-rotating-refresh-token",
    title: "Slack refresh token (token rotation / configuration)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "e-"],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxe-[0-9]-[A-Za-z0-9]{140,180})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/rotation",
    remediation: "Revoke the app's tokens (auth.revoke or reinstall the app) and store rotating refresh tokens encrypted, outside the code.",
    samples: () => [XOX + "e-1-" + fake.alnum(146, "rot")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_refresh_token", t), ...withValue(t, '  "refresh_token": "%s",')],
    falsePositives: ([t]) => [`SLACK_REFRESH_TOKEN=${t.slice(0, 60)}`, `const y = "${XOX}e-1-short";`],
  }),
  defineRule({
    id: "slack-app-token",
    title: "Slack app-level token",
    provider: "Slack",
    severity: "high",
    keywords: ["xapp-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xapp-[0-9]-[A-Z0-9]{6,20}-[0-9]{6,20}-[a-f0-9]{32,80})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/token-types#app-level",
    remediation: "Revoke the app-level token under Basic Information > App-Level Tokens and generate a new one kept in a secret store.",
    samples: () => ["xapp" + "-1-A" + fake.upperDigits(10, "xapp1") + "-" + fake.digits(13, "xapp2") + "-" + fake.hex(64, "xapp3")] as const,
    truePositives: ([t]) => [...inSyntaxes("slack_app_token", t), ...withValue(t, 'SocketModeHandler(app, "%s").start()')],
    falsePositives: ([t]) => [`SLACK_APP_TOKEN=${t.slice(0, 40)}`, 'const prefix = "xapp' + '-1-";'],
  }),
  defineRule({
    id: "slack-webhook-url",
    title: "Slack incoming webhook URL",
    provider: "Slack",
    severity: "high",
    keywords: ["hooks.slack.com/services/"],
    regex: /(?<secret>hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
    docs: "https://api.slack.com/messaging/webhooks",
    remediation: "Regenerate or remove the webhook in the app's Incoming Webhooks page and load the URL from a secret store.",
    samples: () => ["hooks.slack" + ".com/services/T" + fake.upperDigits(8, "wh-t") + "/B" + fake.upperDigits(10, "wh-b") + "/" + fake.alnum(24, "wh-s")] as const,
    truePositives: ([u]) => withValue(u, "SLACK_WEBHOOK_URL=https://%s", 'requests.post("https://%s", json={"text": "deployed"})', "  slack_webhook_url: https://%s", '<add key="SlackWebhook" value="https://%s" />'),
    falsePositives: ([u]) => [`SLACK_WEBHOOK_URL=https://${u.slice(0, -4)}`, "SLACK_WEBHOOK_URL=https://hooks.slack" + ".com/services/T000/B000/XXXX"],
  }),
  defineRule({
    id: "slack-workflow-webhook-url",
    title: "Slack workflow webhook URL",
    provider: "Slack",
    severity: "medium",
    keywords: ["hooks.slack.com/workflows/", "hooks.slack.com/triggers/"],
    regex:
      /(?<secret>hooks\.slack\.com\/(?:workflows\/T[A-Z0-9]{6,12}\/A[A-Z0-9]{6,12}\/[0-9]{6,20}|triggers\/T[A-Z0-9]{6,12}\/[0-9]{6,20})\/[A-Za-z0-9]{24,40})(?![A-Za-z0-9])/,
    docs: "https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack",
    remediation: "Delete or re-create the workflow's webhook trigger and load its URL from a secret store.",
    samples: () =>
      [
        "hooks.slack" + ".com/triggers/T" + fake.upperDigits(9, "wf-t") + "/" + fake.digits(13, "wf-n") + "/" + fake.hex(32, "wf-s"),
        "hooks.slack" + ".com/workflows/T" + fake.upperDigits(9, "wf-t2") + "/A" + fake.upperDigits(10, "wf-a") + "/" + fake.digits(18, "wf-n2") + "/" + fake.alnum(24, "wf-s2"),
      ] as const,
    truePositives: ([trigger, workflow]) => [...withValue(trigger, "SLACK_WORKFLOW_URL=https://%s"), ...withValue(workflow, 'fetch("https://%s", { method: "POST" })')],
    falsePositives: ([trigger]) => [`SLACK_WORKFLOW_URL=https://${trigger.slice(0, -20)}`, "const docs = 'https://hooks.slack" + ".com/workflows/';"],
  }),
  defineRule({
    id: "slack-signing-secret",
    title: "Slack app signing secret",
    provider: "Slack",
    severity: "high",
    keywords: ["slack"],
    regex: assigned(`${ci("slack")}[\\w. -]{0,20}?${ci("signing")}${SEP}${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://api.slack.com/authentication/verifying-requests-from-slack",
    remediation: "Regenerate the signing secret under Basic Information > App Credentials and keep it in a secret store.",
    samples: () => [fake.hex(32, "slack-signing")] as const,
    truePositives: ([s]) => [...inSyntaxes("slack_signing_secret", s), ...withValue(s, 'app = App(token=bot_token, slackSigningSecret="%s")')],
    falsePositives: ([s]) => [`SLACK_SIGNING_SECRET=${s.slice(0, 20)}`, `SLACK_CLIENT_ID=${s}`],
  }),
];
