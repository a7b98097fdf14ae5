/**
 * age credentials: encryption secret key.
 * Formats from the provider's documentation: https://github.com/FiloSottile/age#readme
 */
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";
import { randomString } from "../../fake.js";
import { structureCheck } from "../../validate/structure.js";
import { BECH32_CHARSET, bech32Encode, bech32Valid } from "../../validate/bech32.js";

/** A syntactically valid age identity (52 random bech32 characters + checksum), upper-case as age prints it. */
export function fakeAgeSecretKey(seed: string): string {
  const data = [...randomString(52, BECH32_CHARSET, seed)].map((ch) => BECH32_CHARSET.indexOf(ch));
  return bech32Encode("age-secret-key-", data).toUpperCase();
}

export const rules: Rule[] = [
  defineRule({
    id: "age-secret-key",
    title: "age encryption secret key",
    provider: "age",
    severity: "high",
    keywords: ["age-secret-key-1"],
    regex: /(?<![\w-])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![\w-])/,
    validate: (key) => structureCheck(bech32Valid(key), "bech32 checksum"),
    docs: "https://github.com/FiloSottile/age#readme",
    remediation: "Generate a new identity with age-keygen, re-encrypt the files to its recipient, and keep the identity file out of the repository.",
    samples: () => [fakeAgeSecretKey("age-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("sops_age_key", k), ...withValue(k, "%s")],
    falsePositives: () => ["# public key: age1" + randomString(58, BECH32_CHARSET, "age-pub"), "AGE-SECRET-KEY-1" + randomString(40, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", "age-short")],
  }),
];
