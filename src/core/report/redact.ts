import { createHash } from "node:crypto";
import type { Category } from "../types.js";

/** What a private key's preview reads: not one character of key material is shown. */
export const PRIVATE_KEY_PREVIEW = "[private key]";
const ELLIPSIS = "…";

/**
 * How many characters of a value of `length` characters may be shown at each end. The budget shrinks
 * with the length so that a short value is never given away (a 6-character password with 3 + 3 shown
 * would be the whole password).
 */
function previewBudget(length: number, category: Category | undefined): { head: number; tail: number } {
  let budget: { head: number; tail: number };
  if (length >= 12) budget = { head: 4, tail: 4 };
  else if (length >= 8) budget = { head: 2, tail: 2 };
  else if (length >= 4) budget = { head: 1, tail: 0 };
  else budget = { head: 0, tail: 0 };
  // Personal data (an email address, a phone number) identifies someone even from a few characters:
  // show half as much.
  if (category === "pii") budget = { head: Math.floor(budget.head / 2), tail: Math.floor(budget.tail / 2) };
  return budget;
}

/** Whitespace and control characters become one space, so that a preview always stays on one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, " ");
}

/**
 * A preview of a matched value that is safe to print, store and send: never the whole value.
 * At most the first 4 and last 4 characters of a value of 12 or more characters, the first 2 and last
 * 2 of 8 to 11, the first one of 4 to 7 and nothing of shorter ones (`…`); nothing at all for private
 * keys; half that for personal data. Characters are counted as code points, so an emoji or an accented
 * letter is never cut in half.
 */
export function redact(value: string, ruleId: string, category?: Category): string {
  if (ruleId.startsWith("private-key")) return PRIVATE_KEY_PREVIEW;
  const chars = Array.from(value);
  const { head, tail } = previewBudget(chars.length, category);
  const start = chars.slice(0, head).join("");
  const end = tail > 0 ? chars.slice(chars.length - tail).join("") : "";
  return oneLine(start) + ELLIPSIS + oneLine(end);
}

/** Paths as every door spells them: forward slashes, no leading `./`. */
export function normalizePath(path: string): string {
  let out = path.replace(/\\/g, "/");
  while (out.startsWith("./")) out = out.slice(2);
  return out;
}

/**
 * A stable id for a finding: SHA-256 of `ruleId \0 path \0 secret`, as 32 hex characters. It ignores
 * the line and the commit, so moving the line or re-adding the value in another commit keeps the id
 * (and an entry in `.claude-guard-ignore` keeps working). The path is normalized first, so the CLI on
 * Windows and the App on GitHub compute the same id. The value cannot be read back from it.
 */
export function fingerprint(ruleId: string, path: string, secret: string): string {
  return createHash("sha256")
    .update(`${ruleId}\0${normalizePath(path)}\0${secret}`, "utf8")
    .digest("hex")
    .slice(0, 32);
}
