import { decodeBasicCredentials, rules } from "../../src/core/detect/rules/auth-headers.js";
import { rules as jwtRules } from "../../src/core/detect/rules/jwt.js";
import { exampleJwt } from "../../src/core/detect/fake.js";
import { builtinRules } from "../../src/core/detect/index.js";
import { Scanner } from "../../src/core/detect/engine.js";
import { runRule } from "../../src/core/detect/run-rule.js";
import { fake } from "../../src/core/detect/fake.js";
import type { RawMatch, Rule } from "../../src/core/detect/rule.js";

function byId(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

function run(rule: Rule, text: string): RawMatch[] {
  const matches = runRule(rule, text, { path: "x.txt", configLike: false });
  for (const m of matches) expect(text.slice(m.index, m.index + m.secret.length)).toBe(m.secret);
  return matches;
}

const TOKEN = fake.alnum(40, "auth-token");
const basic = (pair: string) => Buffer.from(pair).toString("base64");

describe("auth header rules: contract", () => {
  it("have kebab-case ids, lower-case keywords, docs and remediation", () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
      expect(rule.provider).not.toBe("generic");
      for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
      expect(rule.docs).toMatch(/^https:\/\//);
    }
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s examples", (_id, rule) => {
    const examples = rule.examples();
    it.each(examples.truePositives.map(([line]) => line).map((l, i) => [i, l]))("finds true positive #%s as a secret", (_i, line) => {
      const matches = run(rule, line);
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) expect(m.category ?? "secret").toBe("secret");
    });
    it.each(examples.falsePositives.map((l, i) => [i, l]))("reports no secret in false positive #%s", (_i, line) => {
      expect(run(rule, line).filter((m) => (m.category ?? "secret") === "secret")).toEqual([]);
    });
  });
});

describe("Authorization: Bearer", () => {
  const bearer = byId("authorization-bearer-token");

  it.each([
    [`Authorization: Bearer ${TOKEN}`],
    [`curl -H "Authorization: Bearer ${TOKEN}" https://api.acme.io`],
    [`curl -H 'Authorization:Bearer ${TOKEN}' https://api.acme.io`],
    [`headers: { Authorization: "Bearer ${TOKEN}" }`],
    [`headers: { "Authorization": \`Bearer ${TOKEN}\` }`],
    [`headers = {"Authorization": "Bearer ${TOKEN}"}`],
    [`headers["Authorization"] = "Bearer ${TOKEN}"`],
    [`conn.setRequestProperty("Authorization", "Bearer ${TOKEN}");`],
    [`{'Authorization' => 'Bearer ${TOKEN}'}`],
    [`"args": ["-H", "Authorization: Bearer ${TOKEN}"]`],
    [`"command": "curl -H \\"Authorization: Bearer ${TOKEN}\\" https://x"`],
    [`Proxy-Authorization: Bearer ${TOKEN}`],
    [`Authorization: token ${TOKEN}`],
  ])("%s", (text) => {
    expect(run(bearer, text).map((m) => m.secret)).toEqual([TOKEN]);
  });

  it.each([
    "headers: { Authorization: 'Bearer ' + token }",
    "headers: { Authorization: `Bearer ${token}` }",
    "Authorization: Bearer $TOKEN",
    'curl -H "Authorization: Bearer ${API_TOKEN}"',
    "Authorization: Bearer {{token}}",
    "Authorization: Bearer <token>",
    "Authorization: Bearer",
    "headers: { Authorization: token }",
    "// Authorization: Bearer tokens are read from the env",
    `headers: { Authorization: "Bearer " + ${JSON.stringify(TOKEN)}.trim() }`,
  ])("ignores %s", (text) => {
    expect(run(bearer, text)).toEqual([]);
  });

  it("classes variable-like words as placeholders, not secrets", () => {
    for (const word of ["YOUR_ACCESS_TOKEN", "ACCESS_TOKEN", "access_token_here", "myAccessToken", "this.accessToken"]) {
      const matches = run(bearer, `Authorization: Bearer ${word}`);
      expect(matches.map((m) => m.category)).toEqual(["placeholder"]);
    }
  });

  it("leaves JWTs to the JWT rule, which reads their claims", () => {
    const jwt = exampleJwt({ sub: fake.uuid("h"), exp: 4_102_444_800 }, "auth-jwt");
    const line = `Authorization: Bearer ${jwt}`;
    expect(run(bearer, line)).toEqual([]);
    expect(runRule(jwtRules[0] as Rule, line).map((m) => m.secret)).toEqual([jwt]);
  });
});

