/**
 * Pinecone API keys (docs.pinecone.io/guides/projects/manage-api-keys): `pcsk_` + key id + `_` + the
 * secret, and legacy UUID keys, reported only under a setting that names Pinecone.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, UUID_ANY_CASE, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "pinecone-api-key",
    title: "Pinecone API key",
    provider: "Pinecone",
    severity: "high",
    keywords: ["pcsk_"],
    // `pcsk_` + key id (5-6 characters, a little slack kept) + `_` + the 63-character secret.
    regex: /(?<![A-Za-z0-9_])(?<secret>pcsk_[A-Za-z0-9]{5,8}_[A-Za-z0-9]{62,64})(?![A-Za-z0-9_])/,
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
    remediation: "Delete the key in the Pinecone console (API Keys), create a new one with the least role needed, and load it from PINECONE_API_KEY.",
    samples: () => ["pcsk_" + fake.alnum(6, "pc-1-id") + "_" + fake.alnum(63, "pc-1-s"), "pcsk_" + fake.alnum(5, "t-pc-1") + "_" + fake.alnum(63, "t-pc-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("pinecone_api_key", a), ...withValue(b, `pc = Pinecone(api_key="%s")`)],
    falsePositives: () => [
      `pcsk_${fake.alnum(6, "pc-fp")}_${fake.alnum(20, "pc-fp-2")}`,
      `pcsk_${fake.alnum(70, "pc-fp-3")}`,
      `PINECONE_API_KEY=pcsk_${fake.alnum(4, "pc-fp-4")}_${fake.alnum(63, "pc-fp-5")}`,
      `PINECONE_API_KEY=pcsk_${fake.alnum(6, "pc-fp-6")}_${fake.alnum(68, "pc-fp-7")}`,
    ],
  }),
  defineRule({
    id: "pinecone-legacy-api-key",
    title: "Pinecone API key (legacy UUID)",
    provider: "Pinecone",
    severity: "high",
    keywords: ["pinecone"],
    regex: new RegExp(`${providerSetting(["pinecone"], CREDENTIAL_KINDS)}(?<secret>${UUID_ANY_CASE})(?![A-Za-z0-9_-])`),
    docs: "https://docs.pinecone.io/guides/projects/manage-api-keys",
    remediation: "Delete the key in the Pinecone console (API Keys), create a new one and load it from PINECONE_API_KEY.",
    samples: () => [fake.uuid("pc-legacy-1"), fake.uuid("t-pc-legacy")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("pinecone_api_key", a), ...withValue(b, `pinecone.init(api_key="%s", environment="us-west1-gcp")`, `PINECONE_KEY: %s`)],
    falsePositives: () => [`PINECONE_INDEX_ID=${fake.uuid("pc-legacy-fp")}`, `PINECONE_API_KEY=${fake.hex(32, "pc-legacy-fp-2")}`],
  }),
];
