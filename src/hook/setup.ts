/**
 * Everything a hook event needs, built as cheaply as a process that starts on every prompt can afford.
 * It assembles the same pieces as prepareScan (core/setup.ts): built-in rules plus the config's custom
 * rules, `.claude-guard-ignore` fingerprints, `paths.ignore` globs; a test checks both agree. Two
 * differences, both for start-up time:
 *
 * - The config is validated by the same parseConfig, but its result is cached in a private per-user
 *   directory under the hash of the config text (and of the build), so the YAML parser and the zod
 *   schema are loaded only when the config changed. Absent a config file, the defaults are cached the
 *   same way.
 * - The scanner gives the engine only the rules whose keywords occur in the text. The engine runs a rule
 *   only on lines holding one of its keywords, so the findings are the same; but building the keyword
 *   automaton for all rules costs more than scanning a prompt does.
 * - Likewise only the rule modules that hold such rules are loaded: parsing all of them is most of the
 *   hook's start-up. Which module holds which rule, with its keywords, is an index built once from the
 *   loaded rules (rules/index.ts stays the one list) and cached with the build's stamp. A rule the index
 *   cannot reproduce exactly (rules/index.ts changed an object or function of it) makes the hook load
 *   every rule instead, as it also does for large texts.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GuardConfig } from "../core/config/config.js";
import type { DocumentResult, ScanDocument, ScanLimits } from "../core/detect/engine.js";
import { Scanner } from "../core/detect/engine.js";
import type { Rule } from "../core/detect/rule.js";
import { parseIgnoreFile, type IgnoreList } from "../core/detect/suppress.js";
import { CONFIG_FILE, IGNORE_FILE } from "../core/files.js";
import type { HookScanner } from "./decide.js";


interface HookSetup {
  config: GuardConfig;
  scanner: HookScanner;
  isIgnoredPath: (path: string) => boolean;
  /** The parsed ignore file (empty without one), for the same suppression notes as the other doors. */
  ignoreList: IgnoreList;
  ignoreFile: string;
  /** Config problems: reported on stderr; the hook goes on with defaults where a key was wrong. */
  errors: string[];
  warnings: string[];
  /** Whether the config came from the cache (for the bench and tests). */
  configCached: boolean;
  /** How the built-in rules were loaded: all of them, or the modules the texts need (index). */
  rulesLoaded: "all" | "index";
}

interface SetupOptions {
  /** Where validated configs and the rule index are cached; undefined: no cache. */
  cacheDir?: string;
  /**
   * The texts the event will have scanned: only the rule modules they need are loaded (when the rule
   * index is cached). Undefined: every rule is loaded.
   */
  texts?: readonly string[];
}

/** The per-user cache directory: $CLAUDE_GUARD_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache, /claude-guard. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env["CLAUDE_GUARD_CACHE_DIR"] !== undefined) return env["CLAUDE_GUARD_CACHE_DIR"] === "" ? undefined : env["CLAUDE_GUARD_CACHE_DIR"];
  try {
    return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "claude-guard");
  } catch {
    return undefined;
  }
}

/** Read a project's config and ignore file from `root` and build the scanner. Never throws for config problems. */
export async function loadHookSetup(root: string, options: SetupOptions = {}): Promise<HookSetup> {
  const configText = readOptional(join(root, CONFIG_FILE));
  const ignoreText = readOptional(join(root, IGNORE_FILE));
  return buildHookSetup({ ...(configText !== undefined ? { configText } : {}), ...(ignoreText !== undefined ? { ignoreText } : {}) }, options);
}

/** Largest config read when only its policy is needed (the hook stopped before its setup). */
const MAX_POLICY_CONFIG_BYTES = 16 * 1024 * 1024;

/** The project's config alone, validated once per change of its text like loadHookSetup's; the defaults without a file. */
export async function loadHookPolicy(root: string, cacheDir: string | undefined): Promise<GuardConfig> {
  const file = join(root, CONFIG_FILE);
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  const text = size <= MAX_POLICY_CONFIG_BYTES ? readOptional(file) : undefined;
  return (await parseConfigCached(text ?? "", cacheDir)).config;
}

