/**
 * `.github/claude-guard.yml` as Probot's config loading finds it (the repository's file, else the org's
 * `.github` repository's, then any `_extends` chain), with two differences that matter here:
 * - it reads the repository's file at a given ref: a pull request is judged by its BASE branch's config,
 *   which is not the default branch for a PR into a release branch (Probot's `context.config()` only
 *   reads the default branch), and a pull request can never relax the config it is judged by;
 * - it keeps each file's text, so a config error names the file, key and line as in the CLI.
 * The requests are the ones Probot's loader makes (contents API, raw media type).
 */
import { dump } from "js-yaml";
import { parseYaml } from "../core/bounded-parse.js";
import { formatConfigError, parseConfig } from "../core/config/config.js";
import { CONFIG_FILE } from "../core/files.js";
import { loadEffectiveConfig, ORG_CONFIG_REPO, type EffectiveConfig } from "../core/config/load.js";
import type { ScanInputs } from "../core/setup.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readFileAt } from "./contents.js";

/** Probot's `_extends` syntax: `repo`, `owner/repo` or `owner/repo:path.yml`. */
const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([-_.\w\d]+)(?::([-_./\w\d]+\.ya?ml))?$/i;
const MAX_EXTENDS = 5;

interface ConfigFile {
  /** How the check run names it: `.github/claude-guard.yml` for the repository's own file. */
  label: string;
  owner: string;
  repo: string;
  path: string;
  text: string;
}

interface LoadedConfig {
  /** Most specific first: the repository's file (or the org's fallback), then what it extends. */
  files: ConfigFile[];
  /** For prepareScan: the one file's text, or the merged chain. Absent when no file exists. */
  inputs: Pick<ScanInputs, "configText" | "configFile">;
  /** Errors found in the files of an `_extends` chain (a single file's are prepareScan's). */
  errors: string[];
  /** Where the config came from, for the summary. */
  source: string;
}

/**
 * The org's effective config (its `.github` repository's file and what that extends), as the audit
 * trail reads it in the App and the Action: the audit settings are org level only. `onRead` counts
 * the requests.
 */
export function loadOrgConfig(gh: GitHubClient, owner: string, onRead: () => void = () => undefined): Promise<EffectiveConfig> {
  return loadEffectiveConfig(
    async (location) => {
      onRead();
      const read = await readFileAt(gh, { owner: location.owner, repo: location.repo }, location.path, location.ref);
      if (read.status === "missing") return undefined;
      if (read.status !== "ok") throw new Error(`${location.owner}/${location.repo}:${location.path} could not be read (${read.status})`);
      return read.text;
    },
    { owner, repo: ORG_CONFIG_REPO },
  );
}

export async function loadGuardConfig(gh: GitHubClient, repo: RepoRef, ref?: string): Promise<LoadedConfig> {
  const files: ConfigFile[] = [];
  const errors: string[] = [];
  const own = await readFileAt(gh, repo, CONFIG_FILE, ref);
  if (own.status === "ok") {
    files.push({ label: CONFIG_FILE, ...repo, path: CONFIG_FILE, text: own.text });
  } else if (own.status !== "missing") {
    errors.push(`${CONFIG_FILE}: could not be read (${own.status})`);
  } else if (repo.repo !== ORG_CONFIG_REPO) {
    const org = await readFileAt(gh, { owner: repo.owner, repo: ORG_CONFIG_REPO }, CONFIG_FILE, undefined);
    if (org.status === "ok") files.push({ label: `${repo.owner}/${ORG_CONFIG_REPO}:${CONFIG_FILE}`, owner: repo.owner, repo: ORG_CONFIG_REPO, path: CONFIG_FILE, text: org.text });
  }

  // Follow `_extends` from the last file read, as Probot does.
  for (let depth = 0; depth < MAX_EXTENDS; depth++) {
    const last = files[files.length - 1];
    if (!last) break;
    const extendsValue = extendsOf(last.text);
    if (extendsValue === undefined) break;
    const match = typeof extendsValue === "string" ? EXTENDS.exec(extendsValue) : null;
    if (!match) {
      errors.push(`${last.label}: _extends: "${String(extendsValue)}" is not repo, owner/repo or owner/repo:path.yml`);
      break;
    }
    const target = { owner: match[1] ?? repo.owner, repo: match[2] as string, path: match[3] ?? CONFIG_FILE };
    if (files.some((f) => f.owner === target.owner && f.repo === target.repo && f.path === target.path)) {
      errors.push(`${last.label}: _extends: "${extendsValue}" loops back to a file already read`);
      break;
    }
    const read = await readFileAt(gh, target, target.path, undefined);
    if (read.status !== "ok") {
      errors.push(`${last.label}: _extends: ${target.owner}/${target.repo}:${target.path} could not be read (${read.status})`);
      break;
    }
    files.push({ label: `${target.owner}/${target.repo}:${target.path}`, ...target, text: read.text });
  }

  if (files.length === 0) return { files, inputs: {}, errors, source: `defaults (no ${CONFIG_FILE} in the repository or the organization's ${ORG_CONFIG_REPO} repository)` };
  const first = files[0] as ConfigFile;
  if (files.length === 1) return { files, inputs: { configText: first.text, configFile: first.label }, errors, source: first.label };

  // A chain: each file is checked on its own text (errors with their lines), then merged the way
  // Probot merges (deepmerge: objects merged, arrays concatenated, the more specific file wins).
  for (const file of files) errors.push(...parseConfig(file.text, file.label).errors.map(formatConfigError));
  const objects = files.map((f) => asObject(safeLoad(f.text))).reverse();
  const merged = objects.reduce((acc, next) => deepMerge(acc, next), {} as Record<string, unknown>);
  delete merged["_extends"];
  return {
    files,
    inputs: { configText: dump(merged), configFile: `merged config (${files.map((f) => f.label).join(" <- ")})` },
    errors,
    source: files.map((f) => f.label).join(", extending "),
  };
}

function safeLoad(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

function extendsOf(text: string): unknown {
  return asObject(safeLoad(text))["_extends"];
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    if (Array.isArray(current) && Array.isArray(value)) out[key] = [...current, ...value];
    else if (isPlainObject(current) && isPlainObject(value)) out[key] = deepMerge(current, value);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
