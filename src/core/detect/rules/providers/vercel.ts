/**
 * Vercel credentials: access token (legacy 24-character); personal access token; integration token; app access
 * token; app refresh token; API key (AI Gateway).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://vercel.com/changelog/new-token-formats-and-secret-scanning
 * - https://vercel.com/docs/accounts/access-tokens
 */
import type { Rule } from "../../rule.js";
import type { Validation } from "../../../types.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";
import { githubStyleChecksum } from "../../validate/checksum.js";
import { structureCheck } from "../../validate/structure.js";

/** Vercel's prefixed tokens: 50 random characters, then base62(CRC-32 of those 50), 6 characters. */
function validateVercel(token: string): Validation {
  const rest = token.slice(4);
  return structureCheck(rest.length === 56 && githubStyleChecksum(rest.slice(0, 50)) === rest.slice(50), "CRC32 checksum");
}

export function fakeVercelToken(prefix: string, seed: string): string {
  const body = fake.alnum(50, seed);
  return prefix + body + githubStyleChecksum(body);
}

export const rules: Rule[] = [
  ...(
    [
      ["vcp_", "vercel-personal-access-token", "Vercel personal access token", "critical"],
      ["vci_", "vercel-integration-token", "Vercel integration token", "high"],
      ["vca_", "vercel-app-access-token", "Vercel app access token", "high"],
      ["vcr_", "vercel-app-refresh-token", "Vercel app refresh token", "high"],
      ["vck_", "vercel-api-key", "Vercel API key (AI Gateway)", "high"],
    ] as const
  ).map(([prefix, id, title, severity]) =>
    defineRule({
      id,
      title,
      provider: "Vercel",
      severity,
      keywords: [prefix],
      regex: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9_-]{50}[A-Za-z0-9]{6})(?![\w-])`),
      validate: validateVercel,
      // The value in Vercel's "Sign in with Vercel" documentation.
      ...(prefix === "vca_" || prefix === "vcr_" ? { exampleValues: [prefix + "BQuu9ChDu3n6Pfh6YQnCshpoYkWDSFKogLq" + "mBtQ0tC8NAA5rXt340sjz"] } : {}),
      docs: "https://vercel.com/changelog/new-token-formats-and-secret-scanning",
      remediation: "Delete the token in Vercel > Account Settings > Tokens (or revoke the app grant) and store its replacement as a CI secret.",
      samples: () => [fakeVercelToken(prefix, id + "-1")] as const,
      truePositives: ([t]) => [...inSyntaxes("vercel_token", t), ...withValue(t, 'const vercel = new Vercel({ bearerToken: "%s" });')],
      falsePositives: () => [prefix + fake.alnum(30, id + "-short"), "x" + prefix + fake.alnum(56, id + "-embedded")],
    }),
  ),
  defineRule({
    id: "vercel-token-legacy",
    title: "Vercel access token (legacy 24-character)",
    provider: "Vercel",
    severity: "high",
    keywords: ["vercel"],
    regex: contextRegex("vercel", String.raw`token|api[_.-]?key|secret`, hasDigit(24) + "[A-Za-z0-9]{24}"),
    minEntropy: 3.2,
    docs: "https://vercel.com/docs/accounts/access-tokens",
    remediation: "Delete the token in Vercel > Account Settings > Tokens and store its replacement as a CI secret.",
    samples: () => [fake.alnum(20, "vercel-leg-1") + "4" + fake.alnum(3, "vercel-leg-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("vercel_token", t), ...withValue(t, "vercel_api_token: '%s'")],
    falsePositives: () => ["VERCEL_TOKEN=${{ secrets.VERCEL_TOKEN }}", "VERCEL_ORG_ID=" + fake.alnum(24, "vercel-fp")],
  }),
];