export async function buildHookSetup(inputs: { configText?: string; ignoreText?: string }, options: SetupOptions = {}): Promise<HookSetup> {
  const parsed = await parseConfigCached(inputs.configText ?? "", options.cacheDir);
  const config = parsed.config;
  const errors = [...parsed.errors];
  const warnings: string[] = [];

  const builtin = await loadBuiltinRules(options.texts, options.cacheDir);
  let rules: readonly Rule[] = builtin.rules;
  if (config.rules.length > 0) {
    const { compileCustomRules } = await import("../core/detect/custom-rules.js");
    const custom = compileCustomRules(config.rules, builtin.ids);
    errors.push(...custom.errors.map((e) => `${CONFIG_FILE}: rules.${e.id}: ${e.message}`));
    rules = [...builtin.rules, ...custom.rules];
  }
  const ignoreList = parseIgnoreFile(inputs.ignoreText ?? "");
  if (inputs.ignoreText !== undefined) {
    for (const bad of ignoreList.invalid) warnings.push(`${IGNORE_FILE}:${bad.line}: "${bad.text}" is not a finding fingerprint (32 hex characters); the line is ignored`);
  }
  let isIgnoredPath: (path: string) => boolean = () => false;
  if (config.paths.ignore.length > 0 || ignoreList.paths.length > 0) {
    const { compileGlobs } = await import("../core/glob.js");
    isIgnoredPath = compileGlobs([...config.paths.ignore, ...ignoreList.paths]);
  }
  return {
    config,
    scanner: new PreselectingScanner(rules, ignoreList.fingerprints),
    isIgnoredPath,
    ignoreList,
    ignoreFile: IGNORE_FILE,
    errors,
    warnings,
    configCached: parsed.cached,
    rulesLoaded: builtin.how,
  };
}

/** Texts up to this size get a scanner of their candidate rules; larger ones the full one. */
const PRESELECT_MAX_CHARS = 64 * 1024;

/** A Scanner that, for small texts, is built over the rules whose keywords occur in the text only. */
class PreselectingScanner implements HookScanner {
  private full: Scanner | undefined;
  private readonly keywords: string[][];

  constructor(
    private readonly rules: readonly Rule[],
    private readonly ignoredFingerprints: ReadonlySet<string>,
  ) {
    this.keywords = rules.map((r) => r.keywords.map((k) => k.toLowerCase()));
  }

  scan(doc: ScanDocument, limits: ScanLimits = {}): DocumentResult {
    const options = { ignoredFingerprints: this.ignoredFingerprints };
    if (doc.text.length > PRESELECT_MAX_CHARS) {
      this.full ??= new Scanner(this.rules, options);
      return this.full.scan(doc, limits);
    }
    // Case-folded like the engine's prefilter (ASCII letters); a superset of its hits is harmless.
    const lower = doc.text.toLowerCase();
    const candidates = this.rules.filter((_, i) => (this.keywords[i] as string[]).some((k) => lower.includes(k)));
    if (candidates.length === 0) return { findings: [], suppressed: 0 };
    return new Scanner(candidates, options).scan(doc, limits);
  }
}

interface CachedConfig {
  config: GuardConfig;
  errors: string[];
}

/** Bumped when the cached shape changes. */
const CACHE_FORMAT = "hook-config-1";

async function parseConfigCached(text: string, cacheDir: string | undefined): Promise<CachedConfig & { cached: boolean }> {
  const file = cacheDir !== undefined ? join(cacheDir, `${createHash("sha256").update(`${CACHE_FORMAT}\0${buildStamp()}\0${text}`).digest("hex").slice(0, 40)}.json`) : undefined;
  if (file !== undefined) {
    const hit = readCache(file);
    if (hit) return { ...hit, cached: true };
  }
  const { parseConfig, formatConfigError } = await import("../core/config/config.js");
  const parsed = parseConfig(text, CONFIG_FILE);
  const result: CachedConfig = { config: parsed.config, errors: parsed.errors.map(formatConfigError) };
  if (file !== undefined) writeJson(file, result);
  return { ...result, cached: false };
}

