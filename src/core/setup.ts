/**
 * Everything a scan needs, built from the texts of the config and ignore files (the doors read them).
 * The CLI's worker threads call this with the same texts and get the same scanner.
 */
import { CONFIG_FILE, IGNORE_FILE } from "./files.js";
import { DEFAULT_CONFIG, formatConfigError, parseConfig, type GuardConfig } from "./config/config.js";
import type { EffectiveConfig } from "./config/load.js";
import { Scanner } from "./detect/engine.js";
import { compileCustomRules } from "./detect/custom-rules.js";
import { builtinRules, ruleMetas } from "./detect/index.js";
import type { Rule } from "./detect/rule.js";
import { parseIgnoreFile, type IgnoreList } from "./detect/suppress.js";
import { compileGlobs } from "./glob.js";
import type { RuleMeta } from "./report/meta.js";

export interface ScanInputs {
  configText?: string;
  configFile?: string;
  /** A config already layered from several files (the App's org and repository files): used instead of `configText`. */
  effectiveConfig?: EffectiveConfig;
  ignoreText?: string;
  ignoreFile?: string;
  /**
   * The built-in rules' keyword automaton as the build wrote it (the CLI reads it beside its bundle):
   * start-up skips building it. Used only where it fits the rules (not with rules from the config).
   */
  prebuiltPrefilter?: Uint8Array;
}

export interface ScanSetup {
  config: GuardConfig;
  scanner: Scanner;
  rules: Rule[];
  metas: RuleMeta[];
  /** Paths the scan leaves out: `paths.ignore` in the config and the ignore file's path lines. */
  isIgnoredPath: (path: string) => boolean;
  /** Which of the two leaves an ignored path out, for the skipped list. */
  ignoredPathDetail: (path: string) => string;
  /** The parsed `.claude-guard-ignore` (empty without one), to name its lines in notes. */
  ignoreList: IgnoreList;
  /** How notes name the ignore file. */
  ignoreFile: string;
  /** Config and ignore-file problems, each naming file, key and line. A scan with errors must not pass. */
  errors: string[];
  /** Problems that do not change what is scanned (an ignore-file line that is not a fingerprint). */
  warnings: string[];
}

export function prepareScan(inputs: ScanInputs): ScanSetup {
  const errors: string[] = [];
  const warnings: string[] = [];
  let config = DEFAULT_CONFIG;
  if (inputs.effectiveConfig) {
    config = inputs.effectiveConfig.config;
    errors.push(...inputs.effectiveConfig.errors.map(formatConfigError));
    warnings.push(...inputs.effectiveConfig.warnings.map(formatConfigError));
  } else if (inputs.configText !== undefined) {
    const parsed = parseConfig(inputs.configText, inputs.configFile ?? CONFIG_FILE);
    config = parsed.config;
    errors.push(...parsed.errors.map(formatConfigError));
  }
  const builtinMetas = ruleMetas(builtinRules);
  const custom = compileCustomRules(config.rules, new Set(builtinMetas.map((r) => r.id)));
  errors.push(...custom.errors.map((e) => `${inputs.configFile ?? "config"}: rules.${e.id}: ${e.message}`));
  const rules = [...builtinRules, ...custom.rules];
  const ignoreList = parseIgnoreFile(inputs.ignoreText ?? "");
  const ignoreFile = inputs.ignoreFile ?? IGNORE_FILE;
  for (const bad of ignoreList.invalid) {
    warnings.push(`${ignoreFile}:${bad.line}: "${bad.text}" is not a finding fingerprint (32 hex characters); the line is ignored`);
  }
  const byConfig = compileGlobs(config.paths.ignore);
  const byIgnoreFile = compileGlobs(ignoreList.paths);
  return {
    config,
    scanner: new Scanner(rules, { ignoredFingerprints: ignoreList.fingerprints, ...(inputs.prebuiltPrefilter && custom.rules.length === 0 ? { prebuiltPrefilter: inputs.prebuiltPrefilter } : {}) }),
    rules,
    metas: custom.rules.length === 0 ? builtinMetas : ruleMetas(rules),
    isIgnoredPath: (path) => byConfig(path) || byIgnoreFile(path),
    ignoredPathDetail: (path) => (byConfig(path) ? "paths.ignore" : ignoreFile),
    ignoreList,
    ignoreFile,
    errors,
    warnings,
  };
}
