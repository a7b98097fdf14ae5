/**
 * Package and container registries. A publish token is a supply-chain key: whoever holds it can ship code
 * to every user of the package or image. GitHub Packages use GitHub tokens (code-hosting rules), and
 * Maven `settings.xml` passwords are left to the generic detector.
 *
 * Example tokens are generated at run time (see fake.ts): no realistic token is written literally here.
 */
import type { Validation } from "../../../types.js";
import { fake } from "../../fake.js";
import type { Rule } from "../../rule.js";
import { githubStyleChecksum, hasGithubStyleChecksum } from "../../validate/checksum.js";

// ---------------------------------------------------------------------------------------------------
// Pattern helpers (kept local: each provider file is self-contained).

/** Escapes regex metacharacters and spells letters as `[aA]`: case-insensitive without the `i` flag. */
function ci(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}

/**
 * Closing quote, spaces and an assignment (`=`, `:`, `=>`, `:=`, `,`, a call's `(`, or a space), then an
 * opening quote.
 */
const ASSIGN = `["'\\]]{0,2}\\s{0,3}(?:=>|:=|[:=,(]|\\s)\\s{0,3}["'\`]?`;

/**
 * What precedes a value assigned to an identifier naming the provider and a kind of credential
 * (`HEX_API_KEY=…`, `"ossrhPassword": "…"`). Bounded repetitions separated by disjoint classes.
 */
function assignmentPrefix(names: string[], kinds: string[]): string {
  const name = `(?:${names.map(ci).join("|")})`;
  const kind = `(?:${kinds.map(ci).join("|")})`;
  return `${name}[\\w.-]{0,24}?${kind}[\\w.-]{0,12}${ASSIGN}`;
}

/** A token with a distinctive prefix, not part of a longer identifier on either side. */
function prefixed(body: string, chars = "A-Za-z0-9_-"): RegExp {
  return new RegExp(`(?<![${chars}])(?<secret>${body})(?![${chars}])`);
}

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

// ---------------------------------------------------------------------------------------------------
// Offline validation

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

/**
 * PyPI API tokens are `pypi-` + a version-2 binary macaroon in unpadded base64url. The binary form is:
 * version byte 2; optional location field (type 1) and identifier field (type 2), then end-of-section (0);
 * caveats, each [location] identifier [verifier id] end-of-section, closed by one more end-of-section;
 * then the signature field (type 6) of 32 bytes, which ends the token. Each field is a varint type, a
 * varint length and the data.
 */
export function isMacaroonV2(bytes: Uint8Array): boolean {
  let pos = 0;
  const varint = (): number | undefined => {
    let value = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = bytes[pos++];
      if (byte === undefined) return undefined;
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
    return undefined;
  };
  /** The next field's type and data length (-1 for end-of-section), or undefined past the end. */
  const field = (): { type: number; length: number } | undefined => {
    const type = varint();
    if (type === undefined) return undefined;
    if (type === 0) return { type, length: -1 };
    const length = varint();
    if (length === undefined || pos + length > bytes.length) return undefined;
    pos += length;
    return { type, length };
  };

  if (bytes[pos++] !== 2) return false;
  let f = field();
  if (f?.type === 1) f = field();
  if (f?.type !== 2 || field()?.type !== 0) return false;
  // Caveats, bounded so that a crafted value cannot loop long.
  for (let caveats = 0; ; caveats++) {
    if (caveats > 256) return false;
    f = field();
    if (f === undefined) return false;
    if (f.type === 0) break;
    if (f.type === 1) f = field();
    if (f?.type !== 2) return false;
    f = field();
    if (f?.type === 4) f = field();
    if (f?.type !== 0) return false;
  }
  const signature = field();
  return signature?.type === 6 && signature.length === 32 && pos === bytes.length;
}

export function validatePypiToken(token: string): Validation {
  const ok = token.startsWith("pypi-") && isMacaroonV2(Buffer.from(token.slice(5), "base64url"));
  return ok
    ? { status: "confirmed", check: "macaroon structure" }
    : { status: "failed", check: "macaroon structure", note: "the value does not decode to a complete macaroon (truncated or altered)" };
}

