/**
 * Private keys: PEM (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, legacy encrypted), OpenSSH, OpenPGP, PuTTY, and
 * PEM files that were base64-encoded once more (Kubernetes Secrets, `*_BASE64` environment variables).
 *
 * Each rule sees a window of text from the BEGIN line, reads the block through whatever wrapping it sits
 * in (JSON `\n` escapes, YAML, string concatenation), and checks its structure offline (validate/pem.ts).
 * A marker with no body (docs, a regex, a string comparison) yields nothing; a body that does not check
 * out is reported as not confirmed; a passphrase-protected key is reported at medium severity.
 */
import type { Severity, Validation } from "../../types.js";
import { prng } from "../fake.js";
import type { Example, RawMatch, Rule } from "../rule.js";
import {
  checkKeyBlock,
  checkPrivateKeyText,
  crc24,
  findPemPrivateKeys,
  findPuttyKeys,
  modPow,
  puttyMac,
  type KeyBlock,
  type PrivateKeyFormat,
} from "../validate/pem.js";
import { defineRule, withValue } from "./kit.js";

/** How far past the BEGIN line a rule may read: enough for an RSA 16384-bit key or a PGP key with subkeys. */
const KEY_WINDOW = 20_000;

const REMEDIATION =
  "Treat the key as compromised: remove it from the code and history, revoke it where it is trusted " +
  "(authorized_keys, certificate, service account, keyserver), issue a new one and load it from a secret manager.";

// ---------------------------------------------------------------------------------------------------------
// Turning blocks into matches

