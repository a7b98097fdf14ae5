/**
 * Telnyx: API v2 keys, `KEY` + a 32-character upper-case hex id (a ULID, starting with "0") + `_` +
 * a 22-character secret (Telnyx's authentication documentation).
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "telnyx-api-key",
    title: "Telnyx API v2 key",
    provider: "Telnyx",
    severity: "high",
    keywords: ["key0"],
    // "KEY" + a 32-character upper-case hex id (a ULID, so it starts with "0") + "_" + a 22-character secret.
    regex: /(?<![A-Za-z0-9_])(?<secret>KEY0[0-9A-F]{31}_[A-Za-z0-9]{22})(?![A-Za-z0-9_])/,
    docs: "https://developers.telnyx.com/docs/overview/authentication",
    remediation: "Delete the key in the portal's Auth > API Keys and keep its replacement in a secret store.",
    samples: () => ["KEY0" + fake.hexUpper(31, "telnyx") + "_" + fake.alnum(22, "telnyx-s")] as const,
    truePositives: ([k]) => [...inSyntaxes("telnyx_api_key", k), ...withValue(k, 'const telnyx = Telnyx("%s");')],
    falsePositives: ([k]) => [`TELNYX_API_KEY=${k.split("_")[0] ?? ""}`, 'const enumName = "KEY0_UP";'],
  }),
];