/** A structurally valid PyPI-style token (`location` pypi.org or test.pypi.org), for examples and tests. */
export function makePypiToken(seed: string, location = "pypi.org"): string {
  const fieldOf = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
  const identifier = Buffer.from(JSON.stringify({ nonce: fake.hex(24, seed + "-nonce"), version: 1 }));
  const caveat = Buffer.from(JSON.stringify({ permissions: { projects: [fake.lower(8, seed + "-project")] }, version: 1 }));
  const bytes = Buffer.concat([
    Buffer.from([2]),
    fieldOf(1, Buffer.from(location)),
    fieldOf(2, identifier),
    Buffer.from([0]),
    fieldOf(2, caveat),
    Buffer.from([0]),
    Buffer.from([0]),
    fieldOf(6, Buffer.from(fake.hex(64, seed + "-sig"), "hex")),
  ]);
  return "pypi-" + bytes.toString("base64url");
}

/** JFrog reference tokens are base64 of `reftkn:01:<expiry>:<random>`. */
export function validateJfrogReferenceToken(token: string): Validation {
  const decoded = Buffer.from(token, "base64").toString("latin1");
  const ok = /^reftkn:\d{2}:\d{1,12}:[!-~]{8,}$/.test(decoded);
  return ok
    ? { status: "confirmed", check: "reference token structure" }
    : { status: "failed", check: "reference token structure", note: "the value does not decode to reftkn:<version>:<expiry>:<random>" };
}

/** A structurally valid reference token (64 characters), for examples and tests. */
export function makeJfrogReferenceToken(seed: string): string {
  return Buffer.from(`reftkn:01:${fake.digits(10, seed + "-exp")}:${fake.alnum(27, seed)}`).toString("base64");
}

// ---------------------------------------------------------------------------------------------------
// npm, PyPI, NuGet, RubyGems, crates.io, Clojars, Packagist, Hex

