/**
 * Harbor robot account secrets (goharbor.io, robot accounts): 32 alphanumerics (Harbor 2.2+), found
 * after a password, secret or token on a line that names Harbor or a `robot$…` account.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ASSIGN, ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "harbor-robot-secret",
    title: "Harbor robot account secret",
    provider: "Harbor",
    severity: "high",
    keywords: ["harbor", "robot$"],
    regex: new RegExp(
      `(?:${ci("harbor")}|robot\\$)[^\\n]{0,120}?(?:-p|--password|${ci("password")}|${ci("secret")}|${ci("token")})[\\w.-]{0,12}${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_])`,
    ),
    minEntropy: 3.5,
    docs: "https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/",
    remediation: "Refresh the robot account's secret in Harbor (Robot Accounts > Refresh secret) and keep it in a CI secret.",
    samples: () => [fake.alnum(32, "harbor-1"), fake.alnum(32, "harbor-2"), fake.alnum(32, "edge-harbor")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("harbor_robot_secret", b),
      ...withValue(a, `docker login harbor.acme.dev -u 'robot$ci+builder' -p '%s'`, `harbor_password: "%s"`),
      ...withValue(c, `docker login registry.acme.dev -u 'robot$proj+ci' -p %s`),
    ],
    falsePositives: () => [`HARBOR_PASSWORD=\${HARBOR_PASSWORD}`, `HARBOR_URL=https://harbor.acme.dev/api/v2.0/projects`, `HARBOR_ROBOT_SECRET=${fake.alnum(20, "harbor-3")}`],
  }),
];
