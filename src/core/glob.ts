/** Path globs of `paths.ignore` (gitignore-like: `**` spans folders, `*` stays within one). */
import picomatch from "picomatch";

export function compileGlobs(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((p) => picomatch(p, { dot: true }));
  // A bare name or folder pattern (`testdata`, `fixtures/`) also matches anything below it.
  const bare = patterns.filter((p) => !/[*?[\]{}]/.test(p)).map((p) => p.replace(/\/+$/, ""));
  return (path) => matchers.some((m) => m(path)) || bare.some((b) => path === b || path.startsWith(b + "/") || path.includes("/" + b + "/"));
}
