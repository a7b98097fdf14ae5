import { fake } from "../../src/core/detect/fake.js";
import type { Rule } from "../../src/core/detect/rule.js";
import {
  isMacaroonV2,
  makeJfrogReferenceToken,
  makeNpmToken,
  makePypiToken,
  rules,
  validateJfrogReferenceToken,
  validateNpmToken,
  validatePypiToken,
} from "../../src/core/detect/rules/providers/registries.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { githubStyleChecksum } from "../../src/core/detect/validate/checksum.js";
import { exampleLine } from "../../src/core/detect/contract.js";

function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function secrets(id: string, line: string): string[] {
  return runRule(rule(id), line).map((m) => m.secret);
}

/** Changes one character of the random part, keeping the charset. */
function tamper(token: string, at: number): string {
  const c = token[at];
  return token.slice(0, at) + (c === "a" ? "b" : "a") + token.slice(at + 1);
}

describe("registry rules: contract", () => {
  it("has unique kebab-case ids and the required metadata", () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rules.length).toBeGreaterThanOrEqual(15);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(r.category).toBe("secret");
      expect(r.docs).toMatch(/^https:\/\//);
      expect(r.remediation?.length).toBeGreaterThan(20);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(r.regex?.flags).not.toContain("g");
      expect(r.regex?.source).toContain("(?<secret>");
    }
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, r) => {
    const { truePositives: declared, falsePositives } = r.examples();
    const truePositives = declared.map(exampleLine);

    it("declares at least two true and two false positives", () => {
      expect(truePositives.length).toBeGreaterThanOrEqual(2);
      expect(falsePositives.length).toBeGreaterThanOrEqual(2);
    });

    it.each(truePositives)("finds the whole token in %s", (line) => {
      expect(r.keywords.some((k) => line.toLowerCase().includes(k))).toBe(true);
      const matches = runRule(r, line);
      expect(matches.length).toBeGreaterThanOrEqual(1);
      for (const m of matches) {
        expect(line.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
        expect(line[m.index - 1] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(line[m.index + m.secret.length] ?? " ").not.toMatch(/[A-Za-z0-9]/);
        expect(m.category).toBeUndefined();
        // Examples are well-formed: a rule with a validator confirms them.
        if (r.validate) expect(m.validation?.status).toBe("confirmed");
      }
    });

    it.each(falsePositives)("reports nothing in %s", (line) => {
      expect(runRule(r, line)).toEqual([]);
    });
  });
});

describe("registry rules: exact values", () => {
  const cases: Array<[string, string, (token: string) => string]> = [
    ["npm-access-token", makeNpmToken("t-npm"), (t) => `"${t}"`],
    ["npm-legacy-auth-token", fake.uuid("t-npmrc"), (t) => `//npm.acme.dev/repo/:_authToken="${t}"`],
    ["pypi-api-token", makePypiToken("t-pypi"), (t) => `password: ${t}`],
    ["testpypi-api-token", makePypiToken("t-tpypi", "test.pypi.org"), (t) => `password: ${t}`],
    ["nuget-api-key", "oy2" + fake.lowerDigits(43, "t-nuget"), (t) => `<add key="ApiKey" value="${t}" />`],
    ["nuget-config-password", fake.alnum(18, "t-nuget-pw"), (t) => `<add key="ClearTextPassword" value="${t}" />`],
    ["rubygems-api-key", "rubygems_" + fake.hex(48, "t-gem"), (t) => `'${t}'`],
    ["crates-io-api-token", "cio" + fake.alnum(32, "t-cio"), (t) => `cargo publish --token ${t}`],
    ["clojars-deploy-token", "CLOJARS_" + fake.hex(60, "t-clj"), (t) => `"${t}"`],
    ["packagist-token", "packagist_out_" + fake.hex(68, "t-pkg"), (t) => `"${t}"`],
    ["hex-api-key", fake.hex(32, "t-hex"), (t) => `export HEX_API_KEY="${t}"`],
    ["docker-hub-personal-access-token", "dckr_pat_" + fake.base64url(27, "t-dckr").replace(/^[-_]/, "A"), (t) => `"${t}"`],
    ["docker-hub-organization-access-token", "dckr_oat_" + fake.base64url(32, "t-oat").replace(/[-_]$/, "Z"), (t) => `"${t}"`],
    ["jfrog-api-key", "AKCp" + fake.alnum(69, "t-akcp"), (t) => `"${t}"`],
    ["jfrog-reference-token", makeJfrogReferenceToken("t-rt"), (t) => `artifactory_token: "${t}"`],
    ["sonatype-central-token", fake.alnum(40, "t-ossrh"), (t) => `sonatypePassword="${t}"`],
    ["cargo-registry-token", fake.base64url(40, "t-cargo").replace(/^[-_]/, "A"), (t) => `CARGO_REGISTRIES_INTERNAL_TOKEN='${t}'`],
    ["anaconda-api-token", "ab-" + fake.uuid("t-conda"), (t) => `export BINSTAR_API_TOKEN="${t}"`],
    ["quay-robot-token", fake.upperDigits(64, "t-quay"), (t) => `QUAY_PASSWORD="${t}"`],
    ["harbor-robot-secret", fake.alnum(32, "t-harbor"), (t) => `harbor_password: "${t}"`],
  ];

  it.each(cases)("%s reports exactly the token", (id, token, line) => {
    expect(secrets(id, line(token))).toEqual([token]);
  });

  it("covers every registry rule with an exact-value case", () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(rules.map((r) => r.id)));
  });
});

