/**
 * Quay.io robot account tokens (docs.quay.io, robot accounts): 64 upper-case letters and digits, with
 * no prefix, so Quay must be named on the line, before or after the token.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { ci, defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "quay-robot-token",
    title: "Quay.io robot account token",
    provider: "Quay",
    severity: "high",
    keywords: ["quay"],
    // Upper-case hex (a SHA-256 digest) is excluded: a robot token practically always has letters beyond F.
    regex: new RegExp(
      `(?<![A-Za-z0-9])(?![0-9A-F]{64}(?![A-Z0-9]))(?<secret>[A-Z0-9]{64})(?![A-Za-z0-9])(?:(?<=${ci("quay")}[^\\n]{0,264})|(?=[^\\n]{0,200}${ci("quay")}))`,
    ),
    docs: "https://docs.quay.io/glossary/robot-accounts.html",
    remediation: "Regenerate the robot account's token in Quay (Robot Accounts > Regenerate token) and keep it in a CI secret.",
    samples: () => [fake.upperDigits(64, "quay-1"), fake.upperDigits(64, "quay-2"), fake.upperDigits(64, "edge-quay")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("quay_robot_token", b),
      ...withValue(a, `docker login -u="acme+deployer" -p="%s" quay.io`),
      ...withValue(c, `password: %s # quay.io robot`),
    ],
    falsePositives: ([, , c]) => [
      `image: quay.io/acme/app@sha256:${fake.hexUpper(64, "quay-3")}`,
      `QUAY_ROBOT_TOKEN=${fake.upperDigits(50, "quay-4")}`,
      `CHECKSUM=${fake.upperDigits(64, "quay-5")}`,
      `password: ${c}`,
    ],
  }),
];
