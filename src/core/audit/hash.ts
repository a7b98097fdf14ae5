/**
 * Keyed hashes for the audit trail. Every hash in a record is HMAC-SHA256 with the App's
 * `AUDIT_HMAC_KEY`: a plain SHA-256 of a short password found in a change could be brute-forced back
 * from the record, a keyed one cannot without the key. The same key signs the hidden markers of the
 * audit issue and its record comments, so a person who can comment on the issue cannot forge a record.
 * Pure (node:crypto only).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { CommitChange } from "../types.js";

export const CONTENT_HASH_PREFIX = "hmac-sha256:";

/** Below this length the key is accepted, but the App warns that it is weak. */
export const RECOMMENDED_KEY_CHARS = 32;

export function hmacHex(key: string, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("hex");
}

/**
 * Names the key without revealing it (an HMAC of a fixed label): `audit verify` and a reader of the
 * records can tell which key produced a hash after a key rotation.
 */
export function keyId(key: string): string {
  return hmacHex(key, "claude-guard audit key id v1").slice(0, 16);
}

/**
 * The canonical text of what Claude's commits added, hashed as the record's `content_hash`:
 * per commit (in the order given: the scan's order), `commit <sha>\n`, then per file (sorted by path)
 * `file <path>\n` followed by each added line and `\n`. Only added lines count, exactly as the scanner
 * received them, so `claude-guard audit verify` can recompute it from a clone.
 */
export function canonicalAddedLines(changes: readonly CommitChange[]): string {
  return [...canonicalParts(changes)].join("");
}

export function contentHash(key: string, changes: readonly CommitChange[]): string {
  const mac = createHmac("sha256", key);
  // Streamed part by part: a large pull request is not copied into one more big string.
  for (const part of canonicalParts(changes)) mac.update(part, "utf8");
  return CONTENT_HASH_PREFIX + mac.digest("hex");
}

function* canonicalParts(changes: readonly CommitChange[]): Generator<string> {
  for (const change of changes) {
    yield `commit ${change.commit.sha}\n`;
    const files = [...change.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const file of files) {
      yield `file ${file.path}\n`;
      // Each line and its "\n": the text, which joins them, and one more.
      if (file.lineNumbers.length > 0) yield file.text + "\n";
    }
  }
}

/** A short signature for a hidden marker (128 bits: plenty against forgery, short in the body). */
export function signature(key: string, text: string): string {
  return hmacHex(key, text).slice(0, 32);
}

export function signatureMatches(key: string, text: string, candidate: string): boolean {
  const expected = Buffer.from(signature(key, text), "utf8");
  const given = Buffer.from(candidate, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
