/**
 * Messaging, email and social platform credentials: Slack, Discord, Telegram, Microsoft Teams, Twilio,
 * SendGrid, Mailgun, Mailchimp/Mandrill, Postmark, Brevo, Vonage, MessageBird, Plivo, Telnyx,
 * Mattermost, Zulip, Intercom, Pusher, Zoom, X/Twitter, Facebook/Meta, LINE and WeChat.
 *
 * Formats with a distinctive prefix or structure match on their own; formats without one match only as
 * the value of a setting whose name says what it is (`ASSIGN` below). Webhook URLs are reported whole:
 * the URL is the credential. Example values are generated at run time (fake.ts).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";

// ---------------------------------------------------------------------------------------------------
// Helpers (kept local to this file: each provider file owns its own rules and helpers).

/** A literal matched case-insensitively, written as classes so that the value part of a regex stays case-sensitive. */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

const SEP = "[_.-]?";

/**
 * What may sit between a setting's name and its value: a name suffix, a closing quote or bracket, an
 * assignment (`=`, `:`, `:=`, `=>`), a comma or parenthesis, or whitespace, then an opening quote.
 */
const ASSIGN = String.raw`[\w.-]{0,20}?["'\]]{0,2}\s{0,5}(?::=|=>|[=:,(]|\s)\s{0,5}[\x60"']?`;

function assigned(name: string, value: string, notAfter: string): RegExp {
  return new RegExp(`(?:${name})${ASSIGN}(?<secret>${value})(?!${notAfter})`);
}

const line = {
  js: (name: string, v: string) => `const ${name} = "${v}";`,
  py: (name: string, v: string) => `${name} = '${v}'`,
  env: (name: string, v: string) => `${name}=${v}`,
  shell: (name: string, v: string) => `export ${name}="${v}"`,
  yaml: (name: string, v: string) => `  ${name}: ${v}`,
  json: (name: string, v: string) => `  "${name}": "${v}",`,
};

const exampleSecretsById = new Map<string, readonly string[]>();

/** The fake values a rule's examples embed: every true positive must report one of them as its secret. */
export function exampleSecrets(ruleId: string): readonly string[] {
  return exampleSecretsById.get(ruleId) ?? [];
}

interface Spec<T extends readonly string[]> extends Omit<Rule, "category" | "examples"> {
  samples: () => T;
  truePositives: (samples: T) => string[];
  falsePositives: (samples: T) => string[];
}

