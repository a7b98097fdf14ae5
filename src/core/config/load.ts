/**
 * The effective config of a repository, from the files that make it: the org's (in the org's `.github`
 * repository), the repository's own, and what either names with `_extends`. The door supplies `read`
 * (the App reads through the REST API, a test from a map); this module decides which files, in which
 * order, and how they merge. No I/O of its own.
 *
 * Layers, lowest first, each merged onto the ones below with mergeConfigs (tighten-only):
 *   1. the file the org's config extends, if any;
 *   2. the org's config: `<owner>/.github`, `.github/claude-guard.yml`, default branch;
 *   3. the file the repository's config extends, if any (unless it is the org's config, already in);
 *   4. the repository's config, read at `ref`: for a pull request, its **base** (configSourceRef).
 * As in Probot, `_extends` is followed one level: an extended file's own `_extends` is not followed.
 */
import { CONFIG_FILE } from "../files.js";
import { parseConfig, type ConfigError } from "./config.js";
import { mergeConfigs } from "./merge.js";
import { EXTENDS_PATTERN, type GuardConfig } from "./schema.js";

/** The repository that holds org-wide settings, as in Probot and GitHub's community health files. */
export const ORG_CONFIG_REPO = ".github";

export interface ConfigLocation {
  owner: string;
  repo: string;
  path: string;
  /** Branch, tag or sha; absent: the repository's default branch. */
  ref?: string;
}

/** Reads one file; resolves to undefined when it does not exist (any other failure should reject). */
type ReadConfigText = (location: ConfigLocation) => Promise<string | undefined>;

export interface EffectiveConfig {
  config: GuardConfig;
  /** Errors in any of the files: a check must not pass on a config it could not read. */
  errors: ConfigError[];
  /** Values not applied (a repository loosening the org's policy, an org-only key in a repository). */
  warnings: ConfigError[];
  /** The files that were read and applied, lowest layer first, as `owner/repo:path@ref`. */
  sources: string[];
}

/** `repo`, `owner/repo`, `owner/repo:path` (Probot's `_extends`), relative to the owner of the file naming it. */
export function parseExtends(value: string, owner: string): ConfigLocation | undefined {
  const match = EXTENDS_PATTERN.exec(value);
  if (!match) return undefined;
  return { owner: match[1] ?? owner, repo: match[2] as string, path: match[3] ?? CONFIG_FILE };
}

function describeLocation(location: ConfigLocation): string {
  return `${location.owner}/${location.repo}:${location.path}${location.ref ? `@${location.ref}` : ""}`;
}

const sameFile = (a: ConfigLocation, b: ConfigLocation): boolean =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase() && a.path === b.path;

interface Layer {
  config: GuardConfig;
  file: string;
  locate: ReturnType<typeof parseConfig>["locate"];
}

export async function loadEffectiveConfig(read: ReadConfigText, target: { owner: string; repo: string; ref?: string }): Promise<EffectiveConfig> {
  const errors: ConfigError[] = [];
  const warnings: ConfigError[] = [];
  const sources: string[] = [];

  const readLayer = async (location: ConfigLocation): Promise<Layer | undefined> => {
    const text = await read(location);
    if (text === undefined) return undefined;
    const file = describeLocation(location);
    const parsed = parseConfig(text, file);
    errors.push(...parsed.errors);
    sources.push(file);
    return { config: parsed.config, file, locate: parsed.locate };
  };
  /** A file and, below it, the file it extends (one level). */
  const readWithBase = async (location: ConfigLocation, skipBase?: ConfigLocation): Promise<Layer[]> => {
    const top = await readLayer(location);
    if (!top) return [];
    const extendsValue = top.config._extends;
    if (extendsValue === undefined) return [top];
    const baseLocation = parseExtends(extendsValue, location.owner);
    if (!baseLocation || (skipBase && sameFile(baseLocation, skipBase)) || sameFile(baseLocation, location)) return [top];
    const base = await readLayer(baseLocation);
    if (!base) {
      const position = top.locate(["_extends"]);
      errors.push({ file: top.file, key: "_extends", ...(position ?? {}), message: `${describeLocation(baseLocation)} does not exist (or cannot be read)` });
      return [top];
    }
    if (base.config._extends !== undefined) {
      const position = base.locate(["_extends"]);
      warnings.push({ file: base.file, key: "_extends", ...(position ?? {}), severity: "warning", message: "not followed: `_extends` is followed one level only" });
    }
    return [base, top];
  };

  const orgLocation: ConfigLocation = { owner: target.owner, repo: ORG_CONFIG_REPO, path: CONFIG_FILE };
  const repoLocation: ConfigLocation = { owner: target.owner, repo: target.repo, path: CONFIG_FILE, ...(target.ref !== undefined ? { ref: target.ref } : {}) };
  const isOrgRepo = target.repo.toLowerCase() === ORG_CONFIG_REPO;

  // The org's `.github` repository is itself governed by its own file, read at `ref` like any other.
  const orgLayers = await readWithBase(isOrgRepo ? repoLocation : orgLocation);
  const repoLayers = isOrgRepo ? [] : await readWithBase(repoLocation, orgLocation);

  // Fold: the org's layers make the floor; every layer above may only tighten it.
  let config: GuardConfig | undefined;
  for (const layer of [...orgLayers, ...repoLayers]) {
    const merged = mergeConfigs(config, layer.config, { repoFile: layer.file, repoLocate: layer.locate });
    // Within the org's own layers, the org's file may set audit (it is the org level).
    if (orgLayers.includes(layer) && layer.config.audit) merged.config.audit = structuredClone(layer.config.audit);
    warnings.push(...merged.warnings.filter((w) => !(orgLayers.includes(layer) && w.key === "audit")));
    config = merged.config;
  }
  return { config: config ?? mergeConfigs(undefined, undefined).config, errors, warnings, sources };
}
