import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { inspectJwt } from "../../src/core/detect/validate/jwt.js";
import { fake } from "../../src/core/detect/fake.js";

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A token really signed with HMAC, so that the published-secret check can be exercised. */
function hs256(payload: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: "HS256", typ: "JWT" }): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
}

const RANDOM_SECRET = fake.alnum(40, "jwt-validate-secret");
const NOW = Date.UTC(2025, 0, 1);
const LATER = Math.floor(Date.UTC(2030, 0, 1) / 1000);
const EARLIER = Math.floor(Date.UTC(2020, 0, 1) / 1000);

describe("inspectJwt: structure", () => {
  it("confirms a well-formed signed token and reads iss, exp and role", () => {
    const token = hs256({ iss: "https://auth.acme-internal.io", exp: LATER, role: "editor", sub: fake.uuid("s") }, RANDOM_SECRET);
    const info = inspectJwt(token, NOW);
    expect(info.validation.status).toBe("confirmed");
    expect(info).toMatchObject({ alg: "HS256", typ: "JWT", iss: "https://auth.acme-internal.io", exp: LATER, role: "editor", unsigned: false, expired: false });
    expect(info.demo).toBeUndefined();
    expect(info.validation.note).toMatch(/signed with HS256, issuer https:\/\/auth\.acme-internal\.io, expires on 2030-01-01, role editor/);
  });

  it("never returns the token, its payload segment or its signature", () => {
    const token = hs256({ sub: fake.uuid("t"), exp: LATER }, RANDOM_SECRET);
    const serialized = JSON.stringify(inspectJwt(token, NOW));
    for (const part of token.split(".")) expect(serialized).not.toContain(part);
  });

  it("confirms an RS256 token signed by a real key", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const input = `${b64url({ alg: "RS256", typ: "JWT" })}.${b64url({ sub: "svc", exp: LATER })}`;
    const token = `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
    expect(inspectJwt(token, NOW).validation.status).toBe("confirmed");
  });

  it.each([
    ["two parts", () => `${b64url({ alg: "HS256" })}.${b64url({ sub: "x" })}`],
    ["a header that is not JSON", () => `${Buffer.from("{not json").toString("base64url")}.${b64url({ a: 1 })}.${"A".repeat(43)}`],
    ["a header without alg", () => `${b64url({ typ: "JWT" })}.${b64url({ a: 1 })}.${"A".repeat(43)}`],
    ["a payload that is not an object", () => `${b64url({ alg: "HS256" })}.${b64url([1, 2])}.${"A".repeat(43)}`],
    ["a truncated HS256 signature", () => hs256({ sub: "x" }, RANDOM_SECRET).slice(0, -10)],
    ["a missing signature", () => hs256({ sub: "x" }, RANDOM_SECRET).replace(/\.[^.]*$/, ".")],
    ["an ES256 signature of the wrong size", () => `${b64url({ alg: "ES256" })}.${b64url({ sub: "x" })}.${"A".repeat(43)}`],
    ["alg none with a signature", () => `${b64url({ alg: "none" })}.${b64url({ sub: "x" })}.${"A".repeat(43)}`],
  ])("fails %s", (_name, make) => {
    expect(inspectJwt(make(), NOW).validation.status).toBe("failed");
  });
});

describe("inspectJwt: what makes a token more or less serious", () => {
  it("flags unsigned tokens (alg none)", () => {
    const token = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ sub: "admin" })}.`;
    const info = inspectJwt(token, NOW);
    expect(info.validation.status).toBe("confirmed");
    expect(info.unsigned).toBe(true);
    expect(info.validation.note).toMatch(/unsigned/);
  });

  it("tells expired tokens from live ones", () => {
    expect(inspectJwt(hs256({ exp: EARLIER }, RANDOM_SECRET), NOW)).toMatchObject({ expired: true });
    expect(inspectJwt(hs256({ exp: EARLIER }, RANDOM_SECRET), NOW).validation.note).toMatch(/expired on 2020-01-01/);
    expect(inspectJwt(hs256({ exp: LATER }, RANDOM_SECRET), NOW)).toMatchObject({ expired: false });
    expect(inspectJwt(hs256({ sub: "x" }, RANDOM_SECRET), NOW).validation.note).toMatch(/no expiry/);
  });

  it("recognises Supabase service-role and anon keys", () => {
    const ref = fake.lower(20, "ref");
    expect(inspectJwt(hs256({ iss: "supabase", ref, role: "service_role", exp: LATER }, RANDOM_SECRET), NOW).supabaseRole).toBe("service_role");
    expect(inspectJwt(hs256({ iss: "supabase", ref, role: "anon", exp: LATER }, RANDOM_SECRET), NOW).supabaseRole).toBe("anon");
    // A role claim from another issuer is not a Supabase key.
    expect(inspectJwt(hs256({ iss: "https://auth.acme.io", role: "anon" }, RANDOM_SECRET), NOW).supabaseRole).toBeUndefined();
  });
});

describe("inspectJwt: demo tokens", () => {
  it("jwt.io's sample payload", () => {
    const token = hs256({ sub: "1234567890", name: "John Doe", iat: 1516239022 }, RANDOM_SECRET);
    expect(inspectJwt(token, NOW).demo).toMatch(/jwt\.io/);
  });

  it("a token signed with a published demo secret, checked by HMAC", () => {
    const token = hs256({ sub: fake.uuid("demo"), exp: LATER }, "your-256-bit-secret");
    expect(inspectJwt(token, NOW).demo).toMatch(/published demo secret "your-256-bit-secret"/);
    // The same claims under a random secret are not a demo.
    expect(inspectJwt(hs256({ sub: fake.uuid("demo"), exp: LATER }, RANDOM_SECRET), NOW).demo).toBeUndefined();
  });

  it("Supabase's local development keys", () => {
    const token = hs256({ iss: "supabase-demo", role: "service_role", exp: LATER }, "super-secret-jwt-token-with-at-least-32-characters-long");
    expect(inspectJwt(token, NOW).demo).toMatch(/Supabase/);
  });

  it("an example issuer or audience", () => {
    expect(inspectJwt(hs256({ iss: "https://example.com", sub: "u" }, RANDOM_SECRET), NOW).demo).toMatch(/iss claim is an example domain/);
    expect(inspectJwt(hs256({ aud: ["api.example.org"], sub: "u" }, RANDOM_SECRET), NOW).demo).toMatch(/aud/);
    expect(inspectJwt(hs256({ iss: "https://counterexample.company" }, RANDOM_SECRET), NOW).demo).toBeUndefined();
  });
});
