/**
 * Bounded JSON parsing, and what it shares with bounded-parse.ts's YAML: the limits, the error, the
 * refused prototype keys. Apart from the YAML half so that a JSON-only reader (the Claude Code hook,
 * which starts on every prompt) does not load the YAML library. Pure: no I/O.
 */
export interface ParseLimits {
  /** Largest text accepted, in UTF-16 code units (what `string.length` counts). */
  maxChars: number;
  /** Deepest nesting of lists and mappings. */
  maxDepth: number;
  /** Most entries in one list or mapping. */
  maxEntries: number;
  /** Most values in the whole document, every alias counted as the values it stands for. */
  maxValues: number;
}

/** Config and agent files: written by hand, small. */
export const FILE_LIMITS: ParseLimits = { maxChars: 16 * 1024 * 1024, maxDepth: 64, maxEntries: 10_000, maxValues: 200_000 };

/** Keys that would reach an object's prototype when written with `obj[key] = …` or read back. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

/**
 * A malformed input (`syntax`) or one refused by a limit or a prototype key (`refused`). `line` and
 * `column` are 1-based, when known.
 */
export class BoundedParseError extends Error {
  constructor(
    readonly kind: "syntax" | "refused",
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? reason : `${reason} (line ${line}${column === undefined ? "" : `, column ${column}`})`);
    this.name = "BoundedParseError";
  }
}

export const prototypeKeyReason = (key: string): string =>
  `the key "${key}" is not allowed: it would reach JavaScript's object prototype, so it is refused rather than ignored`;

/** Refuses a text over the size limit before anything walks it. */
export function checkSize(text: string, limits: ParseLimits): void {
  if (text.length > limits.maxChars) {
    throw new BoundedParseError("refused", `the file holds ${text.length} characters, more than the limit of ${limits.maxChars}`);
  }
}

export interface ParsedJson {
  value: unknown;
  /** Line where each value (or object member, by its key) starts, keyed by JSON pointer; when asked. */
  lines: Map<string, number>;
}

/** RFC 6901 pointer segment escaping, so that a server named `a/b` keeps its own pointer. */
export const jsonPointer = (base: string, segment: string | number): string => `${base}/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`;

/**
 * A strict JSON parser (RFC 8259; a leading byte order mark is skipped) within `limits`, that refuses
 * prototype keys and, with `withLines`, records the line where each value starts. It recurses only
 * up to `maxDepth`, so no input can exhaust the stack; `JSON.parse` reports neither lines nor positions
 * consistently across Node versions. Throws BoundedParseError with the line.
 */
export function parseJson(text: string, limits: ParseLimits = FILE_LIMITS, options: { withLines?: boolean } = {}): ParsedJson {
  checkSize(text, limits);
  const lines = new Map<string, number>();
  const withLines = options.withLines === true;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;
  let total = 0;
  let depth = 0;
  const fail = (message: string, kind: "syntax" | "refused" = "syntax"): never => {
    throw new BoundedParseError(kind, message, line, i - lineStart + 1);
  };
  const describe = (): string => (i >= text.length ? "the end of the file" : `\`${text[i]}\``);
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
      i++;
    }
  };
  // Jumps to the next quote, backslash or control character: a long string costs one regex search.
  // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
  const special = /["\\\u0000-\u001f]/g;
  const parseString = (): string => {
    const start = i++;
    let escaped = false;
    for (;;) {
      special.lastIndex = i;
      const found = special.exec(text);
      if (!found) {
        i = text.length;
        return fail("a string is not closed before the end of the file");
      }
      i = found.index;
      const c = text[i];
      if (c === '"') break;
      if (c === "\\") {
        escaped = true;
        i += 2;
        continue;
      }
      return fail(c === "\n" ? "a string is not closed before the end of the line" : "a string holds a raw control character (write it as an escape such as \\n)");
    }
    i++;
    if (!escaped) return text.slice(start + 1, i - 1);
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail("a string holds an invalid escape sequence");
    }
  };
  const countValue = () => {
    if (++total > limits.maxValues) fail(`the document holds more than ${limits.maxValues} values (the limit)`, "refused");
  };
  const checkEntries = (entries: number, at: string) => {
    if (entries > limits.maxEntries) fail(`${at === "" ? "the top level" : `\`${at}\``} holds more than ${limits.maxEntries} entries, the most one list or object may hold`, "refused");
  };
  const parseValue = (at: string): unknown => {
    skipSpace();
    if (withLines && !lines.has(at)) lines.set(at, line);
    countValue();
    const c = text[i];
    if (c === "{" || c === "[") {
      if (++depth > limits.maxDepth) fail(`nesting deeper than ${limits.maxDepth} levels (the limit)`, "refused");
      const value = c === "{" ? parseObject(at) : parseArray(at);
      depth--;
      return value;
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (literal) {
      i += literal[0].length;
      return JSON.parse(literal[0]) as unknown;
    }
    return fail(`expected a value, found ${describe()}`);
  };
  const parseObject = (at: string): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    skipSpace();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (let entries = 1; ; entries++) {
      checkEntries(entries, at);
      skipSpace();
      if (text[i] !== '"') fail(`expected a quoted key, found ${describe()}${text[i] === "}" ? " (a trailing comma is not allowed in JSON)" : ""}`);
      const keyLine = line;
      const key = parseString();
      if (isPrototypeKey(key)) {
        i -= key.length + 2;
        fail(prototypeKeyReason(key), "refused");
      }
      if (withLines) lines.set(jsonPointer(at, key), keyLine);
      skipSpace();
      if (text[i] !== ":") fail(`expected \`:\` after the key "${key}", found ${describe()}`);
      i++;
      out[key] = parseValue(jsonPointer(at, key));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "}") {
        i++;
        return out;
      } else fail(`expected \`,\` or \`}\` after the value of "${key}", found ${describe()}`);
    }
  };
  const parseArray = (at: string): unknown[] => {
    i++;
    const out: unknown[] = [];
    skipSpace();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      checkEntries(out.length + 1, at);
      skipSpace();
      if (text[i] === "]") fail("a trailing comma is not allowed in JSON");
      out.push(parseValue(jsonPointer(at, out.length)));
      skipSpace();
      if (text[i] === ",") i++;
      else if (text[i] === "]") {
        i++;
        return out;
      } else fail(`expected \`,\` or \`]\` in a list, found ${describe()}`);
    }
  };
  const value = parseValue("");
  skipSpace();
  if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
  return { value, lines };
}
