/**
 * Everything a hook event needs, built as cheaply as a process that starts on every prompt can afford.
 * It assembles the same pieces as prepareScan (core/setup.ts): built-in rules plus the config's custom
 * rules, `.claude-guard-ignore` fingerprints, `paths.ignore` globs; a test checks both agree. Two
 * differences, both for start-up time:
 *
 * - The config is validated by the same parseConfig, but its result is cached in a private per-user
 *   directory under the hash of the config text (and of the build), so the YAML parser and the zod
 *   schema are loaded only when the config changed. Absent a config file, the defaults are cached the
 *   same way. So are its `paths.ignore` globs, as picomatch compiles them (glob-match.ts matches with
 *   them), so picomatch too is loaded only when the config changed or the ignore file names paths.
 * - The scanner gives the engine only the rules whose keywords occur in the text. The engine runs a rule
 *   only on lines holding one of its keywords, so the findings are the same; but building the keyword
 *   automaton for all rules costs more than scanning a prompt does.
 * - Likewise only the rule modules that hold such rules are loaded: parsing all of them is most of the
 *   hook's start-up. Which module holds which rule, with its keywords, is the rule index (rule-index.ts),
 *   built from rules/index.ts (the one list) when the hook's bundle is built and fixed in it. Large texts
 *   load every rule; so does the hook run from lib/ as tsc compiled it, without the bundle.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { onlyThisUserWrites } from "../cache-dir.js";
import type { GuardConfig } from "../core/config/config.js";
import type { DocumentResult, ScanDocument, ScanLimits } from "../core/detect/engine.js";
import { Scanner } from "../core/detect/engine.js";
import type * as DetectIndex from "../core/detect/index.js";
import type { Rule } from "../core/detect/rule.js";
import { parseIgnoreFile, type IgnoreList } from "../core/detect/suppress.js";
import { CONFIG_FILE, IGNORE_FILE } from "../core/files.js";
import { globMatcher, type CompiledGlob } from "../core/glob-match.js";
import type { HookScanner } from "./decide.js";
import { rulesFor, type RuleIndex } from "./rule-index.js";


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
  /** Where validated configs are cached; undefined: no cache. */
  cacheDir?: string;
  /**
   * The texts the event will have scanned: only the rule modules they need are loaded (in the hook's
   * bundle, which holds the rule index). Undefined: every rule is loaded.
   */
  texts?: readonly string[];
  /**
   * False when the event names no file (a prompt, a command): nothing to match against paths.ignore, so
   * its glob matcher is not loaded and isIgnoredPath answers false.
   */
  filePaths?: boolean;
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

  const builtin = await loadBuiltinRules(options.texts);
  let rules: readonly Rule[] = builtin.rules;
  if (config.rules.length > 0) {
    const { compileCustomRules } = await import("../core/detect/custom-rules.js");
    const custom = compileCustomRules(config.rules, builtin.ids());
    errors.push(...custom.errors.map((e) => `${CONFIG_FILE}: rules.${e.id}: ${e.message}`));
    rules = [...builtin.rules, ...custom.rules];
  }
  const ignoreList = parseIgnoreFile(inputs.ignoreText ?? "");
  if (inputs.ignoreText !== undefined) {
    for (const bad of ignoreList.invalid) warnings.push(`${IGNORE_FILE}:${bad.line}: "${bad.text}" is not a finding fingerprint (32 hex characters); the line is ignored`);
  }
  let isIgnoredPath: (path: string) => boolean = () => false;
  if (options.filePaths !== false && (config.paths.ignore.length > 0 || ignoreList.paths.length > 0)) {
    // picomatch is loaded only for globs the cache does not hold compiled: the ignore file's.
    const uncompiled = [...(parsed.ignoreGlobs ? [] : config.paths.ignore), ...ignoreList.paths];
    const compiled = uncompiled.length > 0 ? (await import("../core/glob.js")).compileGlobData(uncompiled) : [];
    isIgnoredPath = globMatcher([...(parsed.ignoreGlobs ?? []), ...compiled]);
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
  /** config.paths.ignore compiled; absent if picomatch refused one (buildHookSetup then fails on it as before). */
  ignoreGlobs?: CompiledGlob[];
}

/** Bumped when the cached shape changes. */
const CACHE_FORMAT = "hook-config-3";

async function parseConfigCached(text: string, cacheDir: string | undefined): Promise<CachedConfig & { cached: boolean }> {
  // What the result depends on, kept in the cache file whole: a hit must hold the very same key, so
  // the file's name needs no cryptographic hash (node:crypto would load Node's streams stack).
  const key = `${CACHE_FORMAT}\0${buildStamp()}\0${text}`;
  const file = cacheDir !== undefined ? join(cacheDir, `${spreadHash(key)}.json`) : undefined;
  if (file !== undefined) {
    const hit = readCache(file, key);
    if (hit) return { ...hit, cached: true };
  }
  const { parseConfig, formatConfigError } = await import("../core/config/config.js");
  const parsed = parseConfig(text, CONFIG_FILE);
  const result: CachedConfig = { config: parsed.config, errors: parsed.errors.map(formatConfigError), ...(await compiledGlobs(parsed.config.paths.ignore)) };
  if (file !== undefined) writeJson(file, { key, ...result });
  return { ...result, cached: false };
}

/** Two 32-bit FNV-1a style hashes of the string's code units, as 16 hex digits: spreads cache files, no more. */
function spreadHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/**
 * The hook's bundle, a hash of its own code fixed at build time (scripts/build-hook.mjs); undefined
 * outside the bundle.
 */
