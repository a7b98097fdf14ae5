/**
 * Config errors as users read them: each names the file, the key path and the line, says what was
 * expected and what was found, and suggests the key that was probably meant. Turns zod's issues
 * (which know the path) into these, with positions from the YAML source (positions.ts).
 */
import type * as z from "zod";
import type { KeyPath, PositionIndex } from "./positions.js";

export interface ConfigError {
  file: string;
  /** Key path, e.g. `rules[0].severity` or `skills["deploy/*"].teams[1]`; empty for the whole file. */
  key: string;
  /** 1-based line of the key (or value) in the file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
  /** Absent means "error": errors stop a scan; warnings are reported and change nothing. */
  severity?: "error" | "warning";
}

export function formatConfigError(error: ConfigError): string {
  const where = `${error.file}${error.line ? `:${error.line}` : ""}`;
  return `${where}: ${error.severity === "warning" ? "warning: " : ""}${error.key ? `${error.key}: ` : ""}${error.message}`;
}

/** `rules[0].keywords[1]`, `skills["deploy/*"].teams`: how a path is written in messages. */
export function formatKeyPath(path: KeyPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (!/^[A-Za-z_$][\w$-]*$/.test(segment)) out += `[${JSON.stringify(segment)}]`; // `skills["deploy/*"]`
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

/** Levenshtein distance, for "did you mean" on misspelt keys and values. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** ` (did you mean "failOn"?)` for a near miss (case, `_`/`-`, a few typos, an abbreviation), else "". */
export function didYouMean(key: string, known: readonly string[]): string {
  const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  let best: string | undefined;
  let bestDistance = Infinity;
  // An abbreviation (`repo` for `repository`) is a near miss too.
  const abbreviated = normal(key).length >= 3 ? known.filter((c) => normal(c).startsWith(normal(key))) : [];
  if (abbreviated.length === 1) return ` (did you mean "${abbreviated[0]}"?)`;
  for (const candidate of known) {
    const d = distance(normal(key), normal(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : "";
}

/** What was written, as a message shows it. */
function describeFound(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 79) + "…" : value);
  return String(value);
}

// A structural view of zod 4's schema definitions (`schema._zod.def`), enough to walk the config
// schema by key path: the known keys of a mapping and a description of what a key expects.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string | number>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema with optional/default wrappers removed. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The schema of the value at `path`, if the path exists in the schema. */
function schemaAt(root: z.ZodType, path: KeyPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(root);
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    if (def.type === "object" && typeof segment === "string") current = def.shape?.[segment];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

/** Keys a mapping accepts; `_`-prefixed keys (`_extends`) are valid but not advertised. */
function knownKeys(schema: z.ZodType | undefined): { listed: string[]; all: string[] } {
  const def = schema && defOf(unwrap(schema));
  const all = def?.type === "object" ? Object.keys(def.shape ?? {}) : [];
  return { listed: all.filter((k) => !k.startsWith("_")), all };
}

function description(schema: z.ZodType): string | undefined {
  return (schema as unknown as { description?: string }).description;
}

/** "one of a, b, c", "a list of strings", "a mapping with keys x, y": what a key expects. */
function describeExpected(schema: z.ZodType | undefined): string {
  if (!schema) return "nothing here";
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case "enum":
      return `one of ${Object.values(def.entries ?? {}).join(", ")}`;
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "array": {
      const element = def.element && defOf(unwrap(def.element));
      if (element?.type === "string") return "a list of strings";
      if (element?.type === "enum") return `a list of values among ${Object.values(element.entries ?? {}).join(", ")}`;
      if (element?.type === "object") return `a list of mappings { ${knownKeys(def.element).listed.join(", ")} }`;
      return "a list";
    }
    case "object":
      return `a mapping with keys ${knownKeys(inner).listed.join(", ")}`;
    case "record": {
      const value = def.valueType && defOf(unwrap(def.valueType));
      if (value?.type === "object") return `a mapping of names to { ${knownKeys(def.valueType).listed.join(", ")} }`;
      if (value?.type === "enum") return `a mapping of names to one of ${Object.values(value.entries ?? {}).join(", ")}`;
      return "a mapping";
    }
    default:
      return description(inner) ?? "a different value";
  }
}

function valueAt(data: unknown, path: KeyPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Only what is read from zod's issues: its types differ per code, the fields used here are stable. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  values?: unknown[];
  issues?: Issue[];
}

/** One zod issue as one or more config errors (an unknown-keys issue names every unknown key). */
export function issueToErrors(issue: Issue, ctx: { file: string; root: z.ZodType; data: unknown; positions: PositionIndex }): ConfigError[] {
  const path = issue.path.filter((s): s is string | number => typeof s === "string" || typeof s === "number");
  const make = (at: KeyPath, message: string, where: "key" | "value"): ConfigError => {
    const position = where === "key" ? ctx.positions.key(at) : ctx.positions.value(at);
    const error: ConfigError = { file: ctx.file, key: formatKeyPath(at), message };
    if (position) {
      error.line = position.line;
      error.column = position.column;
    }
    return error;
  };
  const value = valueAt(ctx.data, path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(schemaAt(ctx.root, path));
      return (issue.keys ?? []).map((key) =>
        make([...path, key], `unknown key${didYouMean(key, known.all)}; known keys: ${known.listed.join(", ") || "none"}`, "key"),
      );
    }
    case "invalid_type": {
      const schema = schemaAt(ctx.root, path);
      if (value === undefined) {
        const about = schema && description(schema);
        return [make(path, `required key is missing; expected ${describeExpected(schema)}${about ? `: ${about}` : ""}`, "value")];
      }
      return [make(path, `expected ${describeExpected(schema)}, got ${describeFound(value)}`, "value")];
    }
    case "invalid_value": {
      const allowed = (issue.values ?? []).map(String);
      const hint = typeof value === "string" ? didYouMean(value, allowed) : "";
      return [make(path, `expected one of ${allowed.join(", ")}, got ${describeFound(value)}${hint}`, "value")];
    }
    case "invalid_key": {
      const reason = issue.issues?.[0]?.message ?? "invalid key";
      return [make(path, `${reason}, got ${describeFound(path[path.length - 1])}`, "key")];
    }
    case "invalid_format":
    case "too_small":
    case "too_big":
      // "give at least one keyword" needs no "got a list"; "expected a kebab-case id" does.
      return [make(path, value !== null && typeof value === "object" ? issue.message : `${issue.message}, got ${describeFound(value)}`, "value")];
    default:
      return [make(path, issue.message, "value")];
  }
}
