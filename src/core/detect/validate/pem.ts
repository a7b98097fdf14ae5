/**
 * Finding and structurally checking private key blocks: PEM (PKCS#1 RSA, SEC 1 EC, DSA, PKCS#8, encrypted
 * PKCS#8, legacy `Proc-Type: 4,ENCRYPTED`), OpenSSH (`openssh-key-v1`), OpenPGP armor and PuTTY `.ppk`.
 *
 * Keys rarely sit in a clean `.pem` file in code: they are pasted into JSON with `\n` escapes, YAML block
 * scalars, string concatenations, comments. The reader below follows those wrappings so that the block's
 * body is recovered, and the checks then decode it and verify what the format itself lets us verify
 * offline (RSA modulus = p × q, DSA y = g^x mod p, OpenSSH check integers, OpenPGP checksums, PuTTY MAC).
 * A made-up, truncated or edited key fails those checks; it is still reported, but not as confirmed.
 * Pure code: no I/O. Nothing returned here contains key material.
 */
import { createHash, createHmac } from "node:crypto";
import type { Validation } from "../../types.js";

export type PrivateKeyFormat =
  | "rsa"
  | "ec"
  | "dsa"
  | "pkcs8"
  | "pkcs8-encrypted"
  | "openssh"
  | "pgp"
  | "putty"
  | "other";

interface KeyCheck extends Validation {
  status: "confirmed" | "failed";
  check: string;
  note: string;
  /** The key is protected by a passphrase (its body is ciphertext). */
  encrypted: boolean;
  /** Algorithm or cipher when it could be read ("RSA 2048-bit", "ssh-ed25519", "aes256-ctr"). */
  detail?: string;
}

export interface KeyBlock {
  format: PrivateKeyFormat;
  /** PEM label ("RSA PRIVATE KEY"), or "PuTTY" for `.ppk` files. */
  label: string;
  /** Offsets in the scanned text: from the BEGIN marker to just past the END marker (or the last body line). */
  start: number;
  end: number;
  /** Header lines (`Proc-Type`, `DEK-Info`, PGP `Version`, PuTTY fields), keys lower-cased. */
  headers: Record<string, string>;
  /** The base64 body with every wrapping removed. */
  body: string;
  /** OpenPGP armor checksum (the `=XXXX` line), when present. */
  armorChecksum?: string;
  /** False when no matching END line was found, or text that is not base64 interrupted the body. */
  complete: boolean;
  problem?: string;
  putty?: PuttyParts;
}

interface PuttyParts {
  version: number;
  algorithm: string;
  encryption: string;
  comment: string;
  publicBody: string;
  privateBody: string;
  mac?: string;
}

/** Shortest body worth reporting: an Ed25519 PKCS#8 key (48 bytes) is 64 base64 characters. */
export const MIN_BODY_CHARS = 60;
/** Longest stretch of text a block may span (an RSA 16384-bit key is about 12,500 characters). */
const MAX_BLOCK_CHARS = 20_000;

const LABEL_FORMATS: Record<string, PrivateKeyFormat> = {
  "RSA PRIVATE KEY": "rsa",
  "EC PRIVATE KEY": "ec",
  "DSA PRIVATE KEY": "dsa",
  "PRIVATE KEY": "pkcs8",
  "ENCRYPTED PRIVATE KEY": "pkcs8-encrypted",
  "OPENSSH PRIVATE KEY": "openssh",
  "PGP PRIVATE KEY BLOCK": "pgp",
};

function formatOfLabel(label: string): PrivateKeyFormat {
  return LABEL_FORMATS[label] ?? "other";
}

// ---------------------------------------------------------------------------------------------------------
// Reading a block out of code

/** BEGIN markers of private keys; the label is bounded so the scan stays linear. */
const BEGIN_MARKER = /-----BEGIN ((?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?)-----/g;
const END_MARKER = /^-----END ((?:[A-Z0-9]{1,16} ){0,3}PRIVATE KEY(?: BLOCK)?)-----/;

interface RawLine {
  start: number;
  /** Offset just past the line's content (before its separator). */
  end: number;
  /** Offset where the next line starts. */
  next: number;
  /** The line was cut short because another key's marker starts at `end`. */
  atMarker: boolean;
}

/** True when a BEGIN marker or a PuTTY header starts at `i` (another key: the current one cannot go on). */
function markerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c === 45 && text.startsWith("-----BEGIN ", i)) || (c === 80 && text.startsWith("PuTTY-User-Key-File-", i));
}

/**
 * The next logical line from `pos`: separators are real line breaks and the escaped `\n` / `\r` that JSON,
 * YAML double-quoted strings and source literals use (up to four backslashes for doubly escaped JSON).
 * A line also ends where another key's marker begins, so that scanning from many markers stays linear.
 */
function nextLine(text: string, pos: number, limit: number): RawLine {
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { start: pos, end: i, next: i + 1, atMarker: false };
    if (c === 13) return { start: pos, end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1, atMarker: false };
    if (c === 92) {
      let j = i;
      while (j < limit && j - i < 4 && text.charCodeAt(j) === 92) j++;
      const after = text.charCodeAt(j);
      if (j > i && (after === 110 || after === 114)) return { start: pos, end: i, next: j + 1, atMarker: false };
      i = j - 1;
    } else if ((c === 45 || c === 80) && i > pos && markerAt(text, i)) {
      return { start: pos, end: i, next: i, atMarker: true };
    }
  }
  return { start: pos, end: limit, next: limit, atMarker: false };
}

