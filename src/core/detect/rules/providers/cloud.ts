/**
 * Cloud provider credentials: AWS, Google Cloud / Firebase, Azure, DigitalOcean, Alibaba, IBM, Oracle,
 * Tencent, Scaleway, Linode, Hetzner, Vultr, Yandex and Cloudinary.
 *
 * Formats with a distinctive prefix or structure match on their own; formats without one (a bare hex or
 * base64 string) match only as the value of a setting whose name says what it is (`ASSIGN` below).
 * Example values are generated at run time (fake.ts) so that no realistic secret sits in this file.
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, SEP, assigned, ci, define, line } from "./kit.js";

export { exampleSecrets } from "./kit.js";
import { fake, randomString } from "../../fake.js";

/** Base32 alphabets: AWS key ids (upper case) and legacy Azure DevOps tokens (lower case). */
const BASE32_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE32_LOWER = BASE32_UPPER.toLowerCase();

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

// ---------------------------------------------------------------------------------------------------
// AWS

const awsRules: Rule[] = [
  define({
    id: "aws-access-key-id",
    title: "AWS access key ID",
    provider: "AWS",
    severity: "critical",
    // AKIA: long-term user key; ASIA: temporary (STS) key; ABIA: STS service bearer token; ACCA:
    // context-specific credential; A3T*: early key ids. The 16 characters after the prefix are base32 in
    // practice; digits 0/1/8/9 are allowed too because AWS's own documentation examples use them.
    keywords: ["akia", "asia", "abia", "acca", "a3t"],
    regex: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])/,
    exampleValues: ["AKIA" + "IOSFODNN7EXAMPLE", "AKIAI44QH8DHB" + "EXAMPLE"],
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids",
    remediation:
      "Deactivate and delete the access key in IAM (and review CloudTrail for its use), then use roles, SSO or a secret manager instead of static keys.",
    samples: () => ["AKIA" + randomString(16, BASE32_UPPER, "aws-akia"), "ASIA" + randomString(16, BASE32_UPPER, "aws-asia")] as const,
    truePositives: ([akia, asia]) => [
      line.env("AWS_ACCESS_KEY_ID", akia),
      `aws_access_key_id = ${akia}`,
      line.json("AccessKeyId", asia),
      `const creds = { accessKeyId: '${asia}', region: "eu-west-1" };`,
    ],
    falsePositives: ([akia]) => [
      line.env("AWS_ACCESS_KEY_ID", akia.slice(0, 19)),
      `const id = "X${akia}";`,
      `const lower = "${akia.toLowerCase()}";`,
      "aws_access_key_id = os.environ['AWS_ACCESS_KEY_ID']",
    ],
  }),
  define({
    id: "aws-secret-access-key",
    title: "AWS secret access key",
    provider: "AWS",
    severity: "critical",
    keywords: ["aws_secret", "aws-secret", "aws.secret", "awssecret", "secret_access_key", "secretaccesskey", "secret-access-key"],
    // 40 base64 characters; only as the value of an AWS secret key setting (the format has no prefix).
    regex: new RegExp(
      `(?<![A-Za-z0-9/+])(?:${ci("aws")}${SEP}${ci("secret")}(?:${SEP}${ci("access")})?${SEP}${ci("key")}|${ci("secret")}${SEP}${ci("access")}${SEP}${ci("key")})` +
        // Values starting "YC" are Yandex Cloud's S3-compatible secrets (yandex-cloud-static-key-secret).
        `${ASSIGN}(?!YC)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ),
    exampleValues: ["wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/" + "h3yCo8nvbEXAMPLEKEY"],
    docs: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    remediation:
      "Deactivate and delete the access key pair in IAM, review CloudTrail for its use, and load credentials from a role, SSO or a secret manager.",
    samples: () => [fake.base64(40, "aws-secret-1"), fake.base64(40, "aws-secret-2")] as const,
    truePositives: ([a, b]) => [
      `aws_secret_access_key = ${a}`,
      line.shell("AWS_SECRET_ACCESS_KEY", a),
      `  secretAccessKey: "${b}",`,
      line.json("SecretAccessKey", b),
    ],
    falsePositives: ([a]) => [
      "aws_secret_access_key = os.environ['AWS_SECRET_ACCESS_KEY']",
      line.env("AWS_SECRET_ACCESS_KEY", a.slice(0, 39)),
      line.env("AWS_SECRET_ACCESS_KEY", a + "Zq"),
      "  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,",
    ],
  }),
  define({
    id: "aws-session-token",
    title: "AWS session token",
    provider: "AWS",
    severity: "high",
    keywords: ["session_token", "sessiontoken", "session-token", "security_token", "securitytoken"],
    // With an AWS-specific name any long base64 value counts; with a generic name (sessionToken) the
    // value must start like an STS token does (base64 of its binary header).
    regex: new RegExp(
      `(?:${ci("aws")}${SEP}(?:${ci("session")}|${ci("security")})${SEP}${ci("token")}${ASSIGN}` +
        `|(?:${ci("session")}|${ci("security")})${SEP}${ci("token")}${ASSIGN}(?=FwoGZXIvYXdz|FQoGZXIvYXdz|IQoJb3JpZ2lu))` +
        `(?<secret>[A-Za-z0-9/+]{100,2000}={0,2})(?![A-Za-z0-9/+=])`,
    ),
    docs: "https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html",
    remediation:
      "Revoke the role's active sessions (IAM > Roles > Revoke sessions) and never commit temporary credentials; let the SDK fetch them at run time.",
    samples: () => ["IQoJb3JpZ2luX2Vj" + fake.base64(300, "aws-sts-1"), fake.base64(220, "aws-sts-2")] as const,
    truePositives: ([sts, other]) => [
      line.env("AWS_SESSION_TOKEN", sts),
      `  sessionToken: "${sts}",`,
      `aws_security_token = ${other}`,
    ],
    falsePositives: ([, other]) => [
      `  sessionToken: "${other}",`,
      line.env("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2Vj" + fake.base64(40, "short")),
      "  sessionToken: process.env.AWS_SESSION_TOKEN,",
    ],
  }),
  define({
    id: "aws-bedrock-api-key",
    title: "Amazon Bedrock API key",
    provider: "AWS",
    severity: "high",
    keywords: ["absk", "bedrock-api-key-"],
    // Long-term keys: "ABSK" + base64("BedrockAPIKey-..."); short-term keys: "bedrock-api-key-" +
    // base64 of a presigned bedrock.amazonaws.com URL.
    regex:
      /(?<![A-Za-z0-9+/-])(?<secret>ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{20,400}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{20,4000}={0,2})(?![A-Za-z0-9+/=])/,
    docs: "https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html",
    remediation: "Delete the Bedrock API key (IAM service-specific credentials) and use IAM roles or a secret manager.",
    samples: () =>
      [
        "ABSK" + Buffer.from("BedrockAPIKey-" + fake.alnum(12, "bedrock-id") + "-at-" + fake.digits(12, "acct") + ":" + fake.base64(40, "bedrock-secret")).toString("base64"),
        "bedrock-api-key-" + Buffer.from("bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Credential=" + fake.alnum(60, "bedrock-url")).toString("base64"),
      ] as const,
    truePositives: ([longTerm, shortTerm]) => [line.env("AWS_BEARER_TOKEN_BEDROCK", longTerm), `client = boto3.client("bedrock-runtime")  # token: '${shortTerm}'`],
    falsePositives: () => ['const service = "bedrock-api-key-manager";', line.env("AWS_BEARER_TOKEN_BEDROCK", "ABSK" + fake.base64(60, "bedrock-other"))],
  }),
  define({
    id: "amazon-mws-auth-token",
    title: "Amazon Marketplace Web Service auth token",
    provider: "AWS",
    severity: "high",
    keywords: ["amzn.mws."],
    regex: new RegExp(`(?<![A-Za-z0-9.])(?<secret>amzn\\.mws\\.${uuid})(?![A-Za-z0-9-])`),
    docs: "https://developer-docs.amazon.com/sp-api/docs/migrating-from-mws",
    remediation: "Revoke the developer's access in Seller Central (User permissions > Third-party developer) and store the token in a secret manager.",
    samples: () => ["amzn.mws." + fake.uuid("mws")] as const,
    truePositives: ([t]) => [line.env("MWS_AUTH_TOKEN", t), `params["MWSAuthToken"] = "${t}"`],
    falsePositives: ([t]) => [`const host = "amzn.mws.amazonservices.com";`, line.env("MWS_AUTH_TOKEN", t.slice(0, -2))],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Google Cloud / Firebase

const googleRules: Rule[] = [
  define({
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
    truePositives: ([id]) => [`  "private_key_id": "${id}",`, `private_key_id: ${id}`, `{"type": "service_account", "project_id": "demo-123", "private_key_id": "${id}"}`],
    falsePositives: ([id]) => [`  "private_key_id": "${id.slice(0, 32)}",`, `  "private_key_id": "${id.toUpperCase()}Z",`, '  "private_key_id": process.env.GCP_KEY_ID,'],
  }),
  define({
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
    truePositives: ([a, b]) => [`  apiKey: "${a}",`, line.env("GOOGLE_API_KEY", b), `fetch("https://maps.googleapis.com/maps/api/geocode/json?key=${b}")`],
    falsePositives: ([a]) => [`  apiKey: "${a.slice(0, 30)}",`, `const k = "${a}x";`, "  apiKey: process.env.GOOGLE_API_KEY,"],
  }),
  define({
    id: "google-oauth-client-secret",
    title: "Google OAuth client secret",
    provider: "Google Cloud",
    severity: "high",
    keywords: ["gocspx-"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
    docs: "https://developers.google.com/identity/protocols/oauth2",
    remediation: "Reset the client secret in APIs & Services > Credentials and keep it in a secret manager, never in client code.",
    samples: () => ["GOCSPX-" + fake.base64url(28, "gocspx")] as const,
    truePositives: ([s]) => [line.json("client_secret", s), line.env("GOOGLE_CLIENT_SECRET", s)],
    falsePositives: ([s]) => [line.env("GOOGLE_CLIENT_SECRET", s.slice(0, 30)), `const prefix = "GOCSPX-";`],
  }),
  define({
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
    truePositives: ([t]) => [line.json("refresh_token", t), line.env("GOOGLE_REFRESH_TOKEN", t), `  refreshToken: '${t}',`],
    falsePositives: ([t]) => [`const path = "1//0${t.slice(4, 20)}";`, line.env("GOOGLE_REFRESH_TOKEN", "1//0abc")],
  }),
  define({
    id: "google-oauth-access-token",
    title: "Google OAuth access token",
    provider: "Google Cloud",
    severity: "medium",
    keywords: ["ya29."],
    regex: /(?<![A-Za-z0-9_.-])(?<secret>ya29\.[0-9A-Za-z_-]{30,2048})(?![A-Za-z0-9_-])/,
    docs: "https://developers.google.com/identity/protocols/oauth2",
    remediation: "Revoke the token (https://oauth2.googleapis.com/revoke) and let the client library obtain short-lived tokens at run time.",
    samples: () => ["ya29." + fake.base64url(150, "ya29")] as const,
    truePositives: ([t]) => [`curl -H "Authorization: Bearer ${t}" https://www.googleapis.com/drive/v3/files`, line.json("access_token", t)],
    falsePositives: ([t]) => [`const x = "ya29.short";`, `const y = "a${t}";`],
  }),
  define({
    id: "firebase-cloud-messaging-server-key",
    title: "Firebase Cloud Messaging legacy server key",
    provider: "Google Cloud",
    severity: "high",
    keywords: [":apa91b"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{130,140})(?![A-Za-z0-9_-])/,
    docs: "https://firebase.google.com/docs/cloud-messaging/migrate-v1",
    remediation: "Delete the legacy server key in the Firebase console (Cloud Messaging) and migrate to the HTTP v1 API with service account credentials.",
    samples: () => ["AAAA" + fake.base64url(7, "fcm-a") + ":APA91b" + fake.base64url(134, "fcm-b")] as const,
    truePositives: ([k]) => [`headers: { Authorization: "key=${k}" },`, line.env("FCM_SERVER_KEY", k)],
    falsePositives: ([k]) => [line.env("FCM_SERVER_KEY", k.slice(0, 60)), `const registrationToken = "${k.slice(12)}";`],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Azure

const b64 = "A-Za-z0-9+/";
/** An 88-character (64-byte) Azure key: storage account and Cosmos DB keys. */
const key64 = `[${b64}]{86}==`;
/** A 44-character (32-byte) Azure key: Service Bus, Event Hubs, Relay, IoT Hub shared access keys. */
const key32 = `[${b64}]{43}=`;

/** Azure's "common annotated security key" (84 chars): 52 random, the JQQJ signature, 20, a 4-letter provider signature, 4. */
function azureCask(provider: string): string {
  return `[A-Za-z0-9]{52}JQQJ[A-Za-z0-9]{20}${provider}[A-Za-z0-9]{4}`;
}

/** A fake 64-byte identifiable Azure key carrying `signature` where Azure puts it. */
function identifiable64(signature: string, seed: string): string {
  return fake.base64(76, seed) + signature + fake.base64(5, seed + "-tail") + "A==";
}
function identifiable32(signature: string, seed: string): string {
  return fake.base64(33, seed) + signature + "B" + fake.base64(5, seed + "-tail") + "=";
}
function cask(provider: string, seed: string): string {
  return fake.alnum(52, seed) + "JQQJ" + "99BBAC" + fake.alnum(14, seed + "-mid") + provider + fake.alnum(4, seed + "-end");
}

const azureRules: Rule[] = [
  define({
    id: "azure-storage-account-key",
    title: "Azure Storage account key",
    provider: "Azure",
    severity: "critical",
    keywords: ["accountkey", "account_key", "account-key", "storagekey", "storage_key", "storage-key", "+ast"],
    // In a connection string (AccountKey=), as the value of a storage key setting, or an identifiable
    // key carrying the "+ASt" signature. Keys with the Cosmos DB signature belong to azure-cosmosdb-key.
    regex: new RegExp(
      `(?:${ci("accountkey")}\\s{0,2}=\\s{0,2}|${ci("storage")}${SEP}(?:${ci("account")}${SEP})?${ci("key")}${ASSIGN}|${ci("account")}[_-]${ci("key")}${ASSIGN}` +
        `|(?<![${b64}])(?=[${b64}]{76}\\+ASt[${b64}]{5}[AQgw]==))(?![${b64}]{76}ACDb)(?<secret>${key64})(?![${b64}=])`,
    ),
    exampleValues: ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2" + "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="],
    docs: "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
    remediation:
      "Rotate the key in the storage account's Access keys blade, then use Microsoft Entra ID (managed identity) or a SAS from Key Vault instead of account keys.",
    samples: () => [fake.base64(86, "azure-storage") + "==", identifiable64("+ASt", "azure-storage-id")] as const,
    truePositives: ([legacy, ident]) => [
      `conn = "DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=${legacy};EndpointSuffix=core.windows.net"`,
      line.env("AZURE_STORAGE_KEY", legacy),
      `const key = "${ident}";`,
    ],
    falsePositives: ([legacy]) => [
      "AccountName=devstoreaccount1;AccountKey=<your-account-key>;",
      `const other = "${legacy}";`,
      `AccountKey=${legacy.slice(0, 80)}==;`,
      `AccountKey=${identifiable64("ACDb", "cosmos-in-storage")};`,
    ],
  }),
  define({
    id: "azure-cosmosdb-key",
    title: "Azure Cosmos DB account key",
    provider: "Azure",
    severity: "critical",
    keywords: ["cosmos", "acdb"],
    regex: new RegExp(
      `(?:${ci("cosmos")}[\\w.-]{0,30}?${ci("key")}${ASSIGN}|${ci("accountkey")}\\s{0,2}=\\s{0,2}(?=[${b64}]{76}ACDb)|(?<![${b64}])(?=[${b64}]{76}ACDb[${b64}]{5}[AQgw]==))` +
        `(?<secret>${key64})(?![${b64}=])`,
    ),
    // The Cosmos DB emulator's well-known key: public, and a sign of test code.
    exampleValues: ["C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuV" + "TqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="],
    docs: "https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data",
    remediation: "Regenerate the key in the account's Keys blade and switch clients to Microsoft Entra ID role-based access.",
    samples: () => [fake.base64(86, "cosmos-legacy") + "==", identifiable64("ACDb", "cosmos-ident")] as const,
    truePositives: ([legacy, ident]) => [line.env("COSMOS_DB_KEY", legacy), `  cosmosPrimaryKey: "${legacy}",`, `const masterKey = "${ident}";`],
    falsePositives: ([legacy]) => ['  "cosmosKey": "<primary-key>",', `const other = "${legacy}";`, "COSMOS_KEY=${{ secrets.COSMOS_KEY }}"],
  }),
  define({
    id: "azure-sas-token",
    title: "Azure shared access signature (SAS) token",
    provider: "Azure",
    severity: "high",
    keywords: ["sig="],
    // A SAS always carries its signed version (sv=YYYY-MM-DD) before the signature (sig=).
    regex: /(?<![A-Za-z0-9])sv=\d{4}-\d{2}-\d{2}&[^\s"'<>`]{0,400}?(?<=[?&;])sig=(?<secret>[A-Za-z0-9%+/]{40,100}={0,2})(?![A-Za-z0-9%+/=])/,
    docs: "https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview",
    remediation:
      "Revoke the SAS by rotating the key that signed it (or deleting its stored access policy / user delegation key) and issue short-lived SAS at run time.",
    samples: () => [fake.base64(43, "sas-sig").replace(/\+/g, "%2B").replace(/\//g, "%2F") + "%3D", fake.base64(43, "sas-sig-2") + "="] as const,
    truePositives: ([s1, s2]) => [
      `const url = "https://acme.blob.core.windows.net/backups/db.bak?sp=r&st=2024-05-01T10:00:00Z&se=2024-05-02T10:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=${s1}";`,
      line.env("AZURE_SAS_TOKEN", `sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupitfx&se=2030-01-01T00:00:00Z&spr=https&sig=${s2}`),
    ],
    falsePositives: ([s1]) => [
      `https://example.com/download?file=a.zip&sig=${s1}`,
      "?sv=2022-11-02&sr=b&sig=abc",
      "const sas = `sv=2022-11-02&sr=b&sig=${signature}`;",
    ],
  }),
  define({
    id: "azure-entra-client-secret",
    title: "Microsoft Entra ID (Azure AD) application client secret",
    provider: "Azure",
    severity: "critical",
    keywords: ["q~"],
    // 3 characters, a version digit, "Q~", then 31-34 characters (the current "8Q~" secrets are 40 long).
    regex: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
    docs: "https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials",
    remediation:
      "Delete the secret under App registrations > Certificates & secrets, add a new one stored in Key Vault, or move to certificates or federated credentials.",
    samples: () => [fake.alnum(3, "entra-a") + "8Q~" + fake.base64url(34, "entra-b").replace(/-/g, "."), fake.alnum(3, "entra-c") + "7Q~" + fake.alnum(31, "entra-d")] as const,
    truePositives: ([s, old]) => [line.env("AZURE_CLIENT_SECRET", s), `  "clientSecret": "${s}",`, line.py("client_secret", old)],
    falsePositives: ([s]) => [line.env("AZURE_CLIENT_SECRET", s.slice(0, 30)), "const home = '~/.azure/8Q~config';", line.env("AZURE_CLIENT_SECRET", "${AZURE_CLIENT_SECRET}")],
  }),
  define({
    id: "azure-devops-pat",
    title: "Azure DevOps personal access token",
    provider: "Azure",
    severity: "high",
    keywords: ["azdo"],
    // Current format: 84 characters with the "JQQJ" key signature and the "AZDO" provider signature.
    regex: new RegExp(`(?<![A-Za-z0-9])(?<secret>${azureCask("AZDO")})(?![A-Za-z0-9])`),
    docs: "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    remediation: "Revoke the token under User settings > Personal access tokens and use Microsoft Entra tokens or a service connection instead.",
    samples: () => [cask("AZDO", "ado-pat")] as const,
    truePositives: ([t]) => [line.env("AZURE_DEVOPS_EXT_PAT", t), "git clone https:" + "//pat:" + t + "@dev.azure.com/acme/proj/_git/repo"],
    falsePositives: ([t]) => [`const t = "${t.slice(1)}";`, `const u = "${cask("ACOG", "ado-other")}";`],
  }),
  define({
    id: "azure-devops-pat-legacy",
    title: "Azure DevOps personal access token (52-character format)",
    provider: "Azure",
    severity: "high",
    keywords: ["azure_devops", "azuredevops", "azure-devops", "devops", "vsts", "ado_pat", "adopat", "ado_token", "azdo", "personal_access_token", "personalaccesstoken"],
    // Base32 (lower case) with no prefix: only as the value of a DevOps / PAT setting.
    regex: assigned(
      `(?:${ci("azure")}${SEP}${ci("devops")}|${ci("devops")}|${ci("vsts")}|${ci("ado")}${SEP}(?:${ci("pat")}|${ci("token")})|${ci("azdo")}|${ci("personal")}${SEP}${ci("access")}${SEP}${ci("token")})[\\w.-]{0,30}?`,
      "[a-z2-7]{52}",
      "[A-Za-z0-9]",
    ),
    docs: "https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate",
    remediation: "Revoke the token under User settings > Personal access tokens and regenerate it (new tokens use the identifiable 84-character format).",
    samples: () => [randomString(52, BASE32_LOWER, "ado-legacy")] as const,
    truePositives: ([t]) => [line.env("AZURE_DEVOPS_PAT", t), `var personalAccessToken = "${t}";`, line.yaml("vsts_token", t)],
    falsePositives: ([t]) => [line.env("AZURE_DEVOPS_PAT", t.slice(0, 40)), `const hash = "${t}";`, line.env("AZURE_DEVOPS_PAT", t.toUpperCase())],
  }),
  define({
    id: "azure-ai-services-key",
    title: "Azure AI services (Cognitive Services / Azure OpenAI) key",
    provider: "Azure",
    severity: "high",
    keywords: ["acog"],
    // Same 84-character annotated format as DevOps tokens, with the "ACOG" provider signature.
    regex: new RegExp(`(?<![A-Za-z0-9])(?<secret>${azureCask("ACOG")})(?![A-Za-z0-9])`),
    docs: "https://learn.microsoft.com/en-us/azure/ai-services/authentication",
    remediation: "Regenerate the key in the resource's Keys and Endpoint blade and use Microsoft Entra ID (managed identity) or Key Vault.",
    samples: () => [cask("ACOG", "ai-services")] as const,
    truePositives: ([k]) => [line.env("AZURE_OPENAI_API_KEY", k), `client = AzureOpenAI(api_key="${k}", api_version="2024-06-01")`],
    falsePositives: ([k]) => [`const x = "${k}0";`, `const y = "${cask("AZDO", "ai-other")}";`],
  }),
  define({
    id: "azure-functions-key",
    title: "Azure Functions access key",
    provider: "Azure",
    severity: "high",
    keywords: ["x-functions-key", "azurewebsites.net", "azfu"],
    // As the x-functions-key header, as ?code= on a function URL, or an identifiable key ("AzFu").
    regex: new RegExp(
      `(?:${ci("x-functions-key")}${ASSIGN}|azurewebsites\\.net/api/[^\\s"'?#]{0,100}\\?(?:[^\\s"'#]{0,200}&)?code=|(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==))` +
        `(?<secret>[A-Za-z0-9_/+%-]{40,100}={0,2})(?![A-Za-z0-9_/+%=-])`,
    ),
    docs: "https://learn.microsoft.com/en-us/azure/azure-functions/function-keys-how-to",
    remediation: "Renew the function or host key in the Function App's App keys blade and keep callers' keys in Key Vault.",
    samples: () => [fake.base64url(54, "func-legacy") + "==", fake.base64url(44, "func-id") + "AzFu" + fake.base64url(5, "func-id-t") + "A=="] as const,
    truePositives: ([legacy, ident]) => [
      `fetch("https://acme-fn.azurewebsites.net/api/HttpTrigger1?code=${legacy}")`,
      `curl -H "x-functions-key: ${legacy}" https://acme-fn.azurewebsites.net/api/orders`,
      line.env("FUNCTION_KEY", ident),
    ],
    falsePositives: ([legacy]) => [
      `https://example.com/callback?code=${legacy}`,
      "fetch(`https://acme-fn.azurewebsites.net/api/HttpTrigger1?code=${process.env.FUNCTION_KEY}`)",
    ],
  }),
  define({
    id: "azure-shared-access-key",
    title: "Azure Service Bus / Event Hubs / Relay / IoT Hub shared access key",
    provider: "Azure",
    severity: "critical",
    keywords: ["sharedaccesskey", "+asb", "+aeh", "+arm", "aiot"],
    // In a connection string (SharedAccessKey=, not SharedAccessKeyName=), or an identifiable key with
    // the service's signature (+ASb Service Bus, +AEh Event Hubs, +ARm Relay, AIoT IoT Hub).
    regex: new RegExp(
      `(?:${ci("sharedaccesskey")}\\s{0,2}=\\s{0,2}|(?<![${b64}])(?=[${b64}]{33}(?:\\+ASb|\\+AEh|\\+ARm|AIoT)[A-P][${b64}]{5}=))(?<secret>${key32})(?![${b64}=])`,
    ),
    docs: "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas",
    remediation: "Regenerate the key of that shared access policy (Shared access policies blade) and prefer Microsoft Entra ID with managed identities.",
    samples: () => [fake.base64(43, "servicebus") + "=", identifiable32("+AEh", "eventhub")] as const,
    truePositives: ([k, ident]) => [
      `"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${k}"`,
      `HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${k}`,
      line.js("eventHubKey", ident),
    ],
    falsePositives: ([k]) => ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", `const other = "${k}";`],
  }),
  define({
    id: "azure-app-configuration-connection-string",
    title: "Azure App Configuration connection string secret",
    provider: "Azure",
    severity: "high",
    keywords: ["azconfig.io"],
    regex: /azconfig\.io\/?;\s{0,2}Id=[^;\s"']{1,60};\s{0,2}Secret=(?<secret>[A-Za-z0-9+/]{40,60}={0,2})(?![A-Za-z0-9+/=])/,
    docs: "https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication",
    remediation: "Regenerate the access key in the store's Access settings blade and connect with Microsoft Entra ID instead.",
    samples: () => [fake.base64(43, "appconfig") + "="] as const,
    truePositives: ([s]) => [
      `Endpoint=https://acme-config.azconfig.io;Id=${fake.alnum(4, "ac-id")}-l0-s0:${fake.alnum(20, "ac-id2")};Secret=${s}`,
      line.env("APP_CONFIG", `"Endpoint=https://acme.azconfig.io;Id=x1y2-l9-s0:${fake.alnum(20, "ac-id3")};Secret=${s}"`),
    ],
    falsePositives: () => ["Endpoint=https://contoso.azconfig.io;Id=xxx;Secret=xxx", 'const endpoint = "https://acme.azconfig.io";'],
  }),
];

// ---------------------------------------------------------------------------------------------------
// Other clouds

const otherCloudRules: Rule[] = [
  define({
    id: "digitalocean-pat",
    title: "DigitalOcean personal access token",
    provider: "DigitalOcean",
    severity: "critical",
    keywords: ["dop_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    remediation: "Delete the token under API > Tokens in the control panel and keep its replacement in a secret manager.",
    samples: () => ["dop_v1_" + fake.hex(64, "dop")] as const,
    truePositives: ([t]) => [line.env("DIGITALOCEAN_TOKEN", t), `provider "digitalocean" { token = "${t}" }`],
    falsePositives: ([t]) => [line.env("DIGITALOCEAN_TOKEN", t.slice(0, 60)), line.env("DIGITALOCEAN_TOKEN", t.toUpperCase())],
  }),
  define({
    id: "digitalocean-oauth-token",
    title: "DigitalOcean OAuth access token",
    provider: "DigitalOcean",
    severity: "high",
    keywords: ["doo_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/oauth/",
    remediation: "Revoke the token (POST /v1/oauth/revoke) or the application's authorization, and store tokens outside the code.",
    samples: () => ["doo_v1_" + fake.hex(64, "doo")] as const,
    truePositives: ([t]) => [line.json("access_token", t), `curl -H "Authorization: Bearer ${t}" https://api.digitalocean.com/v2/account`],
    falsePositives: ([t]) => [line.json("access_token", t.slice(0, 50)), `const id = "x${t}";`],
  }),
  define({
    id: "digitalocean-refresh-token",
    title: "DigitalOcean OAuth refresh token",
    provider: "DigitalOcean",
    severity: "high",
    keywords: ["dor_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>dor_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/oauth/",
    remediation: "Revoke the application's authorization in the control panel and store refresh tokens encrypted, outside the code.",
    samples: () => ["dor_v1_" + fake.hex(64, "dor")] as const,
    truePositives: ([t]) => [line.json("refresh_token", t), line.env("DO_REFRESH_TOKEN", t)],
    falsePositives: ([t]) => [line.env("DO_REFRESH_TOKEN", t.slice(0, 40)), `const id = "${t}g";`],
  }),
  define({
    id: "alibaba-access-key-id",
    title: "Alibaba Cloud AccessKey ID",
    provider: "Alibaba Cloud",
    severity: "high",
    keywords: ["ltai"],
    regex: /(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/,
    docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    remediation: "Disable and delete the AccessKey pair in the RAM console, then use RAM roles / STS tokens or a secret manager.",
    samples: () => ["LTAI" + fake.alnum(20, "ltai"), "LTAI" + fake.alnum(12, "ltai-old")] as const,
    truePositives: ([id, old]) => [line.env("ALIBABA_CLOUD_ACCESS_KEY_ID", id), `access_key_id = "${old}"`],
    falsePositives: ([id]) => [`const x = "${id}Abcdef";`, "const region = 'LTAI-region';"],
  }),
  define({
    id: "alibaba-access-key-secret",
    title: "Alibaba Cloud AccessKey secret",
    provider: "Alibaba Cloud",
    severity: "critical",
    keywords: ["alibaba", "aliyun", "alicloud", "accesskeysecret", "access_key_secret", "access-key-secret"],
    regex: assigned(
      `(?:${ci("alibaba")}|${ci("aliyun")}|${ci("alicloud")})[\\w.-]{0,30}?(?:${ci("secret")}|${ci("key")}|${ci("token")})|${ci("access")}${SEP}${ci("key")}${SEP}${ci("secret")}`,
      "[A-Za-z0-9]{30}",
      "[A-Za-z0-9]",
    ),
    docs: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
    remediation: "Disable and delete the AccessKey pair in the RAM console, then use RAM roles / STS tokens or a secret manager.",
    samples: () => [fake.alnum(30, "ali-secret")] as const,
    truePositives: ([s]) => [line.env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", s), `  accessKeySecret: '${s}',`],
    falsePositives: ([s]) => [line.env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", s.slice(0, 24)), "  accessKeySecret: process.env.ALIYUN_SECRET,", `const other = "${s}";`],
  }),
  define({
    id: "ibm-cloud-api-key",
    title: "IBM Cloud API key",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["ibm", "ic_api_key"],
    regex: assigned(`${ci("ibm")}[\\w.-]{0,20}?${ci("api")}${SEP}${ci("key")}|${ci("ic_api_key")}`, "[A-Za-z0-9_-]{44}", "[A-Za-z0-9_-]"),
    docs: "https://cloud.ibm.com/docs/account?topic=account-userapikey",
    remediation: "Delete the key under Manage > Access (IAM) > API keys and use trusted profiles or a secret manager.",
    samples: () => [fake.base64url(44, "ibm-key")] as const,
    truePositives: ([k]) => [line.env("IBMCLOUD_API_KEY", k), line.env("IC_API_KEY", k), `  ibm_apikey: "${k}"`],
    falsePositives: ([k]) => [line.env("IBMCLOUD_API_KEY", k.slice(0, 40)), "  ibm_api_key: ${{ secrets.IBM_KEY }}"],
  }),
  define({
    id: "ibm-cos-hmac-secret",
    title: "IBM Cloud Object Storage HMAC secret access key",
    provider: "IBM Cloud",
    severity: "critical",
    keywords: ["secret_access_key", "secretaccesskey", "secret-access-key"],
    // HMAC credentials are 48 hex characters (AWS secret keys are 40 base64 ones).
    regex: assigned(`${ci("secret")}${SEP}${ci("access")}${SEP}${ci("key")}`, "[a-f0-9]{48}", "[A-Za-z0-9]"),
    docs: "https://cloud.ibm.com/docs/cloud-object-storage?topic=cloud-object-storage-uhc-hmac-credentials-main",
    remediation: "Delete the service credential that holds these HMAC keys and create a new one, stored in Secrets Manager.",
    samples: () => [fake.hex(48, "ibm-hmac")] as const,
    truePositives: ([s]) => [`  "cos_hmac_keys": { "access_key_id": "${fake.hex(32, "ibm-hmac-id")}", "secret_access_key": "${s}" }`, `aws_secret_access_key = ${s}`],
    falsePositives: ([s]) => [`aws_secret_access_key = ${s.slice(0, 40)}`, `const digest = "${s}";`],
  }),
  define({
    id: "oci-auth-token",
    title: "Oracle Cloud Infrastructure auth token",
    provider: "Oracle Cloud",
    severity: "high",
    keywords: ["oci_", "oci-", "oci.", "ociauth", "oracle"],
    // 20 characters drawn from letters, digits and punctuation; only as the value of an OCI auth token setting.
    regex: assigned(
      `(?:${ci("oci")}|${ci("oracle")})[\\w.-]{0,20}?${ci("auth")}${SEP}${ci("token")}`,
      String.raw`[A-Za-z0-9+\-_.:;<>()\[\]{}#!]{20}`,
      String.raw`[^\s"'\x60,]`,
    ),
    minEntropy: 3.5,
    docs: "https://docs.oracle.com/en-us/iaas/Content/Registry/Tasks/registrygettingauthtoken.htm",
    remediation: "Delete the auth token under the user's Auth Tokens in the OCI console and keep its replacement in OCI Vault.",
    samples: () => ["a" + fake.alnum(12, "oci-a") + "(;<" + fake.alnum(3, "oci-b") + "#"] as const,
    truePositives: ([t]) => [line.env("OCI_AUTH_TOKEN", t), `  oci_auth_token: "${t}"`],
    falsePositives: () => [line.env("OCI_AUTH_TOKEN", "aaaaaaaaaaaaaaaaaaaa"), "  oci_auth_token: ${OCI_AUTH_TOKEN}"],
  }),
  define({
    id: "tencent-cloud-secret-id",
    title: "Tencent Cloud SecretId",
    provider: "Tencent Cloud",
    severity: "high",
    keywords: ["akid"],
    regex: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
    docs: "https://www.tencentcloud.com/document/product/598/32675",
    remediation: "Disable and delete the API key in CAM > Access Keys, then use CAM roles or a secret manager.",
    samples: () => ["AKID" + fake.alnum(32, "akid")] as const,
    truePositives: ([id]) => [line.env("TENCENTCLOUD_SECRET_ID", id), `cred = credential.Credential("${id}", secret_key)`],
    falsePositives: ([id]) => [`const x = "${id.slice(0, 30)}";`, `const y = "${id}Q";`],
  }),
  define({
    id: "tencent-cloud-secret-key",
    title: "Tencent Cloud SecretKey",
    provider: "Tencent Cloud",
    severity: "critical",
    keywords: ["tencent", "qcloud", "tccli"],
    regex: assigned(`(?:${ci("tencent")}|${ci("qcloud")}|${ci("tccli")})[\\w.-]{0,30}?${ci("secret")}${SEP}${ci("key")}`, "[A-Za-z0-9]{32}", "[A-Za-z0-9]"),
    docs: "https://www.tencentcloud.com/document/product/598/32675",
    remediation: "Disable and delete the API key in CAM > Access Keys, then use CAM roles or a secret manager.",
    samples: () => [fake.alnum(32, "tencent-key")] as const,
    truePositives: ([k]) => [line.env("TENCENTCLOUD_SECRET_KEY", k), line.yaml("qcloud_secret_key", k)],
    falsePositives: ([k]) => [line.env("TENCENTCLOUD_SECRET_KEY", k.slice(0, 20)), `const secretKey = "${k}";`],
  }),
  define({
    id: "scaleway-access-key",
    title: "Scaleway API access key",
    provider: "Scaleway",
    severity: "medium",
    keywords: ["scw"],
    // The access key identifies the API key; the secret key (a UUID) is the credential (next rule).
    regex: /(?<![A-Za-z0-9])(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9])/,
    docs: "https://www.scaleway.com/en/docs/iam/concepts/#api-key",
    remediation: "Delete the API key in IAM > API keys and generate a new one, kept in a secret manager.",
    samples: () => ["SCW" + fake.upperDigits(17, "scw")] as const,
    truePositives: ([k]) => [line.env("SCW_ACCESS_KEY", k), `access_key = "${k}"`],
    falsePositives: ([k]) => [`const x = "${k}A";`, "const name = 'SCW_ACCESS_KEY';"],
  }),
  define({
    id: "scaleway-secret-key",
    title: "Scaleway API secret key",
    provider: "Scaleway",
    severity: "critical",
    keywords: ["scw", "scaleway"],
    regex: assigned(`(?:${ci("scw")}|${ci("scaleway")})[\\w.-]{0,20}?${ci("secret")}`, uuid, "[A-Za-z0-9-]"),
    docs: "https://www.scaleway.com/en/docs/iam/concepts/#api-key",
    remediation: "Delete the API key in IAM > API keys and generate a new one, kept in a secret manager.",
    samples: () => [fake.uuid("scw-secret")] as const,
    truePositives: ([s]) => [line.env("SCW_SECRET_KEY", s), `  scaleway_secret_key: "${s}"`],
    falsePositives: ([s]) => [line.env("SCW_DEFAULT_PROJECT_ID", s), line.env("SCW_SECRET_KEY", s.slice(0, 30))],
  }),
  define({
    id: "linode-api-token",
    title: "Linode (Akamai) personal access token",
    provider: "Linode",
    severity: "critical",
    keywords: ["linode"],
    regex: assigned(`${ci("linode")}[\\w.-]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")}|${ci("pat")})`, "[a-f0-9]{64}", "[A-Za-z0-9]"),
    docs: "https://techdocs.akamai.com/linode-api/reference/get-started#personal-access-tokens",
    remediation: "Revoke the token in Cloud Manager (My Profile > API Tokens) and keep its replacement in a secret manager.",
    samples: () => [fake.hex(64, "linode")] as const,
    truePositives: ([t]) => [line.env("LINODE_TOKEN", t), `  linode_api_key: "${t}"`],
    falsePositives: ([t]) => [line.env("LINODE_TOKEN", t.slice(0, 40)), `const sha256 = "${t}";`],
  }),
  define({
    id: "hetzner-cloud-api-token",
    title: "Hetzner Cloud API token",
    provider: "Hetzner",
    severity: "critical",
    keywords: ["hcloud", "hetzner"],
    regex: assigned(`(?:${ci("hcloud")}|${ci("hetzner")})[\\w.-]{0,20}?(?:${ci("token")}|${ci("api")}${SEP}${ci("key")})`, "[A-Za-z0-9]{64}", "[A-Za-z0-9]"),
    docs: "https://docs.hetzner.cloud/#authentication",
    remediation: "Delete the token in the project's Security > API tokens and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(64, "hcloud")] as const,
    truePositives: ([t]) => [line.env("HCLOUD_TOKEN", t), line.toml("hetzner_api_key", t)],
    falsePositives: ([t]) => [line.env("HCLOUD_TOKEN", t.slice(0, 50)), `const checksum = "${t}";`],
  }),
  define({
    id: "vultr-api-key",
    title: "Vultr API key",
    provider: "Vultr",
    severity: "critical",
    keywords: ["vultr"],
    regex: assigned(`${ci("vultr")}[\\w.-]{0,20}?(?:${ci("api")}${SEP}${ci("key")}|${ci("token")})`, "[A-Z0-9]{36}", "[A-Za-z0-9]"),
    docs: "https://www.vultr.com/api/#section/Authentication",
    remediation: "Regenerate the API key under Account > API and restrict it to known IP ranges.",
    samples: () => [fake.upperDigits(36, "vultr")] as const,
    truePositives: ([k]) => [line.env("VULTR_API_KEY", k), `  vultrToken: "${k}",`],
    falsePositives: ([k]) => [line.env("VULTR_API_KEY", k.toLowerCase()), line.env("VULTR_API_KEY", k.slice(0, 30))],
  }),
  define({
    id: "yandex-cloud-api-key",
    title: "Yandex Cloud API key",
    provider: "Yandex Cloud",
    severity: "high",
    keywords: ["aqvn"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/,
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/api-key",
    remediation: "Delete the service account's API key in the console (Service accounts > API keys) and keep its replacement in Lockbox.",
    samples: () => ["AQVN" + fake.base64url(36, "yc-api")] as const,
    truePositives: ([k]) => [`headers = {"Authorization": "Api-Key ${k}"}`, line.env("YC_API_KEY", k)],
    falsePositives: ([k]) => [line.env("YC_API_KEY", k.slice(0, 30)), `const x = "${k}abcdef";`],
  }),
  define({
    id: "yandex-cloud-iam-token",
    title: "Yandex Cloud IAM token",
    provider: "Yandex Cloud",
    severity: "medium",
    keywords: ["t1.9euel", "yandex"],
    // IAM tokens start with "t1." and the same encoded header ("9euel..."); they live up to 12 hours.
    // Other headers are only read on a line that names Yandex (the keyword gates the rule).
    regex: /(?<![A-Za-z0-9_.-])(?<secret>t1\.[A-Za-z0-9_-]{20,400}={0,2}\.[A-Za-z0-9_-]{80,100}={0,2})(?![A-Za-z0-9_=-])/,
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token",
    remediation: "Revoke the token (yc iam revoke-token) and let the SDK obtain IAM tokens at run time from a service account.",
    samples: () => ["t1.9euel" + fake.base64url(140, "yc-iam-a") + "." + fake.base64url(86, "yc-iam-b")] as const,
    truePositives: ([t]) => [`headers = {"Authorization": "Bearer ${t}"}`, line.env("YC_IAM_TOKEN", t)],
    falsePositives: ([t]) => [line.env("YC_IAM_TOKEN", t.split(".").slice(0, 2).join(".")), "const t1 = t1.9euelDone;"],
  }),
  define({
    id: "yandex-cloud-static-key-secret",
    title: "Yandex Cloud static access key secret",
    provider: "Yandex Cloud",
    severity: "critical",
    keywords: ["yandex", "secret_access_key", "secretaccesskey", "secret-access-key", "yc_secret", "ycsecret"],
    // The S3-compatible secret starts with "YC" and has 40 characters.
    regex: assigned(
      `${ci("secret")}${SEP}(?:${ci("access")}${SEP})?${ci("key")}|${ci("yandex")}[\\w.-]{0,30}?(?:${ci("secret")}|${ci("key")}|${ci("token")})|${ci("yc")}${SEP}${ci("secret")}`,
      "YC[A-Za-z0-9_-]{38}",
      "[A-Za-z0-9_-]",
    ),
    docs: "https://yandex.cloud/en/docs/iam/concepts/authorization/access-key",
    remediation: "Delete the static access key of the service account and create a new one, stored in Lockbox.",
    samples: () => ["YC" + fake.base64url(38, "yc-static")] as const,
    truePositives: ([s]) => [`aws_secret_access_key = ${s}`, line.env("YANDEX_STORAGE_SECRET_KEY", s)],
    falsePositives: ([s]) => [`aws_secret_access_key = ${s.slice(0, 30)}`, `const other = "${s}";`],
  }),
  define({
    id: "cloudinary-url",
    title: "Cloudinary URL with API secret",
    provider: "Cloudinary",
    severity: "high",
    keywords: ["cloudinary://"],
    regex: /cloudinary:\/\/\d{10,20}:(?<secret>[A-Za-z0-9_-]{20,40})@[A-Za-z0-9_-]{1,64}/,
    docs: "https://cloudinary.com/documentation/how_to_integrate_cloudinary#api_keys_and_secrets",
    remediation: "Regenerate the API secret in Settings > API Keys and load CLOUDINARY_URL from the environment or a secret manager.",
    samples: () => [fake.base64url(27, "cloudinary")] as const,
    truePositives: ([s]) => [line.env("CLOUDINARY_URL", "cloudinary:" + "//" + fake.digits(15, "cl-key") + ":" + s + "@acme-media"), `cloudinary.config({ cloudinary_url: "cloudinary:` + `//${fake.digits(15, "cl-key2")}:${s}@demo" })`],
    falsePositives: () => ["CLOUDINARY_URL=cloudinary:" + "//<api_key>:<api_secret>@<cloud_name>", "CLOUDINARY_URL=cloudinary:" + "//123456789012345:@acme"],
  }),
];

export const rules: Rule[] = [...awsRules, ...googleRules, ...azureRules, ...otherCloudRules];
