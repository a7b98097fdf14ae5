/**
 * Microsoft Azure: storage account, Cosmos DB and Batch account keys, shared access signatures, Entra ID client
 * secrets and refresh tokens, Azure DevOps tokens, AI services keys, Functions keys, Service Bus / Event
 * Hubs / Relay / IoT Hub shared access keys, Container Registry passwords and App Configuration
 * connection strings. Formats from Microsoft Learn
 * (linked on each rule): legacy keys are base64 of 32 or 64 random bytes, read where a connection
 * string or a setting names them; identifiable keys carry a service signature at a fixed place.
 */
import type { RawMatch, Rule } from "../../rule.js";
import { fake, randomString } from "../../fake.js";
import { ASSIGN, SEP, assigned, ci, defineRule, inSyntaxes, LOOK_AROUND, withValue } from "../kit.js";

/** A SAS always carries its signed version (sv=YYYY-MM-DD) before the signature (sig=). */
const SAS_PATTERN = /(?<![A-Za-z0-9])sv=\d{4}-\d{2}-\d{2}&[^\s"'<>`]{0,400}?(?<=[?&;])sig=(?<secret>[A-Za-z0-9%+/]{40,100}={0,2})(?![A-Za-z0-9%+/=])/dg;
/** Every SAS permission letter (blob, file, queue, table and account SAS). */
const SAS_PERMISSIONS = /^[racwdxyltfmeopiu]+$/;
const IPV4 = String.raw`(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
/** `sip=`: one IPv4 address or a range of two. */
const SAS_IP = new RegExp(`^${IPV4}(?:-${IPV4})?$`);

/** The SAS's other fields must be well formed: a permission outside Azure's set or a bad IP is not a SAS. */
function sasFieldsValid(query: string): boolean {
  // A field follows `?`, `&`, `;` or the `=` of a setting that holds the whole query (TOKEN=sp=r&...).
  for (const [, name, value = ""] of query.matchAll(/(?:^|[?&;=])(sp|sip)=([^&;#]*)/g)) {
    if (name === "sp" && !SAS_PERMISSIONS.test(value)) return false;
    if (name === "sip" && !SAS_IP.test(value)) return false;
  }
  return true;
}

/**
 * Where the query holding `sv=` at `at` starts: after the last space, quote or bracket before it, looked
 * for at most LOOK_AROUND characters back (a query is far shorter). Looked for to the line's start, a
 * line of thousands of tokens with no space took a minute for 2 MB.
 */
function queryStart(text: string, at: number): number {
  const stop = Math.max(0, at - LOOK_AROUND);
  for (let i = at - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    // space, tab, ", ', <, >, `
    if (c === 32 || c === 9 || c === 34 || c === 39 || c === 60 || c === 62 || c === 96) return i + 1;
  }
  return stop;
}

function findSasTokens(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  SAS_PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SAS_PATTERN.exec(text)) !== null) {
    const secret = m.groups?.["secret"] ?? "";
    const at = m.index;
    // The query starts after the last space or quote before `sv=` (fields such as sp= may come first).
    const start = queryStart(text, at);
    if (!sasFieldsValid(text.slice(start, m.index + m[0].length))) continue;
    out.push({ secret, index: m.indices?.groups?.["secret"]?.[0] ?? m.index });
  }
  return out;
}

/** Legacy Azure DevOps tokens are lower-case base32. */
const BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567";

const b64 = "A-Za-z0-9+/";
/** An 88-character (64-byte) Azure key: storage account and Cosmos DB keys. */
const key64 = `[${b64}]{86}==`;
/** A 44-character (32-byte) Azure key: Service Bus, Event Hubs, Relay, IoT Hub shared access keys. */
const key32 = `[${b64}]{43}=`;