function define<T extends readonly string[]>(spec: Spec<T>): Rule {
  const { samples, truePositives, falsePositives, ...rule } = spec;
  const values = samples();
  exampleSecretsById.set(rule.id, values);
  return {
    ...rule,
    category: "secret",
    examples: () => ({ truePositives: truePositives(values), falsePositives: falsePositives(values) }),
  };
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UUID_UPPER_OR_LOWER = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

/** Slack's token prefixes, split so that no literal token prefix sits next to digits in this file. */
const XOX = "xox";

// ---------------------------------------------------------------------------------------------------
// Slack

const SLACK_TOKEN_DOCS = "https://api.slack.com/concepts/token-types";
const SLACK_REMEDIATION =
  "Revoke the token (auth.revoke, or reinstall/rotate it in the app's OAuth & Permissions page) and keep its replacement in a secret store.";

const slackRules: Rule[] = [
  define({
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
    truePositives: ([t]) => [line.env("SLACK_BOT_TOKEN", t), `app = App(token="${t}")`],
    falsePositives: ([t]) => [line.env("SLACK_BOT_TOKEN", t.slice(0, 25)), `const id = "${XOX}b-${fake.digits(12, "x")}";`, line.env("SLACK_BOT_TOKEN", t + "-extra")],
  }),
  define({
    id: "slack-user-token",
    title: "Slack user token",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "p-"],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxp-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "p-" + fake.digits(11, "u1") + "-" + fake.digits(12, "u2") + "-" + fake.digits(13, "u3") + "-" + fake.hex(32, "u4")] as const,
    truePositives: ([t]) => [line.env("SLACK_USER_TOKEN", t), `curl -H "Authorization: Bearer ${t}" https://slack.com/api/auth.test`],
    falsePositives: ([t]) => [line.env("SLACK_USER_TOKEN", t.slice(0, 40)), line.env("SLACK_USER_TOKEN", t.toUpperCase().replace("XOXP", XOX + "p"))],
  }),
  define({
    id: "slack-workspace-token",
    title: "Slack workspace app token (legacy)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "a-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xoxa-(?:[0-9]-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{8,64}){1,5})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "a-2-" + fake.digits(12, "wa1") + "-" + fake.digits(12, "wa2") + "-" + fake.hex(32, "wa3")] as const,
    truePositives: ([t]) => [line.env("SLACK_TOKEN", t), line.json("access_token", t)],
    falsePositives: ([t]) => [`const label = "${XOX}a-short";`, `const y = "${t}_x";`],
  }),
  define({
    id: "slack-legacy-refresh-token",
    title: "Slack workspace app refresh token (legacy)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "r-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xoxr-(?:[0-9]-)?[0-9A-Za-z]{8,48}(?:-[0-9A-Za-z]{8,64}){0,5})(?![A-Za-z0-9_-])/,
    docs: SLACK_TOKEN_DOCS,
    remediation: SLACK_REMEDIATION,
    samples: () => [XOX + "r-" + fake.digits(12, "wr1") + "-" + fake.alnum(40, "wr2")] as const,
    truePositives: ([t]) => [line.json("refresh_token", t), line.env("SLACK_REFRESH_TOKEN", t)],
    falsePositives: () => [`const label = "${XOX}r-1";`, `const y = "${XOX}r-abc";`],
  }),
  define({
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
    truePositives: ([t]) => [line.env("SLACK_XOXC", t), `headers = {"Authorization": "Bearer ${t}"}`],
    falsePositives: ([t]) => [line.env("SLACK_XOXC", t.slice(0, 30)), `const y = "${XOX}c-123-456-789-abc";`],
  }),
  define({
    id: "slack-configuration-token",
    title: "Slack app configuration access token",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "e." + XOX],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{160,170})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/config-tokens",
    remediation: "Revoke the configuration token (tooling.tokens.rotate or the app config page) and regenerate it only where needed.",
    samples: () => [XOX + "e." + XOX + "p-1-" + fake.alnum(164, "cfg")] as const,
    truePositives: ([t]) => [line.env("SLACK_CONFIG_TOKEN", t), `slack manifest --token ${t}`],
    falsePositives: ([t]) => [line.env("SLACK_CONFIG_TOKEN", t.slice(0, 100)), `const y = "${XOX}e.${XOX}p-1-abc";`],
  }),
  define({
    id: "slack-rotating-refresh-token",
    title: "Slack refresh token (token rotation / configuration)",
    provider: "Slack",
    severity: "high",
    keywords: [XOX + "e-"],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>xoxe-[0-9]-[A-Za-z0-9]{140,180})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/rotation",
    remediation: "Revoke the app's tokens (auth.revoke or reinstall the app) and store rotating refresh tokens encrypted, outside the code.",
    samples: () => [XOX + "e-1-" + fake.alnum(146, "rot")] as const,
    truePositives: ([t]) => [line.json("refresh_token", t), line.env("SLACK_REFRESH_TOKEN", t)],
    falsePositives: ([t]) => [line.env("SLACK_REFRESH_TOKEN", t.slice(0, 60)), `const y = "${XOX}e-1-short";`],
  }),
  define({
    id: "slack-app-token",
    title: "Slack app-level token",
    provider: "Slack",
    severity: "high",
    keywords: ["xapp-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xapp-[0-9]-[A-Z0-9]{6,20}-[0-9]{6,20}-[a-f0-9]{32,80})(?![A-Za-z0-9_-])/,
    docs: "https://api.slack.com/authentication/token-types#app-level",
    remediation: "Revoke the app-level token under Basic Information > App-Level Tokens and generate a new one kept in a secret store.",
    samples: () => ["xapp" + "-1-A" + fake.upperDigits(10, "xapp1") + "-" + fake.digits(13, "xapp2") + "-" + fake.hex(64, "xapp3")] as const,
    truePositives: ([t]) => [line.env("SLACK_APP_TOKEN", t), `SocketModeHandler(app, "${t}").start()`],
    falsePositives: ([t]) => [line.env("SLACK_APP_TOKEN", t.slice(0, 40)), 'const prefix = "xapp' + '-1-";'],
  }),
  define({
    id: "slack-webhook-url",
    title: "Slack incoming webhook URL",
    provider: "Slack",
    severity: "high",
    keywords: ["hooks.slack.com/services/"],
    regex: /(?<secret>hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
    docs: "https://api.slack.com/messaging/webhooks",
    remediation: "Regenerate or remove the webhook in the app's Incoming Webhooks page and load the URL from a secret store.",
    samples: () => ["hooks.slack" + ".com/services/T" + fake.upperDigits(8, "wh-t") + "/B" + fake.upperDigits(10, "wh-b") + "/" + fake.alnum(24, "wh-s")] as const,
    truePositives: ([u]) => [line.env("SLACK_WEBHOOK_URL", "https://" + u), `requests.post("https://${u}", json={"text": "deployed"})`],
    falsePositives: ([u]) => [line.env("SLACK_WEBHOOK_URL", "https://" + u.slice(0, -4)), line.env("SLACK_WEBHOOK_URL", "https://hooks.slack" + ".com/services/T000/B000/XXXX")],
  }),
  define({
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
    truePositives: ([trigger, workflow]) => [line.env("SLACK_WORKFLOW_URL", "https://" + trigger), `fetch("https://${workflow}", { method: "POST" })`],
    falsePositives: ([trigger]) => [line.env("SLACK_WORKFLOW_URL", "https://" + trigger.slice(0, -20)), "const docs = 'https://hooks.slack" + ".com/workflows/';"],
  }),
  define({
    id: "slack-signing-secret",
    title: "Slack app signing secret",
    provider: "Slack",
    severity: "high",
    keywords: ["slack"],
    regex: assigned(`${ci("slack")}[\\w.-]{0,20}?${ci("signing")}${SEP}${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://api.slack.com/authentication/verifying-requests-from-slack",
    remediation: "Regenerate the signing secret under Basic Information > App Credentials and keep it in a secret store.",
    samples: () => [fake.hex(32, "slack-signing")] as const,
    truePositives: ([s]) => [line.env("SLACK_SIGNING_SECRET", s), `app = App(token=bot_token, slackSigningSecret="${s}")`],
    falsePositives: ([s]) => [line.env("SLACK_SIGNING_SECRET", s.slice(0, 20)), line.env("SLACK_CLIENT_ID", s)],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Discord, Telegram, Microsoft Teams

const DISCORD_TOKEN = String.raw`[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`;

const chatRules: Rule[] = [
  define({
    id: "discord-bot-token",
    title: "Discord bot token",
    provider: "Discord",
    severity: "high",
    keywords: ["discord", "bot_token", "bottoken", "bot-token", "bot ", ".run(", ".login("],
    // base64(bot user id) . timestamp . HMAC. Only with context: a Discord/bot-token setting, the
    // "Bot" authorization scheme, or the client's run()/login() call.
    regex: new RegExp(
      `(?:(?:${ci("discord")}[\\w.-]{0,30}?|${ci("bot")}${SEP}${ci("token")})${ASSIGN}|\\b${ci("bot")}\\s{1,3}|\\.(?:run|login)\\(\\s{0,3}["'\\x60])` +
        `(?<secret>${DISCORD_TOKEN})(?![A-Za-z0-9_-])`,
    ),
    docs: "https://discord.com/developers/docs/reference#authentication",
    remediation: "Reset the bot token in the Developer Portal (Bot > Reset Token) and load it from the environment or a secret store.",
    samples: () =>
      [
        Buffer.from(fake.digits(19, "discord-id").replace(/^0/, "1")).toString("base64url").slice(0, 26) + "." + fake.base64url(6, "dt") + "." + fake.base64url(38, "dh"),
        "MT" + fake.base64url(24, "discord-id-2") + "." + fake.base64url(6, "dt2") + "." + fake.base64url(27, "dh2"),
      ] as const,
    truePositives: ([t, old]) => [line.env("DISCORD_TOKEN", t), `client.run("${t}")`, `headers = {"Authorization": "Bot ${old}"}`],
    falsePositives: ([t]) => [`const version = "${t}";`, line.env("DISCORD_TOKEN", t.split(".").slice(0, 2).join("."))],
  }),
  define({
    id: "discord-webhook-url",
    title: "Discord webhook URL",
    provider: "Discord",
    severity: "medium",
    keywords: ["discord.com/api", "discordapp.com/api"],
    regex: /(?<secret>discord(?:app)?\.com\/api(?:\/v[0-9]{1,2})?\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/,
    docs: "https://discord.com/developers/docs/resources/webhook#execute-webhook",
    remediation: "Delete the webhook (channel settings > Integrations > Webhooks) and create a new one whose URL lives in a secret store.",
    samples: () => ["discord" + ".com/api/webhooks/" + fake.digits(19, "dw-id") + "/" + fake.base64url(68, "dw-token")] as const,
    truePositives: ([u]) => [line.env("DISCORD_WEBHOOK_URL", "https://" + u), `requests.post("https://${u}", json={"content": "hi"})`],
    falsePositives: ([u]) => [line.env("DISCORD_WEBHOOK_URL", "https://" + u.slice(0, -30)), 'const base = "https://discord.com/api/webhooks/";'],
  }),
  define({
    id: "telegram-bot-token",
    title: "Telegram bot token",
    provider: "Telegram",
    severity: "high",
    keywords: [":aa"],
    // <bot id>:<35 characters starting with "AA">; in API URLs it follows "/bot".
    regex: /(?:(?<=\/bot)|(?<![A-Za-z0-9_]))(?<secret>[0-9]{6,12}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
    docs: "https://core.telegram.org/bots/api#authorizing-your-bot",
    remediation: "Revoke the token with @BotFather (/revoke) and load the new one from the environment or a secret store.",
    samples: () => [fake.digits(10, "tg-id").replace(/^0/, "7") + ":AA" + fake.base64url(33, "tg-secret")] as const,
    truePositives: ([t]) => [line.env("TELEGRAM_BOT_TOKEN", t), `fetch("https://api.telegram.org/bot${t}/sendMessage")`],
    falsePositives: ([t]) => [line.env("TELEGRAM_BOT_TOKEN", t.slice(0, 30)), "const time = '12:AAmorning';"],
  }),
  define({
    id: "microsoft-teams-webhook-url",
    title: "Microsoft Teams incoming webhook URL",
    provider: "Microsoft Teams",
    severity: "medium",
    keywords: ["webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"],
    regex: new RegExp(
      `(?<secret>(?:[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${UUID_UPPER_OR_LOWER}@${UUID_UPPER_OR_LOWER}/IncomingWebhook/[a-f0-9]{32}/${UUID_UPPER_OR_LOWER}(?:/V2[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    ),
    docs: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
    remediation: "Remove the connector/webhook from the channel and create a new one whose URL lives in a secret store.",
    samples: () => ["acme.webhook.office" + ".com/webhookb2/" + fake.uuid("tw1") + "@" + fake.uuid("tw2") + "/IncomingWebhook/" + fake.hex(32, "tw3") + "/" + fake.uuid("tw4") + "/V2" + fake.base64url(43, "tw5")] as const,
    truePositives: ([u]) => [line.env("TEAMS_WEBHOOK_URL", "https://" + u), `await fetch("https://${u}", { method: "POST", body })`],
    falsePositives: ([u]) => [line.env("TEAMS_WEBHOOK_URL", "https://" + u.slice(0, 80)), 'const docs = "https://acme.webhook.office.com/webhookb2/<id>";'],
  }),
  define({
    id: "microsoft-teams-workflow-webhook",
    title: "Microsoft Teams workflow (Power Automate / Logic Apps) webhook signature",
    provider: "Microsoft Teams",
    severity: "medium",
    keywords: ["/paths/invoke"],
    // Teams "Workflows" webhooks are HTTP trigger URLs signed by their sig= parameter.
    regex: /\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_-]{1,64}\/paths\/invoke\?[^\s"'<>`]{0,300}?(?<=[?&])sig=(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_%-])/,
    docs: "https://learn.microsoft.com/en-us/power-automate/teams/create-flows-power-apps-teams",
    remediation: "Regenerate the trigger's URL (re-create the workflow trigger or rotate the Logic App's access keys) and keep it in a secret store.",
    samples: () => [fake.base64url(43, "teams-wf-sig")] as const,
    truePositives: ([sig]) => [
      line.env("TEAMS_WORKFLOW_URL", `https://prod-12.westus.logic.azure.com:443/workflows/${fake.hex(32, "wf")}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`),
      `const url = "https://default${fake.hex(30, "env")}.0e.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${fake.hex(32, "wf2")}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}";`,
    ],
    falsePositives: ([sig]) => [`https://example.com/paths/invoke?sig=${sig}`, `/workflows/${fake.hex(32, "wf3")}/triggers/manual/paths/invoke?api-version=1&sig=short`],
  }),
];

// ---------------------------------------------------------------------------------------------------
// SMS, voice and email APIs

const apiRules: Rule[] = [
  define({
    id: "twilio-api-key",
    title: "Twilio API key SID",
    provider: "Twilio",
    severity: "high",
    // The prefix "SK" is short, but the regex is anchored on it and 32 lower-case hex must follow.
    keywords: ["sk"],
    regex: /(?<![A-Za-z0-9_])(?<secret>SK[0-9a-f]{32})(?![A-Za-z0-9_])/,
    docs: "https://www.twilio.com/docs/iam/api-keys",
    remediation: "Delete the API key in the Twilio Console (Account > API keys & tokens); its secret is likely nearby and is revoked with it.",
    samples: () => ["SK" + fake.hex(32, "twilio-sk")] as const,
    truePositives: ([k]) => [line.env("TWILIO_API_KEY", k), `client = Client("${k}", api_secret, account_sid)`],
    falsePositives: ([k]) => [line.env("TWILIO_API_KEY", k.toUpperCase()), line.env("TWILIO_API_KEY", k.slice(0, 30)), `const skip = "SKIP_${k.slice(2)}";`],
  }),
  define({
    id: "twilio-account-sid",
    title: "Twilio account SID",
    provider: "Twilio",
    severity: "low",
    keywords: ["twilio", "account_sid", "accountsid", "account-sid"],
    // An identifier, not a secret on its own: reported low, as a sign that the auth token is near.
    regex: assigned(`${ci("twilio")}[\\w.-]{0,20}?${ci("sid")}|${ci("account")}${SEP}${ci("sid")}`, "AC[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/api/account",
    remediation: "No rotation needed for the SID itself; check that the auth token or API key secret next to it is not committed as well.",
    samples: () => ["AC" + fake.hex(32, "twilio-ac")] as const,
    truePositives: ([sid]) => [line.env("TWILIO_ACCOUNT_SID", sid), `  accountSid: "${sid}",`],
    falsePositives: ([sid]) => [line.env("TWILIO_ACCOUNT_SID", sid.slice(0, 20)), `const other = "${sid}";`],
  }),
  define({
    id: "twilio-auth-token",
    title: "Twilio auth token",
    provider: "Twilio",
    severity: "critical",
    keywords: ["twilio"],
    regex: assigned(`${ci("twilio")}[\\w.-]{0,20}?${ci("auth")}${SEP}${ci("token")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/access-tokens#auth-tokens",
    remediation: "Rotate the auth token (promote the secondary token in the Console) and move API access to API keys kept in a secret store.",
    samples: () => [fake.hex(32, "twilio-auth")] as const,
    truePositives: ([t]) => [line.env("TWILIO_AUTH_TOKEN", t), `  twilioAuthToken: '${t}',`],
    falsePositives: ([t]) => [line.env("TWILIO_AUTH_TOKEN", t.slice(0, 20)), "  twilioAuthToken: process.env.TWILIO_AUTH_TOKEN,"],
  }),
  define({
    id: "twilio-api-key-secret",
    title: "Twilio API key secret",
    provider: "Twilio",
    severity: "high",
    keywords: ["twilio"],
    regex: assigned(`${ci("twilio")}[\\w.-]{0,20}?(?:${ci("api")}${SEP}(?:${ci("key")}${SEP})?)?${ci("secret")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.twilio.com/docs/iam/api-keys",
    remediation: "Delete the API key in the Twilio Console and create a new one, with its secret in a secret store.",
    samples: () => [fake.alnum(32, "twilio-secret")] as const,
    truePositives: ([s]) => [line.env("TWILIO_API_SECRET", s), line.yaml("twilio_api_key_secret", s)],
    falsePositives: ([s]) => [line.env("TWILIO_API_SECRET", s.slice(0, 24)), `const secret = "${s}";`],
  }),
  define({
    id: "sendgrid-api-key",
    title: "SendGrid API key",
    provider: "SendGrid",
    severity: "high",
    keywords: ["sg."],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    remediation: "Delete the key in Settings > API Keys and create a new, narrowly scoped one stored in a secret store.",
    samples: () => ["SG." + fake.base64url(22, "sg-id") + "." + fake.base64url(43, "sg-secret")] as const,
    truePositives: ([k]) => [line.env("SENDGRID_API_KEY", k), `sgMail.setApiKey("${k}");`],
    falsePositives: ([k]) => [line.env("SENDGRID_API_KEY", k.slice(0, 40)), 'const ns = "SG.util.format";'],
  }),
  define({
    id: "mailgun-api-key",
    title: "Mailgun API key",
    provider: "Mailgun",
    severity: "high",
    keywords: ["mailgun", "key-"],
    // Legacy "key-" + 32 base36 characters, or the current <32 hex>-<8 hex>-<8 hex> form; only in a
    // Mailgun setting (not its webhook signing key) or as the password of the "api" user.
    regex: new RegExp(
      `(?:${ci("mailgun")}(?![\\w.-]{0,30}?(?:${ci("webhook")}|${ci("signing")}))[\\w.-]{0,30}?${ASSIGN}|\\b${ci("api")}["']?\\s{0,3}[:,]\\s{0,3}["']?)` +
        `(?<secret>key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9-])`,
    ),
    docs: "https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key",
    remediation: "Delete or rotate the key in Settings > API Security and keep its replacement in a secret store.",
    samples: () => ["key-" + fake.lowerDigits(32, "mg-legacy"), fake.hex(32, "mg-new") + "-" + fake.hex(8, "mg-b") + "-" + fake.hex(8, "mg-c")] as const,
    truePositives: ([legacy, current]) => [
      line.env("MAILGUN_API_KEY", current),
      `requests.post(url, auth=("api", "${legacy}"), data=payload)`,
      `curl -s --user 'api:${legacy}' https://api.mailgun.net/v3/acme.com/messages`,
    ],
    falsePositives: ([legacy, current]) => [line.env("MAILGUN_WEBHOOK_SIGNING_KEY", current), `const cacheKey = "${legacy}";`, line.env("MAILGUN_API_KEY", legacy.slice(0, 20))],
  }),
  define({
    id: "mailgun-webhook-signing-key",
    title: "Mailgun webhook signing key",
    provider: "Mailgun",
    severity: "medium",
    keywords: ["mailgun"],
    regex: assigned(
      `${ci("mailgun")}[\\w.-]{0,30}?(?:${ci("webhook")}|${ci("signing")})[\\w.-]{0,20}?${ci("key")}`,
      "[0-9a-f]{32}(?:-[0-9a-f]{8}-[0-9a-f]{8})?",
      "[A-Za-z0-9-]",
    ),
    docs: "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks",
    remediation: "Rotate the HTTP webhook signing key in Settings > API Security and keep it in a secret store.",
    samples: () => [fake.hex(32, "mg-sign") + "-" + fake.hex(8, "mg-sign-b") + "-" + fake.hex(8, "mg-sign-c")] as const,
    truePositives: ([k]) => [line.env("MAILGUN_WEBHOOK_SIGNING_KEY", k), `  mailgunSigningKey: "${k}",`],
    falsePositives: ([k]) => [line.env("MAILGUN_WEBHOOK_SIGNING_KEY", k.slice(0, 20)), line.env("MAILGUN_API_KEY", k)],
  }),
  define({
    id: "mailchimp-api-key",
    title: "Mailchimp API key",
    provider: "Mailchimp",
    severity: "high",
    keywords: ["-us"],
    // 32 hex characters and the data center suffix ("-us6").
    regex: /(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9])/,
    docs: "https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key",
    remediation: "Revoke the key in Account > Extras > API keys and keep its replacement in a secret store.",
    samples: () => [fake.hex(32, "mailchimp") + "-us21"] as const,
    truePositives: ([k]) => [line.env("MAILCHIMP_API_KEY", k), `mailchimp.setConfig({ apiKey: "${k}", server: "us21" });`],
    falsePositives: ([k]) => [`const locale = "en-us";`, line.env("MAILCHIMP_API_KEY", k.slice(0, 20) + "-us21"), `const x = "${k}x";`],
  }),
  define({
    id: "mandrill-api-key",
    title: "Mandrill (Mailchimp Transactional) API key",
    provider: "Mailchimp",
    severity: "high",
    keywords: ["mandrill"],
    regex: assigned(`${ci("mandrill")}[\\w.-]{0,20}?(?:${ci("api")}${SEP})?${ci("key")}`, "(?:md-)?[A-Za-z0-9_-]{22}", "[A-Za-z0-9_-]"),
    minEntropy: 3,
    docs: "https://mailchimp.com/developer/transactional/guides/quick-start/#generate-your-api-key",
    remediation: "Delete the key in Mandrill's Settings > SMTP & API Info and keep its replacement in a secret store.",
    samples: () => ["md-" + fake.base64url(22, "mandrill"), fake.alnum(22, "mandrill-old")] as const,
    truePositives: ([k, old]) => [line.env("MANDRILL_API_KEY", k), line.json("mandrillApiKey", k), line.yaml("mandrill_key", old)],
    falsePositives: ([k]) => [line.env("MANDRILL_API_KEY", k.slice(0, 15)), line.env("MANDRILL_API_KEY", "aaaaaaaaaaaaaaaaaaaaaa")],
  }),
  define({
    id: "postmark-server-token",
    title: "Postmark server or account API token",
    provider: "Postmark",
    severity: "high",
    keywords: ["postmark"],
    regex: assigned(`${ci("postmark")}[\\w.-]{0,30}?(?:${ci("token")}|${ci("key")})`, uuid, "[A-Za-z0-9-]"),
    docs: "https://postmarkapp.com/developer/api/overview#authentication",
    remediation: "Reset the token in the server's (or account's) API Tokens tab and keep its replacement in a secret store.",
    samples: () => [fake.uuid("postmark")] as const,
    truePositives: ([t]) => [line.env("POSTMARK_SERVER_TOKEN", t), `curl -H "X-Postmark-Server-Token: ${t}" https://api.postmarkapp.com/email`],
    falsePositives: ([t]) => [line.env("POSTMARK_MESSAGE_ID", t), line.env("POSTMARK_SERVER_TOKEN", t.slice(0, 30))],
  }),
  define({
    id: "brevo-api-key",
    title: "Brevo (Sendinblue) API key",
    provider: "Brevo",
    severity: "high",
    keywords: ["xkeysib-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    docs: "https://developers.brevo.com/docs/getting-started",
    remediation: "Delete the key in SMTP & API > API Keys and keep its replacement in a secret store.",
    samples: () => ["xkeysib-" + fake.hex(64, "brevo") + "-" + fake.alnum(16, "brevo-b")] as const,
    truePositives: ([k]) => [line.env("BREVO_API_KEY", k), `headers: { "api-key": "${k}" },`],
    falsePositives: ([k]) => [line.env("BREVO_API_KEY", k.slice(0, 60)), 'const prefix = "xkeysib-";'],
  }),
  define({
    id: "brevo-smtp-key",
    title: "Brevo (Sendinblue) SMTP key",
    provider: "Brevo",
    severity: "high",
    keywords: ["xsmtpsib-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
    docs: "https://help.brevo.com/hc/en-us/articles/7924908994450",
    remediation: "Delete the SMTP key in SMTP & API > SMTP and keep its replacement in a secret store.",
    samples: () => ["xsmtpsib-" + fake.hex(64, "brevo-smtp") + "-" + fake.alnum(16, "brevo-smtp-b")] as const,
    truePositives: ([k]) => [line.env("SMTP_PASSWORD", k), `  smtp_password: "${k}"`],
    falsePositives: ([k]) => [line.env("SMTP_PASSWORD", k.slice(0, 50)), 'const prefix = "xsmtpsib-";'],
  }),
  define({
    id: "vonage-api-secret",
    title: "Vonage (Nexmo) API secret",
    provider: "Vonage",
    severity: "high",
    keywords: ["vonage", "nexmo"],
    regex: assigned(`(?:${ci("vonage")}|${ci("nexmo")})[\\w.-]{0,20}?${ci("secret")}`, "[A-Za-z0-9]{16}", "[A-Za-z0-9]"),
    docs: "https://developer.vonage.com/en/getting-started/concepts/authentication",
    remediation: "Rotate the API secret in the Vonage dashboard (API Settings) and keep it in a secret store.",
    samples: () => [fake.alnum(16, "vonage")] as const,
    truePositives: ([s]) => [line.env("VONAGE_API_SECRET", s), line.json("nexmoApiSecret", s)],
    falsePositives: ([s]) => [line.env("VONAGE_API_KEY", s.slice(0, 8)), line.env("VONAGE_API_SECRET", s.slice(0, 10))],
  }),
  define({
    id: "messagebird-api-key",
    title: "MessageBird (Bird) access key",
    provider: "MessageBird",
    severity: "high",
    keywords: ["messagebird", "message_bird", "message-bird"],
    regex: assigned(`${ci("message")}${SEP}${ci("bird")}[\\w.-]{0,20}?(?:${ci("key")}|${ci("token")})`, "[A-Za-z0-9]{25}", "[A-Za-z0-9]"),
    docs: "https://developers.messagebird.com/api/#authentication",
    remediation: "Delete the access key in the dashboard's Developers > API access and keep its replacement in a secret store.",
    samples: () => [fake.alnum(25, "messagebird")] as const,
    truePositives: ([k]) => [line.env("MESSAGEBIRD_ACCESS_KEY", k), `  messageBirdKey: "${k}",`],
    falsePositives: ([k]) => [line.env("MESSAGEBIRD_ACCESS_KEY", k.slice(0, 20)), `const key = "${k}";`],
  }),
  define({
    id: "plivo-auth-token",
    title: "Plivo auth token",
    provider: "Plivo",
    severity: "high",
    keywords: ["plivo"],
    regex: assigned(`${ci("plivo")}[\\w.-]{0,20}?${ci("auth")}${SEP}${ci("token")}`, "[A-Za-z0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://www.plivo.com/docs/sms/concepts/authentication",
    remediation: "Regenerate the auth token in the Plivo console and keep it in a secret store.",
    samples: () => [fake.alnum(40, "plivo")] as const,
    truePositives: ([t]) => [line.env("PLIVO_AUTH_TOKEN", t), `  plivoAuthToken: '${t}',`],
    falsePositives: ([t]) => [line.env("PLIVO_AUTH_ID", t.slice(0, 20)), line.env("PLIVO_AUTH_TOKEN", t.slice(0, 30))],
  }),
  define({
    id: "telnyx-api-key",
    title: "Telnyx API v2 key",
    provider: "Telnyx",
    severity: "high",
    keywords: ["key0"],
    // "KEY" + a 32-character upper-case hex id (a ULID, so it starts with "0") + "_" + a 22-character secret.
    regex: /(?<![A-Za-z0-9_])(?<secret>KEY0[0-9A-F]{31}_[A-Za-z0-9]{22})(?![A-Za-z0-9_])/,
    docs: "https://developers.telnyx.com/docs/overview/authentication",
    remediation: "Delete the key in the portal's Auth > API Keys and keep its replacement in a secret store.",
    samples: () => ["KEY0" + fake.hexUpper(31, "telnyx") + "_" + fake.alnum(22, "telnyx-s")] as const,
    truePositives: ([k]) => [line.env("TELNYX_API_KEY", k), `const telnyx = Telnyx("${k}");`],
    falsePositives: ([k]) => [line.env("TELNYX_API_KEY", k.split("_")[0] ?? ""), 'const enumName = "KEY0_UP";'],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Collaboration, social platforms

const platformRules: Rule[] = [
  define({
    id: "mattermost-access-token",
    title: "Mattermost personal access or bot token",
    provider: "Mattermost",
    severity: "high",
    keywords: ["mattermost"],
    regex: assigned(`${ci("mattermost")}[\\w.-]{0,20}?(?:${ci("token")}|${ci("key")}|${ci("pat")})`, "[a-z0-9]{26}", "[A-Za-z0-9]"),
    docs: "https://developers.mattermost.com/integrate/reference/personal-access-token/",
    remediation: "Revoke the token in Profile > Security > Personal Access Tokens (or the bot account) and keep its replacement in a secret store.",
    samples: () => [fake.lowerDigits(26, "mattermost")] as const,
    truePositives: ([t]) => [line.env("MATTERMOST_TOKEN", t), `  mattermost_bot_token: "${t}"`],
    falsePositives: ([t]) => [line.env("MATTERMOST_TEAM_ID", t), line.env("MATTERMOST_TOKEN", t.slice(0, 20))],
  }),
  define({
    id: "zulip-api-key",
    title: "Zulip API key",
    provider: "Zulip",
    severity: "high",
    keywords: ["zulip"],
    regex: assigned(`${ci("zulip")}[\\w.-]{0,20}?(?:${ci("api")}${SEP})?${ci("key")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://zulip.com/api/api-keys",
    remediation: "Regenerate the API key in Personal settings > Account & privacy (or the bot's settings) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "zulip")] as const,
    truePositives: ([k]) => [line.env("ZULIP_API_KEY", k), `  zulipKey: "${k}",`],
    falsePositives: ([k]) => [line.env("ZULIP_API_KEY", k.slice(0, 20)), line.env("ZULIP_SITE", "https://acme.zulipchat.com")],
  }),
  define({
    id: "intercom-access-token",
    title: "Intercom access token",
    provider: "Intercom",
    severity: "high",
    keywords: ["intercom"],
    regex: assigned(`${ci("intercom")}[\\w.-]{0,20}?(?:${ci("token")}|${ci("key")})`, "[A-Za-z0-9=_-]{59,70}", "[A-Za-z0-9=_-]"),
    docs: "https://developers.intercom.com/docs/build-an-integration/learn-more/authentication",
    remediation: "Revoke the token (regenerate it in the Developer Hub app's Authentication page) and keep it in a secret store.",
    samples: () => ["dG9rOj" + fake.base64url(54, "intercom") + "="] as const,
    truePositives: ([t]) => [line.env("INTERCOM_ACCESS_TOKEN", t), `  intercomToken: "${t}",`],
    falsePositives: ([t]) => [line.env("INTERCOM_ACCESS_TOKEN", t.slice(0, 40)), line.env("INTERCOM_APP_ID", "abc123")],
  }),
  define({
    id: "pusher-app-secret",
    title: "Pusher Channels app secret",
    provider: "Pusher",
    severity: "high",
    keywords: ["pusher"],
    regex: assigned(`${ci("pusher")}[\\w.-]{0,20}?${ci("secret")}`, "[a-f0-9]{20}", "[A-Za-z0-9]"),
    docs: "https://pusher.com/docs/channels/server_api/authenticating-users/",
    remediation: "Rotate the app's key/secret pair in the Channels dashboard (App Keys) and keep the secret server-side in a secret store.",
    samples: () => [fake.hex(20, "pusher")] as const,
    truePositives: ([s]) => [line.env("PUSHER_APP_SECRET", s), line.json("pusherSecret", s)],
    falsePositives: ([s]) => [line.env("PUSHER_APP_KEY", s), line.env("PUSHER_APP_SECRET", s.slice(0, 12))],
  }),
  define({
    id: "zoom-client-secret",
    title: "Zoom app client secret",
    provider: "Zoom",
    severity: "high",
    keywords: ["zoom"],
    regex: assigned(`${ci("zoom")}[\\w.-]{0,30}?${ci("secret")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.zoom.us/docs/integrations/oauth/",
    remediation: "Regenerate the client secret in the app's App Credentials page (Zoom App Marketplace) and keep it in a secret store.",
    samples: () => [fake.alnum(32, "zoom")] as const,
    truePositives: ([s]) => [line.env("ZOOM_CLIENT_SECRET", s), line.json("zoomApiSecret", s)],
    falsePositives: ([s]) => [line.env("ZOOM_CLIENT_ID", s.slice(0, 22)), line.env("ZOOM_CLIENT_SECRET", s.slice(0, 20))],
  }),
  define({
    id: "twitter-bearer-token",
    title: "X (Twitter) app bearer token",
    provider: "X (Twitter)",
    severity: "high",
    keywords: ["aaaaaaaaaaaaaaaaaaaa"],
    // App-only bearer tokens start with a run of "A" and carry URL-encoded characters (%2B, %3D). The
    // reported value leaves out the leading run, which alone would read as a dummy.
    regex: /(?<![A-Za-z0-9%])A{20}(?<secret>A{0,6}(?=[A-Za-z0-9%]{0,130}%)[A-Za-z0-9%]{70,130})(?![A-Za-z0-9%])/,
    docs: "https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/bearer-tokens",
    remediation: "Regenerate the bearer token in the developer portal (Keys and tokens) and keep it in a secret store.",
    samples: () => ["AM" + fake.alnum(10, "tw-a") + "AAAAAA" + fake.alnum(6, "tw-b") + "%2B" + fake.alnum(20, "tw-c") + "%3D" + fake.alnum(50, "tw-d")] as const,
    truePositives: ([rest]) => [line.env("TWITTER_BEARER_TOKEN", "A".repeat(21) + rest.slice(1)), `headers = {"Authorization": "Bearer ${"A".repeat(20)}${rest}"}`],
    falsePositives: ([rest]) => [`const blob = "${"A".repeat(40)}${fake.alnum(90, "blob")}";`, line.env("TWITTER_BEARER_TOKEN", "A".repeat(20) + rest.slice(0, 40))],
  }),
  define({
    id: "twitter-api-secret",
    title: "X (Twitter) API key secret",
    provider: "X (Twitter)",
    severity: "high",
    keywords: ["twitter"],
    regex: assigned(`${ci("twitter")}[\\w.-]{0,20}?(?:${ci("consumer")}${SEP}|${ci("api")}${SEP})?(?:${ci("key")}${SEP})?${ci("secret")}`, "[A-Za-z0-9]{50}", "[A-Za-z0-9]"),
    docs: "https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a/api-key-and-secret",
    remediation: "Regenerate the API key and secret in the developer portal (Keys and tokens) and keep them in a secret store.",
    samples: () => [fake.alnum(50, "twitter-secret")] as const,
    truePositives: ([s]) => [line.env("TWITTER_API_SECRET", s), line.yaml("twitter_consumer_secret", s)],
    falsePositives: ([s]) => [line.env("TWITTER_API_KEY", s.slice(0, 25)), line.env("TWITTER_API_SECRET", s.slice(0, 40))],
  }),
  define({
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
    truePositives: ([t]) => [line.env("FACEBOOK_ACCESS_TOKEN", t), `fetch(\`https://graph.facebook.com/v19.0/me?access_token=${t}\`)`],
    falsePositives: ([t]) => [line.env("FACEBOOK_ACCESS_TOKEN", t.slice(0, 60)), `const blob = "QUJD${t}+/==";`],
  }),
  define({
    id: "facebook-app-secret",
    title: "Facebook / Meta app secret",
    provider: "Meta",
    severity: "high",
    keywords: ["facebook", "fb_", "fb-", "fb.", "fbapp", "fbsecret"],
    regex: assigned(`(?:${ci("facebook")}|${ci("fb")})[\\w.-]{0,20}?${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.facebook.com/docs/facebook-login/security/#appsecret",
    remediation: "Reset the app secret in App settings > Basic (this also invalidates tokens signed with it) and keep it in a secret store.",
    samples: () => [fake.hex(32, "fb-secret")] as const,
    truePositives: ([s]) => [line.env("FACEBOOK_APP_SECRET", s), line.env("FB_APP_SECRET", s)],
    falsePositives: ([s]) => [line.env("FACEBOOK_APP_ID", s.slice(0, 15)), line.env("FACEBOOK_APP_SECRET", s.slice(0, 24))],
  }),
  define({
    id: "line-channel-secret",
    title: "LINE Messaging API channel secret",
    provider: "LINE",
    severity: "high",
    keywords: ["channel_secret", "channelsecret", "channel-secret"],
    regex: assigned(`${ci("channel")}${SEP}${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.line.biz/en/docs/messaging-api/getting-started/",
    remediation: "Reissue the channel secret in the LINE Developers console (Basic settings) and keep it in a secret store.",
    samples: () => [fake.hex(32, "line-secret")] as const,
    truePositives: ([s]) => [line.env("LINE_CHANNEL_SECRET", s), `const config = { channelSecret: "${s}" };`],
    falsePositives: ([s]) => [line.env("LINE_CHANNEL_ID", s.slice(0, 10)), "const config = { channelSecret: process.env.LINE_CHANNEL_SECRET };"],
  }),
  define({
    id: "line-channel-access-token",
    title: "LINE Messaging API channel access token",
    provider: "LINE",
    severity: "high",
    keywords: ["channel_access_token", "channelaccesstoken", "channel-access-token"],
    regex: assigned(`${ci("channel")}${SEP}${ci("access")}${SEP}${ci("token")}`, "[A-Za-z0-9+/]{150,200}={0,2}", "[A-Za-z0-9+/=]"),
    docs: "https://developers.line.biz/en/docs/basics/channel-access-token/",
    remediation: "Reissue (or revoke) the channel access token in the LINE Developers console and keep it in a secret store.",
    samples: () => [fake.base64(171, "line-token") + "="] as const,
    truePositives: ([t]) => [line.env("LINE_CHANNEL_ACCESS_TOKEN", t), `const config = { channelAccessToken: "${t}" };`],
    falsePositives: ([t]) => [line.env("LINE_CHANNEL_ACCESS_TOKEN", t.slice(0, 100)), "const config = { channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN };"],
  }),
  define({
    id: "wechat-app-secret",
    title: "WeChat official account / mini program AppSecret",
    provider: "WeChat",
    severity: "high",
    keywords: ["wechat", "weixin", "wx_", "wx-", "wxapp", "wxsecret"],
    regex: assigned(`(?:${ci("wechat")}|${ci("weixin")}|${ci("wx")})[\\w.-]{0,20}?${ci("secret")}`, "[a-f0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://developers.weixin.qq.com/doc/offiaccount/en/Basic_Information/Get_access_token.html",
    remediation: "Reset the AppSecret in the WeChat Official Accounts / Mini Program admin console and keep it server-side in a secret store.",
    samples: () => [fake.hex(32, "wechat")] as const,
    truePositives: ([s]) => [line.env("WECHAT_APP_SECRET", s), line.yaml("wx_app_secret", s)],
    falsePositives: ([s]) => [line.env("WECHAT_APP_ID", "wx" + s.slice(0, 16)), line.env("WECHAT_APP_SECRET", s.slice(0, 20))],
  }),
];

export const rules: Rule[] = [...slackRules, ...chatRules, ...apiRules, ...platformRules];
