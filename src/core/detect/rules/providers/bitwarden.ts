/**
 * Bitwarden credentials: Secrets Manager access token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://bitwarden.com/help/access-tokens/
 */
import type { Rule } from "../../rule.js";
import { END_B64, UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "bitwarden-access-token",
    title: "Bitwarden Secrets Manager access token",
    provider: "Bitwarden",
    severity: "critical",
    keywords: ["bws", "bitwarden"],
    // 0.<service account UUID>.<client secret>:<base64 encryption key>
    regex: contextRegex("bws|bitwarden", null, String.raw`0\.` + UUID + String.raw`\.[A-Za-z0-9]{20,40}:[A-Za-z0-9+/]{22}={0,2}`, END_B64),
    docs: "https://bitwarden.com/help/access-tokens/",
    remediation: "Revoke the access token on the Bitwarden machine account and give CI its replacement as BWS_ACCESS_TOKEN from a secret.",
    samples: () => ["0." + fake.uuid("bws-1") + "." + fake.alnum(30, "bws-1b") + ":" + fake.base64(22, "bws-1c") + "=="] as const,
    truePositives: ([t]) => [...inSyntaxes("bws_access_token", t), ...withValue(t, "bitwarden_access_token: '%s'")],
    falsePositives: () => ["BWS_ACCESS_TOKEN=${{ secrets.BWS_ACCESS_TOKEN }}", "BWS_PROJECT_ID=" + fake.uuid("bws-fp")],
  }),
];
