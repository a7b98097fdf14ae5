/**
 * Provider credentials whose value has no prefix of its own: a fixed length and alphabet, recognized
 * only as the value of a setting whose name carries the provider's name (`ADAFRUIT_KEY=`,
 * `"discordToken": "…"`, `<kucoinSecret>…</kucoinSecret>`). The name is the anchor; the value's
 * length and alphabet keep words and expressions out. Lengths and alphabets are the providers'
 * documented ones, widened to both letter cases where a provider's documentation shows only one.
 *
 * One table line per credential; `define` turns it into a rule with run-time generated examples.
 */
import type { Rule } from "../../rule.js";
import type { Severity } from "../../../types.js";
import { fake } from "../../fake.js";
import { assigned, ci, define, line } from "./kit.js";

export { exampleSecrets } from "./kit.js";

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** Characters that may not continue a value (it would be longer than the format). */
const TAIL = "[A-Za-z0-9_-]";
const TAIL_B64 = "[A-Za-z0-9_+/=-]";

interface NamedKey {
  id: string;
  title: string;
  provider: string;
  /** Lower-case words of the provider's name; the setting's name must contain one. */
  names: string[];
  /** The value's pattern (case-sensitive). */
  value: string;
  /** What may not follow the value. */
  tail?: string;
  /** A fake value of the format, from a seed. */
  sample: (seed: string) => string;
  /** The setting name the examples use. */
  setting: string;
  docs: string;
  remediation?: string;
  severity?: Severity;
}

const uuid = (seed: string) => fake.uuid(seed);
const alnum = (n: number) => (seed: string) => fake.alnum(n, seed);
const lowerDigits = (n: number) => (seed: string) => fake.lowerDigits(n, seed);
const hex = (n: number) => (seed: string) => fake.hex(n, seed);
const digits = (n: number) => (seed: string) => fake.digits(n, seed).replace(/^0/, "7");

