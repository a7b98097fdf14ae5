/**
 * `.github/claude-guard.yml`: parsed from text (the doors read the file), validated key by key.
 * Unknown keys and wrong types are errors that name the file, the key path and the line: a typo must
 * never silently switch a check off.
 */
import { load, YAMLException } from "js-yaml";
import { compileMarkers } from "../authorship/markers.js";
import type { Category, FailOn, Severity } from "../types.js";

export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface CustomRuleConfig {
  id: string;
  regex: string;
  keywords: string[];
  category: Category;
  severity: Severity;
  description?: string;
}

export interface SkillPolicyConfig {
  maxClassification?: Classification;
  teams?: string[];
}

export interface GuardConfig {
  classification?: Classification;
  classificationProperty: string;
  failOn: FailOn;
  authorship: { markers: string[] };
  paths: { ignore: string[] };
  rules: CustomRuleConfig[];
  skills: Record<string, SkillPolicyConfig>;
  audit?: { repository?: string; notify: string[] };
}

export interface ConfigError {
  file: string;
  /** Dotted key path, e.g. `rules[0].severity`. */
  key: string;
  line?: number;
  message: string;
}

export const DEFAULT_CONFIG: GuardConfig = {
  classificationProperty: "data_classification",
  failOn: "high",
  authorship: { markers: [] },
  paths: { ignore: [] },
  rules: [],
  skills: {},
};

const FAIL_ON = ["critical", "high", "medium", "low", "none"] as const;
const SEVERITY_VALUES = ["critical", "high", "medium", "low"] as const;
const CATEGORY_VALUES = ["secret", "placeholder", "pii"] as const;
const TOP_LEVEL_KEYS = ["classification", "classificationProperty", "failOn", "authorship", "paths", "rules", "skills", "audit", "_extends"];

export function formatConfigError(error: ConfigError): string {
  return `${error.file}${error.line ? `:${error.line}` : ""}: ${error.key ? `${error.key}: ` : ""}${error.message}`;
}

/** Levenshtein distance, for "did you mean" on misspelt keys. */
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

