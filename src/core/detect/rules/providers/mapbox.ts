/**
 * Mapbox credentials: secret access token; public access token.
 * Formats from the provider's documentation:
 * - https://docs.mapbox.com/accounts/guides/tokens/
 * - https://docs.mapbox.com/accounts/guides/tokens/#public-tokens
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { decodeJsonObject } from "../../validate/structure.js";

/** Mapbox tokens: `sk.`/`pk.` + base64url JSON claims (with the user name `u`) + `.` + signature. */
function fakeMapboxToken(prefix: "sk." | "pk.", seed: string): string {
  const claims = toBase64(JSON.stringify({ u: "user" + fake.lower(6, seed), a: fake.lowerDigits(25, seed + "a") }), true);
  return prefix + claims + "." + fake.base64url(22, seed + "sig");
}

function validateMapbox(token: string) {
  const claims = decodeJsonObject(token.split(".")[1] ?? "");
  return claims && typeof claims["u"] === "string"
    ? ({ status: "confirmed", check: "embedded JSON claims" } as const)
    : ({ status: "failed", check: "embedded JSON claims" } as const);
}

export const rules: Rule[] = [
  defineRule({
    id: "mapbox-secret-token",
    title: "Mapbox secret access token",
    provider: "Mapbox",
    severity: "high",
    keywords: ["sk.eyj"],
    regex: /(?<![\w.-])(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,40})(?![\w-])/,
    validate: validateMapbox,
    docs: "https://docs.mapbox.com/accounts/guides/tokens/",
    remediation: "Delete the secret token at account.mapbox.com/access-tokens and keep its replacement server-side in a secret manager.",
    samples: () => [fakeMapboxToken("sk.", "mapbox-sk-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("mapbox_downloads_token", t), ...withValue(t, "MAPBOX_SECRET_TOKEN: '%s'")],
    falsePositives: () => ["sk.eyJ" + fake.alnum(10, "mapbox-short"), "task.eyJ" + fake.alnum(30, "mapbox-e") + "." + fake.alnum(22, "mapbox-e2")],
  }),
  defineRule({
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
    samples: () => [fakeMapboxToken("pk.", "mapbox-pk-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("next_public_mapbox_token", t), ...withValue(t, "mapboxgl.accessToken = '%s';")],
    falsePositives: () => ["pk.eyJ" + fake.alnum(10, "mapbox-pk-short"), "mapboxgl.accessToken = process.env.MAPBOX_TOKEN;"],
  }),
];
