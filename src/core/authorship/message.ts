/**
 * Splits a commit message into the lines that can carry authorship markers, and says where each one
 * stands. Where matters: `Co-Authored-By: Claude <noreply@anthropic.com>` in the trailer block is an
 * attribution; the same text in a sentence ("drop the Co-Authored-By: Claude line"), in a quote, in an
 * indented or fenced example, is a commit talking *about* attribution, which is common in commits
 * that add hooks or CLAUDE.md rules to strip it.
 *
 * - `block`: the line is in a paragraph made only of trailers (`Key: value`), tool footers ("🤖
 *   Generated with …") and `(cherry picked from commit …)` lines. That is git's trailer block, and
 *   also each inner commit's trailers in a GitHub squash message.
 * - `loose`: the line stands alone at column 0 but shares its paragraph with prose. Detection treats
 *   markers there as weak hints.
 * Lines in the subject, indented, quoted with `>`, or inside ``` fences are not returned at all.
 */

export type Placement = "block" | "loose";

interface MessageLine {
  /** The line, without its line break. */
  text: string;
  /** 0-based line number in the message. */
  index: number;
  placement: Placement;
}

interface Trailer {
  /** The key as written, e.g. "Co-Authored-By". */
  key: string;
  value: string;
  line: MessageLine;
}

export interface ParsedMessage {
  /** First non-blank line. */
  subject: string;
  lines: MessageLine[];
  trailers: Trailer[];
}

/** `Key: value` with a key of letters, digits and dashes (git accepts spaces before the colon). */
const TRAILER_LINE = /^([A-Za-z][A-Za-z0-9-]{0,63})[ \t]*:[ \t]*(\S.*)$/;
const CHERRY_PICK_LINE = /^\(cherry picked from commit [0-9a-f]{7,64}\)$/i;
const FENCE = /^\s{0,3}(?:```|~~~)/;

/**
 * Messages larger than this are cut to their head and tail before analysis: markers live in the
 * subject and the trailer block, and a bounded input keeps every pass linear and cheap.
 */
const MAX_MESSAGE_CHARS = 256 * 1024;

function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const half = MAX_MESSAGE_CHARS / 2;
  return message.slice(0, half) + "\n\n" + message.slice(message.length - half);
}

/**
 * @param isFooterLine recognises tool footers ("Generated with …") so that a footer sharing a
 *   paragraph with trailers keeps that paragraph a trailer block.
 */
export function parseMessage(message: string, isFooterLine: (trimmed: string) => boolean): ParsedMessage {
  const raw = boundedMessage(message).replace(/\r\n?/g, "\n").split("\n");

  // Lines that only quote or show examples: fenced blocks, indented lines, "> " quotes.
  const quoted: boolean[] = [];
  let inFence = false;
  for (const line of raw) {
    if (FENCE.test(line)) {
      quoted.push(true);
      inFence = !inFence;
      continue;
    }
    quoted.push(inFence || /^[ \t]/.test(line) || line.startsWith(">"));
  }

  const isBlank = (i: number): boolean => (raw[i] ?? "").trim() === "";
  let subjectIndex = 0;
  while (subjectIndex < raw.length && isBlank(subjectIndex)) subjectIndex++;
  const subject = (raw[subjectIndex] ?? "").trim();

  // Paragraphs after the subject paragraph: runs of non-blank lines.
  let i = subjectIndex;
  while (i < raw.length && !isBlank(i)) i++;
  const subjectParagraphEnd = i;
  const lines: MessageLine[] = [];

  // Lines under the subject without a blank line between them (e.g. "Fix x\nCo-Authored-By: …"):
  // not a trailer block for git, so at most loose.
  for (let k = subjectIndex + 1; k < subjectParagraphEnd; k++) {
    if (!quoted[k]) lines.push({ text: raw[k] as string, index: k, placement: "loose" });
  }

  while (i < raw.length) {
    while (i < raw.length && isBlank(i)) i++;
    const start = i;
    while (i < raw.length && !isBlank(i)) i++;
    if (start === i) break;
    let block = true;
    for (let k = start; k < i; k++) {
      const text = raw[k] as string;
      const trimmed = text.trim();
      const ok =
        (!quoted[k] && (TRAILER_LINE.test(text) || isFooterLine(trimmed) || CHERRY_PICK_LINE.test(trimmed))) ||
        // A folded trailer value continues on an indented line.
        (k > start && /^[ \t]+\S/.test(text) && !FENCE.test(text) && TRAILER_LINE.test(raw[k - 1] as string));
      if (!ok) {
        block = false;
        break;
      }
    }
    for (let k = start; k < i; k++) {
      if (!quoted[k]) lines.push({ text: raw[k] as string, index: k, placement: block ? "block" : "loose" });
    }
  }

  const trailers: Trailer[] = [];
  for (const line of lines) {
    const m = TRAILER_LINE.exec(line.text);
    if (m) trailers.push({ key: m[1] as string, value: (m[2] as string).trim(), line });
  }
  return { subject, lines, trailers };
}

export interface Identity {
  name: string;
  email: string;
  login?: string;
}

/** Collapses runs of whitespace and trims, so "Claude  Opus 4.5 " compares as "Claude Opus 4.5". */
export function normalizeName(name: string): string {
  return name
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["'](.*)["']$/, "$1")
    .trim();
}

/**
 * The person in a trailer value: `Name <email>`, `Name email` (angle brackets lost to Markdown), or a
 * bare `Name`.
 */
export function parseIdentity(value: string): Identity {
  const v = value.trim().slice(0, 500);
  const bracketed = /^([^<>]*)<\s*([^<>\s]*)\s*>\s*[.,;]?$/.exec(v);
  if (bracketed) return { name: normalizeName(bracketed[1] as string), email: (bracketed[2] as string).trim() };
  const bare = /^(.*?)\s+\(?([^\s<>()@]+@[^\s<>()@]+?)\)?[.,;]?$/.exec(v);
  if (bare) return { name: normalizeName(bare[1] as string), email: bare[2] as string };
  if (/^[^\s<>()@]+@[^\s<>()@]+$/.test(v)) return { name: "", email: v };
  return { name: normalizeName(v), email: "" };
}