export function didYouMean(key: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key.toLowerCase().replace(/[^a-z0-9]/g, ""), candidate.toLowerCase().replace(/[^a-z0-9]/g, ""));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean "${best}"?)` : "";
}

/** The line where `key` is written (first occurrence at or after `fromLine`), for error messages. */
function lineOf(text: string, key: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`^\\s*(?:-\\s*)?["']?${escaped}["']?\\s*:`);
  const index = lines.findIndex((l) => re.test(l));
  return index === -1 ? undefined : index + 1;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Parse and validate config text. Always returns a usable config (defaults where a key was wrong) and
 * the list of errors; callers decide that errors stop the scan (the CLI exits 2, the App fails the check).
 */
export function parseConfig(text: string, file: string): { config: GuardConfig; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const config: GuardConfig = structuredClone(DEFAULT_CONFIG);
  let data: unknown;
  // js-yaml refuses an empty document; an empty or comments-only file means "all defaults".
  if (text.split(/\r?\n/).every((line) => /^\s*(?:#.*)?$/.test(line))) return { config, errors };
  try {
    data = load(text, { filename: file });
  } catch (error) {
    if (error instanceof YAMLException) {
      errors.push({ file, key: "", line: error.mark ? error.mark.line + 1 : undefined, message: `not valid YAML: ${error.reason}` });
      return { config, errors };
    }
    throw error;
  }
  if (data === undefined || data === null) return { config, errors };
  if (!isObject(data)) {
    errors.push({ file, key: "", line: 1, message: "the config must be a mapping of keys (for example `failOn: high`)" });
    return { config, errors };
  }
  const err = (key: string, message: string, lineKey = key.split(/[.[]/).pop() ?? key) =>
    errors.push({ file, key, line: lineOf(text, lineKey.replace(/\]$/, "")), message });

  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.includes(key)) err(key, `unknown key${didYouMean(key, TOP_LEVEL_KEYS)}; known keys: ${TOP_LEVEL_KEYS.filter((k) => k !== "_extends").join(", ")}`);
  }
  const oneOf = <T extends string>(key: string, value: unknown, allowed: readonly T[]): T | undefined => {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    err(key, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    return undefined;
  };
  const stringList = (key: string, value: unknown): string[] => {
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
    err(key, `expected a list of strings, got ${JSON.stringify(value)}`);
    return [];
  };
  const subKeys = (key: string, value: unknown, allowed: string[]): Obj | undefined => {
    if (!isObject(value)) {
      err(key, `expected a mapping with keys ${allowed.join(", ")}`);
      return undefined;
    }
    for (const sub of Object.keys(value)) if (!allowed.includes(sub)) err(`${key}.${sub}`, `unknown key${didYouMean(sub, allowed)}; known keys: ${allowed.join(", ")}`, sub);
    return value;
  };

  if (data["classification"] !== undefined) config.classification = oneOf("classification", data["classification"], CLASSIFICATIONS);
  if (data["classificationProperty"] !== undefined) {
    const v = data["classificationProperty"];
    if (typeof v === "string" && /^[\w.-]{1,75}$/.test(v)) config.classificationProperty = v;
    else err("classificationProperty", `expected a custom property name, got ${JSON.stringify(v)}`);
  }
  if (data["failOn"] !== undefined) config.failOn = oneOf("failOn", data["failOn"], FAIL_ON) ?? config.failOn;
  if (data["authorship"] !== undefined) {
    const a = subKeys("authorship", data["authorship"], ["markers"]);
    if (a?.["markers"] !== undefined) {
      config.authorship.markers = stringList("authorship.markers", a["markers"]);
      for (const message of compileMarkers(config.authorship.markers).errors) err("authorship.markers", message, "markers");
    }
  }
  if (data["paths"] !== undefined) {
    const p = subKeys("paths", data["paths"], ["ignore"]);
    if (p?.["ignore"] !== undefined) config.paths.ignore = stringList("paths.ignore", p["ignore"]);
  }
  if (data["rules"] !== undefined) {
    if (!Array.isArray(data["rules"])) err("rules", "expected a list of rules ({ id, regex, keywords, category, severity })");
    else
      data["rules"].forEach((raw, i) => {
        const key = `rules[${i}]`;
        const r = subKeys(key, raw, ["id", "regex", "keywords", "category", "severity", "description"]);
        if (!r) return;
        const id = r["id"];
        const regex = r["regex"];
        if (typeof id !== "string" || !/^[a-z0-9][a-z0-9-]{1,63}$/.test(id)) return err(`${key}.id`, "expected a kebab-case id such as `acme-internal-token`", "id");
        if (typeof regex !== "string" || regex.length === 0) return err(`${key}.regex`, "expected a regular expression as a string", "regex");
        const keywords = r["keywords"] === undefined ? [] : stringList(`${key}.keywords`, r["keywords"]);
        if (keywords.some((k) => k.length < 2 || /[^\x20-\x7e]/.test(k))) return err(`${key}.keywords`, "keywords must be ASCII and at least 2 characters long", "keywords");
        const category = r["category"] === undefined ? "secret" : oneOf(`${key}.category`, r["category"], CATEGORY_VALUES);
        const severity = r["severity"] === undefined ? "high" : oneOf(`${key}.severity`, r["severity"], SEVERITY_VALUES);
        if (!category || !severity) return;
        const rule: CustomRuleConfig = { id, regex, keywords, category, severity };
        if (typeof r["description"] === "string") rule.description = r["description"];
        config.rules.push(rule);
      });
  }
  if (data["skills"] !== undefined) {
    if (!isObject(data["skills"])) err("skills", "expected a mapping of skill patterns to { maxClassification, teams }");
    else
      for (const [pattern, raw] of Object.entries(data["skills"])) {
        const s = subKeys(`skills.${pattern}`, raw, ["maxClassification", "teams"]);
        if (!s) continue;
        const policy: SkillPolicyConfig = {};
        if (s["maxClassification"] !== undefined) policy.maxClassification = oneOf(`skills.${pattern}.maxClassification`, s["maxClassification"], CLASSIFICATIONS);
        if (s["teams"] !== undefined) policy.teams = stringList(`skills.${pattern}.teams`, s["teams"]);
        config.skills[pattern] = policy;
      }
  }
  if (data["audit"] !== undefined) {
    const a = subKeys("audit", data["audit"], ["repository", "notify"]);
    if (a) {
      config.audit = { notify: a["notify"] === undefined ? [] : stringList("audit.notify", a["notify"]) };
      if (typeof a["repository"] === "string") config.audit.repository = a["repository"];
      else if (a["repository"] !== undefined) err("audit.repository", "expected a repository name in the org, such as `governance`", "repository");
    }
  }
  return { config, errors };
}
