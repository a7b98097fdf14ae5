/**
 * `.github/claude-guard.yml`: parsed from text (the doors read the file) and validated against the one
 * schema of schema.ts. Unknown keys and wrong types are errors that name the file, the key path and
 * the line: a typo must never silently switch a check off.
 */
import type * as z from "zod";
import { BoundedParseError, parseYaml } from "../bounded-parse.js";
import { issueToErrors, type ConfigError } from "./errors.js";
import { indexPositions, type KeyPath, type Locator } from "./positions.js";
import { defaultConfig, guardConfigSchema, type GuardConfig } from "./schema.js";

export { didYouMean, formatConfigError, formatKeyPath, type ConfigError } from "./errors.js";
export type { KeyPath, Locator, SourcePosition } from "./positions.js";
export {
  ANOMALY_KINDS,
  CLASSIFICATIONS,
  CONFIG_LIMITS,
  CUSTOM_RULE_CATEGORIES,
  FAIL_ON_VALUES,
  SCHEMA_REF,
  SEVERITY_VALUES,
  WEEKDAYS,
  guardConfigSchema,
  type AnomalyConfig,
  type AuditConfig,
  type BusinessHoursConfig,
  type Classification,
  type CustomRuleConfig,
  type GuardConfig,
  type GuardConfigInput,
  type PermissionPolicyConfig,
  type SkillPolicyConfig,
  type Weekday,
} from "./schema.js";

/** The config of a repository with no config file. Frozen: clone it before changing anything. */
export const DEFAULT_CONFIG: GuardConfig = deepFreeze(defaultConfig());

export interface ParsedConfig {
  /** Always usable: defaults where a key was missing or wrong. */
  config: GuardConfig;
  errors: ConfigError[];
  /** Where a key path is written in the file, if it is (for messages about the config made later, e.g. merging). */
  locate: Locator;
}

/** How many times invalid values are removed and the rest validated again (see parseConfig). */
const RECOVERY_ROUNDS = 5;

/**
 * Parse and validate config text. Always returns a usable config (defaults where a key was wrong) and
 * the list of errors; callers decide that errors stop the scan (the CLI exits 2, the App fails the check).
 */
export function parseConfig(text: string, file: string): ParsedConfig {
  const nowhere: Locator = () => undefined;
  // js-yaml refuses an empty document; an empty or comments-only file means "all defaults".
  if (/^\s*(?:#[^\n]*)?(?:\r?\n\s*(?:#[^\n]*)?)*\s*$/.test(text)) return { config: defaultConfig(), errors: [], locate: nowhere };
  let data: unknown;
  try {
    // Bounded: an alias bomb, a deep nesting or a huge list is refused here, before anything walks it.
    data = parseYaml(text);
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    const failure: ConfigError = { file, key: "", message: `${error.kind === "syntax" ? "not valid YAML" : "refused"}: ${error.reason}` };
    if (error.line !== undefined) failure.line = error.line;
    if (error.column !== undefined) failure.column = error.column;
    return { config: defaultConfig(), errors: [failure], locate: nowhere };
  }
  const positions = indexPositions(text);
  const locate: Locator = (path) => positions.exact(path);
  if (data === undefined || data === null) return { config: defaultConfig(), errors: [], locate };
  if (!isMapping(data)) {
    return { config: defaultConfig(), errors: [{ file, key: "", line: 1, column: 1, message: "the config must be a mapping of keys (for example `failOn: high`)" }], locate };
  }
  // A key written with nothing after it (`skills:` above commented-out lines) counts as not set.
  let candidate: unknown = withoutEmptyValues(data);
  const errors: ConfigError[] = [];
  const reported: KeyPath[] = [];
  const schema = guardConfigSchema();
  for (let round = 0; round < RECOVERY_ROUNDS; round++) {
    const result = schema.safeParse(candidate);
    if (result.success) return { config: result.data, errors: sortByPosition(errors), locate };
    const paths: KeyPath[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.filter((s): s is string | number => typeof s === "string" || typeof s === "number");
      paths.push(...(issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k]) : [path]));
      // Removing a wrong value can surface a consequence of the same mistake in the next round (a
      // required key now missing): only the first report about a path is kept.
      if (round > 0 && reported.some((p) => related(p, path))) continue;
      reported.push(path);
      errors.push(...issueToErrors(issue as Parameters<typeof issueToErrors>[0], { file, root: schema as z.ZodType, data: candidate, positions }));
    }
    // Drop what is wrong and validate the rest again, so the config returned keeps every valid key.
    candidate = prune(candidate, paths.map(recoveryUnit));
  }
  return { config: defaultConfig(), errors: sortByPosition(errors), locate };
}

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === "object" && v !== null && !Array.isArray(v);

function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyValues);
  if (!isMapping(value)) return value;
  const out: Mapping = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== null) out[key] = withoutEmptyValues(inner);
  return out;
}

/** Whether one path is the other or lies under it. */
function related(a: KeyPath, b: KeyPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What to remove for a problem at `path`: a custom rule or the business hours as a whole (half a rule
 * is no rule), otherwise just the wrong value.
 */
function recoveryUnit(path: KeyPath): KeyPath {
  if (path[0] === "rules" && typeof path[1] === "number") return path.slice(0, 2);
  if (path[0] === "content" && path[1] === "businessHours") return path.slice(0, 2);
  return path;
}

/** A copy of `data` without the values at `paths` (list items removed, not left as holes). */
function prune(data: unknown, paths: KeyPath[]): unknown {
  const REMOVED = Symbol("removed");
  const copy = structuredClone(data) as unknown;
  for (const path of paths) {
    if (path.length === 0) return {};
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) parent = isMapping(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[segment] : undefined;
    const last = path[path.length - 1] as string | number;
    if (Array.isArray(parent) && typeof last === "number" && last < parent.length) parent[last] = REMOVED;
    else if (isMapping(parent)) delete parent[last];
  }
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((v) => v !== REMOVED).map(clean);
    if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  return clean(copy);
}

function sortByPosition(errors: ConfigError[]): ConfigError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) || (a.error.column ?? 0) - (b.error.column ?? 0) || a.index - b.index)
    .map(({ error }) => error);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