function toMatch(text: string, block: KeyBlock, what: string): RawMatch {
  const check = checkKeyBlock(block);
  const validation: Validation = { status: check.status, check: check.check, note: check.note };
  const detail = check.detail ? ` (${check.detail})` : "";
  let message: string;
  let severity: Severity | undefined;
  if (check.status === "failed") {
    message = `${what}${detail} whose structure does not check out: ${check.note}. Probably truncated, edited or made up, so not a confirmed key; remove it anyway.`;
  } else if (check.encrypted) {
    severity = "medium";
    message = `Encrypted ${what}${detail}: protected only by its passphrase, which can be attacked offline once the file is public. Remove it and rotate the key.`;
  } else {
    message = `${what}${detail}, unencrypted: anyone who reads this file can use the key.`;
  }
  const match: RawMatch = { secret: text.slice(block.start, block.end), index: block.start, validation, message };
  if (severity) match.severity = severity;
  return match;
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic example keys: built at run time from a seeded PRNG, never written down literally.

function seededBytes(seed: number, length: number): Buffer {
  const next = prng(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** An odd number of exactly `bits` bits. */
function seededBigInt(seed: number, bits: number): bigint {
  const bytes = seededBytes(seed, Math.ceil(bits / 8));
  let n = BigInt("0x" + bytes.toString("hex"));
  n &= (1n << BigInt(bits)) - 1n;
  return n | (1n << BigInt(bits - 1)) | 1n;
}

function bigIntBytes(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = "0" + hex;
  return Buffer.from(hex, "hex");
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = bigIntBytes(BigInt(n));
  return Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const value = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(value.length), value]);
}

function derInteger(n: bigint): Buffer {
  let bytes = bigIntBytes(n);
  if ((bytes[0] as number) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return der(0x02, bytes);
}

function derOid(oid: string): Buffer {
  const arcs = oid.split(".").map(Number);
  const out = [(arcs[0] as number) * 40 + (arcs[1] as number)];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}

const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const octets = (...parts: Buffer[]) => der(0x04, ...parts);

function wrap64(base64: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
  return lines;
}

/** A PEM block as lines (join with "\n" for a file, "\\n" for a JSON string). */
function pemLines(label: string, body: Buffer, headers: string[] = []): string[] {
  return [
    `-----BEGIN ${label}-----`,
    ...headers,
    ...(headers.length ? [""] : []),
    ...wrap64(body.toString("base64")),
    `-----END ${label}-----`,
  ];
}

function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === "string" ? Buffer.from(value, "latin1") : value;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** PKCS#1 RSAPrivateKey whose modulus really is p × q (so it passes the structural check). */
function rsaDer(seed: number, primeBits = 512): Buffer {
  const p = seededBigInt(seed, primeBits);
  const q = seededBigInt(seed + 1, primeBits);
  const fields = [0n, p * q, 65537n, seededBigInt(seed + 2, primeBits * 2 - 1), p, q];
  fields.push(seededBigInt(seed + 3, primeBits - 1), seededBigInt(seed + 4, primeBits - 1), seededBigInt(seed + 5, primeBits - 1));
  return seq(...fields.map(derInteger));
}

function ecDer(seed: number): Buffer {
  return seq(
    derInteger(1n),
    octets(seededBytes(seed, 32)),
    der(0xa0, derOid("1.2.840.10045.3.1.7")),
    der(0xa1, der(0x03, Buffer.from([0, 4]), seededBytes(seed + 1, 64))),
  );
}

function dsaDer(seed: number): Buffer {
  const p = seededBigInt(seed, 1024);
  const q = seededBigInt(seed + 1, 160);
  const g = seededBigInt(seed + 2, 1000);
  const x = seededBigInt(seed + 3, 159);
  return seq(...[0n, p, q, g, modPow(g, x, p), x].map(derInteger));
}

function pkcs8Ed25519Der(seed: number): Buffer {
  return seq(derInteger(0n), seq(derOid("1.3.101.112")), octets(octets(seededBytes(seed, 32))));
}

function pkcs8RsaDer(seed: number): Buffer {
  return seq(derInteger(0n), seq(derOid("1.2.840.113549.1.1.1"), der(0x05)), octets(rsaDer(seed)));
}

function encryptedPkcs8Der(seed: number): Buffer {
  const pbkdf2 = seq(
    derOid("1.2.840.113549.1.5.12"),
    seq(octets(seededBytes(seed, 8)), derInteger(2048n), seq(derOid("1.2.840.113549.2.9"), der(0x05))),
  );
  const aes = seq(derOid("2.16.840.1.101.3.4.1.42"), octets(seededBytes(seed + 1, 16)));
  return seq(seq(derOid("1.2.840.113549.1.5.13"), seq(pbkdf2, aes)), octets(seededBytes(seed + 2, 16 * 40)));
}

function openSshBlob(seed: number, encrypted: boolean): Buffer {
  const publicKey = seededBytes(seed, 32);
  const pub = Buffer.concat([sshString("ssh-ed25519"), sshString(publicKey)]);
  let section: Buffer;
  if (encrypted) {
    section = seededBytes(seed + 1, 16 * 10);
  } else {
    const checkint = seededBytes(seed + 2, 4);
    const parts = [
      checkint,
      checkint,
      sshString("ssh-ed25519"),
      sshString(publicKey),
      sshString(Buffer.concat([seededBytes(seed + 3, 32), publicKey])),
      sshString("deploy@ci"),
    ];
    let body = Buffer.concat(parts);
    const padding: number[] = [];
    for (let i = 1; (body.length + padding.length) % 8 !== 0; i++) padding.push(i);
    body = Buffer.concat([body, Buffer.from(padding)]);
    section = body;
  }
  const kdfOptions = encrypted ? Buffer.concat([sshString(seededBytes(seed + 4, 16)), uint32(16)]) : Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from("openssh-key-v1\0", "latin1"),
    sshString(encrypted ? "aes256-ctr" : "none"),
    sshString(encrypted ? "bcrypt" : "none"),
    sshString(kdfOptions),
    uint32(1),
    sshString(pub),
    sshString(section),
  ]);
}

function mpi(n: bigint): Buffer {
  const bytes = bigIntBytes(n);
  const bits = Buffer.alloc(2);
  bits.writeUInt16BE(n.toString(2).length);
  return Buffer.concat([bits, bytes]);
}

