/**
 * Elastic credentials: Elasticsearch and Elastic Cloud API keys.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html
 */
import type { Rule } from "../../rule.js";
import { END_B64, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { decodeBase64, structureCheck } from "../../validate/structure.js";

/** Elastic API keys as clients send them: base64 of `<id>:<api key>`. */
function fakeElasticApiKey(seed: string): string {
  return toBase64(fake.alnum(20, seed) + ":" + fake.base64url(22, seed + "k"));
}

export const rules: Rule[] = [
  defineRule({
    id: "elastic-api-key",
    title: "Elastic / Elastic Cloud API key",
    provider: "Elastic",
    severity: "high",
    keywords: ["elastic", "es_api", "es-api", "esapi"],
    // Encoded API keys are base64 of `<id>:<api key>`.
    regex: contextRegex(String.raw`elastic(?:search)?|(?<![a-z])es[_-]?(?=api)`, String.raw`api[_.-]?key|apikey`, "[A-Za-z0-9+/]{40,120}={0,2}", END_B64),
    validate: (key) => {
      const decoded = decodeBase64(key);
      return structureCheck(decoded !== undefined && /^[\w-]{8,64}:[\w-]{16,64}$/.test(decoded), "base64 id:key structure");
    },
    docs: "https://www.elastic.co/guide/en/elasticsearch/reference/current/security-api-create-api-key.html",
    remediation: "Invalidate the key (Kibana > Stack Management > API keys, or Elastic Cloud > API keys) and keep its replacement in a secret manager.",
    samples: () => [fakeElasticApiKey("elastic-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("elastic_api_key", k), ...withValue(k, 'elasticsearch.apiKey: "%s"', "es_api_key: '%s'")],
    falsePositives: () => ["ELASTIC_API_KEY=${ELASTIC_API_KEY}", "ELASTIC_CLOUD_ID=deployment:" + fake.alnum(30, "elastic-fp")],
  }),
];
