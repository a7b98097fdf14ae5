/**
 * Docker Hub access tokens (docs.docker.com/security, access tokens): `dckr_pat_` personal and
 * `dckr_oat_` organization tokens, 27 to 32 URL-safe characters after the prefix.
 */
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { defineRule, inSyntaxes, withValue } from "../kit.js";

export const rules: Rule[] = [
  defineRule({
    id: "docker-hub-personal-access-token",
    title: "Docker Hub personal access token",
    provider: "Docker",
    severity: "high",
    keywords: ["dckr_pat_"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>dckr_pat_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/,
    docs: "https://docs.docker.com/security/for-developers/access-tokens/",
    remediation: "Delete the token in Docker Hub (Account settings > Personal access tokens), create one with the least scope, and keep it in a CI secret.",
    samples: () => ["dckr_pat_" + fake.alnum(27, "dckr-1"), "dckr_pat_" + fake.base64url(27, "dckr-2")] as const,
    truePositives: ([a, b]) => [
      ...inSyntaxes("dockerhub_token", a),
      ...withValue(a, `echo "%s" | docker login -u ci --password-stdin`),
      ...withValue(b, `DOCKERHUB_TOKEN=%s`),
    ],
    falsePositives: () => [`DOCKERHUB_TOKEN=dckr_pat_${fake.base64url(15, "dckr-3")}`, `dckr_pat_${fake.base64url(40, "dckr-4")}`],
  }),
  defineRule({
    id: "docker-hub-organization-access-token",
    title: "Docker Hub organization access token",
    provider: "Docker",
    severity: "high",
    keywords: ["dckr_oat_"],
    regex: /(?<![A-Za-z0-9_-])(?<secret>dckr_oat_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/,
    docs: "https://docs.docker.com/security/for-admins/access-tokens/",
    remediation: "Delete the organization access token in Docker Admin Console, create one with the least repository access, and keep it in a CI secret.",
    samples: () => ["dckr_oat_" + fake.alnum(32, "oat-1"), "dckr_oat_" + fake.base64url(27, "oat-2")] as const,
    truePositives: ([a, b]) => [...inSyntaxes("docker_password", a), ...withValue(a, `password: %s`), ...withValue(b, `docker login -u myorg -p '%s'`)],
    falsePositives: () => [`dckr_oat_${fake.base64url(10, "oat-3")}`, `dckr_oat_${fake.base64url(45, "oat-4")}`],
  }),
];
