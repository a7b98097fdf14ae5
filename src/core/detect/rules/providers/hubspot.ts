/**
 * HubSpot credentials: private app access token; API key (legacy hapikey).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developers.hubspot.com/docs/api/private-apps
 * - https://developers.hubspot.com/changelog/upcoming-api-key-sunset
 */
import type { Rule } from "../../rule.js";
import { SECRET_NAME, UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
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
      return [t, t2] as const;
    },
    truePositives: ([t, t2]) => [...inSyntaxes("hubspot_access_token", t), ...withValue(t2, "new Client({ accessToken: '%s' })")],
    falsePositives: () => ["pat-na1-" + fake.hex(20, "hubspot-short"), "HUBSPOT_ACCESS_TOKEN=${HUBSPOT_TOKEN}"],
  }),
  defineRule({
    id: "hubspot-api-key-legacy",
    title: "HubSpot API key (legacy hapikey)",
    provider: "HubSpot",
    severity: "high",
    keywords: ["hubspot", "hapikey"],
    // Under a key setting, as the hapikey query parameter, or as the one argument of a HubSpot client's
    // constructor (`new HubSpotAPI("…")`, the form the legacy SDKs took).
    regex: contextRegex(String.raw`hubspot[\w. -]{0,25}?(?:${SECRET_NAME})|hapikey|new\s{1,3}hubspot\w{0,12}(?=\(\s{0,3}["'])`, null, UUID),
    docs: "https://developers.hubspot.com/changelog/upcoming-api-key-sunset",
    remediation: "HubSpot API keys are retired: delete it and use a private app token kept in a secret manager.",
    samples: () => [fake.uuid("hapikey-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("hubspot_api_key", t), ...withValue(t, "https://api.hubapi.com/contacts/v1/lists?hapikey=%s", `const hs = new HubSpotAPI("%s");`)],
    falsePositives: () => [
      "HUBSPOT_PORTAL_ID=" + fake.uuid("hapikey-fp"),
      "HUBSPOT_API_KEY=${HUBSPOT_API_KEY}",
      // A record's id passed to a client's method is not the key.
      `const deal = await hubspot.deals.getById("${fake.uuid("hapikey-fp-2")}");`,
      `const hs = new HubSpotAPI(config);\nhs.contacts.get("${fake.uuid("hapikey-fp-3")}");`,
    ],
  }),
];
