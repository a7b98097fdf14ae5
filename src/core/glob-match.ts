/**
 * Matching paths against `paths.ignore` globs compiled by glob.ts, without picomatch: compiled globs
 * are plain data, so the Claude Code hook keeps its config's with the cached config and an event that
 * names a file does not load picomatch (a new process per event pays for every module it loads).
 */

/** A glob as picomatch compiles it (glob.ts): its regular expression, as data. */
export interface CompiledGlob {
  glob: string;
  source: string;
  flags: string;
  /** picomatch's Windows mode: a path's `\` are read as `/`. */
  windows: boolean;
}

/** Whether a path matches one of the globs: as picomatch's own matcher decides, or lies below a bare name or folder pattern. */
export function globMatcher(globs: readonly CompiledGlob[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const tests = globs.map(({ glob, source, flags, windows }) => {
    const regex = new RegExp(source, flags);
    // picomatch's test: never the empty path; the glob's own text; else its regex, on the `/` form.
    return (path: string): boolean => {
      if (path === "") return false;
      const slashed = windows ? path.replace(/\\/g, "/") : path;
      return path === glob || slashed === glob || regex.test(slashed);
    };
  });
  // A bare name or folder pattern (`testdata`, `fixtures/`) also matches anything below it.
  const bare = globs.map((g) => g.glob).filter((p) => !/[*?[\]{}]/.test(p)).map((p) => p.replace(/\/+$/, ""));
  return (path) => tests.some((test) => test(path)) || bare.some((b) => path === b || path.startsWith(b + "/") || path.includes("/" + b + "/"));
}
