/**
 * 1Password credentials: service account token; account Secret Key.
 * Formats from the provider's documentation:
 * - https://developer.1password.com/docs/service-accounts/security/
 * - https://support.1password.com/secret-key-security/
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake, toBase64 } from "../../fake.js";
import { decodeJsonObject, structureCheck } from "../../validate/structure.js";

function fakeOnePasswordServiceToken(seed: string): string {
  const claims = JSON.stringify({
    signInAddress: "my.1password.com",
    userAuth: { method: "SRPg-4096", alg: "PBES2g-HS256", iterations: 650000, salt: fake.base64url(22, seed + "s") },
    email: fake.lower(10, seed) + "@1passwordserviceaccounts.com",
    srpX: fake.hex(64, seed + "x"),
    muk: { alg: "A256GCM", ext: true, k: fake.base64url(43, seed + "k"), key_ops: ["encrypt", "decrypt"], kty: "oct", kid: "mp" },
    secretKey: "A3-" + fake.upperDigits(6, seed) + "-" + fake.upperDigits(11, seed + "2"),
    deviceUuid: fake.lowerDigits(26, seed + "d"),
  });
  return "ops_" + toBase64(claims, true);
}

export const rules: Rule[] = [
  defineRule({
    id: "onepassword-service-account-token",
    title: "1Password service account token",
    provider: "1Password",
    severity: "critical",
    keywords: ["ops_"],
    regex: /(?<![\w-])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{250,4000}={0,3})(?![\w+/=-])/,
    validate: (token) => structureCheck(decodeJsonObject(token.slice(4)) !== undefined, "embedded JSON credentials"),
    docs: "https://developer.1password.com/docs/service-accounts/security/",
    remediation: "Revoke the service account token in 1Password > Developer > Service Accounts and give CI its replacement as OP_SERVICE_ACCOUNT_TOKEN from a secret.",
    samples: () => [fakeOnePasswordServiceToken("ops-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("op_service_account_token", t), ...withValue(t, "token: '%s'")],
    falsePositives: () => ["ops_eyJ" + fake.alnum(60, "ops-short"), "OP_SERVICE_ACCOUNT_TOKEN=${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}"],
  }),
  defineRule({
    id: "onepassword-secret-key",
    title: "1Password account Secret Key",
    provider: "1Password",
    severity: "critical",
    keywords: ["a3-"],
    // A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX (the second group also printed unbroken, 11 characters).
    regex: /(?<![A-Za-z0-9-])(?<secret>A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})(?:-[A-Z0-9]{5}){3})(?![A-Za-z0-9-])/,
    docs: "https://support.1password.com/secret-key-security/",
    remediation: "Regenerate the Secret Key (1password.com > your name > Regenerate Secret Key), change the account password, and never store either in code.",
    samples: () => [`A3-${fake.upperDigits(6, "op1")}-${fake.upperDigits(6, "op2")}-${fake.upperDigits(5, "op3")}-${fake.upperDigits(5, "op4")}-${fake.upperDigits(5, "op5")}-${fake.upperDigits(5, "op6")}`] as const,
    truePositives: ([k]) => [...inSyntaxes("op_secret_key", k), ...withValue(k, 'secretKey: "%s"')],
    falsePositives: () => ["A3-" + fake.upperDigits(6, "op1") + "-" + fake.upperDigits(5, "op2"), "SKU A3-" + fake.upperDigits(6, "op7") + "-" + fake.upperDigits(4, "op8")],
  }),
];
