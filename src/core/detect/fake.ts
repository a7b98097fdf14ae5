/**
 * Run-time generators for example credentials. Rules declare their true-positive examples with these so
 * that no realistic secret is ever written literally into this repository (and no scanner trips on it).
 * Deterministic: the same seed gives the same value, so test failures reproduce.
 */

export const ALPHABETS = {
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digits: "0123456789",
  hex: "0123456789abcdef",
  hexUpper: "0123456789ABCDEF",
  alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  upperDigits: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  lowerDigits: "abcdefghijklmnopqrstuvwxyz0123456789",
  base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
} as const;

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A random string of `length` characters from `alphabet`. `seed` (a number or any string, such as the
 * rule id) makes it reproducible.
 */
export function randomString(length: number, alphabet: string = ALPHABETS.alnum, seed: number | string = 1): string {
  const next = prng(typeof seed === "string" ? seedOf(seed) : seed);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

export const fake = {
  alnum: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.alnum, seed),
  upper: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.upper, seed),
  lower: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.lower, seed),
  digits: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.digits, seed),
  hex: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.hex, seed),
  hexUpper: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.hexUpper, seed),
  upperDigits: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.upperDigits, seed),
  lowerDigits: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.lowerDigits, seed),
  base64: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.base64, seed),
  base64url: (n: number, seed: number | string = 1) => randomString(n, ALPHABETS.base64url, seed),
  uuid: (seed: number | string = 1) => {
    const h = randomString(32, ALPHABETS.hex, seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
};

/** base64 (standard alphabet, padded) of a UTF-8 string, or base64url unpadded: for tokens that embed data. */
export function toBase64(text: string, urlSafe = false): string {
  const b64 = Buffer.from(text, "utf8").toString("base64");
  return urlSafe ? b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : b64;
}

/** A JSON Web Token with a signature of the right length for its algorithm; random bytes, so it verifies nowhere. */
export function exampleJwt(payload: Record<string, unknown>, seed: string, alg = "HS256"): string {
  const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const bytes = alg === "HS256" ? 32 : alg === "RS256" ? 256 : alg === "ES256" ? 64 : 0;
  const signature = Buffer.from(fake.hex(bytes * 2, seed), "hex").toString("base64url");
  return `${segment({ alg, typ: "JWT" })}.${segment(payload)}.${signature}`;
}
