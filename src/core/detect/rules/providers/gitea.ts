/**
 * Gitea and Forgejo (Codeberg): access tokens, 40 hex characters with no prefix, read only as the
 * value of a Gitea / Forgejo / Codeberg token setting (Gitea's API documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { assigned, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "gitea-access-token",
    title: "Gitea / Forgejo access token",
    provider: "Gitea",
    severity: "high",
    keywords: ["gitea", "forgejo", "codeberg"],
    regex: assigned(`(?:${ci("gitea")}|${ci("forgejo")}|${ci("codeberg")})[\\w. -]{0,20}?(?:${ci("token")}|${ci("pat")}|${ci("password")})`, "[a-f0-9]{40}", "[A-Za-z0-9]"),
    docs: "https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens",
    remediation: "Delete the token in Settings > Applications on the Gitea/Forgejo instance and keep its replacement in a secret store.",
    samples: () => [fake.hex(40, "gitea")] as const,
    truePositives: ([t]) => [...inSyntaxes("gitea_token", t), ...withValue(t, "  forgejo_token: %s")],
    falsePositives: ([t]) => [`GITEA_SHA=${t}`, `GITEA_TOKEN=${t.slice(0, 30)}`],
  }),
];
