import { createHmac } from "node:crypto";
import { rules } from "../../src/core/detect/rules/jwt.js";
import { exampleJwt } from "../../src/core/detect/fake.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { fake } from "../../src/core/detect/fake.js";
import type { RawMatch, Rule } from "../../src/core/detect/rule.js";

const jwtRule = rules[0] as Rule;

function run(text: string): RawMatch[] {
  const matches = runRule(jwtRule, text, { path: "x.ts", configLike: false });
  for (const m of matches) expect(text.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
  return matches;
}

const FAR = 4_102_444_800;
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("JWT rule examples", () => {
  // The contract checks each example's value and id; here, that the validator confirms each one.
  it.each(jwtRule.examples().truePositives.map(([line]) => line).map((l, i) => [i, l]))("confirms true positive #%s", (_i, line) => {
    expect(run(line).map((m) => m.validation?.status)).toEqual(["confirmed"]);
  });
});

describe("what the claims change", () => {
  const ref = fake.lower(20, "jwt-rule-ref");

  it("a generic session token is high, with its issuer and expiry in the message", () => {
    const token = exampleJwt({ iss: "https://login.acme-internal.io", sub: fake.uuid("u"), exp: FAR }, "g1");
    const [m] = run(`const t = "${token}";`);
    expect(m?.secret).toBe(token);
    expect(m?.ruleId).toBeUndefined();
    expect(m?.severity).toBeUndefined(); // the rule's high
    expect(m?.message).toMatch(/issuer https:\/\/login\.acme-internal\.io, expires on 2100-01-01/);
    expect(m?.message).not.toContain(token.split(".")[1]);
  });

  it("a Supabase service-role key is reported as such, critical", () => {
    const token = exampleJwt({ iss: "supabase", ref, role: "service_role", exp: FAR }, "sr");
    const [m] = run(`SUPABASE_SERVICE_ROLE_KEY=${token}`);
    expect(m).toMatchObject({ ruleId: "supabase-service-role-key", title: "Supabase service-role key", severity: "critical" });
    expect(m?.message).toMatch(/row-level security/);
  });

  it("a Supabase anon key is low", () => {
    const token = exampleJwt({ iss: "supabase", ref, role: "anon", exp: FAR }, "an");
    const [m] = run(`NEXT_PUBLIC_SUPABASE_ANON_KEY=${token}`);
    expect(m).toMatchObject({ ruleId: "supabase-anon-key", severity: "low" });
  });

  it("an unsigned token (alg none) is low", () => {
    const token = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ sub: "admin", role: "admin" })}.`;
    const [m] = run(`const forged = "${token}";`);
    expect(m?.secret).toBe(token);
    expect(m?.severity).toBe("low");
    expect(m?.message).toMatch(/alg none/);
  });

  it("an expired token is low", () => {
    const token = exampleJwt({ sub: fake.uuid("e"), exp: 1_500_000_000 }, "ex");
    expect(run(token)[0]?.severity).toBe("low");
  });

  it("demo tokens are placeholders: jwt.io's sample and tokens signed with its published secret", () => {
    const sample = exampleJwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 }, "demo");
    expect(run(sample)[0]).toMatchObject({ category: "placeholder", severity: "low" });
    const input = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: fake.uuid("d"), exp: FAR })}`;
    const signed = `${input}.${createHmac("sha256", "your-256-bit-secret").update(input).digest("base64url")}`;
    expect(run(signed)[0]?.category).toBe("placeholder");
    expect(run(signed)[0]?.message).toMatch(/published demo secret/);
  });

  it("a JWT-shaped value whose header or payload is not a JSON object is not reported", () => {
    const header = b64url({ alg: "HS256", typ: "JWT" });
    const payload = b64url({ sub: fake.uuid("nd") });
    const signature = fake.base64url(43, "s");
    expect(run(`eyJ${fake.base64url(30, "h")}.${payload}.${signature}`)).toEqual([]);
    expect(run(`${header}.eyJ${fake.base64url(40, "p")}.${signature}`)).toEqual([]);
  });

  it("a decodable token with a bad signature is still reported, as not confirmed", () => {
    const [m] = run(`${b64url({ alg: "ES256" })}.${b64url({ sub: fake.uuid("bs"), exp: FAR })}.${fake.base64url(43, "bs")}`);
    expect(m?.validation?.status).toBe("failed");
  });
});

describe("boundaries", () => {
  const token = exampleJwt({ sub: fake.uuid("b"), exp: FAR }, "b");
  it.each([
    ["a JSON string", `{"token":"${token}"}`],
    ["a cookie", `Cookie: session=${token}; Path=/`],
    ["a URL parameter", `https://app.acme.io/callback#access_token=${token}&type=bearer`],
    ["an Authorization header", `Authorization: Bearer ${token}`],
  ])("finds the whole token in %s", (_name, text) => {
    expect(run(text).map((m) => m.secret)).toEqual([token]);
  });

  it.each([
    ["inside a longer base64url run", `x${token.replaceAll(".", "")}`],
    ["preceded by base64url characters", `AAAA${token}`],
    ["with only two segments", token.split(".").slice(0, 2).join(".")],
    ["an env reference", "const key = process.env.SUPABASE_KEY"],
  ])("ignores %s", (_name, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe("through the engine", () => {
  it("reports a service-role key under its own id and title", () => {
    const token = exampleJwt({ iss: "supabase", ref: fake.lower(20, "eng"), role: "service_role", exp: FAR }, "eng");
    const findings = new Scanner(builtinRules).scan({ path: ".env", text: `SUPABASE_SERVICE_ROLE_KEY=${token}` }).findings;
    expect(findings.map((f) => [f.rule, f.title, f.severity, f.category])).toEqual([
      ["supabase-service-role-key", "Supabase service-role key", "critical", "secret"],
    ]);
    expect(findings[0]?.redacted).not.toContain(token.slice(8, -8));
  });
});

describe("adversarial lines stay fast", () => {
  it.each([
    ["eyJ", "eyJ".repeat(34_000)],
    ["eyJ.", "eyJ.".repeat(25_000)],
    ["eyJaaaaaaaa.eyJ", "eyJaaaaaaaa.eyJaaaa.".repeat(5_000)],
    ["spaced runs", (" eyJ" + "a".repeat(5000)).repeat(20)],
  ])("%s", (_name, line) => {
    const started = performance.now();
    runRule(jwtRule, line);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
