/**
 * Google Cloud and Firebase: service-account key files, API keys (`AIza`), OAuth client secrets
 * (`GOCSPX-`), refresh (`1//0`) and access (`ya29.`) tokens, and legacy Cloud Messaging server keys.
 * Formats from Google's IAM, API key, OAuth 2.0 and Firebase documentation (linked on each rule).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { ASSIGN, SEP, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "gcp-service-account-key",
    title: "Google Cloud service account key (JSON key file)",
    provider: "Google Cloud",
    severity: "critical",
    keywords: ["private_key_id"],
    // A key file's private_key_id sits next to its PEM private key (reported apart by the private-key
    // rule); the id is what identifies the key to disable.
    regex: /["']?private_key_id["']?\s{0,5}[:=]\s{0,5}["']?(?<secret>[0-9a-f]{40})(?![0-9A-Za-z])/,
    docs: "https://cloud.google.com/iam/docs/keys-create-delete",
    remediation:
      "Delete the key in IAM > Service accounts > Keys (the id names it), then use Workload Identity Federation or attached service accounts instead of key files.",
    samples: () => [fake.hex(40, "gcp-sa-key-id")] as const,
    // The key file's field name, lower-case as Google writes it.
    truePositives: ([id]) => [
      ...inSyntaxes("private_key_id", id, ["yaml", "json", "js", "py", "toml"]),
      ...withValue(id, `{"type": "service_account", "project_id": "demo-123", "private_key_id": "%s"}`),
    ],
    falsePositives: ([id]) => [`  "private_key_id": "${id.slice(0, 32)}",`, `  "private_key_id": "${id.toUpperCase()}Z",`, '  "private_key_id": process.env.GCP_KEY_ID,'],
  }),
  defineRule({
    id: "gcp-api-key",
    title: "Google API key",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["aiza"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
    docs: "https://cloud.google.com/docs/authentication/api-keys",
    remediation:
      "Delete or regenerate the key in APIs & Services > Credentials; if it must ship to clients, restrict it by API and by application/referrer.",
    samples: () => ["AIza" + fake.base64url(35, "gcp-api-key"), "AIza" + fake.alnum(35, "gcp-api-key-2")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("google_api_key", b),
      ...withValue(a, '  apiKey: "%s",'),
      ...withValue(b, 'fetch("https://maps.googleapis.com/maps/api/geocode/json?key=%s")'),
    ],
    falsePositives: ([a]) => [`  apiKey: "${a.slice(0, 30)}",`, `const k = "${a}x";`, "  apiKey: process.env.GOOGLE_API_KEY,"],
  }),
  defineRule({
    id: "google-oauth-client-secret",
    title: "Google OAuth client secret",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["gocspx-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
    docs: "https://developers.google.com/identity/protocols/oauth2",
    remediation: "Reset the client secret in APIs & Services > Credentials and keep it in a secret manager, never in client code.",
    samples: () => ["GOCSPX-" + fake.base64url(28, "gocspx")] as const,
    truePositives: ([s]) => [...inSyntaxes("google_client_secret", s), ...withValue(s, '  "client_secret": "%s",')],
    falsePositives: ([s]) => [`GOOGLE_CLIENT_SECRET=${s.slice(0, 30)}`, `const prefix = "GOCSPX-";`],
  }),
  defineRule({
    id: "google-oauth-refresh-token",
    title: "Google OAuth refresh token",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["1//0"],
    // Google refresh tokens start with "1//0"; only reported as the value of a refresh-token setting.
    regex: new RegExp(`${ci("refresh")}${SEP}${ci("token")}${ASSIGN}(?<secret>1//0[A-Za-z0-9_-]{40,300})(?![A-Za-z0-9_-])`),
    docs: "https://developers.google.com/identity/protocols/oauth2#expiration",
    remediation: "Revoke the grant (myaccount.google.com/permissions or the revoke endpoint) and store refresh tokens encrypted, outside the code.",
    samples: () => ["1//0" + fake.base64url(99, "google-refresh")] as const,
    truePositives: ([t]) => [...inSyntaxes("google_refresh_token", t), ...withValue(t, '  "refresh_token": "%s",', "  refreshToken: '%s',")],
    falsePositives: ([t]) => [`const path = "1//0${t.slice(4, 20)}";`, "GOOGLE_REFRESH_TOKEN=1//0abc"],
  }),
  defineRule({
    id: "google-oauth-access-token",
    title: "Google OAuth access token",
    provider: "Google Cloud",
    severity: "medium",
    keywords: ["ya29."],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>ya29\.[0-9A-Za-z_-]{30,2048})(?![A-Za-z0-9_-])/,
    docs: "https://developers.google.com/identity/protocols/oauth2",
    remediation: "Revoke the token (https://oauth2.googleapis.com/revoke) and let the client library obtain short-lived tokens at run time.",
    samples: () => ["ya29." + fake.base64url(150, "ya29")] as const,
    truePositives: ([t]) => [
      ...inSyntaxes("google_access_token", t),
      ...withValue(t, 'curl -H "Authorization: Bearer %s" https://www.googleapis.com/drive/v3/files', '  "access_token": "%s",'),
    ],
    falsePositives: ([t]) => [`const x = "ya29.short";`, `const y = "a${t}";`],
  }),
  defineRule({
    id: "firebase-cloud-messaging-server-key",
    title: "Firebase Cloud Messaging legacy server key",
    provider: "Google Cloud",
    severity: "high",
    keywords: [":apa91b"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{130,140})(?![A-Za-z0-9_-])/,
    docs: "https://firebase.google.com/docs/cloud-messaging/migrate-v1",
    remediation: "Delete the legacy server key in the Firebase console (Cloud Messaging) and migrate to the HTTP v1 API with service account credentials.",
    samples: () => ["AAAA" + fake.base64url(7, "fcm-a") + ":APA91b" + fake.base64url(134, "fcm-b")] as const,
    truePositives: ([k]) => [...inSyntaxes("fcm_server_key", k), ...withValue(k, 'headers: { Authorization: "key=%s" },')],
    falsePositives: ([k]) => [`FCM_SERVER_KEY=${k.slice(0, 60)}`, `const registrationToken = "${k.slice(12)}";`],
  }),
];
