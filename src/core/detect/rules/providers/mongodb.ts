/**
 * MongoDB credentials: Atlas API private key.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://www.mongodb.com/docs/atlas/configure-api-access/
 */
import type { Rule } from "../../rule.js";
import { UUID, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  defineRule({
    id: "mongodb-atlas-private-key",
    title: "MongoDB Atlas API private key",
    provider: "MongoDB",
    severity: "high",
    keywords: ["atlas"],
    regex: contextRegex(String.raw`(?:mongodb[_.-]?)?atlas`, String.raw`private[_.-]?(?:api[_.-]?)?key|api[_.-]?private[_.-]?key`, UUID),
    docs: "https://www.mongodb.com/docs/atlas/configure-api-access/",
    remediation: "Delete the API key in Atlas > Organization Access Manager > API Keys and keep its replacement in a secret manager.",
    samples: () => [fake.uuid("atlas-1")] as const,
    truePositives: ([k]) => [...inSyntaxes("mongodb_atlas_private_key", k), ...withValue(k, "atlas_private_key: '%s'")],
    falsePositives: () => ["MONGODB_ATLAS_PUBLIC_KEY=" + fake.lower(8, "atlas-fp"), "ATLAS_PROJECT_ID=" + fake.uuid("atlas-fp2")],
  }),
];
