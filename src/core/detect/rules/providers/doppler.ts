/**
 * Doppler credentials: personal token; CLI token; service token; service account token; SCIM token; audit token.
 * Formats from the provider's documentation: https://docs.doppler.com/reference/auth-token-formats
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  ...(
    [
      ["pt", "doppler-personal-token", "Doppler personal token", "critical"],
      ["ct", "doppler-cli-token", "Doppler CLI token", "critical"],
      ["st", "doppler-service-token", "Doppler service token", "high"],
      ["sa", "doppler-service-account-token", "Doppler service account token", "critical"],
      ["scim", "doppler-scim-token", "Doppler SCIM token", "high"],
      ["audit", "doppler-audit-token", "Doppler audit token", "medium"],
    ] as const
  ).map(([kind, id, title, severity]) =>
    defineRule({
      id,
      title,
      provider: "Doppler",
      severity,
      keywords: [`dp.${kind}.`],
      // Service tokens may carry the config name: dp.st.<config>.<secret>.
      regex: new RegExp(String.raw`(?<![\w.-])(?<secret>dp\.${kind}\.${kind === "st" ? String.raw`(?:[a-z0-9_-]{2,35}\.)?` : ""}[A-Za-z0-9]{40,44})(?![\w-])`),
      docs: "https://docs.doppler.com/reference/auth-token-formats",
      remediation: "Revoke the token in the Doppler dashboard (Access / Service Tokens) and inject secrets at run time with `doppler run` instead of committing tokens.",
      samples: () => [`dp.${kind}.` + (kind === "st" ? "prd." : "") + fake.alnum(43, id + "-1")] as const,
      truePositives: ([t]) => [...inSyntaxes("doppler_token", t), ...withValue(t, "doppler configure set token %s --scope /")],
      falsePositives: () => [`dp.${kind}.` + fake.alnum(20, id + "-short"), "DOPPLER_TOKEN=${{ secrets.DOPPLER_TOKEN }}"],
    }),
  ),
];
