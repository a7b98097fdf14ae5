/**
 * Structural inspection of a JSON Web Token (RFC 7519): decode the header and payload, check that the
 * header names an algorithm and that the signature has the length that algorithm produces, and read the
 * few claims that decide how serious a leak is (issuer, expiry, role). Demo tokens (jwt.io's sample,
 * example issuers, tokens signed with a published demo secret) are recognised so they can be reported as
 * placeholders. Nothing returned here contains the token or its signature. Pure code.
 */
import type { Validation } from "../../types.js";

interface JwtInspection {
  validation: Validation & { status: "confirmed" | "failed"; check: string; note: string };
  alg?: string;
  typ?: string;
  iss?: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
  role?: string;
  /** The header or payload is not a base64url-encoded JSON object: the value is not a JWT at all. */
  undecodable?: true;
  /** `alg: none`: anyone can mint such a token. */
  unsigned: boolean;
  expired: boolean;
  /** Why the token is a demo or example, when it is one. */
  demo?: string;
  /** Supabase project key (anon or service_role), when the claims say so. */
  supabaseRole?: string;
}

const CHECK = "JWT header, payload and signature length";

/** Signature sizes in bytes; RSA sizes depend on the modulus and are checked as a range. */
const SIGNATURE_BYTES: Record<string, number[]> = {
  HS256: [32],
  HS384: [48],
  HS512: [64],
  ES256: [64],
  ES256K: [64],
  ES384: [96],
  ES512: [132],
  EdDSA: [64, 114],
  Ed25519: [64],
  Ed448: [114],
};

/**
 * Secrets that tutorials and local stacks publish: a token that verifies with one of them is a demo
 * (or a server that accepts forged tokens, which the message says too).
 */
const PUBLISHED_HMAC_SECRETS = [
  "your-256-bit-secret",
  "your-384-bit-secret",
  "your-512-bit-secret",
  "a-string-secret-at-least-256-bits-long",
  "secret",
  "your-secret-key",
  "your_secret_key",
  "secretkey",
  "secret-key",
  "mysecret",
  "my-secret",
  "jwt-secret",
  "shhhhh",
  "changeme",
  "test",
  // Supabase's local development JWT secret (supabase start), published in its docs.
  "super-secret-jwt-token-with-at-least-32-characters-long",
];

/** Does a token's segment decode to a JSON object, as a JWT's header and payload do? */
export function segmentIsJsonObject(segment: string): boolean {
  return isObject(decodeSegment(segment));
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const json = Buffer.from(segment, "base64url").toString("utf8");
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringClaim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (typeof value === "string") return value.slice(0, 200);
  if (Array.isArray(value) && typeof value[0] === "string") return value.join(" ").slice(0, 200);
  return undefined;
}

function hmacHash(alg: string): string | undefined {
  return alg === "HS256" ? "sha256" : alg === "HS384" ? "sha384" : alg === "HS512" ? "sha512" : undefined;
}

function signedWithPublishedSecret(alg: string, signingInput: string, signature: Buffer): string | undefined {
  const hash = hmacHash(alg);
  if (!hash) return undefined;
  // node:crypto taken when first needed, not imported: loading it (and Node's streams stack with it)
  // costs the Claude Code hook several milliseconds on every event whose text has a secret-like word.
  const { createHmac, timingSafeEqual } = process.getBuiltinModule("node:crypto");
  for (const secret of PUBLISHED_HMAC_SECRETS) {
    const expected = createHmac(hash, secret).update(signingInput).digest();
    if (expected.length === signature.length && timingSafeEqual(expected, signature)) return secret;
  }
  return undefined;
}

function demoReason(claims: Record<string, unknown>): string | undefined {
  // jwt.io's default token: sub 1234567890, name John Doe, iat 1516239022.
  if (claims["name"] === "John Doe" || claims["sub"] === "1234567890" || claims["iat"] === 1516239022) {
    return "it carries jwt.io's sample payload";
  }
  if (claims["iss"] === "supabase-demo") return "it is the Supabase CLI's published local development key";
  for (const name of ["iss", "aud", "email", "sub", "name"]) {
    const value = stringClaim(claims, name);
    if (value && /(?:^|[^a-z0-9])example\.(?:com|org|net)(?:$|[^a-z0-9])|^example$/i.test(value)) {
      return `its ${name} claim is an example domain`;
    }
  }
  return undefined;
}

