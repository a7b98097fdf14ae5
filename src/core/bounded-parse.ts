/**
 * The one way claude-guard turns untrusted text (its config, Claude Code's agent files, hook events,
 * audit records) into objects: YAML and JSON parsing with bounds on size, nesting depth, entries per
 * list or mapping and total values (aliases counted as what they expand to), and with the keys that
 * reach JavaScript's object machinery (`__proto__`, `constructor`, `prototype`) refused.
 *
 * Every limit fails fast with a message that names the limit, and with the line and column where the
 * file crossed it, so an alias bomb or a 200,000-level nesting is a clear error, not an out-of-memory
 * crash or "Maximum call stack size exceeded". Pure: no I/O.
 */
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event } from "js-yaml";

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

function isPrototypeKey(key: string): boolean {
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

const prototypeKeyReason = (key: string): string =>
  `the key "${key}" is not allowed: it would reach JavaScript's object prototype, so it is refused rather than ignored`;

/** How a key path reads in messages: `paths.ignore`, `hooks.PreToolUse[0]`. */
function describePath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const segment of path) out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  return out === "" ? "the top level" : `\`${out}\``;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function checkSize(text: string, limits: ParseLimits): void {
  if (text.length > limits.maxChars) {
    throw new BoundedParseError("refused", `the file holds ${text.length} characters, more than the limit of ${limits.maxChars}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// YAML

/**
 * Parse one YAML document (CORE schema) within `limits`. Empty text gives undefined. Throws
 * BoundedParseError, with the line, for invalid YAML and for every limit.
 */
export function parseYaml(text: string, limits: ParseLimits = FILE_LIMITS): unknown {
  checkSize(text, limits);
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: limits.maxDepth });
  } catch (error) {
    throw fromYamlException(error, limits);
  }
  checkYamlEvents(text, events, limits);
  let documents: unknown[];
  try {
    documents = constructFromEvents(events, { source: text });
  } catch (error) {
    throw fromYamlException(error, limits);
  }
  if (documents.length > 1) throw new BoundedParseError("syntax", "expected one YAML document, found several (`---` separates documents)");
  return documents[0];
}

function fromYamlException(error: unknown, limits: ParseLimits): BoundedParseError {
  if (!(error instanceof YAMLException)) return new BoundedParseError("syntax", (error as Error).message);
  // js-yaml's own depth limit is a limit, not a syntax error.
  const kind = /maxDepth|maxAliases/.test(error.reason) ? "refused" : "syntax";
  const reason = kind === "refused" && /maxDepth/.test(error.reason) ? `nesting deeper than ${limits.maxDepth} levels (the limit)` : error.reason;
  return error.mark ? new BoundedParseError(kind, reason, error.mark.line + 1, error.mark.column + 1) : new BoundedParseError(kind, reason);
}

interface YamlFrame {
  kind: "document" | "mapping" | "sequence";
  /** Children seen so far (a mapping's keys and values both count). */
  children: number;
  /** Values in this node, aliases expanded. */
  size: number;
  anchor?: string;
  path: Array<string | number>;
  /** The key just read, while its value is awaited. */
  key?: string | number;
}

/**
 * Walk the event stream once: nesting, entries per collection, values with aliases expanded (so an
 * alias bomb is refused before anything expands it) and prototype keys, including one reached
 * through an alias.
 */
function checkYamlEvents(text: string, events: readonly Event[], limits: ParseLimits): void {
  const anchors = new Map<string, { size: number; key?: string }>();
  const stack: YamlFrame[] = [];
  let total = 0;
  let offset = 0;
  const fail = (reason: string): never => {
    const { line, column } = positionOf(text, offset);
    throw new BoundedParseError("refused", reason, line, column);
  };
  const valuePath = (parent: YamlFrame): Array<string | number> =>
    parent.kind === "document" ? [] : [...parent.path, parent.kind === "sequence" ? parent.children : (parent.key ?? "?")];
  /** Counts a finished child of the top frame; a mapping's even children are keys. */
  const addChild = (size: number, keyText: string | undefined) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const isKey = parent.kind === "mapping" && parent.children % 2 === 0;
    if (isKey) {
      if (keyText !== undefined && isPrototypeKey(keyText)) fail(prototypeKeyReason(keyText));
      parent.key = keyText ?? parent.children / 2;
    }
    parent.children++;
    parent.size += size;
    const entries = parent.kind === "mapping" ? Math.ceil(parent.children / 2) : parent.children;
    if (parent.kind !== "document" && entries > limits.maxEntries) {
      fail(`${describePath(parent.path)} holds more than ${limits.maxEntries} entries, the most one list or mapping may hold`);
    }
  };
  const count = (size: number) => {
    total += size;
    if (total > limits.maxValues) {
      fail(`the document holds more than ${limits.maxValues} values once its aliases are expanded (the limit); an alias that repeats an alias ("billion laughs") is refused`);
    }
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: "document", children: 0, size: 0, path: [] });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        offset = event.start;
        count(1);
        const parent = stack[stack.length - 1];
        const frame: YamlFrame = { kind: event.type === EVENT_ID.MAPPING ? "mapping" : "sequence", children: 0, size: 1, path: parent ? valuePath(parent) : [] };
        if (event.anchorStart >= 0) frame.anchor = text.slice(event.anchorStart, event.anchorEnd);
        stack.push(frame);
        break;
      }
      case EVENT_ID.SCALAR: {
        offset = Math.max(0, event.anchorStart >= 0 ? event.anchorStart : event.valueStart);
        count(1);
        const value = getScalarValue(text, event);
        if (event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), { size: 1, key: value });
        addChild(1, value);
        break;
      }
      case EVENT_ID.ALIAS: {
        offset = event.anchorStart;
        const target = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        const size = target?.size ?? 1;
        count(size);
        addChild(size, target?.key);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame && frame.kind !== "document") {
          if (frame.anchor !== undefined) anchors.set(frame.anchor, { size: frame.size });
          addChild(frame.size, undefined);
        }
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// JSON

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
