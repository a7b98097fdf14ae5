/**
 * HashiCorp credentials: Vault service token; Vault batch token; Vault recovery token; Vault token (legacy s.
 * format); Terraform Cloud / HCP Terraform API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
 * - https://developer.hashicorp.com/vault/docs/concepts/tokens
 * - https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "vault-service-token",
    title: "HashiCorp Vault service token",
    provider: "HashiCorp",
    severity: "critical",
    keywords: ["hvs."],
    regex: /(?<![\w.-])(?<secret>hvs\.[A-Za-z0-9_-]{24,200})(?![\w-])/,
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    remediation: "Revoke the token with `vault token revoke` and have workloads authenticate with an auth method (AppRole, Kubernetes, OIDC) at run time.",
    samples: () => {
      const t = "hvs." + "CAESI" + fake.base64url(90, "hvs-1");
      const t2 = "hvs." + fake.alnum(24, "hvs-2");
      return [t, t2] as const;
    },
    truePositives: ([t, t2]) => [...inSyntaxes("vault_token", t), ...withValue(t2, "vault login %s")],
    falsePositives: () => ["hvs." + fake.alnum(10, "hvs-short"), "VAULT_TOKEN=$(vault print token)"],
  }),
  defineRule({
    id: "vault-batch-token",
    title: "HashiCorp Vault batch token",
    provider: "HashiCorp",
    severity: "high",
    keywords: ["hvb."],
    regex: /(?<![\w.-])(?<secret>hvb\.[A-Za-z0-9_-]{90,400})(?![\w-])/,
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    remediation: "Batch tokens cannot be revoked individually: revoke the parent token or lease, shorten TTLs, and never commit tokens.",
    samples: () => ["hvb." + "AAAAAQ" + fake.base64url(150, "hvb-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("vault_token", t), ...withValue(t, 'token: "%s"')],
    falsePositives: () => ["hvb." + fake.alnum(40, "hvb-short"), "VAULT_TOKEN_TYPE=batch"],
  }),
  defineRule({
    id: "vault-recovery-token",
    title: "HashiCorp Vault recovery token",
    provider: "HashiCorp",
    severity: "critical",
    keywords: ["hvr."],
    regex: /(?<![\w.-])(?<secret>hvr\.[A-Za-z0-9_-]{24,200})(?![\w-])/,
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes",
    remediation: "Revoke the recovery token and regenerate it with `vault operator generate-root -recovery-token` only when needed.",
    samples: () => ["hvr." + fake.base64url(90, "hvr-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("vault_token", t), ...withValue(t, "recovery_token = '%s'")],
    falsePositives: () => ["hvr." + fake.alnum(8, "hvr-short"), "shvr." + fake.alnum(30, "hvr-embedded")],
  }),
  defineRule({
    id: "vault-token-legacy",
    title: "HashiCorp Vault token (legacy s. format)",
    provider: "HashiCorp",
    severity: "high",
    keywords: ["vault"],
    regex: contextRegex("vault", "token", String.raw`s\.` + hasDigit(24) + "[A-Za-z0-9]{24}"),
    docs: "https://developer.hashicorp.com/vault/docs/concepts/tokens",
    remediation: "Revoke the token with `vault token revoke` and authenticate workloads with an auth method at run time.",
    samples: () => ["s." + fake.alnum(22, "vault-leg-1") + "9" + fake.alnum(1, "vault-leg-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("vault_token", t), ...withValue(t, "vault_token: '%s'")],
    falsePositives: () => ["VAULT_TOKEN=s." + fake.alnum(10, "vault-short"), "VAULT_TOKEN_PATH=s.tokenhelperconfigpath"],
  }),
  defineRule({
    id: "terraform-cloud-token",
    title: "Terraform Cloud / HCP Terraform API token",
    provider: "HashiCorp",
    severity: "high",
    keywords: ["atlasv1"],
    regex: /(?<![\w-])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![\w=-])/,
    docs: "https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens",
    remediation: "Revoke the token in HCP Terraform > User / Team / Organization settings > Tokens and give CI its replacement as TF_TOKEN_app_terraform_io from a secret.",
    samples: () => [fake.alnum(14, "tfc-1") + ".atlasv1." + fake.base64url(67, "tfc-1b")] as const,
    truePositives: ([t]) => [...inSyntaxes("tfe_token", t), ...withValue(t, "TF_TOKEN_app_terraform_io=%s", 'credentials "app.terraform.io" { token = "%s" }')],
    falsePositives: () => [fake.alnum(14, "tfc-fp") + ".atlasv1." + fake.alnum(20, "tfc-short"), "TF_TOKEN_app_terraform_io=${TFC_TOKEN}"],
  }),
];
