/**
 * `.github/claude-guard.yml` through the REST API, layered by core/config/load.ts the way docs/config.md
 * says: the org's file (in its `.github` repository) is the floor, the repository's file may only
 * tighten it, and `_extends` is followed one level. The repository's file is read at a given ref: a pull
 * request is judged by its BASE branch's config (Probot's `context.config()` only reads the default
 * branch), so a pull request can never relax the config it is judged by.
 */
import { loadEffectiveConfig, ORG_CONFIG_REPO, type ConfigLocation, type EffectiveConfig } from "../core/config/load.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readFileAt } from "./contents.js";

/** Config files already read, by location: a run over many repositories reads the org's file once. */
export type ConfigTextCache = Map<string, Promise<string | undefined>>;

/** One file through the contents API: undefined when it does not exist, a rejection for any other failure. */
function readConfigText(gh: GitHubClient, onRead: () => void, cache?: ConfigTextCache) {
  const read = readConfigTextOnce(gh, onRead);
  if (!cache) return read;
  return (location: ConfigLocation): Promise<string | undefined> => {
    const key = `${location.owner}/${location.repo}:${location.path}@${location.ref ?? ""}`.toLowerCase();
    let text = cache.get(key);
    if (!text) cache.set(key, (text = read(location)));
    return text;
  };
}

function readConfigTextOnce(gh: GitHubClient, onRead: () => void) {
  return async (location: ConfigLocation): Promise<string | undefined> => {
    onRead();
    const read = await readFileAt(gh, { owner: location.owner, repo: location.repo }, location.path, location.ref);
    if (read.status === "missing") return undefined;
    if (read.status !== "ok") throw new Error(`${location.owner}/${location.repo}:${location.path} could not be read (${read.status})`);
    return read.text;
  };
}

/**
 * The org's effective config (its `.github` repository's file and what that extends), as the audit
 * trail reads it in the App and the Action: the audit settings are org level only. `onRead` counts
 * the requests.
 */
export function loadOrgConfig(gh: GitHubClient, owner: string, onRead: () => void = () => undefined, cache?: ConfigTextCache): Promise<EffectiveConfig> {
  return loadEffectiveConfig(readConfigText(gh, onRead, cache), { owner, repo: ORG_CONFIG_REPO });
}

/** A repository's effective config: the org's floor with the repository's file (read at `ref`) on top. */
export function loadRepoConfig(gh: GitHubClient, repo: RepoRef, ref?: string, cache?: ConfigTextCache): Promise<EffectiveConfig> {
  return loadEffectiveConfig(readConfigText(gh, () => undefined, cache), { ...repo, ...(ref !== undefined ? { ref } : {}) });
}
