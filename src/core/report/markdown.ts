/**
 * GitHub-flavoured Markdown helpers for text that comes from the scanned repository (paths, commit
 * subjects, author names, authorship evidence, rule messages quoting key names). Such text is written
 * by whoever pushes the commits, so it must not be able to add links, images, HTML, @mentions or
 * break a table when shown in a check run or a job summary. Pure: no I/O.
 */

const ELLIPSIS = "…";
const ZWSP = "\u200b";

/**
 * Control characters, bidi overrides and line separators become visible escapes (`\x0a`, `\u202e`):
 * a newline would end a table row or a list item, and bidi controls can make a path read as another.
 */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu, (ch) => {
    const code = ch.codePointAt(0) as number;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** At most `max` code points (an emoji is never cut in half), with `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + ELLIPSIS;
}

/**
 * Text from the repository as inert Markdown prose: every character Markdown gives a meaning is
 * backslash-escaped, `<` and `&` become entities (no HTML, no entity tricks such as `&#64;`), `@` is
 * followed by a zero-width space (GitHub links mentions after rendering, so a backslash would not stop
 * them), and `://` / `www.` are broken so that GitHub's autolinker makes no link of a URL.
 * `max` bounds the length (in code points) before escaping.
 */
export function mdText(text: string, max = 300): string {
  return visibleControls(truncate(text, max))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#+\-.!|~=:]/g, (ch) => "\\" + ch)
    .replace(/@/g, "@" + ZWSP)
    // `:` is escaped above and `/` is not: `https\://` becomes `https\:<ZWSP>//`.
    .replace(/\\:\/\//g, "\\:" + ZWSP + "//")
    .replace(/(www)\\\./gi, "$1" + ZWSP + "\\.");
}

/**
 * Plain text whose `backticked` parts were meant as code (a note naming a file or a key): those parts
 * become code spans, the rest goes through mdText. Unpaired backticks stay literal text.
 */
export function mdInline(text: string, max = 300): string {
  const cut = truncate(text, max);
  const out: string[] = [];
  let at = 0;
  for (const match of cut.matchAll(/`([^`\n]{1,300})`/g)) {
    out.push(mdText(cut.slice(at, match.index), max), codeSpan(match[1] as string, { max }));
    at = match.index + match[0].length;
  }
  out.push(mdText(cut.slice(at), max));
  return out.join("");
}

/**
 * A code span that holds `text` literally, whatever backticks it contains: the fence is one backtick
 * longer than the longest run inside (CommonMark), padded with a space when the text starts or ends
 * with a backtick. Code spans are never linked, mentioned or parsed as HTML. In a table, pass
 * `inTable` so that `|` (which GFM splits cells on even inside code spans) is escaped.
 */
export function codeSpan(text: string, options: { max?: number; inTable?: boolean } = {}): string {
  let body = visibleControls(truncate(text, options.max ?? 200));
  if (options.inTable) body = body.replace(/\|/g, "\\|");
  if (body.length === 0) return "` `";
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A fenced code block holding `text` literally: the fence is longer than any backtick run inside, so
 * the content cannot close it early.
 */
export function codeBlock(text: string, language = ""): string {
  let longest = 2;
  for (const run of text.match(/`{3,}/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * One path segment, owner or ref as it may sit in a URL: percent-encoded, including the characters
 * `encodeURIComponent` leaves alone but Markdown reads (`(`, `)`, `!`, `*`, `'`, `~`), so a crafted
 * name cannot end a link destination early.
 */
export function urlSegment(text: string): string {
  return encodeURIComponent(text).replace(/[()!*'~]/g, (ch) => "%" + (ch.codePointAt(0) as number).toString(16).toUpperCase());
}

/** A repository path as URL path segments (each one encoded, the slashes kept). */
export function urlPath(path: string): string {
  return path
    .replace(/\\/g, "/")
    .split("/")
    .filter((segment, i) => !(i === 0 && segment === "."))
    .map(urlSegment)
    .join("/");
}

/** A Markdown link whose text is already-safe Markdown and whose URL was built from encoded parts. */
export function mdLink(safeText: string, url: string): string {
  return `[${safeText}](${url})`;
}

/** Size in UTF-8 bytes: GitHub's limits are stated in characters; counting bytes is the safe side. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
