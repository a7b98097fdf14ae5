/**
 * NuGet credentials (learn.microsoft.com/nuget): nuget.org API keys (`oy2` + 43 lower-case
 * alphanumerics) and feed passwords kept in clear text in NuGet.Config's `<packageSourceCredentials>`.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "nuget-config-password",
    title: "NuGet.Config package source password in clear text",
    provider: "NuGet",
    severity: "high",
    keywords: ["cleartextpassword"],
    // <packageSourceCredentials> entries: <add key="ClearTextPassword" value="…" />, NuGet's own key
    // name (key="Password" is meant to hold an encrypted value). Environment references are not values.
    regex: /<add\s{1,5}key\s{0,3}=\s{0,3}["'][Cc]lear[Tt]ext[Pp]assword["']\s{1,5}value\s{0,3}=\s{0,3}["'](?<secret>[^"'\s%$]{1,256})["']/,
    // The clear-text passwords of the nuget.config reference's own <packageSourceCredentials> example.
    exampleValues: ["33f!!lloppa", "hal+9ooo_da!sY"],
    docs: "https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials",
    remediation: "Change the feed password or token, then reference it from an environment variable (%FEED_PASSWORD%) or use a credential provider instead of NuGet.Config.",
    samples: () => [fake.base64(16, "nuget-pw"), fake.alnum(24, "nuget-pw2"), fake.alnum(18, "t-nuget-pw")] as const,
    truePositives: ([a, b, c]) => [
      ...withValue(a, `<add key="ClearTextPassword" value="%s" />`),
      ...withValue(b, `    <add key="ClearTextPassword" value="%s"/>`),
      ...withValue(c, `<add key='ClearTextPassword' value='%s' />`),
    ],
    falsePositives: () => [`<add key="ClearTextPassword" value="%NUGET_FEED_PASSWORD%" />`, `<add key="Password" value="${fake.alnum(12, "nuget-enc")}" />`],
  }),
  defineRule({
    id: "nuget-api-key",
    title: "NuGet.org API key",
    provider: "NuGet",
    severity: "high",
    keywords: ["oy2"],
    regex: /(?<![A-Za-z0-9_])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9_])/,
    docs: "https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys",
    remediation: "Delete or regenerate the key on nuget.org (API Keys), scope the new one to the needed packages, and keep it in a CI secret.",
    samples: () => ["oy2" + fake.lowerDigits(43, "nuget-1"), "oy2" + fake.lowerDigits(43, "nuget-2"), "oy2" + fake.lowerDigits(43, "t-nuget")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("nuget_api_key", b),
      ...withValue(a, `dotnet nuget push pkg.nupkg --api-key %s`),
      ...withValue(c, `<add key="ApiKey" value="%s" />`),
    ],
    falsePositives: () => [`oy2${fake.lowerDigits(30, "nuget-3")}`, `toy2${fake.lowerDigits(43, "nuget-4")}`],
  }),
];