describe("Authorization: Basic", () => {
  const basicRule = byId("authorization-basic-credentials");

  it("leaves a JWT sent under the Basic scheme to the JWT rule: it is no user:password", () => {
    const jwt = exampleJwt({ sub: fake.uuid("basic-jwt"), exp: 4_102_444_800 }, "basic-jwt");
    const line = `curl -X POST -H "Authorization: Basic ${jwt}" https://api.acme.io/v1`;
    expect(run(basicRule, line)).toEqual([]);
    expect(runRule(jwtRules[0] as Rule, line).map((m) => m.secret)).toEqual([jwt]);
    // A value that is neither base64 of user:password nor a JWT is still reported (a broken credential).
    expect(run(basicRule, `Authorization: Basic ${fake.base64url(40, "basic-broken")}.x`).length).toBe(1);
  });

  it("decodes user:password and confirms the shape", () => {
    const value = basic(`deploy:${TOKEN}`);
    const [m] = run(basicRule, `curl -H "Authorization: Basic ${value}" https://ci.acme.io`);
    expect(m?.secret).toBe(value);
    expect(m?.validation).toMatchObject({ status: "confirmed" });
    expect(m?.message).toMatch(/user "deploy"/);
    expect(m?.message).not.toContain(TOKEN);
  });

  it("fails base64 that does not decode to user:password", () => {
    const value = Buffer.from(fake.hex(40, "not-a-pair"), "hex").toString("base64");
    const [m] = run(basicRule, `Authorization: Basic ${value}`);
    expect(m?.validation?.status).toBe("failed");
  });

  it("classes a decoded placeholder pair as a placeholder", () => {
    for (const pair of ["username:password", "admin:changeme", "user:secret"]) {
      const [m] = run(basicRule, `Authorization: Basic ${basic(pair)}`);
      expect(m?.category).toBe("placeholder");
    }
  });

  it("takes an API key used as the user name (empty password) as the credential", () => {
    const [m] = run(basicRule, `"Authorization": "Basic ${basic(TOKEN + ":")}"`);
    expect(m?.category).toBeUndefined();
    expect(m?.validation?.status).toBe("confirmed");
  });

  it("reads REST Client's unencoded `Basic user:password` and reports the password", () => {
    expect(run(basicRule, `Authorization: Basic admin:${TOKEN}`).map((m) => m.secret)).toEqual([TOKEN]);
  });

  it("reads .NET's AuthenticationHeaderValue", () => {
    const value = basic(`svc:${TOKEN}`);
    expect(run(basicRule, `new AuthenticationHeaderValue("Basic", "${value}")`).map((m) => m.secret)).toEqual([value]);
  });

  it.each([
    "headers['Authorization'] = 'Basic ' + btoa(user + ':' + pass)",
    "Authorization: Basic ${CREDENTIALS}",
    "Authorization: Basic {{basicAuth}}",
    "Authorization: Basic <credentials>",
    "Authorization: Basic $AUTH",
    "auth: Basic authentication is used",
  ])("ignores %s", (text) => {
    expect(run(basicRule, text)).toEqual([]);
  });

  it("decodeBasicCredentials", () => {
    expect(decodeBasicCredentials(basic("a:b"))).toEqual({ user: "a", password: "b" });
    expect(decodeBasicCredentials(basic("no-colon"))).toBeUndefined();
    expect(decodeBasicCredentials("!!!")).toBeUndefined();
    expect(decodeBasicCredentials(Buffer.from([0, 1, 58, 2]).toString("base64"))).toBeUndefined();
  });
});

