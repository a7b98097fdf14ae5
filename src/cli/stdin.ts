/** `scan -`: the text to scan read from stdin, with the same bound as a file of a tree scan. */
import { formatBytes } from "../core/report/text.js";

/**
 * Everything `input` gives until it ends, at most `maxBytes`: past that, reading stops (the writer gets
 * a broken pipe) and an error says so, so an endless stream ends the scan instead of filling memory.
 */
export async function readBounded(input: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    size += bytes.length;
    if (size > maxBytes) {
      throw new Error(`stdin holds more than ${formatBytes(maxBytes)}, the most claude-guard reads of one file (as in a tree scan); nothing was scanned`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}
