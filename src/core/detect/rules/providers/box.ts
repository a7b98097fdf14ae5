/**
 * Box credentials: developer token / client secret.
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation: https://developer.box.com/guides/authentication/tokens/developer-tokens/
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, hasDigit, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

/** Box secrets are matched by their full variable name, so the keywords are those names' starts. */
const BOX_KEYWORDS = ["_", "-", "."].flatMap((sep) => ["client", "developer", "access", "primary", "api"].map((name) => "box" + sep + name));

export const rules: Rule[] = [
  defineRule({
    id: "box-api-credential",
    title: "Box developer token / client secret",
    provider: "Box",
    severity: "high",
    keywords: BOX_KEYWORDS,
    // "box" alone is too common (inbox, checkbox, sandbox): it must start the name and be followed by a separator.
    regex: contextRegex(String.raw`(?<![a-z])box[_.-](?:client[_.-]?secret|developer[_.-]?token|access[_.-]?token|primary[_.-]?key|api[_.-]?key)`, null, hasDigit(32) + "[A-Za-z0-9]{32}"),
    minEntropy: 3.5,
    docs: "https://developer.box.com/guides/authentication/tokens/developer-tokens/",
    remediation: "Revoke the token or reset the client secret in the Box Developer Console and keep its replacement in a secret manager.",
    samples: () => [fake.alnum(30, "box-1") + "64"] as const,
    truePositives: ([t]) => [...inSyntaxes("box_client_secret", t), ...withValue(t, "box_developer_token: '%s'")],
    falsePositives: () => ["SANDBOX_CLIENT_SECRET=" + fake.alnum(30, "box-fp") + "12", "BOX_CLIENT_ID=" + fake.alnum(32, "box-id")],
  }),
];
