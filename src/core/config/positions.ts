/**
 * Where each key and value of a YAML document is written, by key path, so that a validation error
 * can name its line and column.
 *
 * Built from js-yaml's event stream (`parseEvents`: every node with its source offsets), walked with
 * a stack of open mappings and sequences: the path of a node is known exactly, so a key name used at
 * several depths (`teams`, `paths`) or in several list items is never confused with another one, as
 * a text search would.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from "js-yaml";

const { DOCUMENT: EVENT_DOCUMENT, SEQUENCE: EVENT_SEQUENCE, MAPPING: EVENT_MAPPING, SCALAR: EVENT_SCALAR, ALIAS: EVENT_ALIAS, POP: EVENT_POP } = EVENT_ID;

export type KeyPath = ReadonlyArray<string | number>;

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface Entry {
  /** Offset of the key, for values held in a mapping. */
  key?: number;
  /** Offset of the value; absent for an empty value (`key:` with nothing after it). */
  value?: number;
}

/** Where the key at `path` is written in a config file; undefined when that key is not written there. */
export type Locator = (path: KeyPath) => SourcePosition | undefined;

/** Both offsets for a key path; `locate` picks the one to show. */
export interface PositionIndex {
  /** The key's position (for unknown keys), else the value's. */
  key(path: KeyPath): SourcePosition | undefined;
  /**
   * The value's position when it starts on the key's line (`failOn: sometimes`), else the key's
   * (`rules:` followed by an indented block). A path that is not written (a missing key) falls back to
   * its nearest written ancestor.
   */
  value(path: KeyPath): SourcePosition | undefined;
  /** Where the key (or list item) at exactly `path` is written; undefined when it is not written. */
  exact(path: KeyPath): SourcePosition | undefined;
}

const pathKey = (path: KeyPath): string => JSON.stringify(path);

/** An open collection. `path` is null for one that has no key path (under a complex mapping key). */
type Frame =
  | { kind: "mapping"; path: KeyPath | null; awaitingKey: boolean; key: { name: string; offset: number } | null }
  | { kind: "sequence"; path: KeyPath | null; index: number };

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function toPosition(starts: number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/** Where a node starts: quoted scalars' offsets point inside the quotes; anchors and tags come first. */
function startOf(event: Event): number | undefined {
  if (!("anchorStart" in event)) return undefined;
  const prefix = [event.anchorStart, "tagStart" in event ? event.tagStart : -1].filter((o) => o >= 0);
  if (prefix.length > 0) return Math.min(...prefix);
  if ("valueStart" in event) {
    if (event.valueStart < 0) return undefined;
    const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
    return quoted ? event.valueStart - 1 : event.valueStart;
  }
  return "start" in event ? event.start : undefined;
}

/**
 * Indexes the first document of `text`. Never throws: for text js-yaml cannot parse, the index is
 * empty (the caller reports the YAML error itself).
 */
export function indexPositions(text: string): PositionIndex {
  const entries = new Map<string, Entry>();
  const starts = lineStarts(text);
  let events: Event[] = [];
  try {
    events = parseEvents(text, {});
  } catch {
    events = [];
  }
  const stack: Frame[] = [];
  let documents = 0;
  const record = (path: KeyPath, key: number | undefined, value: number | undefined) => {
    const entry: Entry = {};
    if (key !== undefined) entry.key = key;
    if (value !== undefined) entry.value = value;
    entries.set(pathKey(path), entry);
  };
  /** Places a node (scalar, alias or collection) in its parent; returns its key path, or null. */
  const enter = (event: Event): KeyPath | null => {
    const parent = stack[stack.length - 1];
    const offset = startOf(event);
    if (!parent) {
      record([], undefined, offset);
      return [];
    }
    if (parent.kind === "sequence") {
      const index = parent.index++;
      if (parent.path === null) return null;
      const path = [...parent.path, index];
      record(path, undefined, offset);
      return path;
    }
    // In a mapping, nodes alternate: key, value, key, value…
    if (parent.awaitingKey) {
      parent.awaitingKey = false;
      // Only a scalar key has a name that can appear in a key path; a complex key's nodes get none.
      parent.key = parent.path !== null && event.type === EVENT_SCALAR ? { name: getScalarValue(text, event), offset: offset ?? 0 } : null;
      return null;
    }
    parent.awaitingKey = true;
    const key = parent.key;
    parent.key = null;
    if (parent.path === null || key === null) return null;
    const path = [...parent.path, key.name];
    record(path, key.offset, offset);
    return path;
  };
  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) {
      // Only the first document counts (js-yaml's load refuses more than one anyway).
      if (++documents > 1) break;
    } else if (event.type === EVENT_SEQUENCE) {
      stack.push({ kind: "sequence", path: enter(event), index: 0 });
    } else if (event.type === EVENT_MAPPING) {
      stack.push({ kind: "mapping", path: enter(event), awaitingKey: true, key: null });
    } else if (event.type === EVENT_SCALAR || event.type === EVENT_ALIAS) {
      enter(event);
    } else if (event.type === EVENT_POP) {
      stack.pop();
    }
  }
  return locatorOver(entries, starts);
}

function locatorOver(entries: Map<string, Entry>, starts: number[]): PositionIndex {
  const nearest = (path: KeyPath): Entry | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const entry = entries.get(pathKey(path.slice(0, n)));
      if (entry && (entry.key !== undefined || entry.value !== undefined)) return entry;
    }
    return undefined;
  };
  return {
    exact(path) {
      const entry = entries.get(pathKey(path));
      const offset = entry?.key ?? entry?.value;
      return offset === undefined ? undefined : toPosition(starts, offset);
    },
    key(path) {
      const entry = nearest(path);
      const offset = entry?.key ?? entry?.value;
      return offset === undefined ? undefined : toPosition(starts, offset);
    },
    value(path) {
      const entry = nearest(path);
      if (!entry) return undefined;
      if (entry.value !== undefined && (entry.key === undefined || toPosition(starts, entry.value).line === toPosition(starts, entry.key).line)) {
        return toPosition(starts, entry.value);
      }
      const offset = entry.key ?? entry.value;
      return offset === undefined ? undefined : toPosition(starts, offset);
    },
  };
}
