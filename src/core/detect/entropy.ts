/** Counts of ASCII characters, reused by every call (zeroed again before it returns). */
const asciiCounts = new Int32Array(128);
/** The distinct ASCII characters of the value, in the order they first occur. */
const asciiOrder = new Uint8Array(128);

/** Shannon entropy in bits per character: random tokens score high, words and repeats low. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII (almost every value): counted in an array, not a Map. Summed in the order characters first
  // occur, as the Map below iterates, so the result is the same to the last bit.
  let distinct = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128) {
      for (let k = 0; k < distinct; k++) asciiCounts[asciiOrder[k] as number] = 0;
      return entropyOfCodePoints(value);
    }
    if ((asciiCounts[code] as number) === 0) asciiOrder[distinct++] = code;
    asciiCounts[code] = (asciiCounts[code] as number) + 1;
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const code = asciiOrder[k] as number;
    const p = (asciiCounts[code] as number) / value.length;
    bits -= p * Math.log2(p);
    asciiCounts[code] = 0;
  }
  return bits;
}

function entropyOfCodePoints(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
