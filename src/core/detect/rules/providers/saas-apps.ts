/**
 * Credentials of business and content SaaS: project management (Linear, Asana, ClickUp, Trello...),
 * CRMs and support desks (HubSpot, Zendesk, Freshdesk, Salesforce), content platforms (Notion,
 * Contentful, Sanity, Storyblok...), shipping and logistics APIs, analytics and media services.
 *
 * Same approach as saas-devops.ts: distinctive prefixes are matched alone, bare shapes only next to the
 * provider's name in the variable or header name. Example tokens are generated at run time.
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import {
  SECRET_NAME,
  UUID,
  buildRules,
  contextRegex,
  decodeJsonObject,
  hasDigit,
  samples,
  toBase64,
  type SaasRuleSpec,
} from "./saas-devops.js";

const b64url = (n: number, seed: string) => fake.base64url(n, seed);

/** Mapbox tokens: `sk.`/`pk.` + base64url JSON claims (with the user name `u`) + `.` + signature. */
function fakeMapboxToken(prefix: "sk." | "pk.", seed: string): string {
  const claims = toBase64(JSON.stringify({ u: "user" + fake.lower(6, seed), a: fake.lowerDigits(25, seed + "a") }), true);
  return prefix + claims + "." + b64url(22, seed + "sig");
}

function validateMapbox(token: string) {
  const claims = decodeJsonObject(token.split(".")[1] ?? "");
  return claims && typeof claims["u"] === "string"
    ? ({ status: "confirmed", check: "embedded JSON claims" } as const)
    : ({ status: "failed", check: "embedded JSON claims" } as const);
}

function fakeJwt(seed: string, payload: Record<string, unknown>): string {
  return toBase64('{"alg":"HS256","typ":"JWT"}', true) + "." + toBase64(JSON.stringify(payload), true) + "." + b64url(43, seed + "sig");
}

/** `lob` must start the name and be followed by a separator or a key word (not "global_key", "lobby"). */
const LOB = String.raw`(?<![a-z])lob(?=[_.-]|api|key|secret|token|live|test)`;

const LOB_KEYWORDS = ["lob_", "lob-", "lob.", "lobapi", "lobkey", "lobsecret", "lobtoken", "loblive", "lobtest"];

/** Box secrets are matched by their full variable name, so the keywords are those names' starts. */
const BOX_KEYWORDS = ["_", "-", "."].flatMap((sep) => ["client", "developer", "access", "primary", "api"].map((name) => "box" + sep + name));

const JWT = String.raw`eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}`;