function failed(note: string, unsigned = false): JwtInspection {
  return { validation: { status: "failed", check: CHECK, note }, unsigned, expired: false };
}

/** Inspects a compact JWS `header.payload.signature`. `now` is milliseconds since the epoch. */
export function inspectJwt(token: string, now: number = Date.now()): JwtInspection {
  const parts = token.split(".");
  if (parts.length !== 3) return failed("a JWT has exactly three dot-separated parts");
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeSegment(headerPart);
  if (!isObject(header)) return { ...failed("the header is not base64url-encoded JSON"), undecodable: true };
  const alg = header["alg"];
  if (typeof alg !== "string" || alg.length === 0 || alg.length > 20) return failed("the header names no algorithm (alg)");
  const claims = decodeSegment(payloadPart);
  if (!isObject(claims)) return { ...failed("the payload is not a base64url-encoded JSON object"), undecodable: true };

  const out: JwtInspection = {
    validation: { status: "confirmed", check: CHECK, note: "" },
    alg,
    unsigned: alg.toLowerCase() === "none",
    expired: false,
  };
  const typ = header["typ"];
  if (typeof typ === "string") out.typ = typ.slice(0, 40);
  const iss = stringClaim(claims, "iss");
  if (iss !== undefined) out.iss = iss;
  const exp = claims["exp"];
  if (typeof exp === "number" && Number.isFinite(exp)) {
    out.exp = exp;
    out.expired = exp * 1000 < now;
  }
  const role = stringClaim(claims, "role");
  if (role !== undefined) out.role = role;

  const signature = Buffer.from(signaturePart, "base64url");
  const notes: string[] = [];
  if (out.unsigned) {
    if (signaturePart.length > 0) return { ...failed("alg is none but a signature follows", true), alg };
    notes.push("unsigned (alg none)");
  } else {
    if (signaturePart.length === 0) return { ...failed(`alg is ${alg} but the signature is missing (truncated?)`), alg };
    const sizes = SIGNATURE_BYTES[alg];
    const rsa = /^(?:RS|PS)(?:256|384|512)$/.test(alg);
    if (sizes && !sizes.includes(signature.length)) {
      return { ...failed(`a ${alg} signature is ${sizes.join(" or ")} bytes, this one ${signature.length} (truncated or edited)`), alg };
    }
    if (rsa && (signature.length < 64 || signature.length > 1024)) {
      return { ...failed(`an ${alg} signature of ${signature.length} bytes is implausible (truncated or edited)`), alg };
    }
    notes.push(`signed with ${alg}`);
  }
  if (out.typ && !/jwt|jose/i.test(out.typ)) notes.push(`typ ${out.typ}`);
  if (out.iss) notes.push(`issuer ${out.iss}`);
  if (out.exp !== undefined) {
    const date = new Date(out.exp * 1000);
    const day = Number.isNaN(date.getTime()) ? String(out.exp) : date.toISOString().slice(0, 10);
    notes.push(out.expired ? `expired on ${day}` : `expires on ${day}`);
  } else {
    notes.push("no expiry");
  }
  if (out.role) notes.push(`role ${out.role}`);
  out.validation.note = notes.join(", ");

  const demo = demoReason(claims);
  const published = out.unsigned ? undefined : signedWithPublishedSecret(alg, `${headerPart}.${payloadPart}`, signature);
  if (demo) out.demo = demo;
  else if (published !== undefined) out.demo = `it is signed with the published demo secret "${published}"`;

  // Supabase project keys: role anon or service_role, issued by Supabase (or with its project ref).
  if ((role === "service_role" || role === "anon") && (iss === undefined || /supabase/i.test(iss) || typeof claims["ref"] === "string")) {
    out.supabaseRole = role;
  }
  return out;
}
