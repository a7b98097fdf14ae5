/**
 * Google Cloud and Firebase: service-account key files, API keys (`AIza`), OAuth client secrets
 * (`GOCSPX-`), refresh (`1//0`) and access (`ya29.`) tokens, and legacy Cloud Messaging server keys.
 * Formats from Google's IAM, API key, OAuth 2.0 and Firebase documentation (linked on each rule).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { ASSIGN, SEP, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

/**
 * SHA-256 digests of the Google API keys Google itself published in its public Firebase SDK
 * repositories on GitHub: firebase/firebase-android-sdk (its history to a089298ed9),
 * firebase/firebase-js-sdk (6f865964ba) and firebase/firebase-ios-sdk (eed63a35a9). They are the keys
 * set in the SDKs' unit, integration and instrumentation tests (`TEST_API_KEY`, `setApiKey(…)`,
 * key-format assertions), in the `google-services.json`, `GoogleService-Info.plist`, `strings.xml` and CI
 * configuration of their test apps, samples and test projects, and the example in `FirebaseOptions`'
 * documentation. They are public and get copied into tests and samples: a placeholder, not a leak.
 * Digests, not the keys: a literal would itself read as one.
 */
const FIREBASE_SDK_PUBLISHED_KEYS: ReadonlySet<string> = new Set([
  "0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c",
  "2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4",
  "27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045",
  "281cbc35f6814ed4e401cdf03223a65a26f1d7d578c8f7a10eada2bb588074df",
  "37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619",
  "3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665",
  "3d12d5fd096bdc9cec21721ba03f2545b0e04d9ab00b16f4f8cbd0b619512d6c",
  "3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682",
  "49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0",
  "4c1bbecaca97449149fb0c08669495dbb34d5a939c51a28b66b9b8b3b1731b68",
  "4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583",
  "6ca6473b42d9c17e9059568aa166fa8b542a90ec4b6c38f25ab55d2be31c12e0",
  "6dc7fc8ebd924f29257679ecced9e2db53a7b0859f8dea8b21d91e890b23a653",
  "6f1ef2461e63469ebfbe05ab6c72f416578fa1003cea26131b22c9e1e476ce22",
  "85df9d8f90245d611af8db38ced3c86ea056512721f4d939c882e16cd56fd7bf",
  "8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1",
  "a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6",
  "a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41",
  "ab3ea7c28e929a57fd4926d36337d12f807c0dfffe170ad3fb278230989a0a8e",
  "c35d04b38d08fd0ced1b88c7b8c61842917c05687d33bb469fbbad462a9f00d5",
  "dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614",
  "df824817ace55ed76bdb9221216e09aadf792880fa5682792fd81bbdfe052ea7",
  "e2f11ce8bec346201079728778baa5c7b4b695751e2c6c21be58c35ff118a2ca",
  "e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9",
  "ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d",
  "eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1",
  "f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c",
  "fe686096b4987fed70f96ffa6572cccbc89193c5013b8206d2d40a741296eda5",
]);

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
    exampleValueHashes: FIREBASE_SDK_PUBLISHED_KEYS,
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