const specs: SaasRuleSpec[] = [
  // --- Linear ----------------------------------------------------------------------------------------
  {
    id: "linear-api-key",
    title: "Linear personal API key",
    provider: "Linear",
    severity: "high",
    keywords: ["lin_api_"],
    regex: /(?<![\w-])(?<secret>lin_api_[A-Za-z0-9]{40})(?![\w-])/,
    docs: "https://linear.app/developers/graphql#personal-api-keys",
    remediation: "Revoke the key in Linear > Settings > Security & access > API keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = "lin_api_" + fake.alnum(40, "lin-1");
      return { tp: samples(t, "LINEAR_API_KEY=%s", "new LinearClient({ apiKey: '%s' })"), fp: ["lin_api_" + fake.alnum(30, "lin-short"), "LINEAR_API_KEY=process.env.LINEAR_API_KEY"] };
    },
  },
  {
    id: "linear-oauth-token",
    title: "Linear OAuth access token",
    provider: "Linear",
    severity: "high",
    keywords: ["lin_oauth_"],
    regex: /(?<![\w-])(?<secret>lin_oauth_[a-f0-9]{64})(?![\w-])/,
    docs: "https://linear.app/developers/oauth-2-0-authentication",
    remediation: "Revoke the token through Linear's OAuth revoke endpoint (or the app's authorization) and store tokens server-side only.",
    samples: () => {
      const t = "lin_oauth_" + fake.hex(64, "linoauth-1");
      return { tp: samples(t, "LINEAR_ACCESS_TOKEN=%s", 'Authorization: Bearer %s'), fp: ["lin_oauth_" + fake.hex(40, "linoauth-short"), "lin_oauth_" + fake.hex(70, "linoauth-long")] };
    },
  },

  // --- Notion ----------------------------------------------------------------------------------------
  {
    id: "notion-api-token",
    title: "Notion integration token",
    provider: "Notion",
    severity: "high",
    keywords: ["ntn_"],
    regex: /(?<![\w-])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![\w-])/,
    docs: "https://developers.notion.com/docs/authorization#internal-integration-auth-flow-set-up",
    remediation: "Refresh the integration secret at notion.so/profile/integrations and keep its replacement in a secret manager.",
    samples: () => {
      const t = "ntn_" + fake.digits(11, "ntn-1") + fake.alnum(35, "ntn-1b");
      return { tp: samples(t, "NOTION_TOKEN=%s", "new Client({ auth: '%s' })"), fp: ["ntn_" + fake.alnum(20, "ntn-short"), "NOTION_TOKEN=${NOTION_TOKEN}"] };
    },
  },
  {
    id: "notion-integration-token-legacy",
    title: "Notion integration token (legacy secret_)",
    provider: "Notion",
    severity: "high",
    keywords: ["notion"],
    regex: contextRegex("notion", null, String.raw`secret_[A-Za-z0-9]{43}`),
    docs: "https://developers.notion.com/docs/authorization",
    remediation: "Refresh the integration secret at notion.so/profile/integrations and keep its replacement in a secret manager.",
    samples: () => {
      const t = "secret_" + fake.alnum(43, "notion-leg-1");
      return { tp: samples(t, "NOTION_API_KEY=%s", "notion_token: '%s'"), fp: ["NOTION_API_KEY=secret_" + fake.alnum(20, "notion-short"), "client_secret_" + fake.alnum(43, "notion-fp")] };
    },
  },

  // --- Airtable ---------------------------------------------------------------------------------------
  {
    id: "airtable-personal-access-token",
    title: "Airtable personal access token",
    provider: "Airtable",
    severity: "high",
    keywords: ["pat"],
    regex: /(?<![\w-])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![\w-])/,
    docs: "https://airtable.com/developers/web/guides/personal-access-tokens",
    remediation: "Delete the token at airtable.com/create/tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "pat" + fake.alnum(14, "airtable-1") + "." + fake.hex(64, "airtable-1b");
      return { tp: samples(t, "AIRTABLE_TOKEN=%s", "new Airtable({ apiKey: '%s' })"), fp: ["pat" + fake.alnum(14, "airtable-fp") + "." + fake.hex(30, "airtable-short"), "spat" + fake.alnum(14, "airtable-e") + "." + fake.hex(64, "airtable-e2")] };
    },
  },
  {
    id: "airtable-api-key-legacy",
    title: "Airtable API key (legacy)",
    provider: "Airtable",
    severity: "high",
    keywords: ["airtable"],
    // "key" and 14 characters; some copies lost the "key" prefix, so any 17 characters with a digit.
    regex: contextRegex("airtable", String.raw`api[_.-]?key|key|token`, hasDigit(17) + "[A-Za-z0-9]{17}"),
    docs: "https://support.airtable.com/docs/airtable-api-key-deprecation-notice",
    remediation: "API keys are deprecated: delete it, create a scoped personal access token and keep it in a secret manager.",
    samples: () => {
      const t = "key" + fake.alnum(12, "airtable-leg-1") + "42";
      return { tp: samples(t, "AIRTABLE_API_KEY=%s", "airtable_key: '%s'"), fp: ["AIRTABLE_BASE_ID=app" + fake.alnum(14, "airtable-base"), "AIRTABLE_API_KEY=keyboardShortcutsX"] };
    },
  },

  // --- Postman, Figma, Asana, Typeform ---------------------------------------------------------------
  {
    id: "postman-api-key",
    title: "Postman API key",
    provider: "Postman",
    severity: "high",
    keywords: ["pmak-"],
    regex: /(?<![\w-])(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![\w-])/,
    docs: "https://learning.postman.com/docs/developer/postman-api/authentication/",
    remediation: "Delete the key in Postman > Settings > API keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = "PMAK-" + fake.hex(24, "pmak-1") + "-" + fake.hex(34, "pmak-1b");
      return { tp: samples(t, "POSTMAN_API_KEY=%s", '-H "X-Api-Key: %s"'), fp: ["PMAK-" + fake.hex(24, "pmak-fp") + "-" + fake.hex(20, "pmak-short"), "POSTMAN_API_KEY={{postman_api_key}}"] };
    },
  },
  {
    id: "figma-personal-access-token",
    title: "Figma personal access token",
    provider: "Figma",
    severity: "high",
    keywords: ["figd_"],
    regex: /(?<![\w-])(?<secret>figd_[A-Za-z0-9_-]{38,45})(?![\w-])/,
    docs: "https://www.figma.com/developers/api#access-tokens",
    remediation: "Revoke the token in Figma > Settings > Security > Personal access tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "figd_" + b64url(40, "figd-1");
      return { tp: samples(t, "FIGMA_TOKEN=%s", '"X-Figma-Token": "%s"'), fp: ["figd_" + fake.alnum(20, "figd-short"), "FIGMA_TOKEN=${FIGMA_TOKEN}"] };
    },
  },
  {
    id: "asana-personal-access-token",
    title: "Asana personal access token",
    provider: "Asana",
    severity: "high",
    keywords: ["asana"],
    // Current format: 2/<user gid>/<app gid>:<32 characters>.
    regex: contextRegex("asana", null, String.raw`2/[0-9]{6,20}/[0-9]{6,20}:[A-Za-z0-9]{32}`),
    docs: "https://developers.asana.com/docs/personal-access-token",
    remediation: "Deauthorize the token in Asana > My Settings > Apps > Developer apps and keep its replacement in a secret manager.",
    samples: () => {
      const t = "2/" + fake.digits(16, "asana-1") + "/" + fake.digits(16, "asana-1b") + ":" + fake.alnum(32, "asana-1c");
      return { tp: samples(t, "ASANA_ACCESS_TOKEN=%s", "asana_pat: '%s'"), fp: ["ASANA_PROJECT=2/" + fake.digits(16, "asana-fp"), "ASANA_ACCESS_TOKEN=${ASANA_ACCESS_TOKEN}"] };
    },
  },
  {
    id: "asana-personal-access-token-legacy",
    title: "Asana personal access token (legacy 1/ format)",
    provider: "Asana",
    severity: "high",
    keywords: ["asana"],
    regex: contextRegex("asana", null, String.raw`1/[0-9]{6,20}:[a-f0-9]{32}`),
    docs: "https://developers.asana.com/docs/personal-access-token",
    remediation: "Deauthorize the token in Asana > My Settings > Apps and keep its replacement in a secret manager.",
    samples: () => {
      const t = "1/" + fake.digits(16, "asana-leg-1") + ":" + fake.hex(32, "asana-leg-1b");
      return { tp: samples(t, "ASANA_TOKEN=%s", "asana_access_token = '%s'"), fp: ["ASANA_TOKEN=1/" + fake.digits(16, "asana-leg-fp") + ":" + fake.hex(20, "asana-leg-s"), "ratio = 1/" + fake.digits(8, "asana-r")] };
    },
  },
  {
    id: "typeform-personal-access-token",
    title: "Typeform personal access token",
    provider: "Typeform",
    severity: "high",
    keywords: ["tfp_"],
    regex: /(?<![\w-])(?<secret>tfp_[A-Za-z0-9_.=-]{59})(?![\w.=-])/,
    docs: "https://www.typeform.com/developers/get-started/personal-access-token/",
    remediation: "Delete the token in Typeform > Account > Personal tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "tfp_" + fake.alnum(44, "tfp-1") + "_" + fake.alnum(14, "tfp-1b");
      return { tp: samples(t, "TYPEFORM_TOKEN=%s", 'Authorization: "Bearer %s"'), fp: ["tfp_" + fake.alnum(30, "tfp-short"), "tfp_" + fake.alnum(70, "tfp-long")] };
    },
  },

  // --- HubSpot, Zendesk, Freshdesk, Salesforce -------------------------------------------------------
  {
    id: "hubspot-private-app-token",
    title: "HubSpot private app access token",
    provider: "HubSpot",
    severity: "high",
    keywords: ["pat-na", "pat-eu", "pat-ap"],
    regex: new RegExp(String.raw`(?<![\w-])(?<secret>pat-(?:na|eu|ap)[0-9]{1,2}-${UUID})(?![\w-])`),
    docs: "https://developers.hubspot.com/docs/api/private-apps",
    remediation: "Rotate the token in HubSpot > Settings > Integrations > Private Apps and keep its replacement in a secret manager.",
    samples: () => {
      const t = "pat-na1-" + fake.uuid("hubspot-1");
      const t2 = "pat-eu1-" + fake.uuid("hubspot-2");
      return { tp: [...samples(t, "HUBSPOT_ACCESS_TOKEN=%s"), ...samples(t2, "new Client({ accessToken: '%s' })")], fp: ["pat-na1-" + fake.hex(20, "hubspot-short"), "HUBSPOT_ACCESS_TOKEN=${HUBSPOT_TOKEN}"] };
    },
  },
  {
    id: "hubspot-api-key-legacy",
    title: "HubSpot API key (legacy hapikey)",
    provider: "HubSpot",
    severity: "high",
    keywords: ["hubspot", "hapikey"],
    regex: contextRegex(String.raw`hubspot[\w.-]{0,25}?(?:${SECRET_NAME})|hapikey`, null, UUID),
    docs: "https://developers.hubspot.com/changelog/upcoming-api-key-sunset",
    remediation: "HubSpot API keys are retired: delete it and use a private app token kept in a secret manager.",
    samples: () => {
      const t = fake.uuid("hapikey-1");
      return { tp: samples(t, "HUBSPOT_API_KEY=%s", "https://api.hubapi.com/contacts/v1/lists?hapikey=%s"), fp: ["HUBSPOT_PORTAL_ID=" + fake.uuid("hapikey-fp"), "HUBSPOT_API_KEY=${HUBSPOT_API_KEY}"] };
    },
  },
  {
    id: "zendesk-api-token",
    title: "Zendesk API token",
    provider: "Zendesk",
    severity: "high",
    keywords: ["zendesk"],
    regex: contextRegex("zendesk", String.raw`api[_.-]?token|token|api[_.-]?key|key|secret`, hasDigit(40) + "[A-Za-z0-9]{40}"),
    minEntropy: 3.5,
    docs: "https://support.zendesk.com/hc/en-us/articles/4408889192858-Managing-access-to-the-Zendesk-API",
    remediation: "Delete the token in Zendesk Admin Center > Apps and integrations > Zendesk API and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.alnum(38, "zendesk-1") + "5" + fake.alnum(1, "zendesk-1b");
      return { tp: samples(t, "ZENDESK_API_TOKEN=%s", "zendesk_token: '%s'"), fp: ["ZENDESK_SUBDOMAIN=acme", "ZENDESK_API_TOKEN=" + fake.alnum(30, "zendesk-short")] };
    },
  },
  {
    id: "freshdesk-api-key",
    title: "Freshdesk API key",
    provider: "Freshdesk",
    severity: "high",
    keywords: ["freshdesk"],
    regex: contextRegex("freshdesk", String.raw`api[_.-]?key|key|token`, hasDigit(20) + "[A-Za-z0-9]{20}"),
    minEntropy: 3.2,
    docs: "https://developers.freshdesk.com/api/#authentication",
    remediation: "Reset the key in Freshdesk > Profile settings > View API key and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.alnum(18, "freshdesk-1") + "9" + fake.alnum(1, "freshdesk-1b");
      return { tp: samples(t, "FRESHDESK_API_KEY=%s", "freshdesk_key: '%s'"), fp: ["FRESHDESK_DOMAIN=acme.freshdesk.com", "FRESHDESK_API_KEY=" + fake.alnum(32, "freshdesk-long")] };
    },
  },
  {
    id: "salesforce-access-token",
    title: "Salesforce access token / session ID",
    provider: "Salesforce",
    severity: "high",
    keywords: ["00d"],
    // <org id, 00D + 12-15 characters>!<session part>: the "!" makes the shape specific on its own.
    regex: /(?<![\w-])(?<secret>00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{80,120})(?![\w.-])/,
    docs: "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_access_tokens.htm",
    remediation: "Revoke the session (Setup > Session Management, or the OAuth revoke endpoint) and obtain short-lived tokens at run time.",
    samples: () => {
      const t = "00D" + fake.alnum(15, "sf-1") + "!AQ" + fake.alnum(10, "sf-1b") + "." + b64url(84, "sf-1c").replace(/-/g, "x");
      return { tp: samples(t, "SALESFORCE_ACCESS_TOKEN=%s", "sf.Connection({ accessToken: '%s' })"), fp: ["00D" + fake.alnum(15, "sf-fp") + " is our org id", "00D" + fake.alnum(15, "sf-fp2") + "!" + fake.alnum(20, "sf-short")] };
    },
  },

  // --- Content platforms -----------------------------------------------------------------------------
  {
    id: "contentful-personal-access-token",
    title: "Contentful personal access token",
    provider: "Contentful",
    severity: "high",
    keywords: ["cfpat-"],
    regex: /(?<![\w-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![\w-])/,
    docs: "https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api",
    remediation: "Revoke the token in Contentful > Settings > CMA tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "CFPAT-" + b64url(43, "cfpat-1");
      return { tp: samples(t, "CONTENTFUL_MANAGEMENT_TOKEN=%s", "createClient({ accessToken: '%s' })"), fp: ["CFPAT-" + fake.alnum(20, "cfpat-short"), "CONTENTFUL_MANAGEMENT_TOKEN=${CMA_TOKEN}"] };
    },
  },
  {
    id: "contentful-delivery-token",
    title: "Contentful delivery / preview API token",
    provider: "Contentful",
    // Read access to content (preview tokens include drafts).
    severity: "medium",
    keywords: ["contentful"],
    regex: contextRegex("contentful", String.raw`(?:delivery|preview|access|cda|cpa)[_.-]?(?:api[_.-]?)?token|token`, hasDigit(43) + "[A-Za-z0-9_-]{43}"),
    minEntropy: 3.5,
    docs: "https://www.contentful.com/developers/docs/references/authentication/",
    remediation: "Revoke the API key in Contentful > Settings > API keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = b64url(40, "cda-1") + "7" + fake.alnum(2, "cda-1b");
      return { tp: samples(t, "CONTENTFUL_DELIVERY_TOKEN=%s", "contentful_access_token: '%s'"), fp: ["CONTENTFUL_SPACE_ID=" + fake.lowerDigits(12, "cda-fp"), "CONTENTFUL_ACCESS_TOKEN=${CONTENTFUL_ACCESS_TOKEN}"] };
    },
  },
  {
    id: "sanity-api-token",
    title: "Sanity API token",
    provider: "Sanity",
    severity: "high",
    keywords: ["sanity"],
    regex: contextRegex("sanity", String.raw`token|api[_.-]?key|secret`, "sk[A-Za-z0-9]{78,200}"),
    docs: "https://www.sanity.io/docs/http-auth",
    remediation: "Delete the token in sanity.io/manage > API > Tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "sk" + fake.alnum(180, "sanity-1");
      return { tp: samples(t, "SANITY_API_TOKEN=%s", "sanity_token: '%s'"), fp: ["SANITY_PROJECT_ID=" + fake.lowerDigits(8, "sanity-fp"), "SANITY_API_TOKEN=sk" + fake.alnum(30, "sanity-short")] };
    },
  },
  {
    id: "storyblok-access-token",
    title: "Storyblok access token",
    provider: "Storyblok",
    severity: "medium",
    keywords: ["storyblok"],
    regex: contextRegex("storyblok", String.raw`(?:access|preview|public|management|oauth)?[_.-]?token|api[_.-]?key`, hasDigit(30) + "[A-Za-z0-9-]{22,30}"),
    minEntropy: 3.5,
    docs: "https://www.storyblok.com/docs/api/content-delivery/v2/getting-started/authentication",
    remediation: "Delete the token in Storyblok > Settings > Access Tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.alnum(20, "storyblok-1") + "3" + fake.alnum(1, "storyblok-1b") + "tt";
      return { tp: samples(t, "STORYBLOK_TOKEN=%s", "storyblok_preview_token: '%s'"), fp: ["STORYBLOK_SPACE_ID=" + fake.digits(6, "storyblok-fp"), "STORYBLOK_TOKEN=${STORYBLOK_TOKEN}"] };
    },
  },
  {
    id: "strapi-api-token",
    title: "Strapi API token",
    provider: "Strapi",
    severity: "high",
    keywords: ["strapi"],
    regex: contextRegex("strapi", String.raw`api[_.-]?token|token`, "[a-f0-9]{256}"),
    docs: "https://docs.strapi.io/cms/features/api-tokens",
    remediation: "Regenerate or delete the token in Strapi admin > Settings > API Tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.hex(256, "strapi-1");
      return { tp: samples(t, "STRAPI_API_TOKEN=%s", "strapi_token: '%s'"), fp: ["STRAPI_API_TOKEN=" + fake.hex(64, "strapi-short"), "STRAPI_URL=http://localhost:1337"] };
    },
  },
  {
    id: "prismic-access-token",
    title: "Prismic permanent access token",
    provider: "Prismic",
    severity: "medium",
    keywords: ["prismic"],
    regex: contextRegex("prismic", String.raw`(?:access|write|api)?[_.-]?token`, hasDigit(60) + "[A-Za-z0-9_.-]{40,300}"),
    minEntropy: 4,
    docs: "https://prismic.io/docs/access-token",
    remediation: "Revoke the token in Prismic > Settings > API & Security and keep its replacement in a secret manager.",
    samples: () => {
      const t = "MC5" + fake.alnum(30, "prismic-1") + ".77-9" + b64url(30, "prismic-1b") + "5";
      return { tp: samples(t, "PRISMIC_ACCESS_TOKEN=%s", "prismic_token: '%s'"), fp: ["PRISMIC_REPOSITORY=my-repo", "PRISMIC_ACCESS_TOKEN=${PRISMIC_TOKEN}"] };
    },
  },

  // --- Shipping and logistics -----------------------------------------------------------------------
  {
    id: "shippo-live-api-token",
    title: "Shippo live API token",
    provider: "Shippo",
    severity: "high",
    keywords: ["shippo_live_"],
    regex: /(?<![\w-])(?<secret>shippo_live_[a-fA-F0-9]{40})(?![\w-])/,
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
    remediation: "Regenerate the token in Shippo > Settings > API and keep its replacement in a secret manager.",
    samples: () => {
      const t = "shippo_live_" + fake.hex(40, "shippo-1");
      return { tp: samples(t, "SHIPPO_API_KEY=%s", "Authorization: ShippoToken %s"), fp: ["shippo_live_" + fake.hex(20, "shippo-short"), "SHIPPO_API_KEY=${SHIPPO_API_KEY}"] };
    },
  },
  {
    id: "shippo-test-api-token",
    title: "Shippo test API token",
    provider: "Shippo",
    severity: "medium",
    keywords: ["shippo_test_"],
    regex: /(?<![\w-])(?<secret>shippo_test_[a-fA-F0-9]{40})(?![\w-])/,
    docs: "https://docs.goshippo.com/docs/guides_general/authentication/",
    remediation: "Regenerate the test token in Shippo > Settings > API and keep it out of source control.",
    samples: () => {
      const t = "shippo_test_" + fake.hex(40, "shippo-t-1");
      return { tp: samples(t, "SHIPPO_TEST_KEY=%s", "shippo.api_key = '%s'"), fp: ["shippo_test_" + fake.hex(20, "shippo-t-short"), "shippo_test_" + fake.hex(48, "shippo-t-long")] };
    },
  },
  {
    id: "easypost-production-api-key",
    title: "EasyPost production API key",
    provider: "EasyPost",
    severity: "high",
    keywords: ["ezak"],
    regex: /(?<![\w-])(?<secret>EZAK[A-Za-z0-9]{54})(?![\w-])/,
    docs: "https://docs.easypost.com/docs/authentication",
    remediation: "Delete the key in EasyPost > Account Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = "EZAK" + fake.alnum(54, "ezak-1");
      return { tp: samples(t, "EASYPOST_API_KEY=%s", "EasyPostClient('%s')"), fp: ["EZAK" + fake.alnum(30, "ezak-short"), "EZAK" + fake.alnum(60, "ezak-long")] };
    },
  },
  {
    id: "easypost-test-api-key",
    title: "EasyPost test API key",
    provider: "EasyPost",
    severity: "medium",
    keywords: ["eztk"],
    regex: /(?<![\w-])(?<secret>EZTK[A-Za-z0-9]{54})(?![\w-])/,
    docs: "https://docs.easypost.com/docs/authentication",
    remediation: "Delete the test key in EasyPost > Account Settings > API Keys and keep it out of source control.",
    samples: () => {
      const t = "EZTK" + fake.alnum(54, "eztk-1");
      return { tp: samples(t, "EASYPOST_TEST_KEY=%s", "client = EasyPostClient('%s')"), fp: ["EZTK" + fake.alnum(30, "eztk-short"), "EZTK" + fake.alnum(60, "eztk-long")] };
    },
  },
  {
    id: "duffel-live-token",
    title: "Duffel live access token",
    provider: "Duffel",
    severity: "high",
    keywords: ["duffel_live_"],
    regex: /(?<![\w-])(?<secret>duffel_live_[A-Za-z0-9_=-]{43})(?![\w=-])/,
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
    remediation: "Revoke the token in the Duffel dashboard > Developers > Access tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "duffel_live_" + b64url(43, "duffel-1");
      return { tp: samples(t, "DUFFEL_ACCESS_TOKEN=%s", "new Duffel({ token: '%s' })"), fp: ["duffel_live_" + fake.alnum(20, "duffel-short"), "DUFFEL_ACCESS_TOKEN=${DUFFEL_TOKEN}"] };
    },
  },
  {
    id: "duffel-test-token",
    title: "Duffel test access token",
    provider: "Duffel",
    severity: "medium",
    keywords: ["duffel_test_"],
    regex: /(?<![\w-])(?<secret>duffel_test_[A-Za-z0-9_=-]{43})(?![\w=-])/,
    docs: "https://duffel.com/docs/api/overview/making-requests/authentication",
    remediation: "Revoke the test token in the Duffel dashboard and keep it out of source control.",
    samples: () => {
      const t = "duffel_test_" + b64url(43, "duffel-t-1");
      return { tp: samples(t, "DUFFEL_TOKEN=%s", "token: '%s'"), fp: ["duffel_test_" + fake.alnum(20, "duffel-t-short"), "duffel_test_" + fake.alnum(50, "duffel-t-long")] };
    },
  },
  {
    id: "lob-live-api-key",
    title: "Lob live API key",
    provider: "Lob",
    severity: "high",
    keywords: LOB_KEYWORDS,
    regex: contextRegex(LOB, null, "live_[a-f0-9]{32,35}"),
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the key in the Lob dashboard > Settings > API Keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = "live_" + fake.hex(35, "lob-1");
      return { tp: samples(t, "LOB_API_KEY=%s", "lob_key: '%s'"), fp: ["GLOBAL_KEY=live_" + fake.hex(35, "lob-fp"), "LOB_API_KEY=live_pub_" + fake.hex(31, "lob-pub")] };
    },
  },
  {
    id: "lob-publishable-api-key",
    title: "Lob publishable API key",
    provider: "Lob",
    // Publishable keys may appear in front-end code: reported so that it is a reviewed decision.
    severity: "low",
    keywords: ["test_pub_", "live_pub_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>(?:test|live)_pub_[a-f0-9]{31})(?![A-Za-z0-9_])/,
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the publishable key in the Lob dashboard if it was not meant to be public.",
    samples: () => {
      const t = "live_pub_" + fake.hex(31, "lob-pub");
      return { tp: samples(t, "LOB_PUBLISHABLE_KEY=%s", "lob.publishable = '%s'"), fp: ["live_pub_" + fake.hex(20, "lob-pub-short"), "test_pub_" + fake.hex(40, "lob-pub-long")] };
    },
  },
  {
    id: "lob-test-api-key",
    title: "Lob test API key",
    provider: "Lob",
    severity: "medium",
    keywords: LOB_KEYWORDS,
    regex: contextRegex(LOB, null, "test_[a-f0-9]{32,35}"),
    docs: "https://docs.lob.com/#tag/Authentication",
    remediation: "Rotate the test key in the Lob dashboard and keep it out of source control.",
    samples: () => {
      const t = "test_" + fake.hex(35, "lob-t-1");
      return { tp: samples(t, "LOB_TEST_KEY=%s", "lob.api_key = '%s'"), fp: ["LOB_TEST_KEY=test_" + fake.hex(20, "lob-t-short"), "unittest_" + fake.hex(35, "lob-t-fp")] };
    },
  },

  // --- Maps, files, media ---------------------------------------------------------------------------
  {
    id: "mapbox-secret-token",
    title: "Mapbox secret access token",
    provider: "Mapbox",
    severity: "high",
    keywords: ["sk.eyj"],
    regex: /(?<![\w.-])(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,40})(?![\w-])/,
    validate: validateMapbox,
    docs: "https://docs.mapbox.com/accounts/guides/tokens/",
    remediation: "Delete the secret token at account.mapbox.com/access-tokens and keep its replacement server-side in a secret manager.",
    samples: () => {
      const t = fakeMapboxToken("sk.", "mapbox-sk-1");
      return { tp: samples(t, "MAPBOX_DOWNLOADS_TOKEN=%s", "MAPBOX_SECRET_TOKEN: '%s'"), fp: ["sk.eyJ" + fake.alnum(10, "mapbox-short"), "task.eyJ" + fake.alnum(30, "mapbox-e") + "." + fake.alnum(22, "mapbox-e2")] };
    },
  },
  {
    id: "mapbox-public-token",
    title: "Mapbox public access token",
    provider: "Mapbox",
    // Public tokens are meant for browsers; reported so URL restrictions get checked.
    severity: "low",
    keywords: ["pk.eyj"],
    regex: /(?<![\w.-])(?<secret>pk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,40})(?![\w-])/,
    validate: validateMapbox,
    docs: "https://docs.mapbox.com/accounts/guides/tokens/#public-tokens",
    remediation: "Make sure the public token has URL restrictions in your Mapbox account; rotate it if it was not meant to be shared.",
    samples: () => {
      const t = fakeMapboxToken("pk.", "mapbox-pk-1");
      return { tp: samples(t, "mapboxgl.accessToken = '%s';", "NEXT_PUBLIC_MAPBOX_TOKEN=%s"), fp: ["pk.eyJ" + fake.alnum(10, "mapbox-pk-short"), "mapboxgl.accessToken = process.env.MAPBOX_TOKEN;"] };
    },
  },
  {
    id: "dropbox-short-lived-token",
    title: "Dropbox short-lived access token",
    provider: "Dropbox",
    severity: "high",
    keywords: ["dropbox"],
    regex: contextRegex("dropbox", null, String.raw`sl\.[A-Za-z0-9_=.-]{130,1400}`, String.raw`(?![\w=.-])`),
    docs: "https://developers.dropbox.com/oauth-guide",
    remediation: "Revoke the token (POST /2/auth/token/revoke or the app console) and obtain tokens at run time through OAuth.",
    samples: () => {
      const t = "sl." + b64url(135, "dropbox-sl-1");
      return { tp: samples(t, "DROPBOX_ACCESS_TOKEN=%s", "dropbox_token: '%s'"), fp: ["DROPBOX_ACCESS_TOKEN=sl." + fake.alnum(40, "dropbox-sl-short"), "DROPBOX_APP_KEY=" + fake.lowerDigits(15, "dropbox-fp")] };
    },
  },
  {
    id: "dropbox-long-lived-token",
    title: "Dropbox long-lived access token",
    provider: "Dropbox",
    severity: "high",
    keywords: ["dropbox"],
    regex: contextRegex("dropbox", null, "[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43}", String.raw`(?![\w=-])`),
    docs: "https://developers.dropbox.com/oauth-guide",
    remediation: "Revoke the token in the Dropbox app console and move to short-lived tokens with refresh tokens kept in a secret manager.",
    samples: () => {
      const t = fake.alnum(11, "dropbox-ll-1") + "AAAAAAAAAA" + b64url(43, "dropbox-ll-1b");
      return { tp: samples(t, "DROPBOX_TOKEN=%s", "dropbox_access_token = \"%s\""), fp: ["DROPBOX_TOKEN=" + fake.alnum(64, "dropbox-ll-fp"), "DROPBOX_TOKEN=${DROPBOX_TOKEN}"] };
    },
  },
  {
    id: "box-api-credential",
    title: "Box developer token / client secret",
    provider: "Box",
    severity: "high",
    keywords: BOX_KEYWORDS,
    // "box" alone is too common (inbox, checkbox, sandbox): it must start the name and be followed by a separator.
    regex: contextRegex(String.raw`(?<![a-z])box[_.-](?:client[_.-]?secret|developer[_.-]?token|access[_.-]?token|primary[_.-]?key|api[_.-]?key)`, null, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://developer.box.com/guides/authentication/tokens/developer-tokens/",
    remediation: "Revoke the token or reset the client secret in the Box Developer Console and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.alnum(30, "box-1") + "64";
      return { tp: samples(t, "BOX_CLIENT_SECRET=%s", "box_developer_token: '%s'"), fp: ["SANDBOX_CLIENT_SECRET=" + fake.alnum(30, "box-fp") + "12", "BOX_CLIENT_ID=" + fake.alnum(32, "box-id")] };
    },
  },
  {
    id: "frameio-api-token",
    title: "Frame.io developer token",
    provider: "Frame.io",
    severity: "high",
    keywords: ["fio-u-"],
    regex: /(?<![\w-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])/,
    docs: "https://developer.frame.io/docs/getting-started/authentication",
    remediation: "Delete the token at developer.frame.io > Tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = "fio-u-" + b64url(64, "fio-1");
      return { tp: samples(t, "FRAMEIO_TOKEN=%s", 'Authorization: "Bearer %s"'), fp: ["fio-u-" + fake.alnum(30, "fio-short"), "fio-u-" + fake.alnum(70, "fio-long")] };
    },
  },
  {
    id: "twitch-client-secret",
    title: "Twitch client secret / OAuth token",
    provider: "Twitch",
    severity: "high",
    keywords: ["twitch"],
    regex: contextRegex("twitch", String.raw`client[_.-]?secret|secret|oauth[_.-]?token|access[_.-]?token|token`, hasDigit(30) + "[a-z0-9]{30}"),
    minEntropy: 3.5,
    docs: "https://dev.twitch.tv/docs/authentication/register-app/",
    remediation: "Create a new secret for the app in the Twitch Developer Console (or revoke the OAuth token) and keep it in a secret manager.",
    samples: () => {
      const t = fake.lowerDigits(28, "twitch-1") + "5" + fake.lower(1, "twitch-1b");
      return { tp: samples(t, "TWITCH_CLIENT_SECRET=%s", "twitch_oauth_token: '%s'"), fp: ["TWITCH_CLIENT_ID=" + fake.lowerDigits(30, "twitch-fp"), "TWITCH_CLIENT_SECRET=${TWITCH_SECRET}"] };
    },
  },
  {
    id: "spotify-client-secret",
    title: "Spotify client secret",
    provider: "Spotify",
    severity: "high",
    keywords: ["spotify", "spotipy"],
    regex: contextRegex("spotify|spotipy", String.raw`client[_.-]?secret|secret`, "[a-f0-9]{32}"),
    docs: "https://developer.spotify.com/documentation/web-api/concepts/apps",
    remediation: "Rotate the client secret in the Spotify Developer Dashboard and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.hex(32, "spotify-1");
      return { tp: samples(t, "SPOTIFY_CLIENT_SECRET=%s", "SPOTIPY_CLIENT_SECRET='%s'"), fp: ["SPOTIFY_CLIENT_ID=" + fake.hex(32, "spotify-fp"), "SPOTIFY_CLIENT_SECRET=${SPOTIFY_CLIENT_SECRET}"] };
    },
  },

  // --- Analytics ------------------------------------------------------------------------------------
  {
    id: "segment-write-key",
    title: "Segment write key",
    provider: "Segment",
    // Write-only, and browser sources expose it by design: worth reporting for server sources.
    severity: "medium",
    keywords: ["segment"],
    regex: contextRegex("segment", String.raw`write[_.-]?key`, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://segment.com/docs/connections/find-writekey/",
    remediation: "Regenerate the write key of the source in Segment and load it from a secret manager for server-side sources.",
    samples: () => {
      const t = fake.alnum(30, "segment-1") + "27";
      return { tp: samples(t, "SEGMENT_WRITE_KEY=%s", "segment_write_key: '%s'"), fp: ["SEGMENT_WRITE_KEY=${SEGMENT_WRITE_KEY}", "SEGMENT_SOURCE_ID=" + fake.alnum(32, "segment-fp")] };
    },
  },
  {
    id: "mixpanel-api-secret",
    title: "Mixpanel API secret / service account secret",
    provider: "Mixpanel",
    severity: "high",
    keywords: ["mixpanel"],
    regex: contextRegex("mixpanel", String.raw`api[_.-]?secret|secret`, String.raw`[a-f0-9]{32}|` + hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://docs.mixpanel.com/docs/orgs-and-projects/service-accounts",
    remediation: "Rotate the secret in Mixpanel > Project / Organization settings and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.hex(32, "mixpanel-1");
      return { tp: samples(t, "MIXPANEL_API_SECRET=%s", "mixpanel_secret: '%s'"), fp: ["MIXPANEL_TOKEN=" + fake.hex(32, "mixpanel-fp"), "MIXPANEL_API_SECRET=${MIXPANEL_API_SECRET}"] };
    },
  },
  {
    id: "amplitude-secret-key",
    title: "Amplitude secret key",
    provider: "Amplitude",
    severity: "high",
    keywords: ["amplitude"],
    regex: contextRegex("amplitude", String.raw`secret[_.-]?key|api[_.-]?secret|secret`, "[a-f0-9]{32}"),
    docs: "https://amplitude.com/docs/apis/authentication",
    remediation: "Rotate the project's secret key in Amplitude > Settings > Projects and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.hex(32, "amplitude-1");
      return { tp: samples(t, "AMPLITUDE_SECRET_KEY=%s", "amplitude_api_secret: '%s'"), fp: ["AMPLITUDE_API_KEY=" + fake.hex(32, "amplitude-fp"), "AMPLITUDE_SECRET_KEY=${AMPLITUDE_SECRET_KEY}"] };
    },
  },

  // --- Project management ---------------------------------------------------------------------------
  {
    id: "trello-api-token",
    title: "Trello API token",
    provider: "Trello",
    severity: "high",
    keywords: ["trello"],
    regex: contextRegex("trello", "token", String.raw`ATTA[A-Za-z0-9]{60,80}|[a-f0-9]{64}`),
    docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/",
    remediation: "Revoke the token in Trello > Settings > Applications and keep its replacement in a secret manager.",
    samples: () => {
      const t = "ATTA" + fake.hex(64, "trello-1") + fake.hexUpper(8, "trello-1b");
      const t2 = fake.hex(64, "trello-2");
      return { tp: [...samples(t, "TRELLO_TOKEN=%s"), ...samples(t2, "trello_api_token: '%s'")], fp: ["TRELLO_BOARD_ID=" + fake.hex(24, "trello-fp"), "TRELLO_TOKEN=${TRELLO_TOKEN}"] };
    },
  },
  {
    id: "trello-api-key",
    title: "Trello API key",
    provider: "Trello",
    // The key identifies the app; it needs a user token to act, so it matters less on its own.
    severity: "medium",
    keywords: ["trello"],
    regex: contextRegex("trello", String.raw`api[_.-]?key|key`, "[a-f0-9]{32}"),
    docs: "https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/",
    remediation: "Regenerate the key and secret in the Trello Power-Up admin portal and keep them in a secret manager.",
    samples: () => {
      const t = fake.hex(32, "trello-key-1");
      return { tp: samples(t, "TRELLO_API_KEY=%s", "trello_key: '%s'"), fp: ["TRELLO_LIST_ID=" + fake.hex(32, "trello-key-fp"), "TRELLO_API_KEY=" + fake.hex(24, "trello-key-short")] };
    },
  },
  {
    id: "clickup-personal-token",
    title: "ClickUp personal API token",
    provider: "ClickUp",
    severity: "high",
    keywords: ["pk_"],
    regex: /(?<![\w-])(?<secret>pk_[0-9]{6,12}_[A-Z0-9]{32})(?![\w-])/,
    docs: "https://developer.clickup.com/docs/authentication#personal-token",
    remediation: "Regenerate the token in ClickUp > Settings > Apps and keep its replacement in a secret manager.",
    samples: () => {
      const t = "pk_" + fake.digits(8, "clickup-1") + "_" + fake.upperDigits(32, "clickup-1b");
      return { tp: samples(t, "CLICKUP_API_TOKEN=%s", 'headers: { Authorization: "%s" }'), fp: ["pk_live_" + fake.alnum(24, "clickup-stripe"), "pk_" + fake.digits(8, "clickup-fp") + "_" + fake.upperDigits(20, "clickup-short")] };
    },
  },
  {
    id: "monday-api-token",
    title: "monday.com API token",
    provider: "monday.com",
    severity: "high",
    keywords: ["monday"],
    regex: contextRegex("monday", String.raw`api[_.-]?token|api[_.-]?key|token`, JWT),
    docs: "https://developer.monday.com/api-reference/docs/authentication",
    remediation: "Regenerate the token in monday.com > Developers > My access tokens and keep its replacement in a secret manager.",
    samples: () => {
      const t = fakeJwt("monday-1", { tid: Number(fake.digits(9, "monday-t")), aai: 11, uid: Number(fake.digits(8, "monday-u")), iad: "2024-05-01T10:00:00.000Z", per: "me:write", actid: 1234, rgn: "use1" });
      return { tp: samples(t, "MONDAY_API_TOKEN=%s", "monday_token: '%s'"), fp: ["MONDAY_API_TOKEN=${MONDAY_API_TOKEN}", "MONDAY_BOARD_ID=" + fake.digits(10, "monday-fp")] };
    },
  },

  // --- Developer docs, misc ----------------------------------------------------------------------------
  {
    id: "readme-api-key",
    title: "ReadMe API key",
    provider: "ReadMe",
    severity: "high",
    keywords: ["rdme_"],
    regex: /(?<![\w-])(?<secret>rdme_[a-z0-9]{70})(?![\w-])/,
    docs: "https://docs.readme.com/main/reference/intro/authentication",
    remediation: "Revoke the key in ReadMe > Project > API Keys and give CI its replacement as RDME_API_KEY from a secret.",
    samples: () => {
      const t = "rdme_" + fake.lowerDigits(70, "rdme-1");
      return { tp: samples(t, "RDME_API_KEY=%s", "rdme openapi --key=%s"), fp: ["rdme_" + fake.lowerDigits(40, "rdme-short"), "RDME_API_KEY=${{ secrets.RDME_API_KEY }}"] };
    },
  },
  {
    id: "defined-networking-api-token",
    title: "Defined Networking API token",
    provider: "Defined Networking",
    severity: "high",
    keywords: ["dnkey-"],
    regex: /(?<![\w-])(?<secret>dnkey-[A-Za-z0-9_=-]{26}-[A-Za-z0-9_=-]{52})(?![\w=-])/,
    docs: "https://docs.defined.net/guides/automating-host-creation/#api-keys",
    remediation: "Delete the API key in the Defined Networking admin panel and keep its replacement in a secret manager.",
    samples: () => {
      const t = "dnkey-" + fake.upperDigits(26, "dnkey-1") + "-" + fake.upperDigits(52, "dnkey-1b");
      return { tp: samples(t, "DN_API_KEY=%s", 'Authorization: "Bearer %s"'), fp: ["dnkey-" + fake.alnum(20, "dnkey-short"), "DN_API_KEY=${DN_API_KEY}"] };
    },
  },
  {
    id: "adafruit-io-key",
    title: "Adafruit IO key",
    provider: "Adafruit",
    severity: "medium",
    keywords: ["aio_"],
    regex: /(?<![\w-])(?<secret>aio_[A-Za-z0-9]{28})(?![\w-])/,
    docs: "https://io.adafruit.com/api/docs/#authentication",
    remediation: "Regenerate the key on io.adafruit.com (My Key > Regenerate) and keep it out of firmware sources and repositories.",
    samples: () => {
      const t = "aio_" + fake.alnum(28, "aio-1");
      return { tp: samples(t, "ADAFRUIT_IO_KEY=%s", '#define IO_KEY "%s"'), fp: ["aio_" + fake.alnum(16, "aio-short"), "radio_" + fake.alnum(28, "aio-embedded")] };
    },
  },
  {
    id: "beamer-api-key",
    title: "Beamer API key",
    provider: "Beamer",
    severity: "medium",
    keywords: ["beamer"],
    regex: contextRegex("beamer", null, "b_[A-Za-z0-9_=-]{44}", String.raw`(?![\w=-])`),
    docs: "https://www.getbeamer.com/api",
    remediation: "Delete the key in Beamer > Settings > API and keep its replacement in a secret manager.",
    samples: () => {
      const t = "b_" + b64url(44, "beamer-1");
      return { tp: samples(t, "BEAMER_API_KEY=%s", "beamer_key: '%s'"), fp: ["BEAMER_PRODUCT_ID=" + fake.alnum(12, "beamer-fp"), "BEAMER_API_KEY=b_" + fake.alnum(20, "beamer-short")] };
    },
  },
  {
    id: "docusign-secret-key",
    title: "DocuSign integration secret key",
    provider: "DocuSign",
    severity: "high",
    keywords: ["docusign"],
    regex: contextRegex("docusign", String.raw`secret[_.-]?key|client[_.-]?secret|secret`, UUID),
    docs: "https://developers.docusign.com/platform/configure-app/",
    remediation: "Delete the secret key on the app in DocuSign Apps and Keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.uuid("docusign-1");
      return { tp: samples(t, "DOCUSIGN_SECRET_KEY=%s", "docusign_client_secret: '%s'"), fp: ["DOCUSIGN_INTEGRATION_KEY=" + fake.uuid("docusign-fp"), "DOCUSIGN_ACCOUNT_ID=" + fake.uuid("docusign-fp2")] };
    },
  },
  {
    id: "yousign-api-key",
    title: "Yousign API key",
    provider: "Yousign",
    severity: "high",
    keywords: ["yousign"],
    regex: contextRegex("yousign", String.raw`api[_.-]?key|key|token`, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://developers.yousign.com/docs/set-up-your-account",
    remediation: "Delete the key in Yousign > Developers > API keys and keep its replacement in a secret manager.",
    samples: () => {
      const t = fake.alnum(30, "yousign-1") + "81";
      return { tp: samples(t, "YOUSIGN_API_KEY=%s", "yousign_key: '%s'"), fp: ["YOUSIGN_WORKSPACE_ID=" + fake.uuid("yousign-fp"), "YOUSIGN_API_KEY=${YOUSIGN_API_KEY}"] };
    },
  },
];

const built = buildRules(specs);

export const rules: Rule[] = built.rules;
/** For tests: each rule's examples with the secret every true positive must yield. */
export const samplesById = built.samplesById;