describe("curl -u", () => {
  const curl = byId("curl-basic-auth");
  it.each([
    [`curl -u admin:${TOKEN} https://x`, TOKEN],
    [`curl -uadmin:${TOKEN} https://x`, TOKEN],
    [`curl --user "admin:${TOKEN}" https://x`, TOKEN],
    [`curl -s -X POST -u 'admin:${TOKEN}' https://x`, TOKEN],
    [`curl https://x \\\n  -H "Accept: application/json" \\\n  -u admin:${TOKEN}`, TOKEN],
    [`curl -u ${TOKEN}: https://api.stripe.test/v1/charges`, TOKEN],
  ])("%s", (text, expected) => {
    expect(run(curl, text).map((m) => m.secret)).toEqual([expected]);
  });

  it.each([
    'curl -u "$USER:$PASS" https://x',
    "curl -u admin:$TOKEN https://x",
    "curl -u admin https://x",
    "curl -u admin: https://x",
    `docker login -u admin:${TOKEN}`,
    `curl https://x\n  -u admin:${TOKEN}`, // no continuation: another command
    'curl --user-agent "x" https://x',
  ])("ignores %s", (text) => {
    expect(run(curl, text)).toEqual([]);
  });
});

describe("API-key headers", () => {
  const header = byId("api-key-header");
  it.each([
    [`X-API-Key: ${TOKEN}`],
    [`curl -H "x-api-key: ${TOKEN}" https://x`],
    [`headers: { 'X-Api-Key': '${TOKEN}' }`],
    [`{"api-key": "${TOKEN}"}`],
    [`X-Auth-Token: ${TOKEN}`],
    [`PRIVATE-TOKEN: ${TOKEN}`],
    [`req.Header.Set("Ocp-Apim-Subscription-Key", "${TOKEN}")`],
  ])("%s", (text) => {
    expect(run(header, text).map((m) => m.secret)).toEqual([TOKEN]);
  });

  it.each([
    "headers: { 'x-api-key': apiKey }",
    "headers: { 'x-api-key': process.env.API_KEY }",
    "X-API-Key: ${API_KEY}",
    "X-API-Key: {{apiKey}}",
    "X-API-Key: <your-api-key>",
    `x-api-key-${TOKEN}`,
    `my-api-key: ${TOKEN}`,
  ])("ignores %s", (text) => {
    expect(run(header, text)).toEqual([]);
  });
});

describe("through the engine", () => {
  const scanner = new Scanner(builtinRules);
  it("an .http file request yields one finding per credential, redacted", () => {
    const text = [
      "### list orders",
      "GET https://api.acme.io/v1/orders",
      `Authorization: Bearer ${TOKEN}`,
      `X-API-Key: ${fake.alnum(32, "second")}`,
    ].join("\n");
    const findings = scanner.scan({ path: "api.http", text }).findings;
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ["authorization-bearer-token", 3],
      ["api-key-header", 4],
    ]);
    for (const f of findings) expect(f.redacted).not.toContain(TOKEN);
  });
});

describe("adversarial lines stay fast", () => {
  it.each([
    ["authorization: bearer", "authorization: bearer ".repeat(5000)],
    ["long token then $", "Authorization: Bearer " + "a".repeat(4090) + "$".repeat(10) + " Authorization: Bearer ".repeat(2000)],
    ["a:", "a:".repeat(50_000)],
    ["curl -u", "curl -u a:".repeat(10_000)],
    ["x-api-key:", "x-api-key:".repeat(10_000)],
  ])("%s", (_name, line) => {
    const started = performance.now();
    for (const rule of rules) runRule(rule, line);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("user:password encoded as Basic credentials in code", () => {
  const scanner = new Scanner(builtinRules);
  const found = (path: string, text: string) => scanner.scan({ path, text }).findings.filter((f) => f.rule === "basic-credentials-encoded");

  it("reports the password of a literal pair handed to a base64 encoder", () => {
    const password = fake.alnum(14, "encoded-pair");
    const [finding] = found("client.py", `auth_ = base64.b64encode(b'deploy:${password}').decode('ascii')`);
    expect(finding?.category).toBe("secret");
    expect(finding?.column).toBe(`auth_ = base64.b64encode(b'deploy:`.length + 1);
  });

  it("calls a dummy password a placeholder, and a pair built from variables nothing", () => {
    expect(found("client.js", `const auth = btoa("admin:password");`).map((f) => f.category)).toEqual(["placeholder"]);
    expect(found("client.js", "const auth = btoa(`${user}:${password}`);")).toEqual([]);
  });
});
