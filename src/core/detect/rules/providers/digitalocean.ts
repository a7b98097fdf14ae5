/**
 * DigitalOcean: personal access tokens (`dop_v1_`) and OAuth access and refresh tokens (`doo_v1_`,
 * `dor_v1_`), each 64 hex characters after the prefix (DigitalOcean's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "digitalocean-pat",
    title: "DigitalOcean personal access token",
    provider: "DigitalOcean",
    severity: "critical",
    keywords: ["dop_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
    remediation: "Delete the token under API > Tokens in the control panel and keep its replacement in a secret manager.",
    samples: () => ["dop_v1_" + fake.hex(64, "dop")] as const,
    truePositives: ([t]) => [...inSyntaxes("digitalocean_token", t), ...withValue(t, 'provider "digitalocean" { token = "%s" }')],
    falsePositives: ([t]) => [`DIGITALOCEAN_TOKEN=${t.slice(0, 60)}`, `DIGITALOCEAN_TOKEN=${t.toUpperCase()}`],
  }),
  defineRule({
    id: "digitalocean-oauth-token",
    title: "DigitalOcean OAuth access token",
    provider: "DigitalOcean",
    severity: "high",
    keywords: ["doo_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/oauth/",
    remediation: "Revoke the token (POST /v1/oauth/revoke) or the application's authorization, and store tokens outside the code.",
    samples: () => ["doo_v1_" + fake.hex(64, "doo")] as const,
    truePositives: ([t]) => [...inSyntaxes("access_token", t), ...withValue(t, 'curl -H "Authorization: Bearer %s" https://api.digitalocean.com/v2/account')],
    falsePositives: ([t]) => [`  "access_token": "${t.slice(0, 50)}",`, `const id = "x${t}";`],
  }),
  defineRule({
    id: "digitalocean-refresh-token",
    title: "DigitalOcean OAuth refresh token",
    provider: "DigitalOcean",
    severity: "high",
    keywords: ["dor_v1_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>dor_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
    docs: "https://docs.digitalocean.com/reference/api/oauth/",
    remediation: "Revoke the application's authorization in the control panel and store refresh tokens encrypted, outside the code.",
    samples: () => ["dor_v1_" + fake.hex(64, "dor")] as const,
    truePositives: ([t]) => [...inSyntaxes("do_refresh_token", t), ...withValue(t, '  "refresh_token": "%s",')],
    falsePositives: ([t]) => [`DO_REFRESH_TOKEN=${t.slice(0, 40)}`, `const id = "${t}g";`],
  }),
];
