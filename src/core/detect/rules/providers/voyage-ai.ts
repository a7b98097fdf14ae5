/**
 * Voyage AI API keys (docs.voyageai.com): `pa-` + 40 to 48 URL-safe characters; the prefix is short, so
 * the key is reported only under a setting or call that names Voyage.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { CREDENTIAL_KINDS, defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "voyage-api-key",
    title: "Voyage AI API key",
    provider: "Voyage AI",
    severity: "high",
    keywords: ["voyage"],
    regex: new RegExp(`${providerSetting(["voyage"], CREDENTIAL_KINDS)}(?<secret>pa-[A-Za-z0-9_-]{40,48})(?![A-Za-z0-9_-])`),
    docs: "https://docs.voyageai.com/docs/api-key-and-installation",
    remediation: "Revoke the key in the Voyage AI dashboard (API Keys), create a new one and load it from VOYAGE_API_KEY.",
    samples: () => ["pa-" + fake.alnum(43, "vo-1"), "pa-" + fake.base64url(43, "t-vo")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("voyage_api_key", a), ...withValue(b, `vo = voyageai.Client(api_key="%s")`, `VOYAGE_API_KEY="%s"`)],
    falsePositives: () => ["VOYAGE_API_KEY=pa-...", `VOYAGE_API_KEY=pa-${fake.base64url(20, "vo-fp")}`],
  }),
];
