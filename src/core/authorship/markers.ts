/**
 * Extra authorship markers from config (`authorship.markers`): regular expressions, written by the
 * repository's or org's admins, that mark a commit as Claude's. They run over every commit message,
 * so each one is checked for catastrophic backtracking before use (see ../safe-regex.ts).
 *
 * Syntax: a plain pattern (`Assisted-by: acme-agent`) is matched case-insensitively with `^`/`$` at
 * line boundaries (flags `im`); `/pattern/flags` chooses the flags (from `i`, `m`, `s`, `u`).
 */
import { checkRegexSafety, engineReason } from "../safe-regex.js";

const SLASHED = /^\/([\s\S]+)\/([a-z]*)$/;
const ALLOWED_FLAGS = /^[imsu]*$/;
const DEFAULT_FLAGS = "im";

/** How a marker is named in error messages: quoted, cut to stay readable. */
function describe(marker: string, index: number): string {
  const shown = marker.length > 60 ? marker.slice(0, 59) + "…" : marker;
  return `authorship.markers[${index}] ${JSON.stringify(shown)}`;
}

/**
 * Compiles config markers. Never throws: each invalid or dangerous marker becomes an error message
 * that names it, and the others still compile.
 */
export function compileMarkers(markers: string[]): { regexes: RegExp[]; errors: string[] } {
  const regexes: RegExp[] = [];
  const errors: string[] = [];
  if (!Array.isArray(markers)) return { regexes, errors: ["authorship.markers must be a list of regular expressions"] };
  markers.forEach((marker, index) => {
    if (typeof marker !== "string") {
      errors.push(`authorship.markers[${index}] must be a string (a regular expression), got ${marker === null ? "null" : typeof marker}`);
      return;
    }
    const name = describe(marker, index);
    if (marker.trim() === "") {
      errors.push(`${name}: an empty marker would mark every commit as Claude's`);
      return;
    }
    let source = marker;
    let flags = DEFAULT_FLAGS;
    const slashed = SLASHED.exec(marker);
    if (slashed) {
      source = slashed[1] as string;
      flags = slashed[2] as string;
      if (!ALLOWED_FLAGS.test(flags)) {
        errors.push(`${name}: unsupported flags "${flags}" (allowed: i, m, s, u)`);
        return;
      }
    }
    const safety = checkRegexSafety(source, flags);
    if (!safety.ok) {
      errors.push(`${name}: ${safety.reason}`);
      return;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source, flags);
    } catch (error) {
      errors.push(`${name}: invalid regular expression: ${engineReason(error)}`);
      return;
    }
    if (regex.test("")) {
      errors.push(`${name}: matches the empty string, so it would mark every commit as Claude's`);
      return;
    }
    regexes.push(regex);
  });
  return { regexes, errors };
}

/** Markers compiled once per distinct list: detectAuthorship runs once per commit with the same config. */
const cache = new Map<string, RegExp[]>();
const CACHE_LIMIT = 64;

export function compiledMarkers(markers: string[] | undefined): RegExp[] {
  if (!markers || markers.length === 0) return [];
  const key = JSON.stringify(markers);
  let regexes = cache.get(key);
  if (!regexes) {
    regexes = compileMarkers(markers).regexes;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, regexes);
  }
  return regexes;
}
