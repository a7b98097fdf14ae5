/**
 * paths.ignore globs compiled to data (glob.ts) and matched without picomatch (glob-match.ts, what the
 * Claude Code hook runs from its cached config) decide as picomatch's own matcher does.
 */
import { describe, expect, it } from "@jest/globals";
import picomatch from "picomatch";
import { compileGlobData, compileGlobs } from "../../src/core/glob.js";
import { globMatcher } from "../../src/core/glob-match.js";

const GLOBS = ["**/testdata/**", "vendor/**", "*.min.js", "docs/*.md", "src/**/fixtures/*.{json,yml}", "!keep/**", "a?c/*", "[ab]x/**", ".github/**", "**/.env*", "testdata", "fixtures/", "src/(a|b)/*", "**/*"];
const PATHS = ["", "testdata", "testdata/x.json", "src/testdata/deep/x.ts", "vendor/lib/x.js", "app.min.js", "src/app.min.js", "docs/a.md", "docs/deep/a.md", "src/m/fixtures/a.json", "src/m/fixtures/a.yml", "src/m/fixtures/a.ts", "keep/x", "other/x", "abc/x", "bx/y/z", "cx/y", ".github/workflows/ci.yml", "app/.env.local", ".env", "fixtures/a", "a/fixtures/b", "src/a/x", "src/c/x", "**/testdata/**", "vendor\\lib\\x.js"];

describe("compiled globs", () => {
  it("match as picomatch's matcher does, glob by glob", () => {
    for (const glob of GLOBS) {
      const reference = picomatch(glob, { dot: true });
      const [compiled] = compileGlobData([glob]);
      // A compiled glob is plain data: it survives the hook's JSON cache.
      const matches = globMatcher(JSON.parse(JSON.stringify([compiled])));
      const bare = !/[*?[\]{}]/.test(glob);
      for (const path of PATHS) {
        if (bare) continue;
        expect({ glob, path, matched: matches(path) }).toEqual({ glob, path, matched: reference(path) });
      }
    }
  });

  it("match a bare name or folder and anything below it, as compileGlobs does", () => {
    const matches = globMatcher(compileGlobData(["testdata", "fixtures/"]));
    const reference = compileGlobs(["testdata", "fixtures/"]);
    for (const path of PATHS) expect({ path, matched: matches(path) }).toEqual({ path, matched: reference(path) });
    expect(matches("a/testdata/b.ts")).toBe(true);
    expect(matches("fixtures/a")).toBe(true);
    expect(matches("src/x.ts")).toBe(false);
  });
});