/** An armored OpenPGP v4 RSA secret key with a valid armor CRC and secret-material checksum. */
function pgpArmorLines(seed: number): string[] {
  const p = seededBigInt(seed, 512);
  const q = seededBigInt(seed + 1, 512);
  const secret = Buffer.concat([mpi(seededBigInt(seed + 2, 1023)), mpi(p), mpi(q), mpi(seededBigInt(seed + 3, 511))]);
  let sum = 0;
  for (const b of secret) sum = (sum + b) & 0xffff;
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16BE(sum);
  const body = Buffer.concat([
    Buffer.from([4]),
    uint32(1_700_000_000),
    Buffer.from([1]),
    mpi(p * q),
    mpi(65537n),
    Buffer.from([0]),
    secret,
    checksum,
  ]);
  const length =
    body.length < 192
      ? Buffer.from([body.length])
      : Buffer.from([((body.length - 192) >> 8) + 192, (body.length - 192) & 0xff]);
  const packet = Buffer.concat([Buffer.from([0xc5]), length, body]);
  const crc = Buffer.alloc(3);
  crc.writeUIntBE(crc24(packet), 0, 3);
  return [
    "-----BEGIN PGP PRIVATE KEY BLOCK-----",
    "",
    ...wrap64(packet.toString("base64")),
    "=" + crc.toString("base64"),
    "-----END PGP PRIVATE KEY BLOCK-----",
  ];
}

