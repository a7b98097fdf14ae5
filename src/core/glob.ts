/** Path globs of `paths.ignore` (gitignore-like: `**` spans folders, `*` stays within one). */
import picomatch from "picomatch";
import { globMatcher, type CompiledGlob } from "./glob-match.js";

export function compileGlobs(patterns: readonly string[]): (path: string) => boolean {
  return globMatcher(compileGlobData(patterns));
}

/** The globs as picomatch compiles them for its matcher, as data (glob-match.ts matches with them). */
export function compileGlobData(patterns: readonly string[]): CompiledGlob[] {
  // picomatch's own default for its Windows mode: the platform's.
  const windows = process.platform === "win32";
  return patterns.map((glob) => {
    const regex = picomatch.makeRe(glob, { dot: true, windows });
    return { glob, source: regex.source, flags: regex.flags, windows };
  });
}
