/**
 * Grafana credentials: Cloud access policy token; service account token; API key (legacy).
 * Formats from the provider's documentation:
 * - https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/
 * - https://grafana.com/docs/grafana/latest/administration/service-accounts/
 * - https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/
 */
import type { Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { crc32 } from "../../validate/checksum.js";
import { decodeJsonObject, structureCheck } from "../../validate/structure.js";

/** Grafana service account tokens end with the CRC-32 of `glsa_<secret>`, its bytes little-endian, in hex. */
export function grafanaServiceAccountChecksum(secretPart: string): string {
  const c = crc32("glsa_" + secretPart);
  return [c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function validateGrafanaServiceAccount(token: string): Validation {
  const m = /^glsa_([A-Za-z0-9]{32})_([a-fA-F0-9]{8})$/.exec(token);
  const ok = m !== null && grafanaServiceAccountChecksum(m[1] as string) === (m[2] as string).toLowerCase();
  return structureCheck(ok, "CRC32 checksum");
}

export function fakeGrafanaServiceAccountToken(seed: string): string {
  const secret = fake.alnum(32, seed);
  return "glsa_" + secret + "_" + grafanaServiceAccountChecksum(secret);
}

function fakeGrafanaCloudToken(seed: string): string {
  const claims = JSON.stringify({ o: fake.digits(6, seed), n: "stack-" + fake.lower(6, seed), k: fake.alnum(32, seed + "k"), m: { r: "prod-us-east-0" } });
  return "glc_" + toBase64(claims).replace(/=+$/, "");
}

function fakeGrafanaLegacyKey(seed: string): string {
  return toBase64(JSON.stringify({ k: fake.alnum(32, seed), n: "deploy-" + fake.lower(5, seed), id: 1 }));
}

export const rules: Rule[] = [
  defineRule({
    id: "grafana-cloud-token",
    title: "Grafana Cloud access policy token",
    provider: "Grafana",
    severity: "high",
    keywords: ["glc_"],
    regex: /(?<![\w-])(?<secret>glc_[A-Za-z0-9+/]{32,600}={0,2})(?![\w+/=-])/,
    validate: (token) => {
      const claims = decodeJsonObject(token.slice(4));
      return claims && typeof claims["k"] === "string" ? { status: "confirmed", check: "embedded JSON claims" } : { status: "unchecked" };
    },
    docs: "https://grafana.com/docs/grafana-cloud/account-management/authentication-and-permissions/access-policies/",
    remediation: "Delete the token in Grafana Cloud > Administration > Access policies and keep its replacement in a secret manager.",
    samples: () => [fakeGrafanaCloudToken("glc-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("grafana_cloud_token", t), ...withValue(t, "password: %s")],
    falsePositives: () => ["glc_" + fake.alnum(12, "glc-short"), "GRAFANA_CLOUD_TOKEN=${GRAFANA_CLOUD_TOKEN}"],
  }),
  defineRule({
    id: "grafana-service-account-token",
    title: "Grafana service account token",
    provider: "Grafana",
    severity: "high",
    keywords: ["glsa_"],
    regex: /(?<![\w-])(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![\w-])/,
    validate: validateGrafanaServiceAccount,
    docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
    remediation: "Delete the token in Grafana > Administration > Service accounts and keep its replacement in a secret manager.",
    samples: () => [fakeGrafanaServiceAccountToken("glsa-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("grafana_token", t), ...withValue(t, 'curl -H "Authorization: Bearer %s" https://grafana.example.com/api/org')],
    falsePositives: () => ["glsa_" + fake.alnum(20, "glsa-short") + "_" + fake.hex(8, "glsa-s"), "glsa_" + fake.alnum(32, "glsa-nosum")],
  }),
  defineRule({
    id: "grafana-api-key-legacy",
    title: "Grafana API key (legacy)",
    provider: "Grafana",
    severity: "high",
    keywords: ["eyjrijoi"],
    // base64 of {"k":" ...: the legacy key is a base64 JSON object.
    regex: /(?<![\w+/-])(?<secret>eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2})(?![\w+/=-])/,
    validate: (token) => {
      const claims = decodeJsonObject(token);
      return structureCheck(claims !== undefined && typeof claims["k"] === "string" && "id" in claims, "embedded JSON claims");
    },
    docs: "https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/",
    remediation: "Delete the API key in Grafana, migrate to a service account token, and keep it in a secret manager.",
    samples: () => [fakeGrafanaLegacyKey("grafana-leg-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("grafana_api_key", t), ...withValue(t, 'GrafanaClient("%s", host=host)')],
    falsePositives: () => ["eyJrIjoi" + fake.alnum(10, "gr-short"), "https://app.powerbi.com/view?r=eyJrIjoi" + fake.alnum(20, "gr-pbi")],
  }),
];