/** A PuTTY v3 key file; unencrypted ones carry a correct Private-MAC. */
function puttyLines(seed: number, encrypted: boolean): string[] {
  const publicBody = Buffer.concat([sshString("ssh-ed25519"), sshString(seededBytes(seed, 32))]).toString("base64");
  const privateBody = (encrypted ? seededBytes(seed + 1, 48) : sshString(seededBytes(seed + 1, 32))).toString("base64");
  const encryption = encrypted ? "aes256-cbc" : "none";
  const comment = "eddsa-key-20240102";
  const mac = encrypted
    ? seededBytes(seed + 2, 32).toString("hex")
    : puttyMac({ version: 3, algorithm: "ssh-ed25519", encryption, comment, publicBody, privateBody });
  const publicLines = wrap64(publicBody);
  const privateLines = wrap64(privateBody);
  return [
    "PuTTY-User-Key-File-3: ssh-ed25519",
    `Encryption: ${encryption}`,
    `Comment: ${comment}`,
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    ...(encrypted
      ? ["Key-Derivation: Argon2id", "Argon2-Memory: 8192", "Argon2-Passes: 13", "Argon2-Parallelism: 1", `Argon2-Salt: ${seededBytes(seed + 3, 16).toString("hex")}`]
      : []),
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${mac}`,
  ];
}

/** Example keys for tests and rule examples (lines of the file; deterministic per seed). */
export const exampleKeys = {
  rsa: (seed = 11) => pemLines("RSA PRIVATE KEY", rsaDer(seed)),
  rsaLegacyEncrypted: (seed = 12) =>
    pemLines("RSA PRIVATE KEY", seededBytes(seed, 16 * 40), [
      "Proc-Type: 4,ENCRYPTED",
      `DEK-Info: AES-128-CBC,${seededBytes(seed + 1, 16).toString("hex").toUpperCase()}`,
    ]),
  ec: (seed = 13) => pemLines("EC PRIVATE KEY", ecDer(seed)),
  dsa: (seed = 14) => pemLines("DSA PRIVATE KEY", dsaDer(seed)),
  pkcs8Ed25519: (seed = 15) => pemLines("PRIVATE KEY", pkcs8Ed25519Der(seed)),
  pkcs8Rsa: (seed = 16) => pemLines("PRIVATE KEY", pkcs8RsaDer(seed)),
  pkcs8Encrypted: (seed = 17) => pemLines("ENCRYPTED PRIVATE KEY", encryptedPkcs8Der(seed)),
  openssh: (seed = 18) => pemLines("OPENSSH PRIVATE KEY", openSshBlob(seed, false)),
  opensshEncrypted: (seed = 19) => pemLines("OPENSSH PRIVATE KEY", openSshBlob(seed, true)),
  pgp: (seed = 20) => pgpArmorLines(seed),
  putty: (seed = 21) => puttyLines(seed, false),
  puttyEncrypted: (seed = 22) => puttyLines(seed, true),
};

/** The key as a JSON string value, the way service-account files and .env exports hold it. */
export function asJsonString(lines: string[]): string {
  return lines.join("\\n") + "\\n";
}

// Lines that mention key markers without being keys: they must never produce a finding.
function markerOnlyFalsePositives(label: string): string[] {
  return [
    `if (pem.startsWith("-----BEGIN ${label}-----")) {`,
    `const re = /-----BEGIN ${label}-----[\\s\\S]+?-----END ${label}-----/;`,
    `-----BEGIN ${label}-----\n...your key here...\n-----END ${label}-----`,
    `"-----BEGIN ${label}-----\\nMIIEpAIBAAKCAQEA...\\n-----END ${label}-----"`,
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Rules

/** A key written in a JSON string or a double-quoted shell value: its lines joined by `\n` escapes. */
const escaped = (key: string): string => key.split("\n").join("\\n");
const lines = (key: string): string[] => key.split("\n");

interface PemRuleSpec<T extends readonly string[]> {
  id: string;
  provider: string;
  title: string;
  what: string;
  format: PrivateKeyFormat;
  label: string;
  docs: string;
  samples: () => T;
  truePositives: (keys: T) => Example[];
  falsePositives: (keys: T) => string[];
}

function pemRule<T extends readonly string[]>(spec: PemRuleSpec<T>): Rule {
  return defineRule({
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    severity: "critical",
    keywords: [`begin ${spec.label.toLowerCase()}-----`],
    window: KEY_WINDOW,
    // Every block's BEGIN line holds the keyword: a window reads the blocks that start on its own line.
    find: (text, context) =>
      findPemPrivateKeys(text, context.hitLineEnd)
        .filter((block) => block.format === spec.format)
        .map((block) => toMatch(text, block, spec.what)),
    validate: (secret) => {
      const check = checkPrivateKeyText(secret);
      return { status: check.status, check: check.check, note: check.note };
    },
    docs: spec.docs,
    remediation: REMEDIATION,
    samples: spec.samples,
    truePositives: spec.truePositives,
    falsePositives: spec.falsePositives,
  });
}

// A key file is a block, not a setting: the syntax matrix does not apply. Each true positive's value is
// the block from its BEGIN line to its END line, as the line holds it.

const rsa = pemRule({
  id: "private-key-rsa",
  provider: "PEM",
  title: "RSA private key (PKCS#1 PEM)",
  what: "RSA private key",
  format: "rsa",
  label: "RSA PRIVATE KEY",
  docs: "https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2",
  samples: () => [exampleKeys.rsa().join("\n"), exampleKeys.rsa(31).join("\n"), exampleKeys.rsaLegacyEncrypted().join("\n"), exampleKeys.rsa(32).join("\n")] as const,
  truePositives: ([key, json, legacy, yaml]) => [
    [key, key],
    [`  "private_key": "${escaped(json)}\\n",`, escaped(json)],
    [`SSH_KEY="${escaped(legacy)}\\n"`, escaped(legacy)],
    [["deploy_key: |", ...lines(yaml).map((l) => "  " + l)].join("\n"), lines(yaml).join("\n  ")],
  ],
  falsePositives: () => [
    ...markerOnlyFalsePositives("RSA PRIVATE KEY"),
    ["-----BEGIN RSA PUBLIC KEY-----", ...exampleKeys.rsa(33).slice(1, -1), "-----END RSA PUBLIC KEY-----"].join("\n"),
  ],
});

const ec = pemRule({
  id: "private-key-ec",
  provider: "PEM",
  title: "EC private key (SEC 1 PEM)",
  what: "EC private key",
  format: "ec",
  label: "EC PRIVATE KEY",
  docs: "https://www.rfc-editor.org/rfc/rfc5915",
  samples: () => [exampleKeys.ec().join("\n"), exampleKeys.ec(34).join("\n")] as const,
  truePositives: ([key, js]) => [
    [key, key],
    [`const key = "${escaped(js)}\\n";`, escaped(js)],
  ],
  falsePositives: () => [
    ...markerOnlyFalsePositives("EC PRIVATE KEY"),
    ["-----BEGIN EC PARAMETERS-----", "BggqhkjOPQMBBw==", "-----END EC PARAMETERS-----"].join("\n"),
  ],
});

const dsa = pemRule({
  id: "private-key-dsa",
  provider: "PEM",
  title: "DSA private key (PEM)",
  what: "DSA private key",
  format: "dsa",
  label: "DSA PRIVATE KEY",
  docs: "https://docs.openssl.org/master/man1/openssl-dsa/",
  samples: () => [exampleKeys.dsa().join("\n"), exampleKeys.dsa(35).join("\n")] as const,
  truePositives: ([key, py]) => [
    [key, key],
    [`key = """${py}"""`, py],
  ],
  falsePositives: () => markerOnlyFalsePositives("DSA PRIVATE KEY"),
});

const openssh = pemRule({
  id: "private-key-openssh",
  provider: "OpenSSH",
  title: "OpenSSH private key",
  what: "OpenSSH private key",
  format: "openssh",
  label: "OPENSSH PRIVATE KEY",
  docs: "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key",
  samples: () => [exampleKeys.openssh().join("\n"), exampleKeys.openssh(36).join("\n"), exampleKeys.opensshEncrypted().join("\n")] as const,
  truePositives: ([key, shell, encrypted]) => [
    [key, key],
    [`echo "${escaped(shell)}\\n" > ~/.ssh/id_ed25519`, escaped(shell)],
    [encrypted, encrypted],
  ],
  falsePositives: () => [
    ...markerOnlyFalsePositives("OPENSSH PRIVATE KEY"),
    "ssh-ed25519 " + Buffer.concat([sshString("ssh-ed25519"), sshString(seededBytes(37, 32))]).toString("base64") + " me@laptop",
  ],
});

const pkcs8 = pemRule({
  id: "private-key-pkcs8",
  provider: "PEM",
  title: "Private key (PKCS#8 PEM)",
  what: "Private key",
  format: "pkcs8",
  label: "PRIVATE KEY",
  docs: "https://www.rfc-editor.org/rfc/rfc5958",
  samples: () => [exampleKeys.pkcs8Rsa(49).join("\n"), exampleKeys.pkcs8Ed25519().join("\n"), exampleKeys.pkcs8Rsa(38).join("\n")] as const,
  truePositives: ([json, ed25519, concatenated]) => [
    // A GCP service-account file holds its key exactly like this.
    [`  "private_key": "${escaped(json)}\\n",`, escaped(json)],
    [ed25519, ed25519],
    // A key concatenated line by line in code: the block runs across the string pieces.
    [[`const PRIVATE_KEY =`, ...lines(concatenated).map((l) => `  "${l}\\n" +`), `  "";`].join("\n"), lines(concatenated).join(`\\n" +\n  "`)],
  ],
  falsePositives: () => [
    ...markerOnlyFalsePositives("PRIVATE KEY"),
    ["-----BEGIN PUBLIC KEY-----", ...exampleKeys.pkcs8Ed25519(39).slice(1, -1), "-----END PUBLIC KEY-----"].join("\n"),
    `  "private_key": "-----BEGIN PRIVATE KEY-----\\n<your key>\\n-----END PRIVATE KEY-----\\n",`,
  ],
});

const pkcs8Encrypted = pemRule({
  id: "private-key-pkcs8-encrypted",
  provider: "PEM",
  title: "Encrypted private key (PKCS#8 PEM)",
  what: "PKCS#8 private key",
  format: "pkcs8-encrypted",
  label: "ENCRYPTED PRIVATE KEY",
  docs: "https://www.rfc-editor.org/rfc/rfc7468#section-11",
  samples: () => [exampleKeys.pkcs8Encrypted().join("\n"), exampleKeys.pkcs8Encrypted(40).join("\n")] as const,
  truePositives: ([key, env]) => [
    [key, key],
    [`TLS_KEY="${escaped(env)}\\n"`, escaped(env)],
  ],
  falsePositives: () => markerOnlyFalsePositives("ENCRYPTED PRIVATE KEY"),
});

const pgp = pemRule({
  id: "private-key-pgp",
  provider: "OpenPGP",
  title: "OpenPGP private key block",
  what: "OpenPGP private key",
  format: "pgp",
  label: "PGP PRIVATE KEY BLOCK",
  docs: "https://www.rfc-editor.org/rfc/rfc9580#section-6",
  samples: () => [exampleKeys.pgp().join("\n"), exampleKeys.pgp(41).join("\n")] as const,
  truePositives: ([key, yaml]) => [
    [key, key],
    [`GPG_PRIVATE_KEY: "${escaped(yaml)}\\n"`, escaped(yaml)],
  ],
  falsePositives: () => [
    ...markerOnlyFalsePositives("PGP PRIVATE KEY BLOCK"),
    ["-----BEGIN PGP PUBLIC KEY BLOCK-----", "", ...exampleKeys.pgp(42).slice(2, -1), "-----END PGP PUBLIC KEY BLOCK-----"].join("\n"),
  ],
});

/** Other `BEGIN … PRIVATE KEY` labels (e.g. `ANY PRIVATE KEY`, `DH PRIVATE KEY`): structure is plain DER. */
const otherPem = defineRule({
  id: "private-key-pem",
  title: "Private key (other PEM type)",
  provider: "PEM",
  severity: "critical",
  // Every label's BEGIN line holds one of the keywords: a window reads the blocks that start on its own line.
  keywords: ["private key-----", "private key block-----"],
  window: KEY_WINDOW,
  find: (text, context) =>
    findPemPrivateKeys(text, context.hitLineEnd)
      .filter((block) => block.format === "other")
      .map((block) => toMatch(text, block, `Private key (${block.label})`)),
  validate: (secret) => {
    const check = checkPrivateKeyText(secret);
    return { status: check.status, check: check.check, note: check.note };
  },
  docs: "https://www.rfc-editor.org/rfc/rfc7468",
  remediation: REMEDIATION,
  samples: () => [
    exampleKeys.rsa(43).join("\n").replaceAll("RSA PRIVATE KEY", "ANY PRIVATE KEY"),
    exampleKeys.rsa(46).join("\n").replaceAll("RSA PRIVATE KEY", "SSH2 PRIVATE KEY"),
  ] as const,
  truePositives: ([any, ssh2]) => [
    [any, any],
    [ssh2, ssh2],
  ],
  falsePositives: () => [
    // Known labels belong to their own rules, not to this one.
    exampleKeys.rsa(44).join("\n"),
    ...markerOnlyFalsePositives("ANY PRIVATE KEY"),
  ],
});

const putty = defineRule({
  id: "private-key-putty",
  title: "PuTTY private key (.ppk)",
  provider: "PuTTY",
  severity: "critical",
  keywords: ["putty-user-key-file-"],
  window: KEY_WINDOW,
  find: (text) => findPuttyKeys(text).map((block) => toMatch(text, block, "PuTTY private key")),
  validate: (secret) => {
    const check = checkPrivateKeyText(secret);
    return { status: check.status, check: check.check, note: check.note };
  },
  docs: "https://the.earth.li/~sgtatham/putty/latest/htmldoc/AppendixC.html",
  remediation: REMEDIATION,
  samples: () => [exampleKeys.putty().join("\n"), exampleKeys.puttyEncrypted().join("\r\n"), exampleKeys.putty(45).join("\n")] as const,
  truePositives: ([key, crlf, json]) => {
    const inJson = JSON.stringify({ ppk: json });
    return [
      [key, key],
      [crlf, crlf],
      // A .ppk block has no END line: it runs to the end of the text the key's last line is on.
      [inJson, inJson.slice(inJson.indexOf("PuTTY"))],
    ];
  },
  falsePositives: () => [
    'if (text.startsWith("PuTTY-User-Key-File-3: ")) return "ppk";',
    ["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none", "Comment: example", "Public-Lines: 2", "..."].join("\n"),
  ],
});

// --- PEM files base64-encoded once more (Kubernetes Secret data, *_BASE64 variables) -------------------------

/** base64("-----BEGIN") and base64("PuTTY-User-Key-File-") share these prefixes whatever follows. */
const WRAPPED_PREFIXES = ["LS0tLS1CRUdJTi", "UHVUVFktVXNlci1LZXktRmlsZS"];
const WRAPPED_MAX = 40_000;

function isBase64Char(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47
  );
}

/** Reads a base64 run from `start`, following the line wrapping of `base64` output (60-76 char lines). */
function readWrappedBase64(text: string, start: number): { value: string; end: number } {
  let value = "";
  let i = start;
  let lineLength = 0;
  const limit = Math.min(text.length, start + WRAPPED_MAX);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isBase64Char(c)) {
      value += text[i];
      lineLength++;
      i++;
      continue;
    }
    if (c === 61) {
      while (i < limit && text.charCodeAt(i) === 61) value += text[i++];
      break;
    }
    // A wrapped line: a full-width line, a line break, optional indentation, then more base64.
    if ((c === 10 || c === 13) && lineLength >= 60 && lineLength <= 76) {
      let j = i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
      while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j < limit && isBase64Char(text.charCodeAt(j))) {
        i = j;
        lineLength = 0;
        continue;
      }
    }
    break;
  }
  return { value, end: i };
}

function findWrappedKeys(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  for (const prefix of WRAPPED_PREFIXES) {
    let from = 0;
    for (let at = text.indexOf(prefix, from); at >= 0; at = text.indexOf(prefix, from)) {
      from = at + prefix.length;
      if (at > 0 && isBase64Char(text.charCodeAt(at - 1))) continue;
      const { value, end } = readWrappedBase64(text, at);
      from = Math.max(from, end);
      const decoded = Buffer.from(value.replace(/\s/g, ""), "base64").toString("utf8");
      const block = [...findPemPrivateKeys(decoded), ...findPuttyKeys(decoded)].sort((a, b) => a.start - b.start)[0];
      if (!block) continue; // a certificate or public key, not a private key
      const inner = toMatch(decoded, block, `Base64-encoded ${block.format === "putty" ? "PuTTY" : block.label.toLowerCase()}`);
      const match: RawMatch = { secret: text.slice(at, end), index: at, message: inner.message ?? "" };
      if (inner.validation) match.validation = inner.validation;
      if (inner.severity) match.severity = inner.severity;
      out.push(match);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const wrapped = defineRule({
  id: "private-key-base64-pem",
  title: "Base64-encoded private key file",
  provider: "PEM",
  severity: "critical",
  keywords: ["ls0tls1crudjti", "uhvuvfktvxnlci1lzxktrmlszs"],
  window: KEY_WINDOW * 2,
  find: findWrappedKeys,
  docs: "https://kubernetes.io/docs/concepts/configuration/secret/",
  remediation: REMEDIATION,
  samples: () =>
    [Buffer.from(exampleKeys.ec(46).join("\n") + "\n").toString("base64"), Buffer.from(exampleKeys.openssh(47).join("\n") + "\n").toString("base64")] as const,
  truePositives: ([ec, openssh]) => [...withValue(ec, `  tls.key: %s`), ...withValue(openssh, `export SSH_KEY_B64=%s`)],
  falsePositives: () => [
    // A certificate is public: same prefix, no private key inside.
    `  tls.crt: ${Buffer.from(["-----BEGIN CERTIFICATE-----", ...exampleKeys.rsa(48).slice(1, -1), "-----END CERTIFICATE-----"].join("\n")).toString("base64")}`,
    `  tls.key: ${Buffer.from("-----BEGIN PRIVATE KEY-----\n<paste here>\n-----END PRIVATE KEY-----\n").toString("base64")}`,
  ],
});

export const rules: Rule[] = [rsa, ec, dsa, openssh, pkcs8, pkcs8Encrypted, pgp, putty, otherPem, wrapped];
