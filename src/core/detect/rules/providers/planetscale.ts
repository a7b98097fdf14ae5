/**
 * PlanetScale credentials: service token; database password; OAuth token.
 * Formats from the provider's documentation: https://planetscale.com/docs/concepts/service-tokens
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  ...(
    [
      ["pscale_tkn_", "planetscale-service-token", "PlanetScale service token", "high"],
      ["pscale_pw_", "planetscale-password", "PlanetScale database password", "high"],
      ["pscale_oauth_", "planetscale-oauth-token", "PlanetScale OAuth token", "high"],
    ] as const
  ).map(([prefix, id, title, severity]) =>
    defineRule({
      id,
      title,
      provider: "PlanetScale",
      severity,
      keywords: [prefix],
      regex: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9_=.-]{32,64})(?![\w=.-])`),
      docs: "https://planetscale.com/docs/concepts/service-tokens",
      remediation: "Delete the token or password in the PlanetScale dashboard and load its replacement from a secret manager.",
      samples: () => [prefix + fake.base64url(43, id + "-1")] as const,
      truePositives: ([t]) => [...inSyntaxes("planetscale_token", t), ...withValue(t, "DATABASE_URL=mysql://user:%s@aws.connect.psdb.cloud/app")],
      falsePositives: () => [prefix + fake.alnum(16, id + "-short"), "PLANETSCALE_TOKEN=${PLANETSCALE_TOKEN}"],
    }),
  ),
];
