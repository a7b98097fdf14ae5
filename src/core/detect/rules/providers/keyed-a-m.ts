/**
 * Keyword-anchored API keys of providers A to M (see keyed.ts for the form). Each entry is what the
 * provider issues: the names its settings carry and the value's alphabet and length. Providers with
 * their own file elsewhere (GitHub, Stripe, Slack...) are not repeated here: one rule per format.
 */
import { keyed, type KeyedEntry } from "./keyed.js";

const entries: KeyedEntry[] = [
  {id: "abstract-api-key", provider: "Abstract", names: ["abstract"], value: {alphabet: "lowerDigits", length: 32}, credentialWord: true, docs: "https://abstractapi.com"},
  {id: "abuse-ipdb-api-key", provider: "AbuseIPDB", names: ["abuseipdb"], value: {alphabet: "lowerDigits", length: 80}, docs: "https://abuseipdb.com"},
  {id: "abyssale-api-key", provider: "Abyssale", names: ["abyssale"], value: {alphabet: "alnum", length: 40}, docs: "https://abyssale.com"},
  {id: "accuweather-api-key", provider: "Accuweather", names: ["accuweather"], value: {alphabet: "alnum", length: 35}, docs: "https://accuweather.com"},
  {id: "adzuna-api-key", provider: "Adzuna", names: ["adzuna"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://adzuna.com"},
  {id: "aeroworkflow-api-key", provider: "Aeroworkflow", names: ["aeroworkflow"], value: {alphabet: "alnum", length: 20}, docs: "https://aeroworkflow.com"},
  {id: "agora-api-key", provider: "Agora", names: ["agora"], value: {alphabet: "lowerDigits", length: 32}, credentialWord: true, docs: "https://agora.io"},
  {id: "aha-api-key", provider: "Aha", names: ["aha"], value: {alphabet: "hex", length: 64}, credentialWord: true, docs: "https://aha.io"},
  {id: "airbrake-project-key", provider: "Airbrake", names: ["airbrake"], value: {alphabet: "alnum", extra: "-", length: 32}, docs: "https://airbrake.io"},
  {id: "airbrake-user-key", provider: "Airbrake", names: ["airbrake"], value: {alphabet: "alnum", extra: "-", length: 40}, docs: "https://airbrake.io"},
  {id: "airship-api-key", provider: "Airship", names: ["airship"], value: {alphabet: "alnum", length: 91}, docs: "https://urbanairship.com"},
  {id: "air-visual-api-key", provider: "AirVisual", names: ["airvisual"], value: {alphabet: "lowerDigits", extra: "-", length: 36}, docs: "https://airvisual.com"},
  {id: "aiven-api-key", provider: "Aiven", names: ["aiven"], value: {alphabet: "alnum", extra: "+/=", length: 372}, credentialWord: true, docs: "https://aiven.io"},
  {id: "alconost-api-key", provider: "Alconost", names: ["alconost"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://alconost.com"},
  {id: "alegra-api-key", provider: "Alegra", names: ["alegra"], value: {alphabet: "lowerDigits", extra: "-", length: 20}, docs: "https://alegra.com"},
  {id: "aletheia-api-key", provider: "Aletheia", names: ["aletheiaapi"], value: {alphabet: "upperDigits", length: 32}, docs: "https://aletheiaapi.com"},
  {id: "alien-vault-api-key", provider: "AlienVault", names: ["alienvault"], value: {alphabet: "lowerDigits", length: 64}, docs: "https://alienvault.com"},
  {id: "allsports-api-key", provider: "Allsports", names: ["allsports"], value: {alphabet: "lowerDigits", length: 64}, docs: "https://allsportsapi.com"},
  {id: "amadeus-api-key", provider: "Amadeus", names: ["amadeus"], value: {alphabet: "alnum", length: 32}, docs: "https://amadeus.com"},
  {id: "ambee-api-key", provider: "Ambee", names: ["ambee"], value: {alphabet: "hex", length: 64}, credentialWord: true, docs: "https://ambeedata.com"},
  {id: "anypoint-oauth2-api-key", provider: "AnypointOAuth2", names: ["anypoint"], value: {alphabet: "hex", length: 32}, docs: "https://mulesoft.com"},
  {id: "apacta-api-key", provider: "Apacta", names: ["apacta"], value: {alphabet: "lowerDigits", extra: "-", length: 36}, docs: "https://apacta.com"},
  {id: "api2cart-api-key", provider: "Api2Cart", names: ["api2cart"], value: {alphabet: "hex", length: 32}, docs: "https://api2cart.com"},
  {id: "apiflash-api-key", provider: "Apiflash", names: ["apiflash"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://apiflash.com"},
  {id: "api-fonica-api-key", provider: "ApiFonica", names: ["apifonica"], value: {alphabet: "lowerDigits", groups: [11, 4, 4, 4, 12]}, docs: "https://apifonica.com"},
  {id: "apify-api-key", provider: "Apify", names: ["apify"], value: {prefix: "apify_api_", alphabet: "alnum", extra: "-", length: 36, standalone: true}, credentialWord: true, docs: "https://apify.com"},
  {id: "apilayer-api-key", provider: "Apilayer", names: ["apilayer"], value: {alphabet: "alnum", length: 32}, docs: "https://apilayer.com"},
  {id: "api-matic-api-key", provider: "APIMatic", names: ["apimatic"], value: {alphabet: "alnum", extra: "-_", length: 64}, docs: "https://apimatic.io"},
  {id: "api-metrics-api-key", provider: "ApiMetrics", names: ["apimetrics"], value: {alphabet: "alnum", length: 32}, docs: "https://apimetrics.io"},
  {id: "api-template-api-key", provider: "APITemplate", names: ["apitemplate"], value: {alphabet: "alnum", length: 39}, docs: "https://apitemplate.io"},
  {id: "apollo-api-key", provider: "Apollo", names: ["apollo"], value: {alphabet: "alnum", length: 22}, docs: "https://apollo.io"},
  {id: "appcues-api-key", provider: "Appcues", names: ["appcues"], value: {alphabet: "lowerDigits", extra: "-", length: 36}, docs: "https://appcues.com"},
  {id: "app-synergy-api-key", provider: "AppSynergy", names: ["appsynergy"], value: {alphabet: "lowerDigits", length: 64}, docs: "https://appsynergy.com"},
  {id: "apptivo-api-key", provider: "Apptivo", names: ["apptivo"], value: {alphabet: "lowerDigits", extra: "-", length: 36}, docs: "https://apptivo.com"},
  {id: "artsy-api-key", provider: "Artsy", names: ["artsy"], value: {alphabet: "alnum", length: 32}, credentialWord: true, docs: "https://artsy.net"},
  {id: "atera-api-key", provider: "Atera", names: ["atera"], value: {alphabet: "lowerDigits", length: 32}, credentialWord: true, docs: "https://atera.com"},
  {id: "audd-api-key", provider: "Audd", names: ["audd"], value: {alphabet: "lowerDigits", extra: "-", length: 32}, credentialWord: true, docs: "https://audd.io"},
  {id: "autodesk-api-key", provider: "Autodesk", names: ["autodesk"], value: {alphabet: "alnum", length: 32}, docs: "https://autodesk.com"},
  {id: "autoklose-api-key", provider: "Autoklose", names: ["autoklose"], value: {alphabet: "alnum", extra: "-", length: 32}, docs: "https://aklab.xyz"},
  {id: "auto-pilot-api-key", provider: "AutoPilot", names: ["autopilot"], value: {alphabet: "hex", length: 32}, docs: "https://autopilothq.com"},
  {id: "aviation-stack-api-key", provider: "AviationStack", names: ["aviationstack"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://aviationstack.com"},
  {id: "axonaut-api-key", provider: "Axonaut", names: ["axonaut"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://axonaut.com"},
  {id: "aylien-api-key", provider: "Aylien", names: ["aylien"], value: {alphabet: "lowerDigits", length: 32}, docs: "https://aylien.com"},
  {id: "ayrshare-api-key", provider: "Ayrshare", names: ["ayrshare"], value: {alphabet: "upperDigits", groups: [8, 8, 8, 8]}, docs: "https://ayrshare.com"},
];

export const rules = keyed(entries);