const npm: Rule[] = [
  {
    id: "npm-access-token",
    title: "npm access token",
    provider: "npm",
    category: "secret",
    severity: "high",
    keywords: ["npm_"],
    regex: prefixed("npm_[A-Za-z0-9]{36}", "A-Za-z0-9_"),
    validate: validateNpmToken,
    docs: "https://docs.npmjs.com/about-access-tokens",
    remediation: "Revoke the token on npmjs.com (Access Tokens) or with `npm token revoke`, use a granular token or trusted publishing, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [
        `//registry.npmjs.org/:_authToken=${makeNpmToken("npm-ex-1")}`,
        `NPM_TOKEN: "${makeNpmToken("npm-ex-2")}"`,
        `export NODE_AUTH_TOKEN=${makeNpmToken("npm-ex-3")}`,
      ],
      falsePositives: [
        `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
        `NPM_TOKEN=npm_${fake.alnum(30, "npm-ex-4")}`,
        `const npm_${fake.alnum(36, "npm-ex-5")}_cache = 1;`,
      ],
    }),
  },
  {
    id: "npm-legacy-auth-token",
    title: "npm registry auth token (legacy UUID)",
    provider: "npm",
    category: "secret",
    severity: "high",
    keywords: ["_authtoken", "npmauthtoken"],
    // `.npmrc` (`//host/:_authToken=`), `npm config set … _authToken …` and `.yarnrc.yml` (`npmAuthToken:`).
    regex: new RegExp(`(?:_authToken|npmAuthToken)["']?(?:\\s{0,3}[=:]\\s{0,3}|\\s{1,3})["']?(?<secret>${UUID})(?![A-Za-z0-9_-])`),
    docs: "https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration",
    remediation: "Revoke the token (`npm token revoke`, or in the registry's UI), and reference an environment variable in .npmrc: `_authToken=${NPM_TOKEN}`.",
    examples: () => ({
      truePositives: [`//registry.npmjs.org/:_authToken=${fake.uuid("npmrc-1")}`, `npmAuthToken: "${fake.uuid("npmrc-2")}"`],
      falsePositives: [`//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`, `//registry.npmjs.org/:_authToken=${fake.hex(32, "npmrc-3")}`],
    }),
  },
  {
    id: "pypi-api-token",
    title: "PyPI API token",
    provider: "PyPI",
    category: "secret",
    severity: "high",
    keywords: ["pypi-ageichlwas5vcmc"],
    // `AgEIcHlwaS5vcmc` is the macaroon header: version 2, location "pypi.org".
    regex: prefixed("pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}", "A-Za-z0-9_-"),
    validate: validatePypiToken,
    docs: "https://pypi.org/help/#apitoken",
    remediation: "Remove the token in PyPI account settings (API tokens), prefer trusted publishing from CI, and keep any token in a CI secret.",
    examples: () => ({
      truePositives: [
        `password = ${makePypiToken("pypi-ex-1")}`,
        `TWINE_PASSWORD: "${makePypiToken("pypi-ex-2")}"`,
        `uv publish --token ${makePypiToken("pypi-ex-3")}`,
      ],
      falsePositives: [`password = pypi-AgEIcHlwaS5vcmc${fake.base64url(20, "pypi-ex-4")}`, `TWINE_PASSWORD: \${{ secrets.PYPI_API_TOKEN }}`],
    }),
  },
  {
    id: "testpypi-api-token",
    title: "TestPyPI API token",
    provider: "PyPI",
    category: "secret",
    severity: "medium",
    keywords: ["pypi-agendgvzdc5wexbplm9yzw"],
    // Macaroon header with location "test.pypi.org".
    regex: prefixed("pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}", "A-Za-z0-9_-"),
    validate: validatePypiToken,
    docs: "https://packaging.python.org/en/latest/guides/using-testpypi/",
    remediation: "Remove the token in TestPyPI account settings (API tokens) and keep tokens in CI secrets.",
    examples: () => ({
      truePositives: [`password = ${makePypiToken("tpypi-ex-1", "test.pypi.org")}`, `TEST_PYPI_TOKEN=${makePypiToken("tpypi-ex-2", "test.pypi.org")}`],
      falsePositives: [`password = ${makePypiToken("tpypi-ex-3")}`, `pypi-AgENdGVzdC5weXBpLm9yZw${fake.base64url(10, "tpypi-ex-4")}`],
    }),
  },
  {
    id: "nuget-config-password",
    title: "NuGet.Config package source password in clear text",
    provider: "NuGet",
    category: "secret",
    severity: "high",
    keywords: ["cleartextpassword"],
    // <packageSourceCredentials> entries: <add key="ClearTextPassword" value="…" />, NuGet's own key
    // name (key="Password" is meant to hold an encrypted value). Environment references are not values.
    regex: /<add\s{1,5}key\s{0,3}=\s{0,3}["'][Cc]lear[Tt]ext[Pp]assword["']\s{1,5}value\s{0,3}=\s{0,3}["'](?<secret>[^"'\s%$]{1,256})["']/,
    docs: "https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials",
    remediation: "Change the feed password or token, then reference it from an environment variable (%FEED_PASSWORD%) or use a credential provider instead of NuGet.Config.",
    examples: () => ({
      truePositives: [`<add key="ClearTextPassword" value="${fake.base64(16, "nuget-pw")}" />`, `    <add key="ClearTextPassword" value="${fake.alnum(24, "nuget-pw2")}"/>`],
      falsePositives: [`<add key="ClearTextPassword" value="%NUGET_FEED_PASSWORD%" />`, `<add key="Password" value="${fake.alnum(12, "nuget-enc")}" />`],
    }),
  },
  {
    id: "nuget-api-key",
    title: "NuGet.org API key",
    provider: "NuGet",
    category: "secret",
    severity: "high",
    keywords: ["oy2"],
    regex: prefixed("oy2[a-z0-9]{43}", "A-Za-z0-9_"),
    docs: "https://learn.microsoft.com/nuget/nuget-org/scoped-api-keys",
    remediation: "Delete or regenerate the key on nuget.org (API Keys), scope the new one to the needed packages, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`dotnet nuget push pkg.nupkg --api-key ${"oy2" + fake.lowerDigits(43, "nuget-1")}`, `NUGET_API_KEY="${"oy2" + fake.lowerDigits(43, "nuget-2")}"`],
      falsePositives: [`oy2${fake.lowerDigits(30, "nuget-3")}`, `toy2${fake.lowerDigits(43, "nuget-4")}`],
    }),
  },
  {
    id: "rubygems-api-key",
    title: "RubyGems API key",
    provider: "RubyGems",
    category: "secret",
    severity: "high",
    keywords: ["rubygems_"],
    regex: prefixed("rubygems_[a-f0-9]{48}", "A-Za-z0-9_"),
    docs: "https://guides.rubygems.org/api-key-scopes/",
    remediation: "Delete the key on rubygems.org (Settings > API keys), prefer trusted publishing, and keep any key in a CI secret.",
    examples: () => ({
      truePositives: [`GEM_HOST_API_KEY=${"rubygems_" + fake.hex(48, "gem-1")}`, `:rubygems_api_key: ${"rubygems_" + fake.hex(48, "gem-2")}`],
      falsePositives: [`:rubygems_api_key: ${fake.hex(32, "gem-3")}`, `rubygems_${fake.hex(40, "gem-4")}`],
    }),
  },
  {
    id: "crates-io-api-token",
    title: "crates.io API token",
    provider: "crates.io",
    category: "secret",
    severity: "high",
    keywords: ["cio"],
    regex: prefixed("cio[A-Za-z0-9]{32}", "A-Za-z0-9_"),
    docs: "https://doc.rust-lang.org/cargo/reference/publishing.html#before-your-first-publish",
    remediation: "Revoke the token on crates.io (Account Settings > API Tokens), prefer trusted publishing, and keep any token in a CI secret.",
    examples: () => ({
      truePositives: [`CARGO_REGISTRY_TOKEN=${"cio" + fake.alnum(32, "cio-1")}`, `token = "${"cio" + fake.alnum(32, "cio-2")}"`],
      falsePositives: [`cargo publish --token cio${fake.alnum(20, "cio-3")}`, `specious${fake.alnum(32, "cio-4")}`],
    }),
  },
  {
    id: "clojars-deploy-token",
    title: "Clojars deploy token",
    provider: "Clojars",
    category: "secret",
    severity: "high",
    keywords: ["clojars_"],
    // 60 hex characters; letters and digits accepted for copies re-cased or re-encoded.
    regex: prefixed("CLOJARS_[a-z0-9]{60}", "A-Za-z0-9_"),
    docs: "https://github.com/clojars/clojars-web/wiki/Deploy-Tokens",
    remediation: "Disable the deploy token on clojars.org (Deploy Tokens), create a scoped one, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`:password "${"CLOJARS_" + fake.hex(60, "clj-1")}"`, `CLOJARS_PASSWORD=${"CLOJARS_" + fake.hex(60, "clj-2")}`],
      falsePositives: [`CLOJARS_USERNAME=${fake.lower(8, "clj-3")}`, `CLOJARS_${fake.hex(40, "clj-4")}`],
    }),
  },
  {
    id: "packagist-token",
    title: "Private Packagist token",
    provider: "Packagist",
    category: "secret",
    severity: "high",
    keywords: ["packagist_"],
    // Organization read (ort), user (out), user update (uut) and user read (urt) tokens.
    regex: prefixed("packagist_(?:ort|out|uut|urt)_[a-f0-9]{68}", "A-Za-z0-9_"),
    docs: "https://packagist.com/docs/composer-authentication",
    remediation: "Revoke the token in Private Packagist (Settings > Authentication tokens) and keep its replacement in Composer's auth.json outside the repository or in a CI secret.",
    examples: () => ({
      truePositives: [
        `composer config --global --auth http-basic.repo.packagist.com token ${"packagist_ort_" + fake.hex(68, "pkg-1")}`,
        `"password": "${"packagist_uut_" + fake.hex(68, "pkg-2")}"`,
      ],
      falsePositives: [`packagist_org_${fake.hex(68, "pkg-3")}`, `packagist_ort_${fake.hex(40, "pkg-4")}`],
    }),
  },
  {
    id: "hex-api-key",
    title: "Hex.pm API key",
    provider: "Hex",
    category: "secret",
    severity: "high",
    keywords: ["hex_api", "hexpm", "hex.pm"],
    regex: new RegExp(`${assignmentPrefix(["hex_api", "hexpm", "hex.pm"], ["key"])}(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])`),
    docs: "https://hex.pm/docs/publish",
    remediation: "Revoke the key (`mix hex.user key revoke` or on hex.pm), create one with the least permissions, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`HEX_API_KEY=${fake.hex(32, "hex-1")}`, `env: { HEXPM_KEY: "${fake.hex(32, "hex-2")}" }`],
      falsePositives: [`HEX_API_KEY=\${{ secrets.HEX_API_KEY }}`, `HEX_API_KEY=${fake.hex(40, "hex-3")}`],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Docker Hub, JFrog

/** Lines that give a reference token away as JFrog's (it is also sent as a bearer token or npm auth). */
const JFROG_CONTEXT = `(?:${["jfrog", "artifactory", "xray", "bearer", "_authtoken", "jf_access", "x-jfrog"].map(ci).join("|")})`;

const containers: Rule[] = [
  {
    id: "docker-hub-personal-access-token",
    title: "Docker Hub personal access token",
    provider: "Docker",
    category: "secret",
    severity: "high",
    keywords: ["dckr_pat_"],
    regex: prefixed("dckr_pat_[A-Za-z0-9_-]{27,32}"),
    docs: "https://docs.docker.com/security/for-developers/access-tokens/",
    remediation: "Delete the token in Docker Hub (Account settings > Personal access tokens), create one with the least scope, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`echo "${"dckr_pat_" + fake.base64url(27, "dckr-1")}" | docker login -u ci --password-stdin`, `DOCKERHUB_TOKEN=${"dckr_pat_" + fake.base64url(27, "dckr-2")}`],
      falsePositives: [`DOCKERHUB_TOKEN=dckr_pat_${fake.base64url(15, "dckr-3")}`, `dckr_pat_${fake.base64url(40, "dckr-4")}`],
    }),
  },
  {
    id: "docker-hub-organization-access-token",
    title: "Docker Hub organization access token",
    provider: "Docker",
    category: "secret",
    severity: "high",
    keywords: ["dckr_oat_"],
    regex: prefixed("dckr_oat_[A-Za-z0-9_-]{27,32}"),
    docs: "https://docs.docker.com/security/for-admins/access-tokens/",
    remediation: "Delete the organization access token in Docker Admin Console, create one with the least repository access, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`password: ${"dckr_oat_" + fake.base64url(32, "oat-1")}`, `docker login -u myorg -p '${"dckr_oat_" + fake.base64url(27, "oat-2")}'`],
      falsePositives: [`dckr_oat_${fake.base64url(10, "oat-3")}`, `dckr_oat_${fake.base64url(45, "oat-4")}`],
    }),
  },
  {
    id: "jfrog-api-key",
    title: "JFrog Artifactory API key",
    provider: "JFrog",
    category: "secret",
    severity: "high",
    keywords: ["akcp"],
    regex: prefixed("AKCp[A-Za-z0-9]{69}", "A-Za-z0-9_"),
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key",
    remediation: "Revoke the API key in the JFrog Platform (Edit Profile), move to access or reference tokens, and keep credentials in a CI secret.",
    examples: () => ({
      truePositives: [`curl -H "X-JFrog-Art-Api: ${"AKCp" + fake.alnum(69, "akcp-1")}" https://acme.jfrog.io/artifactory/api/repositories`, `ARTIFACTORY_API_KEY=${"AKCp" + fake.alnum(69, "akcp-2")}`],
      falsePositives: [`AKCp${fake.alnum(40, "akcp-3")}`, `xAKCp${fake.alnum(69, "akcp-4")}`],
    }),
  },
  {
    id: "jfrog-reference-token",
    title: "JFrog reference token",
    provider: "JFrog",
    category: "secret",
    severity: "high",
    keywords: ["jfrog", "artifactory", "xray", "bearer", "_authtoken", "jf_access", "x-jfrog"],
    // `cmVmdGtuOjAx` is base64 of "reftkn:01"; the token is 64 characters. `(?=cmVmdGtu)` first, so the
    // look-behind for the context runs only where a token can start.
    regex: new RegExp(`(?<![A-Za-z0-9+/])(?=cmVmdGtu)(?<=${JFROG_CONTEXT}[^\\n]{0,200})(?<secret>cmVmdGtuOjAx[A-Za-z0-9+/]{52})(?![A-Za-z0-9+/=])`),
    validate: validateJfrogReferenceToken,
    docs: "https://jfrog.com/help/r/jfrog-platform-administration-documentation/reference-tokens",
    remediation: "Revoke the token in the JFrog Platform (Administration > User Management > Access Tokens) and keep its replacement in a CI secret.",
    examples: () => ({
      truePositives: [`curl -H "Authorization: Bearer ${makeJfrogReferenceToken("rt-1")}" https://acme.jfrog.io/artifactory/api/system/ping`, `JFROG_ACCESS_TOKEN=${makeJfrogReferenceToken("rt-2")}`],
      falsePositives: [`const blob = "${makeJfrogReferenceToken("rt-3")}";`, `JFROG_ACCESS_TOKEN=cmVmdGtuOjAx${fake.alnum(20, "rt-4")}`],
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Formats without a prefix: Maven Central (Sonatype), Cargo alternative registries, Anaconda, Quay, Harbor

const contextual: Rule[] = [
  {
    id: "sonatype-central-token",
    title: "Sonatype Maven Central (OSSRH / Central Portal) token",
    provider: "Sonatype",
    category: "secret",
    severity: "high",
    keywords: ["ossrh", "sonatype", "mavencentral", "maven_central", "maven-central", "centralportal", "central_portal"],
    regex: new RegExp(
      `${assignmentPrefix(["ossrh", "sonatype", "mavencentral", "maven_central", "maven-central", "centralportal", "central_portal"], ["password", "token", "secret", "pass"])}(?<secret>[A-Za-z0-9+/]{20,100}={0,2})(?![A-Za-z0-9+/=_])`,
    ),
    // The value's charset is broad: only random-looking values are reported (passwords are the generic detector's).
    minEntropy: 3.5,
    docs: "https://central.sonatype.org/publish/generate-portal-token/",
    remediation: "Revoke the user token in the Central Portal (or OSSRH) account, generate a new one, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`ossrhPassword=${fake.base64(44, "ossrh-1")}`, `SONATYPE_TOKEN: "${fake.alnum(36, "ossrh-2")}"`],
      falsePositives: [`ossrhPassword=\${env.OSSRH_PASSWORD}`, `SONATYPE_PASSWORD=aaaaaaaaaaaaaaaaaaaaaaaa`, `SONATYPE_USERNAME=${fake.alnum(8, "ossrh-3")}`],
    }),
  },
  {
    id: "cargo-registry-token",
    title: "Cargo registry token",
    provider: "Cargo",
    category: "secret",
    severity: "high",
    keywords: ["cargo_regist"],
    // crates.io tokens (`cio…`) are the crates-io rule's: excluded here so that one value gives one finding.
    regex: /CARGO_REGISTR(?:Y|IES_[A-Z0-9_]{1,64})_TOKEN["']?\s{0,3}[:=]\s{0,3}["']?(?!cio[A-Za-z0-9]{32}(?![A-Za-z0-9]))(?<secret>[A-Za-z0-9_.+/=-]{16,200})(?![A-Za-z0-9_.+/=-])/,
    minEntropy: 3,
    docs: "https://doc.rust-lang.org/cargo/reference/config.html#registriesnametoken",
    remediation: "Revoke the token in the registry's settings and pass it to Cargo from a CI secret or a credential provider.",
    examples: () => ({
      truePositives: [`CARGO_REGISTRIES_ACME_TOKEN=${fake.base64url(40, "cargo-1")}`, `export CARGO_REGISTRY_TOKEN="${fake.base64url(48, "cargo-2")}"`],
      falsePositives: [
        "CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}",
        `CARGO_REGISTRY_TOKEN=${"cio" + fake.alnum(32, "cargo-3")}`,
        `CARGO_REGISTRIES_ACME_INDEX=sparse+https://cargo.acme.dev/index/`,
      ],
    }),
  },
  {
    id: "anaconda-api-token",
    title: "Anaconda.org API token",
    provider: "Anaconda",
    category: "secret",
    severity: "high",
    keywords: ["anaconda", "binstar"],
    // The token format is not documented: `ANACONDA_API_TOKEN=…` (or BINSTAR_API_TOKEN) and `anaconda -t …`.
    regex: new RegExp(
      `(?:${assignmentPrefix(["anaconda", "binstar"], ["token"])}|${ci("anaconda")}\\s{1,3}(?:-t|--token)(?:\\s{1,3}|=)["']?)(?<secret>[A-Za-z0-9][A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])`,
    ),
    minEntropy: 3,
    docs: "https://www.anaconda.com/docs/cli-reference/anaconda-client/commands/auth",
    remediation: "Remove the token (`anaconda auth --remove` or on anaconda.org > Settings > Access), create a scoped one, and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`ANACONDA_API_TOKEN=${fake.lower(2, "conda-1")}-${fake.uuid("conda-2")}`, `anaconda -t ${fake.alnum(40, "conda-3")} upload dist/*.tar.bz2`],
      falsePositives: ["export ANACONDA_API_TOKEN=$INPUT_ANACONDATOKEN", "ANACONDA_API_TOKEN: ${{ secrets.ANACONDA_TOKEN }}", `anaconda upload --label main noarch/pkg.tar.bz2`],
    }),
  },
  {
    id: "quay-robot-token",
    title: "Quay.io robot account token",
    provider: "Quay",
    category: "secret",
    severity: "high",
    keywords: ["quay"],
    // 64 upper-case letters and digits, on a line that names Quay before or after the token. Upper-case
    // hex (a SHA-256 digest) is excluded: a robot token practically always has letters beyond F.
    regex: new RegExp(
      `(?<![A-Za-z0-9])(?![0-9A-F]{64}(?![A-Z0-9]))(?<secret>[A-Z0-9]{64})(?![A-Za-z0-9])(?:(?<=${ci("quay")}[^\\n]{0,264})|(?=[^\\n]{0,200}${ci("quay")}))`,
    ),
    docs: "https://docs.quay.io/glossary/robot-accounts.html",
    remediation: "Regenerate the robot account's token in Quay (Robot Accounts > Regenerate token) and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`docker login -u="acme+deployer" -p="${fake.upperDigits(64, "quay-1")}" quay.io`, `QUAY_ROBOT_TOKEN=${fake.upperDigits(64, "quay-2")}`],
      falsePositives: [
        `image: quay.io/acme/app@sha256:${fake.hexUpper(64, "quay-3")}`,
        `QUAY_ROBOT_TOKEN=${fake.upperDigits(50, "quay-4")}`,
        `CHECKSUM=${fake.upperDigits(64, "quay-5")}`,
      ],
    }),
  },
  {
    id: "harbor-robot-secret",
    title: "Harbor robot account secret",
    provider: "Harbor",
    category: "secret",
    severity: "high",
    keywords: ["harbor", "robot$"],
    // Robot accounts are named `robot$…`; their secrets are 32 alphanumerics (Harbor 2.2+).
    regex: new RegExp(
      `(?:${ci("harbor")}|robot\\$)[^\\n]{0,120}?(?:-p|--password|${ci("password")}|${ci("secret")}|${ci("token")})[\\w.-]{0,12}${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_])`,
    ),
    minEntropy: 3.5,
    docs: "https://goharbor.io/docs/main/working-with-projects/project-configuration/create-robot-accounts/",
    remediation: "Refresh the robot account's secret in Harbor (Robot Accounts > Refresh secret) and keep it in a CI secret.",
    examples: () => ({
      truePositives: [`docker login harbor.acme.dev -u 'robot$ci+builder' -p '${fake.alnum(32, "harbor-1")}'`, `HARBOR_ROBOT_SECRET=${fake.alnum(32, "harbor-2")}`],
      falsePositives: [`HARBOR_PASSWORD=\${HARBOR_PASSWORD}`, `HARBOR_URL=https://harbor.acme.dev/api/v2.0/projects`, `HARBOR_ROBOT_SECRET=${fake.alnum(20, "harbor-3")}`],
    }),
  },
];

export const rules: Rule[] = [...npm, ...containers, ...contextual];
