import type { Rule } from "../../src/core/detect/rule.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { describeRuleExamples, expectWellFormedRules } from "./saas-contract.js";
import { fake } from "../../src/core/detect/fake.js";
import { crc32, githubStyleChecksum } from "../../src/core/detect/validate/checksum.js";
import {
  bech32Encode,
  bech32Valid,
  fakeAgeSecretKey,
  fakeGrafanaServiceAccountToken,
  fakeSentryOrgToken,
  fakeVercelToken,
  grafanaServiceAccountChecksum,
  rules,
  samplesById,
  toBase64,
} from "../../src/core/detect/rules/providers/saas-devops.js";

function rule(id: string): Rule {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

function secretsOf(r: Rule, line: string): string[] {
  return runRule(r, line).map((m) => m.secret);
}

/** Replaces one character in the middle of a token by another of the same class. */
function tamper(token: string, at = Math.floor(token.length / 2)): string {
  const ch = token[at] as string;
  const swapped = /[0-9]/.test(ch) ? (ch === "7" ? "3" : "7") : /[a-z]/.test(ch) ? (ch === "q" ? "w" : "q") : ch === "Q" ? "W" : "Q";
  return token.slice(0, at) + swapped + token.slice(at + 1);
}

describe("saas-devops rules: contract", () => {
  it("has many distinct, well-formed rules", () => {
    expect(rules.length).toBeGreaterThanOrEqual(60);
    expectWellFormedRules(rules, samplesById);
  });
});

describeRuleExamples(rules, samplesById);

describe("checksum and structure validators", () => {
  it("Grafana service account tokens: CRC-32 of glsa_<secret>, little-endian hex", () => {
    const secret = fake.alnum(32, "glsa-test");
    const c = crc32("glsa_" + secret);
    const expected = [c, c >>> 8, c >>> 16, c >>> 24].map((b) => (b & 0xff).toString(16).padStart(2, "0")).join("");
    expect(grafanaServiceAccountChecksum(secret)).toBe(expected);

    const r = rule("grafana-service-account-token");
    const token = fakeGrafanaServiceAccountToken("glsa-v");
    expect(r.validate?.(token).status).toBe("confirmed");
    expect(r.validate?.(tamper(token, 10)).status).toBe("failed");
    // A tampered token is still reported, with a failed check.
    const [m] = runRule(r, `TOKEN=${tamper(token, 10)}`);
    expect(m?.validation?.status).toBe("failed");
  });

  it("Vercel tokens: base62 CRC-32 of the 50-character body", () => {
    const r = rule("vercel-personal-access-token");
    const token = fakeVercelToken("vcp_", "vercel-v");
    expect(token.slice(-6)).toBe(githubStyleChecksum(token.slice(4, 54)));
    expect(r.validate?.(token)).toEqual({ status: "confirmed", check: "CRC32 checksum" });
    expect(r.validate?.(tamper(token, 20)).status).toBe("failed");
  });

  it("Vercel's documented example value is reported as a placeholder", () => {
    const r = rule("vercel-app-access-token");
    const documented = r.exampleValues?.[0] as string;
    const [m] = runRule(r, `token = "${documented}"`);
    expect(m?.category).toBe("placeholder");
    expect(m?.severity).toBe("low");
  });

  it("age secret keys: bech32 checksum", () => {
    const r = rule("age-secret-key");
    const key = fakeAgeSecretKey("age-v");
    expect(key).toMatch(/^AGE-SECRET-KEY-1[A-Z0-9]{58}$/);
    expect(bech32Valid(key)).toBe(true);
    expect(r.validate?.(key).status).toBe("confirmed");
    // Swap two data characters: the checksum catches it.
    const swapped = key.slice(0, 20) + key[21] + key[20] + key.slice(22);
    expect(swapped === key ? true : r.validate?.(swapped).status === "failed").toBe(true);
    expect(r.validate?.(tamper(key, 30)).status).toBe("failed");
  });

  it("bech32 matches the BIP-173 reference vector", () => {
    // Reference vector from BIP-173 (valid checksum): "a12uel5l".
    expect(bech32Valid("a12uel5l")).toBe(true);
    expect(bech32Valid("a12uel5m")).toBe(false);
    expect(bech32Encode("a", [])).toBe("a12uel5l");
  });

  it("Sentry org tokens carry JSON claims", () => {
    const r = rule("sentry-org-token");
    const token = fakeSentryOrgToken("sentry-v");
    expect(r.validate?.(token).status).toBe("confirmed");
    const bogus = "sntrys_" + toBase64("not json at all, just text") + "_" + fake.alnum(43, "x");
    expect(r.validate?.(bogus).status).toBe("failed");
  });

  it("Elastic API keys decode to id:key", () => {
    const r = rule("elastic-api-key");
    expect(r.validate?.(toBase64(fake.alnum(20, "e1") + ":" + fake.alnum(22, "e2"))).status).toBe("confirmed");
    expect(r.validate?.(toBase64(fake.alnum(45, "e3"))).status).toBe("failed");
  });

  it("Grafana legacy API keys decode to a JSON key object", () => {
    const r = rule("grafana-api-key-legacy");
    expect(r.validate?.(toBase64(JSON.stringify({ k: fake.alnum(32, "g"), n: "x", id: 1 }))).status).toBe("confirmed");
    expect(r.validate?.("eyJrIjoi" + fake.alnum(60, "g2")).status).toBe("failed");
  });
});

describe("context rules need the provider name on the value's own variable", () => {
  it("Datadog: a 32-hex value elsewhere on a datadog line is not a key", () => {
    const r = rule("datadog-api-key");
    const hex = fake.hex(32, "dd-edge");
    expect(secretsOf(r, `commit_sha = "${hex}"  # datadog`)).toEqual([]);
    expect(secretsOf(r, `DD_API_KEY="${hex}"`)).toEqual([hex]);
    // Case-insensitive context.
    expect(secretsOf(r, `datadogApiKey: '${hex}'`)).toEqual([hex]);
  });

  it("a key embedded in a longer value is not reported", () => {
    const r = rule("datadog-api-key");
    expect(secretsOf(r, `DD_API_KEY=${fake.hex(32, "dd-x")}abc`)).toEqual([]);
  });

  it("Okta: both the variable form and the SSWS header form", () => {
    const r = rule("okta-api-token");
    const t = "00" + fake.alnum(40, "okta-edge");
    expect(secretsOf(r, `curl -H "Authorization: SSWS ${t}" https://acme.okta.com/api/v1/users`)).toEqual([t]);
    expect(secretsOf(r, `OKTA_TOKEN=${"11" + t.slice(2)}`)).toEqual([]);
  });

  it("Doppler service tokens may carry a config name", () => {
    const r = rule("doppler-service-token");
    const t1 = "dp.st." + fake.alnum(43, "dp1");
    const t2 = "dp.st.dev_personal." + fake.alnum(44, "dp2");
    expect(secretsOf(r, `DOPPLER_TOKEN=${t1}`)).toEqual([t1]);
    expect(secretsOf(r, `DOPPLER_TOKEN="${t2}"`)).toEqual([t2]);
  });

  it("the Sentry DSN rule reports the secret half only", () => {
    const r = rule("sentry-dsn-secret");
    const pub = fake.hex(32, "p");
    const sec = fake.hex(32, "s");
    const [m] = runRule(r, `dsn = "https://${pub}:${sec}@o1.ingest.sentry.io/99"`);
    expect(m?.secret).toBe(sec);
  });
});