/**
 * A line with its code wrapping removed: indentation, comment markers, quotes and string prefixes, string
 * concatenation, trailing commas or continuations, JSON's escaped `/` and `+`.
 */
function unwrapLine(raw: string): string {
  let s = raw.trim();
  // Comment markers: `/` is a base64 character, so `//` counts only when followed by a space.
  s = s.replace(/^(?:#{1,3}|\/\/{1,2}(?=\s)|\*{1,2}|;{1,2}|>{1,2})\s{0,8}/, "");
  // Concatenation and an opening quote with an optional string prefix (b"…", @"…", r'…').
  s = s.replace(/^(?:[+&.]\s{0,8})?(?:[bBrRuUfF@]{1,2})?["'`]/, "");
  // A closing quote followed by concatenation, commas, semicolons, parentheses or a continuation.
  s = s.replace(/["'`]\s{0,8}(?:[+,;)}\]&.\\]\s{0,8}){0,4}$/, "");
  s = s.replace(/\s{1,8}\\$/, "");
  if (s.includes("\\")) {
    s = s.replace(/\\\//g, "/").replace(/\\u002[bB]/g, "+").replace(/\\u003[dD]/g, "=").replace(/\\u002[fF]/g, "/");
  }
  return s.trim();
}

const BASE64_TOKEN = /^[A-Za-z0-9+/]{1,200}={0,2}$/;
const ARMOR_CHECKSUM_TOKEN = /^=[A-Za-z0-9+/]{4}$/;
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]{0,8}(.{0,500})$/;

/**
 * Reads the block whose BEGIN marker spans [markerStart, markerEnd). Returns undefined when there is no
 * body at all (a header mentioned in docs, a regex or a string comparison).
 */
function readPemBlock(text: string, markerStart: number, markerEnd: number, label: string): KeyBlock | undefined {
  const limit = Math.min(text.length, markerStart + MAX_BLOCK_CHARS);
  const headers: Record<string, string> = {};
  const bodyParts: string[] = [];
  let bodyLength = 0;
  let armorChecksum: string | undefined;
  let end = markerEnd;
  let complete = false;
  let problem: string | undefined;
  let pos = markerEnd;
  let lastHeader: string | undefined;

  scan: while (pos < limit) {
    const line = nextLine(text, pos, limit);
    let raw = text.slice(line.start, line.end);
    const endAt = raw.indexOf("-----END ");
    if ((line.atMarker || markerAt(text, line.start)) && endAt < 0) {
      problem = "another block begins before this one ends";
      break;
    }
    let endLabel: string | undefined;
    let endMarkerLength = 0;
    if (endAt >= 0) {
      const m = END_MARKER.exec(raw.slice(endAt, endAt + 80));
      endLabel = m?.[1] ?? "";
      endMarkerLength = m?.[0].length ?? 0;
      raw = raw.slice(0, endAt);
    }
    const content = unwrapLine(raw);
    if (content.length > 0) {
      const header = bodyLength === 0 ? HEADER_LINE.exec(content) : null;
      if (header) {
        lastHeader = (header[1] as string).toLowerCase();
        headers[lastHeader] = (header[2] as string).trim();
      } else if (bodyLength === 0 && lastHeader !== undefined && /^[ \t]/.test(raw) && !BASE64_TOKEN.test(content)) {
        // A folded header continuation line (RFC 1421 style).
        headers[lastHeader] += " " + content;
      } else {
        for (const token of content.split(/\s+/)) {
          if (token.length === 0 || /^[\\+,;]$/.test(token)) continue;
          if (BASE64_TOKEN.test(token)) {
            bodyParts.push(token);
            bodyLength += token.length;
          } else if (ARMOR_CHECKSUM_TOKEN.test(token) && bodyLength > 0) {
            armorChecksum = token.slice(1);
          } else {
            problem = "text that is not base64 interrupts the body (an ellipsis, a placeholder or code)";
            break scan;
          }
        }
        end = line.start + raw.trimEnd().replace(/["'`]+$/, "").length;
      }
    }
    if (endLabel !== undefined) {
      if (endLabel === label) {
        complete = true;
        end = line.start + endAt + endMarkerLength;
      } else {
        problem = endLabel ? `the END line names a different block (${endLabel})` : "malformed END line";
      }
      break;
    }
    if (line.atMarker) {
      problem = "another block begins before this one ends";
      break;
    }
    if (line.next <= pos) break;
    pos = line.next;
  }
  if (bodyLength === 0) return undefined;
  if (!complete && !problem) problem = "no END line follows the body (truncated)";
  const block: KeyBlock = {
    format: formatOfLabel(label),
    label,
    start: markerStart,
    end,
    headers,
    body: bodyParts.join(""),
    complete,
  };
  if (armorChecksum !== undefined) block.armorChecksum = armorChecksum;
  if (problem !== undefined) block.problem = problem;
  return block;
}

/**
 * Every PEM private key block in `text` with a body of at least MIN_BODY_CHARS base64 characters, of those
 * whose BEGIN marker starts before `startsBefore` (a block may run on past it).
 */
export function findPemPrivateKeys(text: string, startsBefore = text.length): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  const re = new RegExp(BEGIN_MARKER.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < startsBefore) {
    const block = readPemBlock(text, m.index, m.index + m[0].length, m[1] as string);
    if (block && block.body.length >= MIN_BODY_CHARS) {
      blocks.push(block);
      // Do not look for markers inside a block we already read.
      if (block.end > re.lastIndex) re.lastIndex = block.end;
    }
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// PuTTY .ppk

const PUTTY_HEADERS = new Set([
  "encryption", "comment", "public-lines", "private-lines", "private-mac", "private-hash",
  "key-derivation", "argon2-memory", "argon2-passes", "argon2-parallelism", "argon2-salt",
]);

const PUTTY_MARKER = /PuTTY-User-Key-File-([1-3]):[ \t]{0,4}([A-Za-z0-9@.+-]{1,64})/g;

/** PuTTY `.ppk` keys in `text` (only those that carry a private part). */
export function findPuttyKeys(text: string): KeyBlock[] {
  const blocks: KeyBlock[] = [];
  const re = new RegExp(PUTTY_MARKER.source, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const block = readPuttyBlock(text, m.index, m.index + m[0].length, Number(m[1]), m[2] as string);
    if (block) {
      blocks.push(block);
      if (block.end > re.lastIndex) re.lastIndex = block.end;
    }
  }
  return blocks;
}

function readPuttyBlock(text: string, start: number, markerEnd: number, version: number, algorithm: string): KeyBlock | undefined {
  const limit = Math.min(text.length, start + MAX_BLOCK_CHARS);
  const headers: Record<string, string> = {};
  let pos = nextLine(text, markerEnd, limit).next;
  let section: "public" | "private" | undefined;
  let remaining = 0;
  let publicBody = "";
  let privateBody = "";
  let end = markerEnd;
  let mac: string | undefined;
  let problem: string | undefined;
  while (pos < limit) {
    const line = nextLine(text, pos, limit);
    const raw = text.slice(line.start, line.end);
    const content = unwrapLine(raw);
    if (remaining > 0 && section) {
      if (!BASE64_TOKEN.test(content)) {
        problem = "text that is not base64 interrupts the key (an ellipsis, a placeholder or code)";
        break;
      }
      if (section === "public") publicBody += content;
      else privateBody += content;
      remaining--;
      end = line.start + raw.trimEnd().replace(/["'`,+\s]+$/, "").length;
    } else {
      const header = HEADER_LINE.exec(content);
      if (!header) {
        if (content.length === 0 && Object.keys(headers).length === 0) {
          pos = line.next;
          continue;
        }
        problem = "the key file stops before its Private-MAC line";
        break;
      }
      const name = (header[1] as string).toLowerCase();
      const value = (header[2] as string).trim();
      if (!PUTTY_HEADERS.has(name)) {
        problem = "the key file stops before its Private-MAC line";
        break;
      }
      headers[name] = value;
      end = line.start + raw.trimEnd().replace(/["'`,+\s]+$/, "").length;
      if (name === "public-lines" || name === "private-lines") {
        section = name === "public-lines" ? "public" : "private";
        remaining = /^\d{1,4}$/.test(value) ? Number(value) : 0;
      } else if (name === "private-mac" || name === "private-hash") {
        mac = value;
        break;
      }
    }
    if (line.atMarker) break;
    if (line.next <= pos) break;
    pos = line.next;
  }
  if (privateBody.length === 0) return undefined;
  if (mac === undefined && !problem) problem = "the key file stops before its Private-MAC line";
  const block: KeyBlock = {
    format: "putty",
    label: "PuTTY",
    start,
    end,
    headers,
    body: privateBody,
    complete: mac !== undefined && !problem,
    putty: {
      version,
      algorithm,
      encryption: headers["encryption"] ?? "",
      comment: headers["comment"] ?? "",
      publicBody,
      privateBody,
    },
  };
  if (mac !== undefined && block.putty) block.putty.mac = mac;
  if (problem !== undefined) block.problem = problem;
  return block;
}

// ---------------------------------------------------------------------------------------------------------
// Checking a block

/** Checks a block read by findPemPrivateKeys / findPuttyKeys. */
export function checkKeyBlock(block: KeyBlock): KeyCheck {
  let result: KeyCheck;
  try {
    result = checkBody(block);
  } catch {
    result = failed("key structure", "the body could not be parsed", isEncryptedByHeaders(block));
  }
  if (!block.complete && result.status === "confirmed") {
    // Structure checks can pass on a prefix (e.g. PGP without checksum); an unfinished block is never confirmed.
    return { ...result, status: "failed", note: `${block.problem ?? "incomplete block"}; ${result.note}` };
  }
  if (!block.complete && result.status === "failed" && block.problem) {
    return { ...result, note: `${block.problem}; ${result.note}` };
  }
  return result;
}

/**
 * Finds the first private key block (PEM or PuTTY) in `text` and checks it: what a rule's `validate`
 * receives is the block itself.
 */
export function checkPrivateKeyText(text: string): KeyCheck {
  const block = [...findPemPrivateKeys(text), ...findPuttyKeys(text)].sort((a, b) => a.start - b.start)[0];
  if (!block) return failed("key structure", "no private key block with a body", false);
  return checkKeyBlock(block);
}

function confirmed(check: string, note: string, encrypted: boolean, detail?: string): KeyCheck {
  const out: KeyCheck = { status: "confirmed", check, note, encrypted };
  if (detail !== undefined) out.detail = detail;
  return out;
}

function failed(check: string, note: string, encrypted: boolean, detail?: string): KeyCheck {
  const out: KeyCheck = { status: "failed", check, note, encrypted };
  if (detail !== undefined) out.detail = detail;
  return out;
}

function isEncryptedByHeaders(block: KeyBlock): boolean {
  return /ENCRYPTED/i.test(block.headers["proc-type"] ?? "") || block.format === "pkcs8-encrypted";
}

function decodeBase64(body: string): Buffer {
  return Buffer.from(body, "base64");
}

function checkBody(block: KeyBlock): KeyCheck {
  switch (block.format) {
    case "openssh":
      return checkOpenSsh(decodeBase64(block.body));
    case "pgp":
      return checkPgp(block);
    case "putty":
      return checkPutty(block);
    default:
      break;
  }
  if (/ENCRYPTED/i.test(block.headers["proc-type"] ?? "")) return checkLegacyEncryptedPem(block);
  const der = decodeBase64(block.body);
  switch (block.format) {
    case "rsa":
      return checkRsaDer(der, "RSA key structure (PKCS#1)");
    case "ec":
      return checkEcDer(der);
    case "dsa":
      return checkDsaDer(der);
    case "pkcs8":
      return checkPkcs8(der);
    case "pkcs8-encrypted":
      return checkEncryptedPkcs8(der);
    default:
      return checkAnyDer(der);
  }
}

// --- legacy OpenSSL encryption (RFC 1421 headers) ---------------------------------------------------------

function checkLegacyEncryptedPem(block: KeyBlock): KeyCheck {
  const check = "PEM encryption headers";
  const dek = /^([A-Z0-9-]{3,30}),([0-9A-Fa-f]{16,64})$/.exec((block.headers["dek-info"] ?? "").trim());
  if (!dek) return failed(check, "Proc-Type says ENCRYPTED but DEK-Info is missing or malformed", true);
  const cipher = dek[1] as string;
  const bytes = decodeBase64(block.body).length;
  // Every cipher OpenSSL writes here is a CBC (or CFB/OFB) mode of a 64- or 128-bit block cipher.
  if (bytes < 16 || bytes % 8 !== 0) {
    return failed(check, `encrypted body of ${bytes} bytes is not whole cipher blocks`, true, cipher);
  }
  return confirmed(check, `encrypted with ${cipher} (passphrase-protected)`, true, cipher);
}

// --- DER ---------------------------------------------------------------------------------------------------

interface Tlv {
  tag: number;
  start: number;
  valueStart: number;
  end: number;
}

const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  sequence: 0x30,
  context0: 0xa0,
  context1: 0xa1,
  context1Primitive: 0x81,
} as const;

function readTlv(buf: Buffer, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers: no key format uses them
  let length = buf[offset + 1] as number;
  let p = offset + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return undefined; // indefinite lengths are not DER
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[p++] as number);
  }
  const end = p + length;
  if (end > limit) return undefined;
  return { tag, start: offset, valueStart: p, end };
}

/** The elements of a constructed value, or undefined unless they fill it exactly. */
function childrenOf(buf: Buffer, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  let p = parent.valueStart;
  while (p < parent.end) {
    const child = readTlv(buf, p, parent.end);
    if (!child) return undefined;
    out.push(child);
    p = child.end;
    if (out.length > 64) return undefined;
  }
  return out;
}

/** The outermost SEQUENCE, which must span the whole buffer. */
function topSequence(der: Buffer): { top?: Tlv; problem?: string } {
  const top = readTlv(der, 0, der.length);
  if (!top) {
    // A SEQUENCE whose declared length runs past the data is the signature of a truncated key.
    const truncated = der.length >= 2 && der[0] === TAG.sequence;
    return { problem: truncated ? "the DER structure is truncated" : "the body does not decode to a DER structure" };
  }
  if (top.tag !== TAG.sequence) return { problem: "the body does not start with an ASN.1 SEQUENCE" };
  if (top.end !== der.length) return { problem: "data follows the DER structure" };
  return { top };
}

function bigIntOf(buf: Buffer, tlv: Tlv): bigint {
  const bytes = buf.subarray(tlv.valueStart, tlv.end);
  if (bytes.length === 0) return 0n;
  return BigInt("0x" + bytes.toString("hex"));
}

function oidOf(buf: Buffer, tlv: Tlv): string {
  const bytes = buf.subarray(tlv.valueStart, tlv.end);
  if (bytes.length === 0) return "";
  const first = bytes[0] as number;
  const arcs = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] as number;
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join(".");
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

const OIDS: Record<string, string> = {
  "1.2.840.113549.1.1.1": "RSA",
  "1.2.840.113549.1.1.10": "RSASSA-PSS",
  "1.2.840.10045.2.1": "EC",
  "1.2.840.10040.4.1": "DSA",
  "1.2.840.113549.1.3.1": "DH",
  "1.2.840.10046.2.1": "X9.42 DH",
  "1.3.101.110": "X25519",
  "1.3.101.111": "X448",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
  "1.2.643.7.1.1.1.1": "GOST R 34.10-2012 256",
  "1.2.643.7.1.1.1.2": "GOST R 34.10-2012 512",
  "1.2.156.10197.1.301": "SM2",
};

const CURVES: Record<string, string> = {
  "1.2.840.10045.3.1.7": "P-256",
  "1.3.132.0.34": "P-384",
  "1.3.132.0.35": "P-521",
  "1.3.132.0.10": "secp256k1",
  "1.2.840.10045.3.1.1": "P-192",
  "1.3.132.0.33": "P-224",
  "1.3.36.3.3.2.8.1.1.7": "brainpoolP256r1",
  "1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
  "1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
  "1.2.156.10197.1.301": "SM2",
};

const PBE_OIDS: Record<string, string> = {
  "1.2.840.113549.1.5.13": "PBES2",
  "1.2.840.113549.1.5.3": "PBES1 (MD5, DES)",
  "1.2.840.113549.1.5.10": "PBES1 (SHA-1, DES)",
  "1.2.840.113549.1.12.1.3": "PKCS#12 3DES",
  "1.2.840.113549.1.12.1.6": "PKCS#12 RC2-40",
  "1.2.840.113549.1.12.1.1": "PKCS#12 RC4-128",
};

function allIntegers(items: Tlv[]): boolean {
  return items.every((t) => t.tag === TAG.integer && t.end > t.valueStart);
}

/** RSAPrivateKey (RFC 8017 A.1.2): version, n, e, d, p, q, dP, dQ, qInv [, otherPrimeInfos]. */
function checkRsaDer(der: Buffer, check: string): KeyCheck {
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", false);
  const items = childrenOf(der, top);
  if (!items || items.length < 9 || !allIntegers(items.slice(0, 9))) {
    return failed(check, "the sequence is not version, n, e, d, p, q, dP, dQ, qInv", false);
  }
  const [version, nT, , , pT, qT] = items as [Tlv, Tlv, Tlv, Tlv, Tlv, Tlv];
  const v = bigIntOf(der, version);
  if (v !== 0n && v !== 1n) return failed(check, "unknown RSAPrivateKey version", false);
  const n = bigIntOf(der, nT);
  const detail = `RSA ${bitLength(n)}-bit`;
  if (v === 1n) return confirmed(check, `${detail} multi-prime key: structure holds`, false, detail);
  // The one relation that a made-up or edited key breaks: the modulus is the product of the two primes.
  if (n !== bigIntOf(der, pT) * bigIntOf(der, qT)) {
    return failed(check, `${detail}: the modulus is not p × q (an edited or made-up key)`, false, detail);
  }
  return confirmed(`${check}, modulus = p × q`, `${detail} key, unencrypted`, false, detail);
}

/** ECPrivateKey (RFC 5915): version 1, privateKey OCTET STRING, [0] parameters, [1] publicKey. */
function checkEcDer(der: Buffer, curveFromPkcs8?: string): KeyCheck {
  const check = "EC key structure (SEC 1)";
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", false);
  const items = childrenOf(der, top);
  if (!items || items.length < 2) return failed(check, "the sequence is too short for an EC key", false);
  const [version, secret, ...rest] = items as [Tlv, Tlv, ...Tlv[]];
  if (version.tag !== TAG.integer || bigIntOf(der, version) !== 1n) return failed(check, "version is not 1", false);
  const scalarBytes = secret.end - secret.valueStart;
  if (secret.tag !== TAG.octetString || scalarBytes < 16 || scalarBytes > 72) {
    return failed(check, "the private scalar is missing or has an impossible size", false);
  }
  let curve = curveFromPkcs8;
  for (const t of rest) {
    if (t.tag === TAG.context0) {
      const oid = readTlv(der, t.valueStart, t.end);
      if (oid?.tag === TAG.oid) curve = CURVES[oidOf(der, oid)] ?? `curve ${oidOf(der, oid)}`;
    } else if (t.tag !== TAG.context1) {
      return failed(check, "unexpected field after the private scalar", false);
    }
  }
  const detail = `EC ${curve ?? `${scalarBytes * 8}-bit`}`;
  return confirmed(check, `${detail} key, unencrypted`, false, detail);
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

/** OpenSSL's DSAPrivateKey: version 0, p, q, g, y, x. */
function checkDsaDer(der: Buffer): KeyCheck {
  const check = "DSA key structure";
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", false);
  const items = childrenOf(der, top);
  if (!items || items.length !== 6 || !allIntegers(items)) return failed(check, "the sequence is not version, p, q, g, y, x", false);
  const [, pT, qT, gT, yT, xT] = items as [Tlv, Tlv, Tlv, Tlv, Tlv, Tlv];
  const p = bigIntOf(der, pT);
  const x = bigIntOf(der, xT);
  const detail = `DSA ${bitLength(p)}-bit`;
  // Exponents far beyond a real q would make this slow and are not keys anyway.
  if (p < 3n || bitLength(x) > 512 || bitLength(p) > 16384 || bitLength(bigIntOf(der, qT)) > 512) {
    return failed(check, `${detail}: parameters of impossible sizes`, false, detail);
  }
  if (modPow(bigIntOf(der, gT), x, p) !== bigIntOf(der, yT)) {
    return failed(check, `${detail}: y is not g^x mod p (an edited or made-up key)`, false, detail);
  }
  return confirmed(`${check}, y = g^x mod p`, `${detail} key, unencrypted`, false, detail);
}

/** PrivateKeyInfo / OneAsymmetricKey (RFC 5958). */
function checkPkcs8(der: Buffer): KeyCheck {
  const check = "PKCS#8 key structure";
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", false);
  const items = childrenOf(der, top);
  if (!items || items.length < 3) return failed(check, "the sequence is not version, algorithm, privateKey", false);
  const [version, algorithm, privateKey] = items as [Tlv, Tlv, Tlv];
  const v = version.tag === TAG.integer ? bigIntOf(der, version) : -1n;
  if (v !== 0n && v !== 1n) return failed(check, "version is not 0 or 1", false);
  if (algorithm.tag !== TAG.sequence) return failed(check, "no algorithm identifier", false);
  const algItems = childrenOf(der, algorithm);
  const oidTlv = algItems?.[0];
  if (!algItems || !oidTlv || oidTlv.tag !== TAG.oid) return failed(check, "no algorithm identifier", false);
  if (privateKey.tag !== TAG.octetString) return failed(check, "privateKey is not an OCTET STRING", false);
  const oid = oidOf(der, oidTlv);
  const name = OIDS[oid];
  const inner = der.subarray(privateKey.valueStart, privateKey.end);
  if (name === "RSA" || name === "RSASSA-PSS") {
    const rsa = checkRsaDer(inner, "PKCS#8 RSA key structure");
    return rsa;
  }
  if (name === "EC") {
    const curveTlv = algItems[1];
    const curve = curveTlv?.tag === TAG.oid ? (CURVES[oidOf(der, curveTlv)] ?? `curve ${oidOf(der, curveTlv)}`) : undefined;
    const ec = checkEcDer(inner, curve);
    return { ...ec, check: "PKCS#8 EC key structure" };
  }
  if (name === "Ed25519" || name === "X25519" || name === "Ed448" || name === "X448") {
    const expected = { Ed25519: 32, X25519: 32, Ed448: 57, X448: 56 }[name];
    const octets = readTlv(inner, 0, inner.length);
    if (!octets || octets.tag !== TAG.octetString || octets.end !== inner.length || octets.end - octets.valueStart !== expected) {
      return failed(check, `${name}: the private key is not a ${expected}-byte string`, false, name);
    }
    return confirmed(`PKCS#8 ${name} key structure`, `${name} key, unencrypted`, false, name);
  }
  if (name === "DSA") {
    const x = readTlv(inner, 0, inner.length);
    if (!x || x.tag !== TAG.integer || x.end !== inner.length) return failed(check, "DSA: the private key is not an INTEGER", false, name);
    return confirmed(check, "DSA key, unencrypted", false, name);
  }
  const label = name ?? `algorithm ${oid}`;
  if (inner.length === 0) return failed(check, `${label}: empty private key`, false, label);
  return confirmed(check, `${label} key, unencrypted`, false, label);
}

/** EncryptedPrivateKeyInfo (RFC 5958 §3): encryptionAlgorithm, encryptedData. */
function checkEncryptedPkcs8(der: Buffer): KeyCheck {
  const check = "PKCS#8 EncryptedPrivateKeyInfo structure";
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", true);
  const items = childrenOf(der, top);
  const [algorithm, data] = items ?? [];
  if (!items || items.length !== 2 || !algorithm || !data || algorithm.tag !== TAG.sequence || data.tag !== TAG.octetString) {
    return failed(check, "the sequence is not encryptionAlgorithm, encryptedData", true);
  }
  const oidTlv = childrenOf(der, algorithm)?.[0];
  if (!oidTlv || oidTlv.tag !== TAG.oid) return failed(check, "no encryption algorithm identifier", true);
  const scheme = PBE_OIDS[oidOf(der, oidTlv)] ?? `scheme ${oidOf(der, oidTlv)}`;
  const bytes = data.end - data.valueStart;
  if (bytes < 16) return failed(check, "the encrypted data is too short to hold a key", true, scheme);
  return confirmed(check, `encrypted with ${scheme} (passphrase-protected)`, true, scheme);
}

function checkAnyDer(der: Buffer): KeyCheck {
  const check = "DER structure";
  const { top, problem } = topSequence(der);
  if (!top) return failed(check, problem ?? "not DER", false);
  if (!childrenOf(der, top)) return failed(check, "the sequence's elements do not fill it", false);
  return confirmed(check, "a well-formed DER key structure", false);
}

// --- OpenSSH (PROTOCOL.key) ---------------------------------------------------------------------------------

const OPENSSH_MAGIC = Buffer.from("openssh-key-v1\0", "latin1");

class SshReader {
  constructor(
    private readonly buf: Buffer,
    public pos = 0,
  ) {}
  get remaining(): number {
    return this.buf.length - this.pos;
  }
  uint32(): number | undefined {
    if (this.remaining < 4) return undefined;
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(): Buffer | undefined {
    const n = this.uint32();
    if (n === undefined || n > this.remaining) return undefined;
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  string(): string | undefined {
    const b = this.bytes();
    return b === undefined ? undefined : b.toString("latin1");
  }
}

const SSH_CIPHER_BLOCK: Record<string, number> = {
  "aes128-ctr": 16,
  "aes192-ctr": 16,
  "aes256-ctr": 16,
  "aes128-cbc": 16,
  "aes192-cbc": 16,
  "aes256-cbc": 16,
  "aes128-gcm@openssh.com": 16,
  "aes256-gcm@openssh.com": 16,
  "chacha20-poly1305@openssh.com": 8,
  "3des-cbc": 8,
};

function checkOpenSsh(blob: Buffer): KeyCheck {
  const check = "OpenSSH key structure";
  if (blob.length < OPENSSH_MAGIC.length || !blob.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC)) {
    return failed(check, "the body does not start with openssh-key-v1", false);
  }
  const r = new SshReader(blob, OPENSSH_MAGIC.length);
  const cipher = r.string();
  const kdf = r.string();
  const kdfOptions = r.bytes();
  const count = r.uint32();
  if (cipher === undefined || kdf === undefined || kdfOptions === undefined || count === undefined) {
    return failed(check, "the header fields are truncated", false);
  }
  const encrypted = cipher !== "none";
  if (count < 1 || count > 16) return failed(check, `implausible number of keys (${count})`, encrypted, cipher);
  let keyType: string | undefined;
  for (let i = 0; i < count; i++) {
    const pub = r.bytes();
    if (pub === undefined) return failed(check, "a public key field is truncated", encrypted, cipher);
    keyType ??= new SshReader(pub).string();
  }
  const privateSection = r.bytes();
  if (privateSection === undefined) return failed(check, "the private section is truncated", encrypted, keyType);
  // AEAD ciphers (GCM, chacha20-poly1305) append their 16-byte tag after the section.
  const tagBytes = encrypted && (cipher.includes("gcm") || cipher.includes("poly1305")) ? 16 : 0;
  if (r.remaining !== tagBytes) return failed(check, "the data does not end with the private section", encrypted, keyType);
  if (encrypted) {
    const block = SSH_CIPHER_BLOCK[cipher] ?? 8;
    if (privateSection.length === 0 || privateSection.length % block !== 0) {
      return failed(check, `the encrypted section is not whole ${cipher} blocks`, true, keyType);
    }
    if (kdf !== "bcrypt" && kdf !== "none") return failed(check, `unknown KDF ${kdf}`, true, keyType);
    return confirmed(check, `${keyType ?? "key"} encrypted with ${cipher} (passphrase-protected)`, true, keyType ?? cipher);
  }
  const p = new SshReader(privateSection);
  const check1 = p.uint32();
  const check2 = p.uint32();
  const innerType = p.string();
  if (check1 === undefined || check2 === undefined || check1 !== check2) {
    return failed(check, "the check integers differ (a corrupted or made-up key)", false, keyType);
  }
  if (innerType === undefined || (keyType !== undefined && innerType !== keyType)) {
    return failed(check, "the private key type does not match the public key", false, keyType);
  }
  return confirmed(`${check} and check integers`, `${innerType} key, unencrypted`, false, innerType);
}

// --- OpenPGP (RFC 4880 / RFC 9580) ---------------------------------------------------------------------------

/** CRC-24 of OpenPGP ASCII armor. */
export function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

interface Packet {
  tag: number;
  bodyStart: number;
  bodyEnd: number;
}

function readPacket(buf: Buffer, offset: number): Packet | undefined {
  const head = buf[offset];
  if (head === undefined || !(head & 0x80)) return undefined;
  let tag: number;
  let length: number;
  let p = offset + 1;
  if (head & 0x40) {
    tag = head & 0x3f;
    const o1 = buf[p++];
    if (o1 === undefined) return undefined;
    if (o1 < 192) length = o1;
    else if (o1 < 224) {
      const o2 = buf[p++];
      if (o2 === undefined) return undefined;
      length = ((o1 - 192) << 8) + o2 + 192;
    } else if (o1 === 255) {
      if (p + 4 > buf.length) return undefined;
      length = buf.readUInt32BE(p);
      p += 4;
    } else return undefined; // partial lengths are not allowed for key packets
  } else {
    tag = (head >> 2) & 0x0f;
    const type = head & 0x03;
    if (type === 3) return undefined;
    const n = [1, 2, 4][type] as number;
    if (p + n > buf.length) return undefined;
    length = n === 1 ? (buf[p] as number) : n === 2 ? buf.readUInt16BE(p) : buf.readUInt32BE(p);
    p += n;
  }
  if (p + length > buf.length) return undefined;
  return { tag, bodyStart: p, bodyEnd: p + length };
}

/** Skips one MPI; returns the offset after it. */
function skipMpi(buf: Buffer, p: number, end: number): number | undefined {
  if (p + 2 > end) return undefined;
  const bits = buf.readUInt16BE(p);
  const next = p + 2 + Math.ceil(bits / 8);
  return next <= end ? next : undefined;
}

/** Offset of the S2K usage octet of a v4 secret key packet (after the public key material). */
function v4SecretStart(buf: Buffer, p: number, end: number, algorithm: number): number | undefined {
  const mpis = (n: number, from: number): number | undefined => {
    let q: number | undefined = from;
    for (let i = 0; i < n && q !== undefined; i++) q = skipMpi(buf, q, end);
    return q;
  };
  const oid = (from: number): number | undefined => {
    const len = buf[from];
    return len === undefined || len === 0 || len === 0xff || from + 1 + len > end ? undefined : from + 1 + len;
  };
  switch (algorithm) {
    case 1:
    case 2:
    case 3:
      return mpis(2, p);
    case 16:
    case 20:
      return mpis(3, p);
    case 17:
      return mpis(4, p);
    case 19:
    case 22: {
      const q = oid(p);
      return q === undefined ? undefined : mpis(1, q);
    }
    case 18: {
      const q = oid(p);
      const r = q === undefined ? undefined : mpis(1, q);
      if (r === undefined) return undefined;
      const kdfLen = buf[r];
      return kdfLen === undefined || r + 1 + kdfLen > end ? undefined : r + 1 + kdfLen;
    }
    case 25:
      return p + 32;
    case 26:
      return p + 56;
    case 27:
      return p + 32;
    case 28:
      return p + 57;
    default:
      return undefined;
  }
}

const PGP_ALGORITHMS: Record<number, string> = {
  1: "RSA",
  2: "RSA",
  3: "RSA",
  16: "ElGamal",
  17: "DSA",
  18: "ECDH",
  19: "ECDSA",
  20: "ElGamal",
  22: "EdDSA",
  25: "X25519",
  26: "X448",
  27: "Ed25519",
  28: "Ed448",
};

function checkPgp(block: KeyBlock): KeyCheck {
  let check = "OpenPGP secret-key packet";
  const data = decodeBase64(block.body);
  if (block.armorChecksum !== undefined) {
    check = "OpenPGP armor CRC-24 and secret-key packet";
    const expected = Buffer.from(block.armorChecksum, "base64");
    const crc = crc24(data);
    if (expected.length !== 3 || expected.readUIntBE(0, 3) !== crc) {
      return failed(check, "the armor checksum does not match the data (edited or truncated)", false);
    }
  }
  const packet = readPacket(data, 0);
  if (!packet) return failed(check, "the data does not start with a complete OpenPGP packet", false);
  if (packet.tag !== 5) return failed(check, `the first packet is not a secret key (tag ${packet.tag})`, false);
  const version = data[packet.bodyStart];
  let p = packet.bodyStart + 1;
  let algorithm: number | undefined;
  let secretStart: number | undefined;
  if (version === 4 || version === 3) {
    p += version === 3 ? 6 : 4;
    algorithm = data[p];
    secretStart = algorithm === undefined ? undefined : v4SecretStart(data, p + 1, packet.bodyEnd, algorithm);
  } else if (version === 5 || version === 6) {
    p += 4;
    algorithm = data[p];
    const publicLength = p + 5 <= packet.bodyEnd ? data.readUInt32BE(p + 1) : undefined;
    secretStart = publicLength === undefined ? undefined : p + 5 + publicLength;
  } else {
    return failed(check, `unknown key packet version ${version ?? "?"}`, false);
  }
  const name = algorithm === undefined ? "?" : (PGP_ALGORITHMS[algorithm] ?? `algorithm ${algorithm}`);
  if (secretStart === undefined || secretStart >= packet.bodyEnd) {
    return failed(check, `${name}: the public key material is truncated`, false, name);
  }
  const usage = data[secretStart] as number;
  if (usage !== 0) return confirmed(check, `${name} secret key protected by a passphrase`, true, name);
  if (version === 4 || version === 3) {
    // Unprotected v4 keys end with a two-octet sum of the secret material: edits and truncations break it.
    const material = data.subarray(secretStart + 1, packet.bodyEnd - 2);
    let sum = 0;
    for (const b of material) sum = (sum + b) & 0xffff;
    if (packet.bodyEnd - 2 <= secretStart + 1 || data.readUInt16BE(packet.bodyEnd - 2) !== sum) {
      return failed(check, `${name}: the secret material's checksum does not match`, false, name);
    }
    return confirmed(`${check} and its checksum`, `${name} secret key, unencrypted`, false, name);
  }
  return confirmed(check, `${name} secret key, unencrypted`, false, name);
}

// --- PuTTY (.ppk, PuTTY manual appendix C) --------------------------------------------------------------------

function sshString(value: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(value.length);
  return Buffer.concat([len, value]);
}

/** The Private-MAC of an unencrypted PPK (v2: HMAC-SHA-1, v3: HMAC-SHA-256 with an empty key). */
export function puttyMac(parts: Omit<PuttyParts, "mac">): string {
  const data = Buffer.concat([
    sshString(Buffer.from(parts.algorithm, "utf8")),
    sshString(Buffer.from(parts.encryption, "utf8")),
    sshString(Buffer.from(parts.comment, "utf8")),
    sshString(Buffer.from(parts.publicBody, "base64")),
    sshString(Buffer.from(parts.privateBody, "base64")),
  ]);
  if (parts.version >= 3) return createHmac("sha256", Buffer.alloc(0)).update(data).digest("hex");
  const key = createHash("sha1").update("putty-private-key-file-mac-key").digest();
  return createHmac("sha1", key).update(data).digest("hex");
}

function checkPutty(block: KeyBlock): KeyCheck {
  const parts = block.putty;
  if (!parts) return failed("PuTTY key structure", "not a PuTTY key", false);
  const encrypted = parts.encryption !== "none";
  const detail = parts.algorithm;
  if (parts.version === 1) return failed("PuTTY key structure", "PPK version 1 is an unreleased format", encrypted, detail);
  if (encrypted) {
    // The MAC is keyed by the passphrase: only the layout can be checked.
    const bytes = Buffer.from(parts.privateBody, "base64").length;
    if (bytes === 0 || bytes % 16 !== 0) {
      return failed("PuTTY key structure", `the encrypted private part is not whole ${parts.encryption} blocks`, true, detail);
    }
    if (!parts.mac || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(parts.mac)) {
      return failed("PuTTY key structure", "the Private-MAC line is missing or malformed", true, detail);
    }
    return confirmed("PuTTY key structure", `${detail} key encrypted with ${parts.encryption} (passphrase-protected)`, true, detail);
  }
  const check = `PuTTY Private-MAC (${parts.version >= 3 ? "HMAC-SHA-256" : "HMAC-SHA-1"})`;
  if (!parts.mac) return failed(check, "the Private-MAC line is missing", false, detail);
  if (puttyMac(parts) !== parts.mac.toLowerCase()) {
    return failed(check, "the Private-MAC does not match the key (edited, truncated or made up)", false, detail);
  }
  return confirmed(check, `${detail} key, unencrypted`, false, detail);
}