const TABLE: NamedKey[] = [
  { id: "adafruit-io-key-legacy", title: "Adafruit IO key (legacy 32-character)", provider: "Adafruit", names: ["adafruit"], value: "[A-Za-z0-9_-]{32}", sample: alnum(32), setting: "ADAFRUIT_IO_KEY", docs: "https://io.adafruit.com/api/docs/#authentication" },
  { id: "adobe-client-id", title: "Adobe API client ID", provider: "Adobe", names: ["adobe"], value: "[a-fA-F0-9]{32}", sample: hex(32), setting: "ADOBE_CLIENT_ID", docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/", severity: "medium" },
  { id: "algolia-api-key", title: "Algolia API key", provider: "Algolia", names: ["algolia"], value: "[a-zA-Z0-9]{32}", sample: lowerDigits(32), setting: "ALGOLIA_API_KEY", docs: "https://www.algolia.com/doc/guides/security/api-keys/" },
  { id: "asana-client-id", title: "Asana OAuth client ID", provider: "Asana", names: ["asana"], value: "[0-9]{16}", tail: "[0-9]", sample: digits(16), setting: "ASANA_CLIENT_ID", docs: "https://developers.asana.com/docs/oauth", severity: "medium" },
  { id: "asana-client-secret", title: "Asana OAuth client secret", provider: "Asana", names: ["asana"], value: "[a-zA-Z0-9]{32}", sample: lowerDigits(32), setting: "ASANA_CLIENT_SECRET", docs: "https://developers.asana.com/docs/oauth" },
  { id: "bitbucket-client-id", title: "Bitbucket OAuth consumer key", provider: "Bitbucket", names: ["bitbucket"], value: "[a-zA-Z0-9]{32}", sample: alnum(32), setting: "BITBUCKET_CLIENT_ID", docs: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/", severity: "medium" },
  { id: "bitbucket-client-secret", title: "Bitbucket OAuth consumer secret", provider: "Bitbucket", names: ["bitbucket"], value: "[a-zA-Z0-9=_-]{64}", tail: "[A-Za-z0-9=_-]", sample: alnum(64), setting: "BITBUCKET_CLIENT_SECRET", docs: "https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/" },
  { id: "bittrex-api-key", title: "Bittrex API key or secret", provider: "Bittrex", names: ["bittrex"], value: "[a-zA-Z0-9]{32}", sample: lowerDigits(32), setting: "BITTREX_API_SECRET", docs: "https://bittrex.github.io/api/v3#authentication" },
  { id: "codecov-access-token", title: "Codecov API access token", provider: "Codecov", names: ["codecov"], value: "[a-zA-Z0-9]{32}", sample: lowerDigits(32), setting: "CODECOV_API_TOKEN", docs: "https://docs.codecov.com/reference/overview" },
  { id: "coinbase-access-token", title: "Coinbase access token", provider: "Coinbase", names: ["coinbase"], value: "[a-zA-Z0-9_-]{64}", sample: lowerDigits(64), setting: "COINBASE_ACCESS_TOKEN", docs: "https://docs.cdp.coinbase.com/coinbase-app/docs/auth/oauth" },
  { id: "confluent-api-key", title: "Confluent Cloud API key", provider: "Confluent", names: ["confluent"], value: "[A-Za-z0-9]{16}", sample: (s) => fake.upperDigits(16, s), setting: "CONFLUENT_API_KEY", docs: "https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html", severity: "medium" },
  { id: "datadog-access-token", title: "Datadog access token", provider: "Datadog", names: ["datadog"], value: "[a-zA-Z0-9]{40}", sample: lowerDigits(40), setting: "DATADOG_ACCESS_TOKEN", docs: "https://docs.datadoghq.com/account_management/api-app-keys/" },
  { id: "discord-api-token", title: "Discord application public key or token (64 hex)", provider: "Discord", names: ["discord"], value: "[a-fA-F0-9]{64}", sample: hex(64), setting: "DISCORD_API_TOKEN", docs: "https://discord.com/developers/docs/reference#authentication" },
  { id: "discord-client-id", title: "Discord application client ID", provider: "Discord", names: ["discord"], value: "[0-9]{17,19}", tail: "[0-9]", sample: digits(18), setting: "DISCORD_CLIENT_ID", docs: "https://discord.com/developers/docs/topics/oauth2", severity: "low" },
  { id: "discord-client-secret", title: "Discord OAuth client secret", provider: "Discord", names: ["discord"], value: "[a-zA-Z0-9=_-]{32}", tail: "[A-Za-z0-9=_-]", sample: alnum(32), setting: "DISCORD_CLIENT_SECRET", docs: "https://discord.com/developers/docs/topics/oauth2" },
  { id: "dropbox-app-key", title: "Dropbox app key", provider: "Dropbox", names: ["dropbox"], value: "[a-z0-9]{15}", sample: lowerDigits(15), setting: "DROPBOX_APP_KEY", docs: "https://developers.dropbox.com/oauth-guide", severity: "medium" },
  { id: "etsy-api-key", title: "Etsy API key", provider: "Etsy", names: ["etsy"], value: "[a-zA-Z0-9]{24}", sample: lowerDigits(24), setting: "ETSY_API_KEY", docs: "https://developers.etsy.com/documentation/essentials/authentication" },
  { id: "fastly-api-token", title: "Fastly API token", provider: "Fastly", names: ["fastly"], value: "[a-zA-Z0-9=_-]{32}", tail: "[A-Za-z0-9=_-]", sample: alnum(32), setting: "FASTLY_API_TOKEN", docs: "https://docs.fastly.com/en/guides/using-api-tokens" },
  { id: "finicity-api-token", title: "Finicity app key", provider: "Finicity", names: ["finicity"], value: "[a-fA-F0-9]{32}", sample: hex(32), setting: "FINICITY_APP_KEY", docs: "https://docs.finicity.com/" },
  { id: "finicity-client-secret", title: "Finicity partner secret", provider: "Finicity", names: ["finicity"], value: "[a-zA-Z0-9]{20}", sample: alnum(20), setting: "FINICITY_PARTNER_SECRET", docs: "https://docs.finicity.com/" },
  { id: "finnhub-api-key", title: "Finnhub API key", provider: "Finnhub", names: ["finnhub"], value: "[a-zA-Z0-9]{20}", sample: lowerDigits(20), setting: "FINNHUB_API_KEY", docs: "https://finnhub.io/docs/api/authentication" },
  { id: "flickr-api-key", title: "Flickr API key", provider: "Flickr", names: ["flickr"], value: "[a-zA-Z0-9]{32}", sample: hex(32), setting: "FLICKR_API_KEY", docs: "https://www.flickr.com/services/api/misc.api_keys.html" },
  { id: "freshbooks-access-token", title: "FreshBooks access token", provider: "FreshBooks", names: ["freshbooks"], value: "[a-zA-Z0-9]{64}", sample: hex(64), setting: "FRESHBOOKS_ACCESS_TOKEN", docs: "https://www.freshbooks.com/api/authentication" },
  { id: "gitter-access-token", title: "Gitter access token", provider: "Gitter", names: ["gitter"], value: "[a-zA-Z0-9_-]{40}", sample: hex(40), setting: "GITTER_TOKEN", docs: "https://developer.gitter.im/docs/authentication" },
  { id: "jfrog-identity-token", title: "JFrog identity token or API key", provider: "JFrog", names: ["jfrog", "artifactory", "bintray", "xray"], value: "[a-zA-Z0-9]{73}|[a-zA-Z0-9]{64}", sample: alnum(64), setting: "JFROG_IDENTITY_TOKEN", docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens" },
  { id: "kraken-api-secret", title: "Kraken API private key", provider: "Kraken", names: ["kraken"], value: "[a-zA-Z0-9/=_+-]{80,90}", tail: TAIL_B64, sample: (s) => fake.base64(88, s), setting: "KRAKEN_PRIVATE_KEY", docs: "https://docs.kraken.com/api/docs/guides/spot-rest-auth" },
  { id: "kucoin-api-key", title: "KuCoin API key", provider: "KuCoin", names: ["kucoin"], value: "[a-fA-F0-9]{24}", sample: hex(24), setting: "KUCOIN_API_KEY", docs: "https://www.kucoin.com/docs/basic-info/connection-method/authentication/creating-a-request", severity: "medium" },
  { id: "kucoin-api-secret", title: "KuCoin API secret", provider: "KuCoin", names: ["kucoin"], value: UUID, sample: uuid, setting: "KUCOIN_API_SECRET", docs: "https://www.kucoin.com/docs/basic-info/connection-method/authentication/creating-a-request" },
  { id: "launchdarkly-api-token-legacy", title: "LaunchDarkly API token (40-character)", provider: "LaunchDarkly", names: ["launchdarkly", "launch_darkly"], value: "[a-zA-Z0-9=_-]{40}", tail: "[A-Za-z0-9=_-]", sample: alnum(40), setting: "LAUNCHDARKLY_ACCESS_TOKEN", docs: "https://launchdarkly.com/docs/home/account/api" },
  { id: "linear-client-secret", title: "Linear OAuth client secret", provider: "Linear", names: ["linear"], value: "[a-f0-9]{32}", sample: hex(32), setting: "LINEAR_CLIENT_SECRET", docs: "https://linear.app/developers/oauth-2-0-authentication" },
  { id: "linkedin-client-id", title: "LinkedIn app client ID", provider: "LinkedIn", names: ["linkedin", "linked_in", "linked-in"], value: "[a-zA-Z0-9]{14}", sample: lowerDigits(14), setting: "LINKEDIN_CLIENT_ID", docs: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow", severity: "low" },
  { id: "linkedin-client-secret", title: "LinkedIn app client secret", provider: "LinkedIn", names: ["linkedin", "linked_in", "linked-in"], value: "[a-zA-Z0-9]{16}", sample: alnum(16), setting: "LINKEDIN_CLIENT_SECRET", docs: "https://learn.microsoft.com/en-us/linkedin/shared/authentication/client-credentials-flow" },
  { id: "looker-client-id", title: "Looker API client ID", provider: "Looker", names: ["looker"], value: "[a-zA-Z0-9]{20}", sample: alnum(20), setting: "LOOKER_CLIENT_ID", docs: "https://cloud.google.com/looker/docs/api-auth", severity: "medium" },
  { id: "looker-client-secret", title: "Looker API client secret", provider: "Looker", names: ["looker"], value: "[a-zA-Z0-9]{24}", sample: alnum(24), setting: "LOOKER_CLIENT_SECRET", docs: "https://cloud.google.com/looker/docs/api-auth" },
  { id: "meraki-api-key", title: "Cisco Meraki API key", provider: "Cisco Meraki", names: ["meraki"], value: "[0-9a-f]{40}", sample: hex(40), setting: "MERAKI_API_KEY", docs: "https://developer.cisco.com/meraki/api-v1/authorization/" },
  { id: "messagebird-client-id", title: "MessageBird client ID", provider: "MessageBird", names: ["messagebird", "message_bird", "message-bird"], value: UUID, sample: uuid, setting: "MESSAGEBIRD_CLIENT_ID", docs: "https://developers.messagebird.com/api/#authentication", severity: "medium" },
  { id: "newrelic-user-api-id", title: "New Relic user API ID", provider: "New Relic", names: ["newrelic", "new_relic", "new-relic"], value: "[a-zA-Z0-9]{64}", sample: alnum(64), setting: "NEW_RELIC_USER_API_ID", docs: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/", severity: "medium" },
  { id: "netlify-access-token-legacy", title: "Netlify personal access token (unprefixed)", provider: "Netlify", names: ["netlify"], value: "[a-zA-Z0-9=_-]{40,46}", tail: "[A-Za-z0-9=_-]", sample: (s) => fake.base64url(43, s), setting: "NETLIFY_AUTH_TOKEN", docs: "https://docs.netlify.com/api/get-started/#authentication" },
  { id: "nytimes-api-key", title: "New York Times API key", provider: "New York Times", names: ["nytimes", "new_york_times", "newyorktimes", "nyt_"], value: "[a-zA-Z0-9=_-]{32}", tail: "[A-Za-z0-9=_-]", sample: alnum(32), setting: "NYTIMES_API_KEY", docs: "https://developer.nytimes.com/get-started" },
  { id: "octopus-deploy-api-key", title: "Octopus Deploy API key", provider: "Octopus Deploy", names: ["octopus"], value: "API-[A-Z0-9]{25,27}", sample: (s) => "API-" + fake.upperDigits(26, s), setting: "OCTOPUS_API_KEY", docs: "https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key" },
  { id: "plaid-client-id", title: "Plaid client ID", provider: "Plaid", names: ["plaid"], value: "[a-zA-Z0-9]{24}", sample: hex(24), setting: "PLAID_CLIENT_ID", docs: "https://plaid.com/docs/api/#api-access", severity: "medium" },
  { id: "privateai-api-token", title: "Private AI API key", provider: "Private AI", names: ["privateai", "private_ai", "private-ai"], value: "[a-zA-Z0-9]{32}", sample: hex(32), setting: "PRIVATEAI_API_KEY", docs: "https://docs.private-ai.com/" },
  { id: "rapidapi-access-token", title: "RapidAPI key", provider: "RapidAPI", names: ["rapidapi", "rapid_api", "x-rapidapi"], value: "[a-zA-Z0-9_-]{50}", sample: alnum(50), setting: "RAPIDAPI_KEY", docs: "https://docs.rapidapi.com/docs/keys-and-key-rotation" },
  { id: "sendbird-app-id", title: "Sendbird application ID", provider: "Sendbird", names: ["sendbird"], value: UUID, sample: (s) => fake.uuid(s).toUpperCase(), setting: "SENDBIRD_APP_ID", docs: "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api", severity: "low" },
  { id: "sendbird-api-token", title: "Sendbird API token", provider: "Sendbird", names: ["sendbird"], value: "[a-f0-9]{40}", sample: hex(40), setting: "SENDBIRD_API_TOKEN", docs: "https://sendbird.com/docs/chat/platform-api/v3/prepare-to-use-api" },
  { id: "squarespace-api-key", title: "Squarespace API key", provider: "Squarespace", names: ["squarespace"], value: UUID, sample: uuid, setting: "SQUARESPACE_API_KEY", docs: "https://developers.squarespace.com/commerce-apis/authentication-and-permissions" },
  { id: "twitter-api-key", title: "X/Twitter API key (consumer key)", provider: "X (Twitter)", names: ["twitter"], value: "[a-zA-Z0-9]{25}", sample: alnum(25), setting: "TWITTER_API_KEY", docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret", severity: "medium" },
  { id: "twitter-access-token", title: "X/Twitter user access token", provider: "X (Twitter)", names: ["twitter"], value: "[0-9]{15,25}-[a-zA-Z0-9]{20,40}", sample: (s) => fake.digits(19, s).replace(/^0/, "1") + "-" + fake.alnum(31, s), setting: "TWITTER_ACCESS_TOKEN", docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens" },
  { id: "twitter-access-secret", title: "X/Twitter user access token secret", provider: "X (Twitter)", names: ["twitter"], value: "[a-zA-Z0-9]{45}", sample: alnum(45), setting: "TWITTER_ACCESS_SECRET", docs: "https://developer.x.com/en/docs/authentication/oauth-1-0a/obtaining-user-access-tokens" },
  { id: "sidekiq-enterprise-credentials", title: "Sidekiq Pro/Enterprise gem server credentials", provider: "Sidekiq", names: ["bundle_enterprise__contribsys__com", "bundle_gems__contribsys__com"], value: "[a-fA-F0-9]{8}:[a-fA-F0-9]{8}", tail: "[A-Za-z0-9]", sample: (s) => fake.hex(8, s) + ":" + fake.hex(8, s + "p"), setting: "BUNDLE_ENTERPRISE__CONTRIBSYS__COM", docs: "https://github.com/sidekiq/sidekiq/wiki/Commercial-FAQ" },
];

function ruleOf(k: NamedKey): Rule {
  // The provider's name starts a word or a camelCase part: `kucoinSecret`, `imagePullJfrog`, not `CameraKit`.
  const name = `(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z]))(?:${k.names.map(ci).join("|")})`;
  const camel = k.setting.includes("__") ? k.setting : k.setting.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return define({
    id: k.id,
    title: k.title,
    provider: k.provider,
    severity: k.severity ?? "high",
    keywords: k.names,
    // The value follows a quote, an assignment or a space (not a call's parenthesis: `LinkedInTests(Mixin`)
    // and holds a digit (prose such as `LinkedIn authentication` does not).
    regex: assigned(name, String.raw`(?<=["'\x60=:>\s])(?=[^\s"'\x60,;]{0,90}[0-9])(?:${k.value})`, k.tail ?? TAIL),
    // An XML element's text may sit on the next line: <kucoinSecret>\n  value\n</kucoinSecret>.
    window: 200,
    // Below the formats with a prefix of their own (`aio_`, `sdk-`): they name the credential better.
    priority: 1.5,
    docs: k.docs,
    remediation: k.remediation ?? `Revoke or regenerate the ${k.provider} credential in the provider's console, then load its replacement from a secret store or environment variable.`,
    samples: () => [k.sample(k.id)] as const,
    truePositives: ([v]) => [line.env(k.setting, v), line.json(camel, v), `<${camel}>\n    ${v}\n</${camel}>`],
    falsePositives: ([v]) => [line.env("UNRELATED_VALUE", v), line.env(k.setting, v.slice(0, Math.floor(v.length / 2))), `// ${k.provider}: see the docs for the ${k.setting.toLowerCase()} setting`],
  });
}

export const rules: Rule[] = TABLE.map(ruleOf);
