/**
 * Claude Code's configuration files (`.claude/**` and `.mcp.json` at the repository root) at a commit,
 * read through the REST API for the App's policy checks. Requests, per commit read:
 *   1. `GET /repos/{o}/{r}/git/trees/{sha}` (the root folder only, not recursive: small even for a
 *      monorepo), which says whether `.claude` and `.mcp.json` exist. A repository without them costs
 *      this one request and nothing more;
 *   2. `GET /repos/{o}/{r}/git/trees/{tree}?recursive=1` for the `.claude` folder, when there is one;
 *   3. `GET /repos/{o}/{r}/git/blobs/{blob}` per file.
 * Subtrees and blobs are cached by their git id for the whole scan, so a commit and its parent (and the
 * head) share what did not change: a PR whose Claude commit changes one settings file costs, beyond the
 * head's reads, two root trees, at most two `.claude` trees and one blob.
 */
import { isNotFound, type GitHubClient, type RepoRef } from "./client.js";

/** Agent configuration files are small; a larger file is not read. */
const MAX_AGENT_FILE_BYTES = 1024 * 1024;

interface TreeEntry {
  path: string;
  type: string;
  sha: string;
  size?: number;
}

interface GitHubAgentFiles {
  /** The agent files at a commit (path -> text); empty when it has none. */
  filesAt(commitSha: string): Promise<Map<string, string>>;
  /** What could not be read (a truncated tree, a file too large), for the check run's notes. */
  notes: string[];
  /** Requests sent so far (for tests and logs). */
  requests(): number;
}

export function githubAgentFiles(gh: GitHubClient, repo: RepoRef): GitHubAgentFiles {
  let count = 0;
  const notes: string[] = [];
  const trees = new Map<string, Promise<{ entries: TreeEntry[]; truncated: boolean } | undefined>>();
  const blobs = new Map<string, Promise<string | undefined>>();

  const tree = (sha: string, recursive: boolean) => {
    const key = `${sha}:${recursive}`;
    let answer = trees.get(key);
    if (!answer) {
      count++;
      answer = gh
        .request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { owner: repo.owner, repo: repo.repo, tree_sha: sha, ...(recursive ? { recursive: "1" } : {}) })
        .then(
          ({ data }) => {
            const d = data as { tree?: TreeEntry[]; truncated?: boolean };
            return { entries: d.tree ?? [], truncated: Boolean(d.truncated) };
          },
          (error: unknown) => {
            if (isNotFound(error)) return undefined;
            throw error;
          },
        );
      trees.set(key, answer);
    }
    return answer;
  };

  const blob = (sha: string) => {
    let answer = blobs.get(sha);
    if (!answer) {
      count++;
      answer = gh.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner: repo.owner, repo: repo.repo, file_sha: sha }).then(({ data }) => {
        const d = data as { content?: string; encoding?: string };
        if (typeof d.content !== "string") return undefined;
        return d.encoding === "utf-8" || d.encoding === "utf8" ? d.content : Buffer.from(d.content, "base64").toString("utf8");
      });
      blobs.set(sha, answer);
    }
    return answer;
  };

  return {
    notes,
    requests: () => count,
    async filesAt(commitSha) {
      const files = new Map<string, string>();
      const root = await tree(commitSha, false);
      if (!root) return files;
      const wanted: Array<{ path: string; sha: string; size?: number }> = [];
      for (const entry of root.entries) {
        if (entry.path === ".mcp.json" && entry.type === "blob") wanted.push(entry);
        if (entry.path === ".claude" && entry.type === "tree") {
          const sub = await tree(entry.sha, true);
          if (sub?.truncated) notes.push(`The .claude folder at ${commitSha.slice(0, 7)} is too large for GitHub to list whole; only part of it was checked.`);
          for (const inner of sub?.entries ?? []) if (inner.type === "blob") wanted.push({ ...inner, path: `.claude/${inner.path}` });
        }
      }
      const texts = await Promise.all(
        wanted.map((w) => {
          if (w.size !== undefined && w.size > MAX_AGENT_FILE_BYTES) {
            notes.push(`${w.path} (${w.size} bytes) is too large to be agent configuration; it was not read.`);
            return Promise.resolve(undefined);
          }
          return blob(w.sha);
        }),
      );
      wanted.forEach((w, i) => {
        const text = texts[i];
        if (text !== undefined) files.set(w.path, text);
      });
      return files;
    },
  };
}
