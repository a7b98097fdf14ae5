/** Lists the files under the paths given to `claude-guard scan`, and what is left out and why. */
import { readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { skipReasonForPath } from "../core/detect/skip.js";
import type { SkippedFile } from "../core/types.js";

export interface FileEntry {
  /** Absolute path, for reading. */
  absolute: string;
  /** Path as reported: relative to the scan root, forward slashes. */
  path: string;
  size: number;
}

/** Folders never descended into: their contents are not the project's own code. */
const PRUNED_DIRS = new Set([".git", "node_modules", ".hg", ".svn", "bower_components", ".venv", "venv", "__pycache__", ".tox", ".pnpm-store"]);

/**
 * What a path that is neither a regular file nor a folder is, for messages. Such files are never read:
 * a FIFO blocks its reader forever, and a device such as /dev/zero never ends.
 */
export function specialFileKind(info: Stats | Dirent): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/** Paths left out before the scan's own settings are asked (what `.gitignore` ignores), and the word for the skipped list. */
export interface WalkExclusion {
  isExcluded(absolute: string, isFolder: boolean): boolean;
  detail: string;
}

/**
 * Synchronous on purpose: one thread walking a tree is fastest without promise round trips per entry.
 * The paths given are always read (as git reads a file named to it); `exclusion` and `isIgnoredPath`
 * decide about what the walk finds below them.
 */
export function listFiles(
  paths: readonly string[],
  root: string,
  setup: { isIgnoredPath: (path: string) => boolean; ignoredPathDetail?: (path: string) => string },
  maxFileBytes: number,
  /** Told of each file listed, as the walk goes (the scan can get ready meanwhile). */
  onListed?: (entry: FileEntry) => void,
  exclusion?: WalkExclusion,
): { files: FileEntry[]; skipped: SkippedFile[] } {
  const files: FileEntry[] = [];
  const skipped: SkippedFile[] = [];
  const report = (absolute: string) => relative(root, absolute).split(sep).join("/") || absolute.split(sep).pop() || absolute;

  const ignoredDetail = (path: string) => setup.ignoredPathDetail?.(path) ?? "paths.ignore";
  const visitFile = (absolute: string, path: string, size: number, named = false) => {
    if (!named && exclusion?.isExcluded(absolute, false)) return skipped.push({ path, reason: "ignored", detail: exclusion.detail });
    if (setup.isIgnoredPath(path)) return skipped.push({ path, reason: "ignored", detail: ignoredDetail(path) });
    const reason = skipReasonForPath(path);
    if (reason) return skipped.push({ path, reason });
    if (size > maxFileBytes) return skipped.push({ path, reason: "too-large", detail: `${size} bytes; the limit is ${maxFileBytes}` });
    const entry = { absolute, path, size };
    files.push(entry);
    onListed?.(entry);
  };

  /** `dir` and its path as reported (`report(dir)`): its entries' paths are that path and their names. */
  const walk = (dir: string, dirPath: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: (dirPath || report(dir)) + "/", reason: "unreadable", detail: (error as NodeJS.ErrnoException).code ?? "read error" });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` is resolved and an entry's name holds no separator: joined as strings, not by path.join,
    // which normalizes the whole path again for every entry.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const entry of entries) {
      const absolute = prefix + entry.name;
      const path = dirPath === "" ? entry.name : `${dirPath}/${entry.name}`;
      if (entry.isDirectory()) {
        if (PRUNED_DIRS.has(entry.name)) {
          if (entry.name !== ".git") skipped.push({ path: path + "/", reason: "vendored", detail: "folder not descended into" });
        } else if (exclusion?.isExcluded(absolute, true)) {
          skipped.push({ path: path + "/", reason: "ignored", detail: exclusion.detail });
        } else if (setup.isIgnoredPath(path)) {
          skipped.push({ path: path + "/", reason: "ignored", detail: ignoredDetail(path) });
        } else {
          walk(absolute, path);
        }
      } else if (entry.isFile()) {
        visitFile(absolute, path, statSync(absolute).size);
      } else if (!entry.isSymbolicLink()) {
        skipped.push({ path, reason: "unreadable", detail: `${specialFileKind(entry)}: only regular files are read` });
      }
      // Symbolic links are not followed: they can point outside the scanned tree or loop.
    }
  };

  for (const given of paths) {
    const absolute = resolve(given);
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info) throw new Error(`cannot read "${given}": no such file or folder`);
    if (info.isDirectory()) walk(absolute, relative(root, absolute).split(sep).join("/"));
    else if (info.isFile()) visitFile(absolute, report(absolute), info.size, true);
    else throw new Error(`cannot scan "${given}": it is ${specialFileKind(info)}, not a regular file or folder`);
  }
  return { files, skipped };
}
