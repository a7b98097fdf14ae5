/**
 * Docker Hub access tokens (docs.docker.com/security, access tokens): `dckr_pat_` personal and
 * `dckr_oat_` organization tokens, 27 to 32 URL-safe characters after the prefix. Registry credentials
 * in a Docker client config (`~/.docker/config.json`, `DOCKER_AUTH_CONFIG`, a `.dockerconfigjson`):
 * each registry's `"auth"` is the base64 of `username:password` (docs.docker.com, docker login).
 */
import { fake, toBase64 } from "../../fake.js";
import { classifyPlaceholder } from "../../placeholder.js";
import type { RawMatch, Rule } from "../../rule.js";
import { defineRule, withValue, inSyntaxes } from "../kit.js";

/** `"auth": "<base64>"`, also with the quotes escaped once or twice (JSON held in a string). */
const CONFIG_AUTH = /\\{0,3}"auth\\{0,3}"\s{0,3}:\s{0,3}\\{0,3}"(?<secret>[A-Za-z0-9+/]{8,4000}={0,2})\\{0,3}"/g;

/** Values that decode to `username:password`; a dummy password makes the finding a placeholder. */
function findConfigAuths(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of text.matchAll(CONFIG_AUTH)) {
    const secret = m.groups?.["secret"] as string;
    const decoded = Buffer.from(secret, "base64").toString("utf8");
    const pair = /^([^\s:]{1,200}):([\x21-\x7e][\x20-\x7e\n]*)$/.exec(decoded);
    if (!pair) continue;
    const index = (m.index ?? 0) + m[0].lastIndexOf(secret);
    const dummy = classifyPlaceholder(pair[2] as string).placeholder;
    out.push({ secret, index, ...(dummy ? { category: "placeholder" as const } : { validation: { status: "confirmed" as const, check: "username:password encoding" } }) });
  }
  return out;
}

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
  defineRule({
    id: "docker-config-auth",
    title: "Docker registry credentials (config.json auth)",
    provider: "Docker",
    severity: "high",
    keywords: ['"auth"', 'auth\\'],
    find: findConfigAuths,
    docs: "https://docs.docker.com/reference/cli/docker/login/",
    remediation: "Change the registry password or revoke the token it holds, then use a credential helper (credsStore) or a CI secret instead of a config with inline auths.",
    samples: () => [toBase64(`ci-bot:${fake.alnum(24, "dockercfg-1")}`), toBase64(`_json_key:${fake.alnum(60, "dockercfg-2")}`)] as const,
    truePositives: ([a, b]) =>
      withValue(
        a,
        '{"auths": {"registry.acme.io": {"auth": "%s"}}}',
        '      "auth": "%s",',
        'DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.acme.io:5000\\":{\\"auth\\":\\"%s\\"}}}',
      ).concat(withValue(b, '  config.json: "{\\n\\t\\"auths\\": {\\"https://gcr.io\\": {\\"auth\\":\\"%s\\"}}}"')),
    falsePositives: () => ['"auth": "bearer"', `"auth": "${toBase64("ci-bot:password")}"`, `"auth": "${fake.base64(40, "dockercfg-noise")}"`],
  }),
];
