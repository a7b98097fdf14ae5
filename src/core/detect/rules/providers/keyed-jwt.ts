/**
 * Keyword-anchored provider credentials issued as JSON Web Tokens (see keyed.ts for the form): the
 * provider documents its API token as a signed JWT, so the value is three base64url parts whose header
 * and payload are JSON objects (`eyJ…`). The structure alone is any JWT's; the provider's name in the
 * setting's name, with a credential word (key, token, secret…), says whose credential it is: a JWT
 * is also the form of session and identity tokens. The payload need not decode (the jwt-token rule reads
 * tokens that do), so a token cut or mangled in a copy is still reported under its provider.
 */
import type { Rule } from "../../rule.js";
import { exampleJwt } from "../../fake.js";
import { keyed, type KeyedEntry } from "./keyed.js";

/** header.payload.signature: both JSON parts start `eyJ`; an HS256 signature is 43 characters, RS256 342. */
function signedJwt(issuer: string, alg = "HS256"): NonNullable<KeyedEntry["value"]["pattern"]> {
  return {
    regex: "eyJ[A-Za-z0-9_-]{15,300}\\.eyJ[A-Za-z0-9_-]{20,3000}\\.[A-Za-z0-9_-]{43,1200}",
    sample: (seed) => exampleJwt({ iss: issuer, sub: seed.length * 7919, iat: 1700000000 }, seed, alg),
  };
}

const ENTRIES: KeyedEntry[] = [
  { id: "caflou-access-token", provider: "Caflou", kind: "access token", names: ["caflou"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("caflou") }, docs: "https://documenter.getpostman.com/view/4786951/RWMFrTQC" },
  { id: "calendly-personal-access-token", provider: "Calendly", kind: "personal access token", names: ["calendly"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("calendly", "ES256") }, docs: "https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens" },
  { id: "livestorm-api-token", provider: "Livestorm", kind: "API token", names: ["livestorm"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("livestorm") }, docs: "https://developers.livestorm.co/docs/authentication" },
  { id: "web3-storage-api-token", provider: "Web3.Storage", kind: "API token", names: ["web3 storage"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("web3-storage") }, docs: "https://web3.storage/docs/how-tos/generate-api-token/" },
  { id: "hygraph-permanent-auth-token", provider: "Hygraph", kind: "permanent auth token", names: ["hygraph", "graphcms"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("hygraph", "RS256") }, docs: "https://hygraph.com/docs/api-reference/basics/permanent-auth-tokens" },
  { id: "rentman-api-token", provider: "Rentman", kind: "API token", names: ["rentman"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("rentman") }, docs: "https://api.rentman.net/" },
  { id: "voicegain-jwt", provider: "Voicegain", kind: "API token (JWT)", names: ["voicegain"], credentialWord: true, value: { alphabet: "alnum", extra: "-_.", pattern: signedJwt("voicegain") }, docs: "https://console.voicegain.ai/api-documentation" },
];

export const rules: Rule[] = keyed(ENTRIES);