/**
 * After a line naming an account's host (`https://acme.batch.azure.com`, `acme.documents.azure.com`), a
 * key, secret or password setting or XML element a few lines below it: the form account keys take in
 * configuration blocks and credential stores (a Jenkins `<id>` holding the URL, the `<secret>` below it,
 * its text optionally labelled: `{AQAAABAAA <key>}`). Each repetition is bounded.
 */
function belowHost(host: string): string {
  const credential = "(?:[Kk](?:ey|EY)|[Ss](?:ecret|ECRET)|[Pp](?:ass|ASS))";
  const element = String.raw`>\{?(?:[^\s<>{}]{1,40} ){0,2}`;
  return String.raw`${host}[^\n]{0,120}\n(?:[^\n]{0,200}\n){0,3}?[^\n]{0,80}?(?<![A-Za-z0-9])[\w.-]{0,24}?${credential}[\w.-]{0,12}?(?:${element}|${ASSIGN})`;
}

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

export const rules: Rule[] = [
  defineRule({
    id: "azure-storage-account-key",
    title: "Azure Storage account key",
    provider: "Azure",
    severity: "critical",
    keywords: ["accountkey", "account_key", "account-key", "storagekey", "storage_key", "storage-key", "+ast"],
    // In a connection string (AccountKey=), as the value of a storage key setting, or an identifiable
    // key carrying the "+ASt" signature. Keys with the Cosmos DB signature belong to azure-cosmosdb-key.
    regex: new RegExp(
      `(?:(?:${ci("storage")}${SEP}(?:${ci("account")}${SEP})?|${ci("account")}[_-]?)${ci("key")}${ASSIGN}` +
        `|(?<![${b64}])(?=[${b64}]{76}\\+ASt[${b64}]{5}[AQgw]==))(?![${b64}]{76}ACDb)(?<secret>${key64})(?![${b64}=])`,
    ),
    exampleValues: ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2" + "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="],
    docs: "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
    remediation:
      "Rotate the key in the storage account's Access keys blade, then use Microsoft Entra ID (managed identity) or a SAS from Key Vault instead of account keys.",
    samples: () => [fake.base64(86, "azure-storage") + "==", identifiable64("+ASt", "azure-storage-id")] as const,
    truePositives: ([legacy, ident]) => [
      ...withValue(legacy, `conn = "DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=%s;EndpointSuffix=core.windows.net"`),
      ...inSyntaxes("azure_storage_key", legacy),
      ...inSyntaxes("azure_storage_key", ident),
      ...withValue(ident, 'const key = "%s";'),
    ],
    falsePositives: ([legacy]) => [
      "AccountName=devstoreaccount1;AccountKey=<your-account-key>;",
      `const other = "${legacy}";`,
      `AccountKey=${legacy.slice(0, 80)}==;`,
      `AccountKey=${identifiable64("ACDb", "cosmos-in-storage")};`,
    ],
  }),
  defineRule({
    id: "azure-cosmosdb-key",
    title: "Azure Cosmos DB account key",
    provider: "Azure",
    severity: "critical",
    keywords: ["cosmos", "acdb", "documents.azure.com"],
    // Its setting, a connection string's AccountKey with the Cosmos signature, the identifiable key
    // alone, or a key set a few lines below the account's host (`*.documents.azure.com`, `*.cosmos.azure.com`).
    window: 1200,
    regex: new RegExp(
      `(?:${belowHost(String.raw`\.(?:documents|(?:table|mongo|cassandra|gremlin)\.cosmos)\.azure\.com`)}|${ci("cosmos")}[\\w.-]{0,30}?${ci("key")}${ASSIGN}|${ci("accountkey")}\\s{0,2}=\\s{0,2}(?=[${b64}]{76}ACDb)|(?<![${b64}])(?=[${b64}]{76}ACDb[${b64}]{5}[AQgw]==))` +
        `(?<secret>${key64})(?![${b64}=])`,
    ),
    // The Cosmos DB emulator's well-known key: public, and a sign of test code.
    exampleValues: ["C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuV" + "TqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="],
    docs: "https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data",
    remediation: "Regenerate the key in the account's Keys blade and switch clients to Microsoft Entra ID role-based access.",
    samples: () => [fake.base64(86, "cosmos-legacy") + "==", identifiable64("ACDb", "cosmos-ident")] as const,
    truePositives: ([legacy, ident]) => [
      ...inSyntaxes("cosmos_db_key", legacy),
      ...withValue(legacy, '  cosmosPrimaryKey: "%s",'),
      ...inSyntaxes("master_key", ident),
      ...withValue(legacy, "database:\n  endpoint: https://acme-orders.documents.azure.com:443/\n  name: orders\n  primary_key: %s", "<id>acme-orders.table.cosmos.azure.com</id>\n<secret>{AQAAABAAA %s}</secret>"),
    ],
    falsePositives: ([legacy]) => [
      '  "cosmosKey": "<primary-key>",',
      `const other = "${legacy}";`,
      "COSMOS_KEY=${{ secrets.COSMOS_KEY }}",
      // The host too far above, or the value under a name that is not a credential's.
      `endpoint: https://acme.documents.azure.com\na: 1\nb: 2\nc: 3\nd: 4\nkey: ${legacy}`,
      `endpoint: https://acme.documents.azure.com\ncertificate_thumbprint: ${legacy}`,
    ],
  }),
  defineRule({
    id: "azure-batch-account-key",
    title: "Azure Batch account key",
    provider: "Azure",
    severity: "critical",
    keywords: ["batch.azure.com", "azure_batch", "azure-batch", "azurebatch", "batch_account", "batchaccount", "batch-account"],
    // As AZURE_BATCH_ACCESS_KEY / a Batch account key setting, or a key set a few lines below the
    // account's URL (`https://<account>.<region>.batch.azure.com`).
    window: 1200,
    regex: new RegExp(
      `(?:${belowHost(String.raw`\.batch\.azure\.com`)}|(?:${ci("azure")}${SEP}${ci("batch")}|${ci("batch")}${SEP}${ci("account")})[\\w.-]{0,16}?${ci("key")}${ASSIGN})` +
        `(?<secret>${key64})(?![${b64}=])`,
    ),
    docs: "https://learn.microsoft.com/en-us/azure/batch/security-best-practices",
    remediation: "Regenerate the key in the Batch account's Keys blade and authenticate with Microsoft Entra ID instead of shared keys.",
    samples: () => [fake.base64(86, "azure-batch") + "=="] as const,
    truePositives: ([k]) => [
      ...inSyntaxes("azure_batch_access_key", k),
      ...withValue(k, "batch:\n  url: https://acmejobs.westeurope.batch.azure.com\n  account: acmejobs\n  key: %s", "<id>{https://acmejobs.westeurope.batch.azure.com}</id>\n<secret>{AQAAABAAA %s}</secret>"),
    ],
    falsePositives: ([k]) => [
      `const other = "${k}";`,
      "AZURE_BATCH_ACCESS_KEY=${AZURE_BATCH_ACCESS_KEY}",
      `AZURE_BATCH_ACCESS_KEY=${k.slice(0, 60)}`,
      `url: https://acmejobs.westeurope.batch.azure.com\nthumbprint: ${k}`,
    ],
  }),
  defineRule({
    id: "azure-sas-token",
    title: "Azure shared access signature (SAS) token",
    provider: "Azure",
    severity: "high",
    keywords: ["sig="],
    find: findSasTokens,
    docs: "https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview",
    remediation:
      "Revoke the SAS by rotating the key that signed it (or deleting its stored access policy / user delegation key) and issue short-lived SAS at run time.",
    samples: () => [fake.base64(43, "sas-sig").replace(/\+/g, "%2B").replace(/\//g, "%2F") + "%3D", fake.base64(43, "sas-sig-2") + "="] as const,
    truePositives: ([s1, s2]) => [
      ...withValue(
        s1,
        `const url = "https://acme.blob.core.windows.net/backups/db.bak?sp=r&st=2024-05-01T10:00:00Z&se=2024-05-02T10:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=%s";`,
      ),
      ...withValue(s2, "AZURE_SAS_TOKEN=sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupitfx&se=2030-01-01T00:00:00Z&spr=https&sig=%s"),
      ...withValue(s2, "AZURE_SAS_TOKEN=sp=rl&sip=10.1.7.1-10.1.7.255&spr=https&sv=2022-11-02&sr=c&sig=%s"),
    ],
    falsePositives: ([s1]) => [
      `https://example.com/download?file=a.zip&sig=${s1}`,
      "?sv=2022-11-02&sr=b&sig=abc",
      "const sas = `sv=2022-11-02&sr=b&sig=${signature}`;",
      // `q` is no SAS permission; `sip` must be an IPv4 address or range.
      `AZURE_SAS_TOKEN=sp=rqx&se=2030-01-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig=${s1}`,
      `AZURE_SAS_TOKEN=sp=rl&sip=10.1.7&spr=https&sv=2022-11-02&sr=c&sig=${s1}`,
    ],
  }),
  defineRule({
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
    truePositives: ([s, old]) => [...inSyntaxes("azure_client_secret", s), ...withValue(s, '  "clientSecret": "%s",'), ...withValue(old, "client_secret = '%s'")],
    falsePositives: ([s]) => [`AZURE_CLIENT_SECRET=${s.slice(0, 30)}`, "const home = '~/.azure/8Q~config';", "AZURE_CLIENT_SECRET=${AZURE_CLIENT_SECRET}"],
  }),
  defineRule({
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
    truePositives: ([t]) => [...inSyntaxes("azure_devops_ext_pat", t), ...withValue(t, "git clone https:" + "//pat:%s@dev.azure.com/acme/proj/_git/repo")],
    falsePositives: ([t]) => [`const t = "${t.slice(1)}";`, `const u = "${cask("ACOG", "ado-other")}";`],
  }),
  defineRule({
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
    truePositives: ([t]) => [...inSyntaxes("azure_devops_pat", t), ...withValue(t, 'var personalAccessToken = "%s";', "  vsts_token: %s")],
    falsePositives: ([t]) => [`AZURE_DEVOPS_PAT=${t.slice(0, 40)}`, `const hash = "${t}";`, `AZURE_DEVOPS_PAT=${t.toUpperCase()}`],
  }),
  defineRule({
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
    truePositives: ([k]) => [...inSyntaxes("azure_openai_api_key", k), ...withValue(k, 'client = AzureOpenAI(api_key="%s", api_version="2024-06-01")')],
    falsePositives: ([k]) => [`const x = "${k}0";`, `const y = "${cask("AZDO", "ai-other")}";`],
  }),
  defineRule({
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
      ...withValue(legacy, 'fetch("https://acme-fn.azurewebsites.net/api/HttpTrigger1?code=%s")', 'curl -H "x-functions-key: %s" https://acme-fn.azurewebsites.net/api/orders'),
      ...inSyntaxes("function_key", ident),
    ],
    falsePositives: ([legacy]) => [
      `https://example.com/callback?code=${legacy}`,
      "fetch(`https://acme-fn.azurewebsites.net/api/HttpTrigger1?code=${process.env.FUNCTION_KEY}`)",
    ],
  }),
  defineRule({
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
      ...withValue(
        k,
        `"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s"`,
        "HostName=acme.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=%s",
      ),
      ...inSyntaxes("event_hub_key", ident),
    ],
    falsePositives: ([k]) => ["SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>", `const other = "${k}";`],
  }),
  defineRule({
    id: "azure-app-configuration-connection-string",
    title: "Azure App Configuration connection string secret",
    provider: "Azure",
    severity: "high",
    keywords: ["azconfig.io"],
    regex: /azconfig\.io\/?;\s{0,2}Id=[^;\s"']{1,60};\s{0,2}Secret=(?<secret>[A-Za-z0-9+/]{40,90}={0,2})(?![A-Za-z0-9+/=])/,
    docs: "https://learn.microsoft.com/en-us/azure/azure-app-configuration/howto-disable-access-key-authentication",
    remediation: "Regenerate the access key in the store's Access settings blade and connect with Microsoft Entra ID instead.",
    samples: () => [fake.base64(43, "appconfig") + "=", cask("AZC", "appconfig-id")] as const,
    truePositives: ([s, ident]) => [
      ...withValue(ident, `Endpoint=https://acme.azconfig.io;Id=${fake.alnum(4, "ac-id4")};Secret=%s`),
      ...withValue(
        s,
        `Endpoint=https://acme-config.azconfig.io;Id=${fake.alnum(4, "ac-id")}-l0-s0:${fake.alnum(20, "ac-id2")};Secret=%s`,
        `APP_CONFIG="Endpoint=https://acme.azconfig.io;Id=x1y2-l9-s0:${fake.alnum(20, "ac-id3")};Secret=%s"`,
      ),
    ],
    falsePositives: () => ["Endpoint=https://contoso.azconfig.io;Id=xxx;Secret=xxx", 'const endpoint = "https://acme.azconfig.io";'],
  }),
  defineRule({
    id: "azure-container-registry-password",
    title: "Azure Container Registry password",
    provider: "Azure",
    severity: "high",
    keywords: ["+acr"],
    // Admin-user and token passwords: 52 base64 characters with the "+ACR" signature at offset 42.
    regex: new RegExp(`(?<![${b64}])(?<secret>[${b64}]{42}\\+ACR[A-Za-z0-9]{6})(?![${b64}=])`),
    docs: "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication",
    remediation: "Regenerate the password (Access keys blade, or the token's password) and log in with Microsoft Entra ID or a managed identity instead.",
    samples: () => [fake.base64(42, "acr-1") + "+ACR" + "B" + fake.alnum(5, "acr-1t"), fake.base64(42, "acr-2") + "+ACR" + "A" + fake.alnum(5, "acr-2t")] as const,
    truePositives: ([p, q]) => [...inSyntaxes("acr_password", p), ...withValue(q, "docker login acme.azurecr.io -u acme -p %s", "%s")],
    falsePositives: ([p]) => [`ACR_PASSWORD=${p.slice(1)}`, `ACR_PASSWORD=${p}xyz`],
  }),
  defineRule({
    id: "azure-entra-refresh-token",
    title: "Microsoft Entra ID refresh token",
    provider: "Azure",
    severity: "high",
    keywords: [".ag"],
    // As the token endpoint returns it: a version (0 or 1), ".A" and the client segment, ".Ag" and the
    // encrypted body, sometimes a further ".A" segment.
    regex: /(?<![\w.-])(?<secret>[01]\.A[\w-]{40,120}(?:\.\d)?\.Ag[\w-]{300,3000}(?:\.A[\w-]{100,1000})?)(?![\w.-])/,
    docs: "https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens",
    remediation: "Revoke the user's sessions (Entra admin center > Users > Revoke sessions, or Revoke-MgUserSignInSession) and keep tokens in a token cache, never in code.",
    samples: () => [`0.A${fake.base64url(51, "rt-client")}.AgAB${fake.base64url(700, "rt-body")}`, `1.A${fake.base64url(54, "rt-client2")}.1.AgAB${fake.base64url(900, "rt-body2")}.A${fake.base64url(200, "rt-tail")}`] as const,
    truePositives: ([t, u]) => [...withValue(t, '"refresh_token": "%s",', "AZURE_REFRESH_TOKEN=%s"), ...withValue(u, "let refresh_token = '%s';")],
    falsePositives: ([t]) => [`"refresh_token": "${t.slice(0, 200)}"`, `"version": "0.A${fake.base64url(20, "rt-short")}.Agent"`],
  }),
];
