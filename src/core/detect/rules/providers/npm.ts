/**
 * npm registry tokens (docs.npmjs.com/about-access-tokens): `npm_` access tokens, whose last 6
 * characters are a CRC32 checksum of the rest (GitHub's token scheme), and the legacy UUID tokens
 * written in `.npmrc` (`//host/:_authToken=`) and `.yarnrc.yml` (`npmAuthToken:`), or held by a
 * setting that names npm (`NPM_TOKEN=`, as npm's CI guide shows one).
 */
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { githubStyleChecksum, hasGithubStyleChecksum } from "../../validate/checksum.js";
import { UUID_ANY_CASE, contextRegex, defineRule, inSyntaxes, withValue } from "../kit.js";

/** npm tokens: `npm_` + 30 random characters + the CRC32 of those 30 in base 62 (GitHub's scheme). */
export function validateNpmToken(token: string): Validation {
  const ok = token.startsWith("npm_") && hasGithubStyleChecksum(token.slice(4));
  return ok
    ? { status: "confirmed", check: "CRC32 checksum" }
    : { status: "failed", check: "CRC32 checksum", note: "the last 6 characters are not the checksum of the rest" };
}

/** An npm token with a valid checksum, for examples and tests. */
export function makeNpmToken(seed: string): string {
  const body = fake.alnum(30, seed);
  return "npm_" + body + githubStyleChecksum(body);
}

export const rules: Rule[] = [
  defineRule({
    id: "npm-access-token",
    title: "npm access token",
    provider: "npm",
    severity: "high",
    keywords: ["npm_"],
    regex: /(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    validate: validateNpmToken,
    docs: "https://docs.npmjs.com/about-access-tokens",
    remediation: "Revoke the token on npmjs.com (Access Tokens) or with `npm token revoke`, use a granular token or trusted publishing, and keep it in a CI secret.",
    samples: () => [makeNpmToken("npm-ex-1"), makeNpmToken("npm-ex-2"), makeNpmToken("npm-ex-3")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("npm_token", b),
      ...withValue(a, `//registry.npmjs.org/:_authToken=%s`),
      ...withValue(c, `export NODE_AUTH_TOKEN=%s`, `"%s"`),
    ],
    falsePositives: () => [
      `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
      `NPM_TOKEN=npm_${fake.alnum(30, "npm-ex-4")}`,
      `const npm_${fake.alnum(36, "npm-ex-5")}_cache = 1;`,
    ],
  }),
  defineRule({
    id: "npm-legacy-auth-token",
    title: "npm registry auth token (legacy UUID)",
    provider: "npm",
    severity: "high",
    keywords: ["_authtoken", "npm"],
    // `.npmrc` (`//host/:_authToken=`), `npm config set … _authToken …` and `.yarnrc.yml` (`npmAuthToken:`).
    regex: new RegExp(`(?:_authToken|npmAuthToken)["']?(?:\\s{0,3}[=:]\\s{0,3}|\\s{1,3})["']?(?<secret>${UUID_ANY_CASE})(?![A-Za-z0-9_-])`),
    // A token setting named after npm (`NPM_TOKEN=…` in npm's CI guide, `npmToken:`), not one of another tool.
    nearbyRegex: contextRegex("(?<![A-Za-z0-9])npm", "token|auth", UUID_ANY_CASE),
    // "npm" is common in JavaScript projects: a UUID's middle must be on the line before the patterns run.
    requires: [/-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-/],
    docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    remediation: "Revoke the token (`npm token revoke`, or in the registry's UI), and reference an environment variable in .npmrc: `_authToken=${NPM_TOKEN}`.",
    samples: () => [fake.uuid("npmrc-1"), fake.uuid("npmrc-2"), fake.uuid("t-npmrc")] as const,
    truePositives: ([a, b, c]) => [
      ...inSyntaxes("npmAuthToken", b, ["yaml", "json", "toml"]),
      ...inSyntaxes("npm_token", c),
      ...withValue(a, `env:\n  NPM_AUTH_TOKEN: "%s"`),
      ...withValue(a, `//registry.npmjs.org/:_authToken=%s`, `npm config set //npm.acme.dev/:_authToken %s`),
      ...withValue(c, `//npm.acme.dev/repo/:_authToken="%s"`),
    ],
    falsePositives: () => [
      `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
      `//registry.npmjs.org/:_authToken=${fake.hex(32, "npmrc-3")}`,
      `//registry.npmjs.org/:_authToken=${makeNpmToken("edge-npmrc")}`,
      `NPM_PACKAGE_ID=${fake.uuid("npm-id")}`,
      `PNPM_STORE_TOKEN=${fake.uuid("pnpm-id")}`,
      `npm install --session ${fake.uuid("npm-session")}`,
    ],
  }),
];