describe("npm token checksum", () => {
  it("confirms a token whose last 6 characters are the CRC32 of the rest", () => {
    const token = makeNpmToken("chk-1");
    expect(token).toMatch(/^npm_[A-Za-z0-9]{36}$/);
    expect(token.slice(-6)).toBe(githubStyleChecksum(token.slice(4, -6)));
    expect(validateNpmToken(token)).toMatchObject({ status: "confirmed", check: "CRC32 checksum" });
    const [match] = runRule(rule("npm-access-token"), `NPM_TOKEN=${token}`);
    expect(match?.validation?.status).toBe("confirmed");
  });

  it("fails a tampered token but still reports it", () => {
    const tampered = tamper(makeNpmToken("chk-2"), 10);
    expect(validateNpmToken(tampered).status).toBe("failed");
    const matches = runRule(rule("npm-access-token"), `NPM_TOKEN=${tampered}`);
    expect(matches.map((m) => m.secret)).toEqual([tampered]);
    expect(matches[0]?.validation?.status).toBe("failed");
  });

  it("fails a random 36-character body", () => {
    expect(validateNpmToken("npm_" + fake.alnum(36, "chk-3")).status).toBe("failed");
  });
});

describe("PyPI macaroon structure", () => {
  it("generates tokens with the documented prefixes", () => {
    expect(makePypiToken("mac-0")).toMatch(/^pypi-AgEIcHlwaS5vcmc/);
    expect(makePypiToken("mac-0", "test.pypi.org")).toMatch(/^pypi-AgENdGVzdC5weXBpLm9yZw/);
  });

  it("confirms a complete macaroon", () => {
    const token = makePypiToken("mac-1");
    expect(validatePypiToken(token)).toMatchObject({ status: "confirmed", check: "macaroon structure" });
    expect(isMacaroonV2(Buffer.from(token.slice(5), "base64url"))).toBe(true);
  });

  it("fails a truncated token", () => {
    const token = makePypiToken("mac-2");
    const truncated = token.slice(0, -12);
    expect(validatePypiToken(truncated).status).toBe("failed");
    const matches = runRule(rule("pypi-api-token"), `password = ${truncated}`);
    expect(matches.map((m) => m.secret)).toEqual([truncated]);
    expect(matches[0]?.validation?.status).toBe("failed");
  });

  it("fails a token with random bytes after the header", () => {
    expect(validatePypiToken("pypi-AgEIcHlwaS5vcmc" + fake.base64url(120, "mac-3")).status).toBe("failed");
  });

  it("fails a token with bytes after the signature", () => {
    const bytes = Buffer.from(makePypiToken("mac-4").slice(5), "base64url");
    expect(isMacaroonV2(Buffer.concat([bytes, Buffer.from([0])]))).toBe(false);
  });

  it("accepts a caveat with a verifier id and rejects a short signature", () => {
    const field = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type, data.length]), data]);
    const base = [Buffer.from([2]), field(2, Buffer.from("id")), Buffer.from([0])];
    const thirdParty = [field(1, Buffer.from("loc")), field(2, Buffer.from("cav")), field(4, Buffer.from("vid")), Buffer.from([0])];
    const sig = (n: number) => field(6, Buffer.alloc(n, 7));
    expect(isMacaroonV2(Buffer.concat([...base, ...thirdParty, Buffer.from([0]), sig(32)]))).toBe(true);
    expect(isMacaroonV2(Buffer.concat([...base, ...thirdParty, Buffer.from([0]), sig(31)]))).toBe(false);
    expect(isMacaroonV2(Buffer.concat([Buffer.from([1]), ...base.slice(1), Buffer.from([0]), sig(32)]))).toBe(false);
  });
});

