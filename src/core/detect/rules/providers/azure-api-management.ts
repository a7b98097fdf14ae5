/**
 * Azure API Management: shared access signature (SAS) tokens of the direct management REST API and of
 * the service's configuration Git repository. A token is an identifier, an expiry and an HMAC-SHA512
 * signature (88 base64 characters): `integration&202408020500&<signature>` (the Git repository's
 * password has the identifier `git`), or the older `uid=<identifier>&ex=<ISO time>&sn=<signature>`.
 * The structure alone names the credential. Format from Microsoft Learn's "Authenticate to the direct
 * management Azure API Management REST API".
 */
import type { Rule } from "../../rule.js";
import { fake } from "../../fake.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

/** An HMAC-SHA512 signature: 64 bytes in base64. */
const SIGNATURE = "[A-Za-z0-9+/]{86}==";

export const rules: Rule[] = [
  defineRule({
    id: "azure-api-management-sas-token",
    title: "Azure API Management access token (SAS)",
    provider: "Microsoft Azure",
    severity: "high",
    // The compact form's expiry is yyyyMMddHHmm, so it follows "&20".
    keywords: ["&20", "&sn="],
    regex: new RegExp(
      String.raw`(?<![\w-])(?<secret>(?:[A-Za-z0-9_-]{1,64}&20[0-9]{10}&|uid=[A-Za-z0-9_.-]{1,64}&ex=[0-9][0-9:.TZ-]{9,35}&sn=)${SIGNATURE})(?![A-Za-z0-9+/=])`,
    ),
    // The Git repository's password (`git&` + expiry + signature) with a short expiry or signature is a broken copy.
    owns: { prefixes: ["git&"] },
    docs: "https://learn.microsoft.com/rest/api/apimanagement/apimanagementrest/azure-api-management-rest-api-authentication",
    remediation: "Regenerate the signing key the token was made with (API Management > Management API, or Repository for the Git credentials): every token signed with it stops working. Generate short-lived tokens in the pipeline instead of storing them.",
    samples: () => {
      const integration = "integration&20" + fake.digits(10, "apim-exp") + "&" + fake.base64(86, "apim-sig") + "==";
      const git = "git&20" + fake.digits(10, "apim-git-exp") + "&" + fake.base64(86, "apim-git-sig") + "==";
      const legacy = "uid=" + fake.hex(24, "apim-uid") + "&ex=2030-08-04T22:03:00.0000000Z&sn=" + fake.base64(86, "apim-sn") + "==";
      return [integration, git, legacy] as const;
    },
    truePositives: ([integration, git, legacy]) => [
      ...inSyntaxes("apim_sas_token", integration),
      ...withValue(integration, 'req.Header.Set("Authorization", "SharedAccessSignature %s")'),
      ...withValue(git, "APIM_GIT_PASSWORD=%s", "  password: '%s'"),
      ...withValue(legacy, "Authorization: SharedAccessSignature %s"),
    ],
    falsePositives: ([integration]) => [
      // A signature cut short, and a query string that is not a token.
      `APIM_TOKEN=${integration.slice(0, 80)}`,
      "https://example.org/search?q=report&2024010112&page=2",
      `APIM_TOKEN=${integration.replace("==", "")}`,
    ],
  }),
];
