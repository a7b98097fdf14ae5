/**
 * Adyen API keys (docs.adyen.com, API credentials): `AQE` + base64, `-`, then a 32-byte base64 hash
 * (further `-` parts follow, not captured). The shape alone is too weak: Adyen or an `X-API-Key` header
 * must be named before the key.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, withValue } from "../kit.js";

const CONTEXT = `(?:${ci("adyen")}|${ci("x-api-key")})`;

export const rules: Rule[] = [
  defineRule({
    id: "adyen-api-key",
    title: "Adyen API key",
    provider: "Adyen",
    severity: "critical",
    keywords: ["adyen", "x-api-key"],
    // `(?=AQE)` first, so the look-behind for the context runs only where a key can start.
    regex: new RegExp(
      `(?<![A-Za-z0-9+/])(?=AQE)(?<=${CONTEXT}[^\\n]{0,200})(?<secret>AQE[A-Za-z0-9+/]{20,200}={0,2}-[A-Za-z0-9+/]{40,48}={0,2})(?![A-Za-z0-9+/=])`,
    ),
    docs: "https://docs.adyen.com/development-resources/api-credentials/",
    remediation: "Generate a new API key for the API credential in the Adyen Customer Area, revoke the old one, and keep it in a secret manager.",
    samples: () => [
      "AQE" + fake.base64(60, "adyen-a") + "==-" + fake.base64(43, "adyen-b") + "=",
      "AQE" + fake.base64(70, "t-ady-1") + "=-" + fake.base64(43, "t-ady-2") + "=",
    ] as const,
    truePositives: ([key, other]) => [
      ...inSyntaxes("adyen_api_key", key),
      ...withValue(key, `ADYEN_API_KEY=%s-${fake.alnum(16, "adyen-c")}`, `curl -H "X-API-Key: %s" https://checkout-test.adyen.com/v71/payments`, `adyen: { apiKey: "%s" }`),
      ...withValue(other, `adyenConfig.setApiKey("%s-${fake.alnum(12, "t-ady-3")}");`),
    ],
    falsePositives: ([key]) => [
      // An unrelated base64 blob on a line that does not mention Adyen.
      `const blob = "${key}";`,
      `apiKey: "${key}"`,
      `ADYEN_API_KEY=AQE${fake.base64(30, "adyen-d")}`,
    ],
  }),
];
