/** Checksums that token formats embed, so a value can be checked offline. */

const CRC32_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as zlib computes it) of a string's UTF-8 bytes (tokens are ASCII). */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  const bytes = Buffer.from(text, "utf8");
  for (const byte of bytes) crc = (CRC32_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `value` in base 62 (digits, upper, lower), left-padded with "0" to `width`. */
export function base62(value: number, width: number): string {
  let out = "";
  let v = value;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, "0");
}

/**
 * GitHub's token checksum (also used by npm's `npm_` tokens): the last 6 characters are the CRC-32 of
 * the random part in base 62. `body` is the random part without the prefix and checksum.
 */
export function githubStyleChecksum(body: string): string {
  return base62(crc32(body), 6);
}

/** True when the token's last 6 characters are the checksum of the `entropyLength` characters before them. */
export function hasGithubStyleChecksum(tokenWithoutPrefix: string): boolean {
  if (tokenWithoutPrefix.length < 7) return false;
  const body = tokenWithoutPrefix.slice(0, -6);
  return githubStyleChecksum(body) === tokenWithoutPrefix.slice(-6);
}

/** Luhn check over the digits of `text` (non-digits ignored). */
export function luhnValid(text: string): boolean {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    let d = code - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
    digits++;
  }
  return digits > 1 && sum % 10 === 0;
}
