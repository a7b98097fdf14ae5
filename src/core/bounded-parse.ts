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
import { BoundedParseError, checkSize, FILE_LIMITS, isPrototypeKey, prototypeKeyReason, type ParseLimits } from "./bounded-json.js";

export { BoundedParseError, FILE_LIMITS, jsonPointer, parseJson, type ParsedJson, type ParseLimits } from "./bounded-json.js";

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
