/** What a private key's preview reads: not one character of key material is shown. */
export const PRIVATE_KEY_PREVIEW = "[private key]";
const ELLIPSIS = "…";
/** Below this many characters after the public prefix, nothing of the value is shown. */
const SHOWN_FROM = 16;
const SHOWN_EACH_END = 2;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Whitespace and control characters become one space, so that a preview always stays on one line. */
function oneLine(text: string): string {
  // Most previews hold none: a test costs less than a replace that finds nothing.
  return LINE_BREAKING.test(text) ? text.replace(LINE_BREAKING_RUNS, " ") : text;
}
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex
const LINE_BREAKING_RUNS = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;

/**
 * A preview of a matched value that is safe to print, store and send: it cannot help a guess.
 * `publicPrefix` is the format's documented prefix (`ghp_`, `AKIA`, `xoxb-`; empty for name-based and
 * custom rules), the same for every value of the rule, so showing it gives nothing away. Of the rest,
 * only when it has 16 characters or more, the first 2 and the last 2 (at least 12 stay hidden, far
 * beyond brute force); a shorter rest shows `…` alone. Nothing at all for private keys. Characters are
 * counted as code points, so an emoji or an accented letter is never cut in half.
 */
export function redact(value: string, ruleId: string, publicPrefix = ""): string {
  if (ruleId.startsWith("private-key")) return PRIVATE_KEY_PREVIEW;
  const prefix = publicPrefix && value.startsWith(publicPrefix) ? publicPrefix : "";
  const restText = value.slice(prefix.length);
  // Without surrogate pairs code units are code points: the string itself, no array of characters.
  const rest: string | string[] = SURROGATE.test(restText) ? Array.from(restText) : restText;
  // The ellipsis is no line break: the preview is made one line in one go, not part by part.
  if (rest.length < SHOWN_FROM) return oneLine(prefix + ELLIPSIS);
  const first = rest.slice(0, SHOWN_EACH_END);
  const last = rest.slice(rest.length - SHOWN_EACH_END);
  return oneLine(prefix + joined(first) + ELLIPSIS + joined(last));
}

function joined(part: string | string[]): string {
  return typeof part === "string" ? part : part.join("");
}

/**
 * The documented public prefix of a value a rule matched: the longest of the rule's keywords the value
 * starts with (`ghp_`, `AKIA`, `sk_live_`), in the value's own spelling. Only for the built-in format
 * rules, whose keywords are their formats' prefixes; a name-based or custom rule's keyword (`password`)
 * at the start of a value would be part of the secret.
 */
export function publicPrefix(value: string, keywords: readonly string[], formatRule: boolean): string {
  if (!formatRule) return "";
  // Keywords are lower-case (the rule contract): only the value's start is lowered. An index loop: this
  // runs for every provider finding, mostly before V8 has optimised it.
  const lower = value.slice(0, 16).toLowerCase();
  let longest = 0;
  for (let i = 0; i < keywords.length; i++) {
    const length = (keywords[i] as string).length;
    if (length > longest && length <= 12 && length < value.length && lower.startsWith(keywords[i] as string)) longest = length;
  }
  return value.slice(0, longest);
}

/** Paths as every door spells them: forward slashes, no leading `./`. */
export function normalizePath(path: string): string {
  let out = path.replace(/\\/g, "/");
  while (out.startsWith("./")) out = out.slice(2);
  return out;
}

/** What stands in for a value in the line a fingerprint is built from. */
export const MASK = "\u2022";

/**
 * The line a finding's fingerprint is built from: every reported value on it replaced by one mask
 * character, whitespace runs made one space, trimmed (so re-indenting keeps the id).
 * `ranges` are [start, end) offsets in `line`, in any order, possibly overlapping.
 */
export function maskLine(line: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  // Clamped, non-empty, by start. Plain loops: most lines hold one or two values, already in order.
  const sorted: Array<readonly [number, number]> = [];
  let inOrder = true;
  for (let r = 0; r < ranges.length; r++) {
    const range = ranges[r] as readonly [number, number];
    const start = Math.max(0, range[0]);
    const end = Math.min(line.length, range[1]);
    if (end <= start) continue;
    if (inOrder && sorted.length > 0 && (sorted[sorted.length - 1] as readonly [number, number])[0] > start) inOrder = false;
    sorted.push([start, end]);
  }
  if (!inOrder) sorted.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (let r = 0; r < sorted.length; r++) {
    const range = sorted[r] as readonly [number, number];
    const start = range[0];
    const end = range[1];
    if (end <= at) continue;
    if (start > at) out += line.slice(at, start);
    if (start >= at || !out.endsWith(MASK)) out += MASK;
    at = end;
  }
  out += line.slice(at);
  // Trimmed first (the same whitespace as \s): an indented line then mostly has no run left to collapse.
  const trimmed = out.trim();
  // Only a run of whitespace or a character other than a space changes here: most lines have none.
  return UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
}
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/**
 * A stable id for a finding that carries nothing of the value: SHA-256 of the rule, the normalized
 * path and `context` (for a detected value, its line with every value masked, see maskLine; for a
 * policy finding, what the finding is about), plus an occurrence number when one file holds the same
 * masked line more than once; 32 hex characters. Not the line number nor the commit, so moving the line
 * or re-adding it in another commit (a rebase) keeps the id. A report alone cannot confirm a guess of
 * the value, because the value is not in what is hashed.
 */
export function fingerprint(ruleId: string, path: string, context: string, occurrence = 0): string {
  // A document's findings come one after another with the same path: normalized once.
  if (path !== lastPath) {
    lastPath = path;
    lastNormalizedPath = normalizePath(path);
  }
  const input = `fp2\0${ruleId}\0${lastNormalizedPath}\0${context}${occurrence > 0 ? `\0${occurrence}` : ""}`;
  return sha256Hex(input).slice(0, 32);
}

let lastPath: string | undefined;
let lastNormalizedPath = "";

/**
 * The fingerprint of releases before 0.2: SHA-256 of rule, path and the value itself. Only ever
 * computed to honour such lines already in a `.claude-guard-ignore` (the scanner has the value
 * locally); never printed, stored or sent, since it would let a report confirm a guess.
 */
export function valueFingerprint(ruleId: string, path: string, value: string): string {
  return sha256Hex(`${ruleId}\0${normalizePath(path)}\0${value}`).slice(0, 32);
}

/**
 * SHA-256 of the string's UTF-8, in hex: a one-shot hash, no Hash object per finding. node:crypto is
 * taken when first needed, not imported: it loads Node's streams stack, which the Claude Code hook, a
 * new process per event, would pay for on every event that finds nothing.
 */
export function sha256Hex(input: string): string {
  hashOnce ??= process.getBuiltinModule("node:crypto").hash;
  return hashOnce("sha256", input, "hex");
}

/** node:crypto's one-shot hash, looked up on the first fingerprint rather than on each. */
let hashOnce: ((algorithm: string, data: string, encoding: "hex") => string) | undefined;