declare const CLAUDE_GUARD_BUILD_ID: string | undefined;

/**
 * What the cached result depends on besides the text: the build (the bundle's id, else the config
 * schema's modification time), so a rebuilt claude-guard never reads a config validated by an older schema.
 */
function buildStamp(): string {
  if (typeof CLAUDE_GUARD_BUILD_ID === "string") return CLAUDE_GUARD_BUILD_ID;
  for (const candidate of ["../core/config/schema.js", "../core/config/schema.ts"]) {
    try {
      return String(statSync(new URL(candidate, import.meta.url)).mtimeMs);
    } catch {
      // try the next
    }
  }
  return "unknown";
}

function readCache(file: string, key: string): CachedConfig | undefined {
  const data = readJson(file) as (Partial<CachedConfig> & { key?: unknown }) | undefined;
  const config = data?.config as Partial<GuardConfig> | undefined;
  if (!data || data.key !== key || !config || typeof config.failOn !== "string" || !Array.isArray(config.rules) || !Array.isArray(config.paths?.ignore) || !Array.isArray(data.errors)) return undefined;
  // Compiled globs must be the config's own, each with its regex.
  const globs: unknown = data.ignoreGlobs;
  const patterns = config.paths.ignore;
  if (globs === undefined) return { config: config as GuardConfig, errors: data.errors };
  if (!Array.isArray(globs) || globs.length !== patterns.length || !globs.every((g, i) => isCompiledGlob(g) && g.glob === patterns[i])) return undefined;
  return { config: config as GuardConfig, errors: data.errors, ignoreGlobs: globs as CompiledGlob[] };
}

async function compiledGlobs(patterns: readonly string[]): Promise<{ ignoreGlobs?: CompiledGlob[] }> {
  if (patterns.length === 0) return { ignoreGlobs: [] };
  try {
    return { ignoreGlobs: (await import("../core/glob.js")).compileGlobData(patterns) };
  } catch {
    return {};
  }
}

function isCompiledGlob(value: unknown): value is CompiledGlob {
  const g = value as Partial<CompiledGlob> | null;
  return typeof g === "object" && g !== null && typeof g.glob === "string" && typeof g.source === "string" && typeof g.flags === "string" && typeof g.windows === "boolean";
}

/**
 * A cache file's JSON, if this user wrote it and nobody else could have: cached configs are policy.
 * Plain JSON.parse: the file is the hook's own output (the bounded parser is for untrusted input).
 */
function readJson(file: string): unknown {
  try {
    if (!onlyThisUserWrites(statSync(file))) return undefined;
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
/**
 * The rule index as JSON, fixed in the hook's bundle at build time (scripts/build-hook.mjs); undefined
 * outside the bundle, where every rule is loaded through core/detect/index.js.
 */
declare const CLAUDE_GUARD_RULE_INDEX: string | undefined;

interface BuiltinRules {
  rules: readonly Rule[];
  /** Every id a built-in rule reports: built only for custom rules (about 1 ms, which most events need not pay). */
  ids: () => ReadonlySet<string>;
  how: "all" | "index";
}

async function loadBuiltinRules(texts: readonly string[] | undefined): Promise<BuiltinRules> {
  // A conditional expression, not an if: the bundle's build drops the other branch and with it the
  // import of every rule module through core/detect/index.js.
  return typeof CLAUDE_GUARD_RULE_INDEX === "string" ? rulesByIndex(JSON.parse(CLAUDE_GUARD_RULE_INDEX) as RuleIndex, texts) : everyRule(await import("../core/detect/index.js"));
}

function everyRule({ builtinRules, ruleMetas }: typeof DetectIndex): BuiltinRules {
  return { rules: builtinRules, ids: () => new Set(ruleMetas(builtinRules).map((r) => r.id)), how: "all" };
}

/** The rules whose keywords occur in the texts, from the modules that hold them, in the built-in order; all of them for large texts. */
async function rulesByIndex(index: RuleIndex, texts: readonly string[] | undefined): Promise<BuiltinRules> {
  const total = texts?.reduce((n, t) => n + t.length, 0) ?? Number.POSITIVE_INFINITY;
  const some = texts !== undefined && total <= INDEX_MAX_CHARS;
  const chosen = some ? rulesFor(index, texts) : index.rules.map((_, i) => i);
  // The bundle's rule modules sit at their places under core/ beside the hook's own (hook/cli.js, this code).
  const rulesDir = new URL("../core/detect/rules/", import.meta.url);
  const files = [...new Set(chosen.map((i) => (index.rules[i] as RuleIndex["rules"][number])[1]))];
  const modules = new Map(await Promise.all(files.map(async (f) => [f, (await import(new URL(index.files[f] as string, rulesDir).href)) as { rules?: unknown }] as const)));
  const rules = chosen.map((i) => {
    const [id, file, position] = index.rules[i] as RuleIndex["rules"][number];
    const list = modules.get(file)?.rules;
    const rule = Array.isArray(list) ? (list[position] as Rule | undefined) : undefined;
    if (!rule || rule.id !== id) throw new Error(`the rule index does not match the rule modules (${id} in ${index.files[file]}): rebuild claude-guard`);
    const overrides = index.overrides[i];
    return overrides ? ({ ...rule, ...overrides } as Rule) : rule;
  });
  return { rules, ids: () => new Set([...index.rules.map(([id]) => id), ...index.reports]), how: some ? "index" : "all" };
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
