/**
 * Sonatype Maven Central (OSSRH / Central Portal) user tokens (central.sonatype.org): base64-like values
 * without a prefix, reported only under a setting that names the repository and a password or token.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, providerSetting, withValue } from "../kit.js";

const NAMES = ["ossrh", "sonatype", "mavencentral", "maven_central", "maven-central", "centralportal", "central_portal"];

export const rules: Rule[] = [
  defineRule({
    id: "sonatype-central-token",
    title: "Sonatype Maven Central (OSSRH / Central Portal) token",
    provider: "Sonatype",
    severity: "high",
    keywords: NAMES,
    regex: new RegExp(`${providerSetting(NAMES, ["password", "token", "secret", "pass"], false)}(?<secret>[A-Za-z0-9+/]{20,100}={0,2})(?![A-Za-z0-9+/=_])`),
    // The value's charset is broad: only random-looking values are reported (passwords are the generic detector's).
    minEntropy: 3.5,
    docs: "https://central.sonatype.org/publish/generate-portal-token/",
    remediation: "Revoke the user token in the Central Portal (or OSSRH) account, generate a new one, and keep it in a CI secret.",
    samples: () => [fake.base64(44, "ossrh-1"), fake.alnum(36, "ossrh-2"), fake.alnum(40, "t-ossrh")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("sonatype_token", b),
      ...withValue(a, `ossrhPassword=%s`),
      ...withValue(c, `sonatypePassword="%s"`),
    ],
    falsePositives: () => [`ossrhPassword=\${env.OSSRH_PASSWORD}`, `SONATYPE_PASSWORD=aaaaaaaaaaaaaaaaaaaaaaaa`, `SONATYPE_USERNAME=${fake.alnum(8, "ossrh-3")}`],
  }),
];
