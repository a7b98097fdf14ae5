/**
 * HashiCorp credentials: Vault service token; Vault batch token; Vault recovery token; Vault token (legacy s.
 * format); Vault AppRole SecretID; Terraform Cloud / HCP Terraform API token.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
 * - https://developer.hashicorp.com/vault/docs/concepts/tokens
 * - https://developer.hashicorp.com/vault/docs/auth/approle
 * - https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens
 */
import type { Rule } from "../../rule.js";
import { ASSIGN, ci, contextRegex, defineRule, hasDigit, inSyntaxes, SEP, UUID, UUID_ANY_CASE, withValue } from "../kit.js";
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
    id: "vault-approle-secret-id",
    title: "HashiCorp Vault AppRole SecretID",
    provider: "HashiCorp",
    severity: "high",
    // The RoleID's names too: a match that starts at the RoleID is looked for from its line.
    keywords: ["secret_id", "secretid", "secret-id", "secret.id", "role_id", "roleid", "role-id", "role.id"],
    // A SecretID Vault generates is a lower-case UUID, the password half of an AppRole login: under a Vault or AppRole setting
    // (VAULT_SECRET_ID), or a secret_id a few lines below its RoleID (the pair an AppRole login takes).
    regex: new RegExp(
      `(?:(?:${ci("vault")}|${ci("approle")})[\\w.-]{0,20}?|${ci("role")}${SEP}${ci("id")}${ASSIGN}${UUID_ANY_CASE}[^\\n]{0,80}\\n(?:[^\\n]{0,200}\\n){0,2}?[^\\n]{0,40}?(?<![A-Za-z0-9]))` +
        `${ci("secret")}${SEP}${ci("id")}${ASSIGN}(?<secret>${UUID})(?![\\w-])`,
    ),
    docs: "https://developer.hashicorp.com/vault/docs/auth/approle",
    remediation: "Destroy the SecretID (`vault write auth/approle/role/<role>/secret-id/destroy`), issue a new one with a short TTL and limited uses, and deliver it by response wrapping.",
    samples: () => [fake.uuid("approle-secret"), fake.uuid("approle-role")] as const,
    truePositives: ([secret, role]) => [
      ...inSyntaxes("vault_secret_id", secret),
      ...withValue(secret, `approle_secret_id: "%s"`, `role_id = "${role}"\nsecret_id = "%s"`, `{\n  "role_id": "${role}",\n  "secret_id": "%s"\n}`),
    ],
    falsePositives: ([secret, role]) => [
      // A secret_id with nothing saying it is Vault's, a RoleID alone, a value that is not a UUID.
      `secret_id = "${secret}"`,
      `VAULT_ROLE_ID=${role}`,
      `client_secret_id: "${secret}"`,
      `VAULT_SECRET_ID=${secret.slice(0, 30)}`,
      `VAULT_SECRET_ID=${secret.toUpperCase()}`,
      `role_id = "${role}"\na = 1\nb = 2\nc = 3\nd = 4\nsecret_id = "${secret}"`,
    ],
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
