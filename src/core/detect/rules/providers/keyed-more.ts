/**
 * More keyword-anchored provider credentials (see keyed.ts for the form): SaaS APIs whose keys have a
 * recognizable shape (a prefix, a fixed length and alphabet, a structure of parts) and no rule
 * elsewhere. Each row says what the provider issues; `docs` is where it documents the credential.
 * Names are distinctive words: each name's longest word is a keyword the prefilter looks for, so a
 * common word (`float`, `image`, `export`) would run the rule on much of any codebase (a name of two
 * words, `ExportSDK`, keys on the other one: keyed.ts).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { keyed, type KeyedEntry } from "./keyed.js";

const ENTRIES: KeyedEntry[] = [
  // Prefixed or structured values. Recharge's tokens issued before its `sk_` form are hex digests (56 or 32).
  { id: "courier-auth-token", provider: "Courier", kind: "auth token", names: ["courier"], value: { alphabet: "alnum", pattern: { regex: "pk_(?:prod|test)_[A-Z0-9]{28}", sample: (s) => "pk_prod_" + fake.upperDigits(28, s) } }, docs: "https://www.courier.com/docs/reference/auth/intro" },
  { id: "kickbox-api-key", provider: "Kickbox", names: ["kickbox"], value: { prefix: ["live_", "test_"], alphabet: "hexAny", length: 64 }, docs: "https://docs.kickbox.com/docs/using-the-api" },
  { id: "imagekit-private-key", provider: "ImageKit", kind: "private API key", names: ["imagekit"], value: { prefix: "private_", alphabet: "alnum", extra: "+/=", length: 28 }, docs: "https://docs.imagekit.io/api-reference/api-introduction/api-keys" },
  { id: "pganalyze-api-key", provider: "pganalyze", kind: "API key", names: ["pganalyze"], value: { prefix: "pgar_", alphabet: "alnum", length: 27, standalone: true }, docs: "https://pganalyze.com/docs/api" },
  { id: "recharge-api-token", provider: "Recharge", kind: "API token", names: ["recharge", "rechargepayments"], credentialWord: true, value: { alphabet: "hexAny", pattern: { regex: "sk_(?:test_)?(?:1|2|3|5|10)x[123]_[0-9a-fA-F]{64}|[0-9a-fA-F]{56}|[0-9a-fA-F]{32}", sample: (s) => "sk_1x1_" + fake.hex(64, s) } }, docs: "https://developer.rechargepayments.com/2021-11/authentication" },
  { id: "ecostruxure-it-api-key", provider: "EcoStruxure IT", kind: "API key", names: ["ecostruxureit", "ecostruxure"], value: { prefix: "AK1", alphabet: "alnum", extra: "/", range: [50, 55] }, docs: "https://api.ecostruxureit.com/rest/docs/public/index.html" },
  { id: "convier-api-token", provider: "Convier", kind: "API token", names: ["convier"], value: { alphabet: "alnum", pattern: { regex: "[0-9]{1,6}\\|[A-Za-z0-9]{40}", sample: (s) => "42|" + fake.alnum(40, s) } }, docs: "https://convier.me/api" },
  { id: "avaza-personal-access-token", provider: "Avaza", kind: "personal access token", names: ["avaza"], value: { alphabet: "hex", pattern: { regex: "[0-9]{1,12}-[0-9a-f]{40}", sample: (s) => fake.digits(6, s).replace(/^0/, "1") + "-" + fake.hex(40, s) } }, docs: "https://api.avaza.com/" },
  { id: "budibase-api-key", provider: "Budibase", kind: "API key", names: ["budibase"], value: { alphabet: "hex", pattern: { regex: "[a-f0-9]{32}-[a-f0-9]{78,80}", sample: (s) => fake.hex(32, s) + "-" + fake.hex(80, s + "b") } }, docs: "https://docs.budibase.com/docs/public-api" },
  { id: "fibery-api-token", provider: "Fibery", kind: "API token", names: ["fibery"], value: { alphabet: "hex", pattern: { regex: "[0-9a-f]{8}\\.[0-9a-f]{35}", sample: (s) => fake.hex(8, s) + "." + fake.hex(35, s + "b") } }, docs: "https://the.fibery.io/@public/User_Guide/Guide/Fibery-API-Overview-279" },
  { id: "dovico-api-token", provider: "Dovico", kind: "API token", names: ["dovico"], value: { alphabet: "lowerDigits", pattern: { regex: "[0-9a-z]{32}\\.[0-9a-z]{1,40}", sample: (s) => fake.lowerDigits(32, s) + "." + fake.lowerDigits(6, s + "b") } }, docs: "https://www.dovico.com/api/" },
  { id: "exportsdk-api-key", provider: "ExportSDK", kind: "API key", names: ["exportsdk"], value: { alphabet: "lowerDigits", pattern: { regex: "[0-9a-z]{5,15}_[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}", sample: (s) => fake.lowerDigits(10, s) + "_" + fake.uuid(s) } }, docs: "https://exportsdk.com/docs" },
  // A fixed length and alphabet under the provider's name.
  { id: "yelp-api-key", provider: "Yelp", kind: "Fusion API key", names: ["yelp"], value: { alphabet: "alnum", extra: "_-", length: 128 }, docs: "https://docs.developer.yelp.com/docs/fusion-authentication" },
  { id: "line-notify-token", provider: "LINE Notify", kind: "access token", names: ["linenotify"], value: { alphabet: "alnum", length: 43 }, docs: "https://notify-bot.line.me/doc/en/" },
  { id: "dropbox-sign-api-key", provider: "Dropbox Sign", kind: "API key", names: ["hellosign"], value: { alphabet: "hexAny", length: 64 }, docs: "https://developers.hellosign.com/api/reference/authentication/" },
  { id: "godaddy-api-key", provider: "GoDaddy", kind: "API key", names: ["godaddy"], value: { alphabet: "alnum", extra: "_", range: [34, 40] }, docs: "https://developer.godaddy.com/keys" },
  { id: "godaddy-api-secret", provider: "GoDaddy", kind: "API secret", names: ["godaddy"], value: { alphabet: "alnum", length: 22 }, docs: "https://developer.godaddy.com/keys" },
  { id: "flightstats-app-key", provider: "FlightStats", kind: "application key", names: ["flightstats"], value: { alphabet: "lowerDigits", length: 32 }, docs: "https://developer.flightstats.com/getting-started" },
  { id: "elastic-email-api-key", provider: "Elastic Email", kind: "API key", names: ["elasticemail", "elastic_email"], value: { alphabet: "alnum", extra: "_-", length: 96 }, docs: "https://elasticemail.com/developers/api-documentation/rest-api" },
  { id: "smartsheet-access-token", provider: "Smartsheet", kind: "API access token", names: ["smartsheet"], value: { alphabet: "alnum", length: 37 }, docs: "https://developers.smartsheet.com/api/smartsheet/guides/basics/authentication" },
  { id: "codemagic-api-token", provider: "Codemagic", kind: "API token", names: ["codemagic"], value: { alphabet: "alnum", extra: "_", length: 43 }, docs: "https://docs.codemagic.io/rest-api/codemagic-rest-api/" },
  { id: "databox-token", provider: "Databox", kind: "push token", names: ["databox"], value: { alphabet: "lowerDigits", length: 21 }, docs: "https://developers.databox.com/" },
  { id: "data-gov-api-key", provider: "api.data.gov", kind: "API key", names: ["data gov"], value: { alphabet: "alnum", length: 40 }, docs: "https://api.data.gov/docs/developer-manual/" },
  { id: "flowflu-api-key", provider: "Flowlu", kind: "API key", names: ["flowflu", "flowlu"], value: { alphabet: "alnum", length: 51 }, docs: "https://www.flowlu.com/api/" },
  { id: "getgist-api-key", provider: "Gist", kind: "API key", names: ["getgist"], value: { alphabet: "alnum", extra: "+=", length: 68 }, docs: "https://developers.getgist.com/api/" },
  { id: "gocanvas-api-key", provider: "GoCanvas", kind: "API key", names: ["gocanvas"], value: { alphabet: "alnum", pattern: { regex: "[A-Za-z0-9/\\+]{43}=", sample: (s) => fake.alnum(43, s) + "=" } }, docs: "https://help.gocanvas.com/hc/en-us/articles/360056004272-GoCanvas-API" },
  { id: "metaapi-token", provider: "MetaApi", kind: "API token", names: ["metaapi"], value: { alphabet: "hex", length: 64 }, docs: "https://metaapi.cloud/docs/client/" },
  { id: "signable-api-key", provider: "Signable", kind: "API key", names: ["signable"], credentialWord: true, value: { alphabet: "alnum", length: 32 }, docs: "https://docs.signable.app/" },
  { id: "appointedd-api-key", provider: "Appointedd", kind: "API key", names: ["appointedd"], value: { alphabet: "alnum", extra: "+=", length: 88 }, docs: "https://developers.appointedd.com/" },
  { id: "amplitude-api-key", provider: "Amplitude", kind: "API key or secret key", names: ["amplitude"], credentialWord: true, value: { alphabet: "hex", length: 32 }, docs: "https://amplitude.com/docs/apis/authentication" },
  { id: "adobe-io-api-key", provider: "Adobe", kind: "I/O API key", names: ["adobeio", "adobe io", "adobe"], credentialWord: true, value: { alphabet: "alnum", length: 32 }, docs: "https://developer.adobe.com/developer-console/docs/guides/authentication/" },
];

export const rules: Rule[] = keyed(ENTRIES);
