/**
 * UTF-16 text files (Windows tools write them: PowerShell output, .reg exports, some .NET and VS files)
 * are full of NUL bytes, so the binary check would skip them. With a byte-order mark their encoding is
 * certain: they are decoded instead. Without one, UTF-16 cannot be told from binary cheaply and stays
 * skipped as binary.
 */

/** Looked at for NUL characters after decoding, like the binary check's first 8000 bytes. */
const SNIFF_CHARS = 4000;

/**
 * The text of UTF-16 LE or BE bytes that start with a byte-order mark (the mark left out), or undefined
 * when the bytes have no such mark or decode to text holding NUL characters (binary after all).
 */
export function decodeUtf16WithBom(bytes: Uint8Array): string | undefined {
  if (bytes.length < 2) return undefined;
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!littleEndian && !bigEndian) return undefined;
  let units = bytes.subarray(2, bytes.length - (bytes.length % 2));
  if (bigEndian) {
    const swapped = new Uint8Array(units.length);
    for (let i = 0; i + 1 < units.length; i += 2) {
      swapped[i] = units[i + 1] as number;
      swapped[i + 1] = units[i] as number;
    }
    units = swapped;
  }
  const text = new TextDecoder("utf-16le").decode(units);
  return text.slice(0, SNIFF_CHARS).includes("\0") ? undefined : text;
}