describe("JFrog reference token structure", () => {
  it("confirms a token that decodes to reftkn:01:<expiry>:<random>", () => {
    const token = makeJfrogReferenceToken("ref-1");
    expect(token).toHaveLength(64);
    expect(validateJfrogReferenceToken(token).status).toBe("confirmed");
  });

  it("fails a token with the prefix but a random tail", () => {
    const fakeTail = "cmVmdGtuOjAx" + fake.alnum(52, "ref-2");
    expect(validateJfrogReferenceToken(fakeTail).status).toBe("failed");
    const matches = runRule(rule("jfrog-reference-token"), `Authorization: Bearer ${fakeTail}`);
    expect(matches[0]?.validation?.status).toBe("failed");
  });
});

describe("registry rules: edge cases", () => {
  it("gives a crates.io token to the crates.io rule only, even in CARGO_REGISTRY_TOKEN", () => {
    const token = "cio" + fake.alnum(32, "edge-cio");
    const line = `CARGO_REGISTRY_TOKEN=${token}`;
    expect(secrets("crates-io-api-token", line)).toEqual([token]);
    expect(secrets("cargo-registry-token", line)).toEqual([]);
  });

  it("does not take an npm token inside .npmrc for a legacy UUID token", () => {
    expect(secrets("npm-legacy-auth-token", `//registry.npmjs.org/:_authToken=${makeNpmToken("edge-npmrc")}`)).toEqual([]);
  });

  it("needs Quay named on the line, before or after the token", () => {
    const token = fake.upperDigits(64, "edge-quay");
    expect(secrets("quay-robot-token", `password: ${token}`)).toEqual([]);
    expect(secrets("quay-robot-token", `password: ${token} # quay.io robot`)).toEqual([token]);
  });

  it("needs JFrog context before a reference token", () => {
    const token = makeJfrogReferenceToken("edge-rt");
    expect(secrets("jfrog-reference-token", `value: "${token}"`)).toEqual([]);
    expect(secrets("jfrog-reference-token", `//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${token}`)).toEqual([token]);
  });

  it("reports a Harbor secret passed with -p after a robot$ user", () => {
    const secret = fake.alnum(32, "edge-harbor");
    expect(secrets("harbor-robot-secret", `docker login registry.acme.dev -u 'robot$proj+ci' -p ${secret}`)).toEqual([secret]);
  });

  it("rates TestPyPI below PyPI", () => {
    expect(rule("pypi-api-token").severity).toBe("high");
    expect(rule("testpypi-api-token").severity).toBe("medium");
  });

  it("runs in linear time on a long adversarial line", () => {
    const hostile = ("quay " + "A".repeat(70) + " harbor -p robot$ cmVmdGtu bearer CARGO_REGISTRIES_" + "A".repeat(70) + " ").repeat(500);
    const start = Date.now();
    for (const r of rules) runRule(r, hostile);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
