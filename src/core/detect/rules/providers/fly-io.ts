/**
 * Fly.io credentials: access token; macaroon token.
 * Formats from the provider's documentation: https://fly.io/docs/security/tokens/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "flyio-access-token",
    title: "Fly.io access token",
    provider: "Fly.io",
    severity: "high",
    keywords: ["fo1_"],
    regex: /(?<![\w-])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![\w-])/,
    docs: "https://fly.io/docs/security/tokens/",
    remediation: "Revoke the token with `fly tokens revoke` (or in the dashboard) and give CI its replacement as FLY_API_TOKEN from a secret.",
    samples: () => ["fo1_" + fake.base64url(43, "fo1-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("fly_api_token", t), ...withValue(t, "fly deploy --access-token %s")],
    falsePositives: () => ["fo1_" + fake.alnum(20, "fo1-short"), "fo1_" + fake.alnum(50, "fo1-long")],
  }),
  defineRule({
    id: "flyio-macaroon-token",
    title: "Fly.io macaroon token",
    provider: "Fly.io",
    severity: "high",
    keywords: ["fm1", "fm2_"],
    // `FlyV1 fm2_...` tokens; one header may carry several, comma-separated.
    regex: /(?<![\w-])(?<secret>fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,3000}={0,3})(?![\w+/=-])/,
    docs: "https://fly.io/docs/security/tokens/",
    remediation: "Revoke the token with `fly tokens revoke` and give CI its replacement as FLY_API_TOKEN from a secret.",
    samples: () => ["fm2_" + "lJPE" + fake.base64(200, "fm2-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("fly_api_token", t), ...withValue(t, 'FLY_API_TOKEN="FlyV1 %s"', "Authorization: FlyV1 %s")],
    falsePositives: () => ["fm2_" + fake.alnum(40, "fm2-short"), "rfm2_" + fake.alnum(120, "fm2-embedded")],
  }),
];