/**
 * What the cached result depends on besides the text: the build of the config schema (its file's
 * modification time), so a rebuilt claude-guard never reads a config validated by an older schema.
 */
function buildStamp(): string {
  for (const candidate of ["../core/config/schema.js", "../core/config/schema.ts"]) {
    try {
      return String(statSync(new URL(candidate, import.meta.url)).mtimeMs);
    } catch {
      // try the next
    }
  }
  return "unknown";
}

function readCache(file: string): CachedConfig | undefined {
  const data = readJson(file) as Partial<CachedConfig> | undefined;
  const config = data?.config as Partial<GuardConfig> | undefined;
  if (!data || !config || typeof config.failOn !== "string" || !Array.isArray(config.rules) || !Array.isArray(config.paths?.ignore) || !Array.isArray(data.errors)) return undefined;
  return data as CachedConfig;
}

/**
 * A cache file's JSON, if this user wrote it and nobody else could have: cached configs are policy.
 * Plain JSON.parse: the file is the hook's own output, and the rule index is large enough that the
 * bounded parser (for untrusted input) took a tenth of the hook's start-up.
 */
function readJson(file: string): unknown {
  try {
    const stat = statSync(file);
    if (typeof process.getuid === "function" && stat.uid !== process.getuid()) return undefined;
    if ((stat.mode & 0o022) !== 0) return undefined;
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function writeJson(file: string, value: unknown): void {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

// ---- Built-in rules, all or by keyword ---------------------------------------------------------------

/** Texts larger than this (in total) load every rule: searching them for each keyword costs more. */
const INDEX_MAX_CHARS = 64 * 1024;
const DETECT_DIR = new URL("../core/detect/", import.meta.url);

interface RuleIndexEntry {
  id: string;
  keywords: string[];
  /** Module under core/detect/rules/, and the rule's place in its `rules` export. */
  file: string;
  position: number;
  /** Plain values rules/index.ts set on the module's rule (a priority). */
  overrides?: Record<string, string | number | boolean | null>;
}

interface RuleIndex {
  entries: RuleIndexEntry[];
  /** Every id the built-in rules report (custom rules may not take one). */
  ids: string[];
}

interface BuiltinRules {
  rules: readonly Rule[];
  ids: ReadonlySet<string>;
  how: "all" | "index";
}

async function loadBuiltinRules(texts: readonly string[] | undefined, cacheDir: string | undefined): Promise<BuiltinRules> {
  // The index holds compiled module names: from the TypeScript sources (tests), every rule is loaded.
  const compiled = import.meta.url.endsWith(".js");
  const total = texts?.reduce((n, t) => n + t.length, 0) ?? Number.POSITIVE_INFINITY;
  const file = compiled && cacheDir !== undefined ? join(cacheDir, `rules-${createHash("sha256").update(`${CACHE_FORMAT}\0${detectStamp()}`).digest("hex").slice(0, 40)}.json`) : undefined;
  if (file !== undefined && texts !== undefined && total <= INDEX_MAX_CHARS) {
    const index = readIndex(file);
    if (index) {
      const rules = await rulesFromIndex(index, texts);
      if (rules) return { rules, ids: new Set(index.ids), how: "index" };
    }
  }
  const { builtinRules, ruleMetas } = await import("../core/detect/index.js");
  const ids = new Set(ruleMetas(builtinRules).map((r) => r.id));
  if (file !== undefined && !readIndex(file)) {
    const index = await buildIndex(builtinRules, [...ids]);
    if (index) writeJson(file, index);
  }
  return { rules: builtinRules, ids, how: "all" };
}

/** The rules whose keywords occur in the texts, from the modules that hold them, in the built-in order. */
async function rulesFromIndex(index: RuleIndex, texts: readonly string[]): Promise<Rule[] | undefined> {
  const lower = texts.map((t) => t.toLowerCase());
  const selected = index.entries.filter((e) => e.keywords.some((k) => lower.some((t) => t.includes(k))));
  const files = [...new Set(selected.map((e) => e.file))];
  try {
    const modules = new Map(await Promise.all(files.map(async (f) => [f, (await import(new URL(`rules/${f}`, DETECT_DIR).href)) as { rules?: unknown }] as const)));
    const out: Rule[] = [];
    for (const entry of selected) {
      const list = modules.get(entry.file)?.rules;
      const rule = Array.isArray(list) ? (list[entry.position] as Rule | undefined) : undefined;
      if (!rule || rule.id !== entry.id) return undefined;
      out.push(entry.overrides ? ({ ...rule, ...entry.overrides } as Rule) : rule);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Where each built-in rule comes from: the module under rules/ whose `rules` export holds a rule with its
 * id and the very same functions, patterns and lists. Undefined when one cannot be found that way.
 */
async function buildIndex(builtin: readonly Rule[], ids: string[]): Promise<RuleIndex | undefined> {
  try {
    const rulesDir = fileURLToPath(new URL("rules/", DETECT_DIR));
    const candidates = new Map<string, Array<{ file: string; position: number; rule: Rule }>>();
    for (const file of listModules(rulesDir)) {
      if (file === "index.js") continue;
      const mod = (await import(pathToFileURL(join(rulesDir, file)).href)) as { rules?: unknown };
      if (!Array.isArray(mod.rules)) continue;
      mod.rules.forEach((rule: Rule, position: number) => {
        if (typeof rule?.id !== "string") return;
        const list = candidates.get(rule.id) ?? [];
        list.push({ file, position, rule });
        candidates.set(rule.id, list);
      });
    }
    const entries: RuleIndexEntry[] = [];
    for (const rule of builtin) {
      let entry: RuleIndexEntry | undefined;
      for (const candidate of candidates.get(rule.id) ?? []) {
        const overrides = plainDifferences(rule, candidate.rule);
        if (overrides === undefined) continue;
        entry = { id: rule.id, keywords: rule.keywords.map((k) => k.toLowerCase()), file: candidate.file, position: candidate.position, ...(Object.keys(overrides).length > 0 ? { overrides } : {}) };
        break;
      }
      if (!entry) return undefined;
      entries.push(entry);
    }
    return { entries, ids };
  } catch {
    return undefined;
  }
}

/** The plain values in which `rule` differs from `base`; undefined when anything else differs. */
function plainDifferences(rule: Rule, base: Rule): Record<string, string | number | boolean | null> | undefined {
  const out: Record<string, string | number | boolean | null> = {};
  const a = rule as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[key] === b[key]) continue;
    const value = a[key];
    if (!(key in a) || (value !== null && typeof value === "object") || typeof value === "function" || value === undefined) return undefined;
    out[key] = value as string | number | boolean | null;
  }
  return out;
}

/** The .js modules under `dir`, as paths relative to it with `/`, sorted. */
function listModules(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const name = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listModules(dir, `${name}/`));
    else if (entry.name.endsWith(".js")) out.push(name);
  }
  return out;
}

/** Names, sizes and modification times of the compiled detection modules: the rule index's validity. */
function detectStamp(): string {
  try {
    const dir = fileURLToPath(DETECT_DIR);
    return listModules(dir)
      .map((name) => {
        const stat = statSync(join(dir, name));
        return `${name}:${stat.size}:${stat.mtimeMs}`;
      })
      .join("|");
  } catch {
    return "unknown";
  }
}

function readIndex(file: string): RuleIndex | undefined {
  const data = readJson(file) as Partial<RuleIndex> | undefined;
  if (!data || !Array.isArray(data.entries) || !Array.isArray(data.ids) || data.entries.length === 0) return undefined;
  return data as RuleIndex;
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
