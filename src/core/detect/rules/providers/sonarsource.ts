/**
 * SonarSource credentials: SonarQube / SonarCloud token (legacy 40-hex); SonarQube user token; SonarQube project
 * analysis token; SonarQube global analysis token; SonarQube Cloud scoped organization token (`sqco_`).
 * Values without a prefix of their own are matched only next to the provider's name in the setting's name.
 * Formats from the provider's documentation:
 * - https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/
 * - https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/managing-tokens/
 * - https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-organization/scoped-organization-tokens
 */
import type { Rule } from "../../rule.js";
import { contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";
import { fake } from "../../fake.js";

export const rules: Rule[] = [
  ...(
    [
      ["squ_", "sonarqube-user-token", "SonarQube user token", "high"],
      ["sqp_", "sonarqube-project-analysis-token", "SonarQube project analysis token", "medium"],
      ["sqa_", "sonarqube-global-analysis-token", "SonarQube global analysis token", "high"],
    ] as const
  ).map(([prefix, id, title, severity]) =>
    defineRule({
      id,
      title,
      provider: "SonarSource",
      severity,
      keywords: [prefix],
      regex: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[a-f0-9]{40})(?![\w-])`),
      docs: "https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/",
      remediation: "Revoke the token in SonarQube > My Account > Security and give CI its replacement as SONAR_TOKEN from a secret.",
      samples: () => [prefix + fake.hex(40, id + "-1")] as const,
      truePositives: ([t]) => [...inSyntaxes("sonar_token", t), ...withValue(t, "sonar.token=%s")],
      falsePositives: () => [prefix + fake.hex(30, id + "-short"), prefix + fake.hex(44, id + "-long")],
    }),
  ),
  defineRule({
    id: "sonarqube-cloud-organization-token",
    title: "SonarQube Cloud scoped organization token",
    provider: "SonarSource",
    severity: "high",
    keywords: ["sqco_"],
    owns: { prefixes: ["sqco_"] },
    // The documentation names the `sqco_` prefix only; issued tokens carry 59 letters and digits after it.
    regex: /(?<![\w-])(?<secret>sqco_[A-Za-z0-9]{48,70})(?![\w+/=-])/,
    docs: "https://docs.sonarsource.com/sonarqube-cloud/administering-sonarcloud/managing-organization/scoped-organization-tokens",
    remediation: "Revoke the token in SonarQube Cloud (Administration > Scoped Organization Tokens), create a new one with the narrowest project scope, and give CI it as SONAR_TOKEN from a secret.",
    samples: () => ["sqco_" + fake.alnum(59, "sqco-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sonar_token", t), ...withValue(t, "sonar.token=%s", "mvn sonar:sonar -Dsonar.token=%s")],
    falsePositives: ([t]) => ["sqco_" + fake.alnum(20, "sqco-short"), `SONAR_TOKEN=${t}==`, "SONAR_TOKEN=sqco_your_organization_token"],
  }),
  defineRule({
    id: "sonar-token-legacy",
    title: "SonarQube / SonarCloud token (legacy 40-hex)",
    provider: "SonarSource",
    severity: "high",
    keywords: ["sonar"],
    regex: contextRegex("sonar", String.raw`token|login`, "[a-f0-9]{40}"),
    docs: "https://docs.sonarsource.com/sonarqube-cloud/managing-your-account/managing-tokens/",
    remediation: "Revoke the token in SonarQube/SonarCloud > My Account > Security and give CI its replacement from a secret.",
    samples: () => [fake.hex(40, "sonar-leg-1")] as const,
    truePositives: ([t]) => [...inSyntaxes("sonar_token", t), ...withValue(t, "-Dsonar.login=%s")],
    falsePositives: () => ["SONAR_PROJECT_KEY=" + fake.hex(40, "sonar-fp"), "SONAR_TOKEN=${SONAR_TOKEN}"],
  }),
];
