/**
 * JSON Web Tokens: three base64url segments whose first two decode to JSON objects. A JWT is a bearer
 * credential (a session, an API key with claims), so a committed one is reported; validate/jwt.ts reads
 * its header and claims to tell a Supabase service-role key (full database access) from an anon key
 * (public by design), an unsigned or expired token, and a demo token from jwt.io or an example issuer.
 */
import type { Severity } from "../../types.js";
import { shannonEntropy } from "../entropy.js";
import { exampleJwt, fake } from "../fake.js";
import type { RawMatch, Rule } from "../rule.js";
import { inspectJwt } from "../validate/jwt.js";
import { defineRule, inSyntaxes, withValue } from "./kit.js";

/**
 * Header and payload are JSON objects, so both start with `eyJ` (`{"`) or `ey` + another letter (`{ "`).
 * The look-behind keeps a match from starting inside a longer base64url run, which also keeps it linear.
 */
const JWT_PATTERN = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,4096}\.ey[A-Za-z0-9_-]{3,16384}\.[A-Za-z0-9_-]{0,2048}(?![A-Za-z0-9_-])/g;

const SERVICE_ROLE = { id: "supabase-service-role-key", title: "Supabase service-role key" };
const ANON = { id: "supabase-anon-key", title: "Supabase anon key" };

function findJwts(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const re = new RegExp(JWT_PATTERN.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const token = m[0];
    const info = inspectJwt(token);
    // Segments that merely start like `{"` but do not decode to JSON objects: some other base64 data.
    if (info.undecodable) continue;
    const match: RawMatch = { secret: token, index: m.index, validation: info.validation };
    const note = info.validation.note;
    let severity: Severity | undefined;
    if (info.validation.status === "failed") {
      match.message = `JSON Web Token-shaped value that does not decode as one (${note}).`;
    } else if (info.demo) {
      match.category = "placeholder";
      severity = "low";
      match.message = `Demo JSON Web Token: ${info.demo} (${note}). Not a live credential; if a server accepts it, anyone can forge tokens.`;
    } else if (info.supabaseRole === "service_role") {
      match.ruleId = SERVICE_ROLE.id;
      match.title = SERVICE_ROLE.title;
      severity = info.expired ? "medium" : "critical";
      match.message = `Supabase service-role key (${note}): it bypasses row-level security and gives full access to the project's data. Roll the project's JWT secret or API keys in the Supabase dashboard and keep this key on the server, in a secret store.`;
    } else if (info.supabaseRole === "anon") {
      match.ruleId = ANON.id;
      match.title = ANON.title;
      severity = "low";
      match.message = `Supabase anon key (${note}): public by design and safe in a client only when row-level security protects every table.`;
    } else if (info.unsigned) {
      severity = "low";
      match.message = `Unsigned JSON Web Token (alg none; ${note}): anyone can mint one, so it grants nothing unless a server wrongly accepts unsigned tokens.`;
    } else if (info.expired) {
      severity = "low";
      match.message = `Expired JSON Web Token (${note}): no longer usable by itself, but it shows what the service issues; check that its signing key is not committed too.`;
    } else {
      match.message = `JSON Web Token (${note}): a bearer credential for whoever holds it until it expires. Revoke the session or rotate the signing key, and load tokens at run time.`;
    }
    if (severity) match.severity = severity;
    out.push(match);
  }
  return out;
}

const FAR_FUTURE = 4_102_444_800; // 2100-01-01

/**
 * JSON Web Key private members (RFC 7518 section 6): `d` (RSA private exponent, EC/OKP private key),
 * `p`, `q`, `dp`, `dq`, `qi` (RSA factors and CRT values) and `k` (a symmetric key), each base64url.
 * The names are single letters, so only a long, random base64url value in a JSON or object literal counts.
 */
const JWK_MEMBER = /(?<![\w$.-])(?<q>["']?)(?<name>d|p|q|dp|dq|qi|k)\k<q>:\s{0,3}(?<vq>["'\x60])(?<secret>[A-Za-z0-9_-]{22,4096})\k<vq>/dg;
const JWK_KEYWORDS = ["d", "p", "q", "i", "k"].flatMap((c) => [`${c}:`, `${c}":`, `${c}':`]);
/** The shortest text JWK_MEMBER matches: a one-letter name, `:`, and 22 characters in quotes (`k:"…"`). */
const JWK_MEMBER_MIN_LENGTH = 26;

function findJwkMembers(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  // Most lines the one-letter keywords select are shorter settings (`enabled: true`, `payload:`).
  if (text.length < JWK_MEMBER_MIN_LENGTH) return out;
  JWK_MEMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JWK_MEMBER.exec(text)) !== null) {
    const secret = m.groups?.["secret"] ?? "";
    const name = m.groups?.["name"] ?? "";
    // A symmetric key is at least 128 bits (22 characters); private RSA and EC values are longer.
    if (name !== "k" && secret.length < 32) continue;
    if (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || shannonEntropy(secret) < 3.5) continue;
    out.push({
      secret,
      index: m.indices?.groups?.["secret"]?.[0] ?? m.index,
      message: `JSON Web Key with its private member \`${name}\`: whoever holds it can sign or decrypt as the key's owner.`,
    });
  }
  return out;
}

