/**
 * Which files are not worth scanning, and why: lockfiles, vendored and generated code, binaries.
 * Every skipped file is counted and listed in the report, never dropped silently.
 *
 * Skipping by name is for text nobody here vouches for: a tree scan, or another author's commit. Text
 * Claude wrote is scanned whatever its path: a key Claude puts in `vendor/` or `yarn.lock` is still a
 * leak, and a name is exactly what a careless (or steered) agent can choose.
 */
import type { SkipReason } from "../types.js";

const LOCKFILES = new Set([
  "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", "deno.lock",
  "cargo.lock", "gemfile.lock", "poetry.lock", "pipfile.lock", "pdm.lock", "uv.lock", "composer.lock", "go.sum",
  "mix.lock", "pubspec.lock", "podfile.lock", "packages.lock.json", "paket.lock", "flake.lock", "gradle.lockfile",
  "conan.lock", "cartfile.resolved", "package.resolved", "shard.lock", "yarn-integrity",
]);

const VENDORED_DIRS = /(?:^|\/)(?:node_modules|bower_components|jspm_packages|vendor|third_party|third-party|thirdparty|\.yarn\/(?:cache|releases)|\.pnpm-store|site-packages|\.venv|venv|\.tox|Pods|Carthage|\.git)\//;

const GENERATED = /(?:\.min\.(?:js|mjs|cjs|css)|\.bundle\.js|\.chunk\.js|\.map|\.pb\.go|_pb2\.py|\.g\.dart|\.designer\.cs|\.generated\.\w+|\.snap)$/i;

const BINARY_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "ai", "heic", "avif",
  "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
  "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "ear", "whl", "egg", "nupkg", "gem",
  "exe", "dll", "so", "dylib", "a", "o", "obj", "lib", "class", "pyc", "pyo", "wasm", "bin", "dat", "db", "sqlite",
  "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm",
  "iso", "dmg", "img", "apk", "ipa", "deb", "rpm", "msi", "lockb", "parquet", "avro", "onnx", "pt", "pth", "npy", "npz",
]);

/** Files this large are not read whole: they are reported as skipped, not scanned by halves. */
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Whose text is about to be scanned: the one input, besides the path, of the skip decision. */
interface TextOrigin {
  /** True for lines a Claude-authored commit added (or Claude is writing): never skipped by name. */
  byClaude?: boolean;
}

/** Why a path is skipped before reading it, or undefined when it should be scanned. */
export function skipReasonForPath(path: string, origin: TextOrigin = {}): SkipReason | undefined {
  if (origin.byClaude) return undefined;
  // Asked for every file of every commit of a history: the common path (no backslash) is not copied.
  const normalized = path.includes("\\") ? path.replace(/\\/g, "/") : path;
  const base = normalized.slice(normalized.lastIndexOf("/") + 1).toLowerCase();
  if (LOCKFILES.has(base)) return "lockfile";
  if (VENDORED_DIRS.test(normalized)) return "vendored";
  if (GENERATED.test(base)) return "generated";
  if (binaryExtension(base)) return "binary";
  return undefined;
}

/** Whether a lower-case file name's extension says binary. */
function binaryExtension(base: string): boolean {
  const dot = base.lastIndexOf(".");
  return dot > 0 && BINARY_EXTENSIONS.has(base.slice(dot + 1));
}

/**
 * A name that says binary (an image, an archive). Only a guess about content: where the lines are at hand
 * (a git patch) git's own content check decides, so this is for deciding whether a file is worth fetching.
 */
export function hasBinaryExtension(path: string): boolean {
  return binaryExtension(path.slice(path.lastIndexOf("/") + 1).toLowerCase());
}

/** True when the first bytes hold a NUL: binary content whatever the name says. */
export function looksBinary(bytes: Uint8Array): boolean {
  // A native search (memchr), not a loop per byte: every file read goes through this.
  return bytes.subarray(0, 8000).indexOf(0) !== -1;
}

/**
 * Minified or bundled code: very long lines of packed JavaScript or CSS. Only provider-format rules run
 * on it (a real key is still a key); name-based rules would only report the bundle's noise.
 */
export function looksMinified(path: string, text: string): boolean {
  if (!/\.(?:js|mjs|cjs|css|html?)$/i.test(path)) return false;
  if (text.length < 2000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 1000 && text.length / lines > 300;
}
