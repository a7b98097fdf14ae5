/**
 * Supabase credentials: personal access token; secret API key.
 * Formats from the provider's documentation:
 * - https://supabase.com/docs/reference/api/introduction#authentication
 * - https://supabase.com/docs/guides/api/api-keys
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "supabase-access-token",
    title: "Supabase personal access token",
    provider: "Supabase",
    severity: "critical",
    keywords: ["sbp_"],
    regex: /(?<![\w-])(?<secret>sbp_[a-f0-9]{40})(?![\w-])/,
    docs: "https://supabase.com/docs/reference/api/introduction#authentication",
    remediation: "Revoke the token in Supabase > Account > Access Tokens and give CI its replacement as SUPABASE_ACCESS_TOKEN from a secret.",
    samples: () => ["sbp_" + fake.hex(40, "sbp-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("supabase_access_token", t), ...withValue(t, "supabase login --token %s")],
    falsePositives: () => ["sbp_" + fake.hex(30, "sbp-short"), "SUPABASE_ACCESS_TOKEN=${{ secrets.SUPABASE_ACCESS_TOKEN }}"],
  }),
  defineRule({
    id: "supabase-secret-key",
    title: "Supabase secret API key",
    provider: "Supabase",
    // Secret keys bypass row-level security.
    severity: "critical",
    keywords: ["sb_secret_"],
    regex: /(?<![\w-])(?<secret>sb_secret_[A-Za-z0-9_-]{31,64})(?![\w-])/,
    docs: "https://supabase.com/docs/guides/api/api-keys",
    remediation: "Delete the secret key in Supabase > Project Settings > API Keys, keep it server-side only, and load it from a secret manager.",
    samples: () => ["sb_secret_" + fake.alnum(22, "sbsec-1") + "_" + fake.alnum(8, "sbsec-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("supabase_secret_key", t), ...withValue(t, "createClient(url, '%s')")],
    falsePositives: () => ["sb_secret_" + fake.alnum(10, "sbsec-short"), "sb_publishable_" + fake.alnum(31, "sbsec-pub")],
  }),
];