const base64urlKey = (bytes: number, seed: string) => Buffer.from(fake.hex(bytes * 2, seed), "hex").toString("base64url");

export const rules: Rule[] = [
  defineRule({
    id: "jwt-token",
    title: "JSON Web Token",
    provider: "JWT",
    severity: "high",
    keywords: ["eyj"],
    find: (text) => findJwts(text),
    validate: (secret) => inspectJwt(secret).validation,
    reports: [SERVICE_ROLE, ANON],
    docs: "https://www.rfc-editor.org/rfc/rfc7519",
    remediation:
      "Revoke the token (end the session, rotate the signing key or API key that issued it) and load tokens from an environment variable or a secret store at run time.",
    samples: () => [
      exampleJwt({ sub: fake.uuid("jwt-sub"), iss: "https://auth.acme-internal.io", exp: FAR_FUTURE, scope: "admin" }, "jwt-1"),
      exampleJwt({ sub: fake.alnum(12, "jwt-sub2"), aud: "billing-api", iat: 1_700_000_000 }, "jwt-2", "RS256"),
      exampleJwt({ iss: "supabase", ref: fake.lower(20, "jwt-ref"), role: "service_role", iat: 1_700_000_000, exp: FAR_FUTURE }, "jwt-3"),
      exampleJwt({ iss: "supabase", ref: fake.lower(20, "jwt-ref2"), role: "anon", iat: 1_700_000_000, exp: FAR_FUTURE }, "jwt-4"),
    ] as const,
    truePositives: ([session, rs, serviceRole, anon]) => [
      ...inSyntaxes("session_token", session),
      ...withValue(session, `const token = "%s";`),
      ...withValue(rs, `Authorization: Bearer %s`),
      [`SUPABASE_SERVICE_ROLE_KEY=${serviceRole}`, serviceRole, SERVICE_ROLE.id],
      [`  anonKey: '${anon}',`, anon, ANON.id],
    ],
    falsePositives: ([session]) => [
      // Two segments only, or a JWT-looking run inside a longer identifier.
      `const header = "${session.split(".").slice(0, 2).join("")}";`,
      `id = "x${session.replaceAll(".", "")}"`,
      "const token = process.env.SUPABASE_SERVICE_ROLE_KEY;",
      // jwt.io's sample token is a placeholder, not a secret.
      `const demo = "${exampleJwt({ sub: "1234567890", name: "John Doe", iat: 1516239022 }, "jwt-5")}";`,
      // JWT-shaped, but the payload is random base64url, not JSON.
      `token: "${session.split(".")[0]}.eyJ${fake.base64url(40, "jwt-fp-payload")}.${fake.base64url(43, "jwt-fp-sig")}"`,
    ],
  }),
  defineRule({
    id: "jwk-private-key",
    title: "JSON Web Key private key",
    provider: "JWK",
    severity: "high",
    keywords: JWK_KEYWORDS,
    find: findJwkMembers,
    docs: "https://www.rfc-editor.org/rfc/rfc7518#section-6",
    remediation: "Rotate the key pair (publish a new JWK, retire this kid), then load private keys from a secret store or a KMS.",
    samples: () => [base64urlKey(32, "jwk-d"), base64urlKey(16, "jwk-k"), base64urlKey(64, "jwk-dq")] as const,
    // JWK members are JSON or object-literal members: the setting matrix does not apply.
    truePositives: ([d, k, dq]) => [
      ...withValue(d, `  d: '%s',`, `{"kty":"EC","crv":"P-256","x":"${base64urlKey(32, "jwk-x")}","y":"${base64urlKey(32, "jwk-y")}","d":"%s"}`),
      ...withValue(k, `    "k": "%s",`),
      ...withValue(dq, `  dq: "%s",`),
    ],
    falsePositives: ([d]) => [
      `{"kty":"EC","crv":"P-256","x":"${base64urlKey(32, "jwk-x2")}","y":"${base64urlKey(32, "jwk-y2")}"}`,
      `  d: 'M10 10 L20 20 Z',`,
      `  id: '${d}',`,
      `  k: 'abcdefghijklmnopqrstuvwxyz',`,
    ],
  }),
];
