/** Suppressions: inline allow comments and the `.claude-guard-ignore` fingerprint file. */
import { IGNORE_FILE } from "../files.js";

/** Inline markers honoured on the line of a finding (other scanners' markers too, so teams can migrate). */
const ALLOW_MARKERS = /claude-guard:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret|trufflehog:ignore|detect-secrets:\s*allow/i;

export function lineIsAllowed(line: string): boolean {
  // Cheap check first: every marker holds one of these letters' runs.
  if (!/allow|ignore/i.test(line)) return false;
  return ALLOW_MARKERS.test(line);
}

export interface IgnoreList {
  fingerprints: Set<string>;
  /** Path patterns (gitignore-like globs, from the repository root): files the scan leaves out. */
  paths: string[];
  /** The 1-based line of each fingerprint (the first, if one is listed twice). */
  lineOf: Map<string, number>;
  /** Lines that are not a fingerprint or a comment, with their 1-based numbers, for a warning. */
  invalid: Array<{ line: number; text: string }>;
}

/**
 * A path line of the ignore file: it holds a `/`, a `*` or a `.` (`build/`, `*.min.js`, `docs/x.json`),
 * so that a mistyped fingerprint or a bare word is reported rather than taken for a path. Not a
 * gitleaks-style `commit:path:rule:line` entry (a colon), nor a negation (`!`), which is not supported.
 */
function isPathPattern(content: string): boolean {
  return /[/*.]/.test(content) && !/[:!]/.test(content) && !/^[a-f0-9]+$/i.test(content);
}

/**
 * `.claude-guard-ignore`: one finding fingerprint a line, or a path pattern (see isPathPattern); `#`
 * starts a comment (a whole line or after the entry, to say why). Other lines, gitleaks-style
 * `commit:path:rule:line` entries among them, are reported as invalid rather than silently ignored.
 */
export function parseIgnoreFile(text: string): IgnoreList {
  const fingerprints = new Set<string>();
  const paths: string[] = [];
  const lineOf = new Map<string, number>();
  const invalid: Array<{ line: number; text: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/#.*$/, "").trim();
    if (content.length === 0) return;
    if (/^[a-f0-9]{32}$/i.test(content)) {
      const id = content.toLowerCase();
      fingerprints.add(id);
      if (!lineOf.has(id)) lineOf.set(id, i + 1);
    } else if (isPathPattern(content)) {
      // Anchored like .gitignore's `/build`: every pattern is matched from the repository root anyway.
      paths.push(content.replace(/^\/+/, ""));
    } else invalid.push({ line: i + 1, text: content.slice(0, 80) });
  });
  return { fingerprints, paths, lineOf, invalid };
}

/**
 * What to tell a user whose ignore file still holds fingerprints of the old value-hash form (before
 * 0.2): they keep working, but each should be replaced by its new form, which carries nothing of the
 * value. Names the ignore file's line, never the old fingerprint itself.
 */
export function ignoreFileRewrites(
  list: Pick<IgnoreList, "lineOf">,
  legacy: ReadonlyArray<{ old: string; replacement: string }>,
  file = IGNORE_FILE,
): string[] {
  const byLine = new Map<number, Set<string>>();
  for (const { old, replacement } of legacy) {
    const line = list.lineOf.get(old);
    if (line === undefined) continue;
    const set = byLine.get(line) ?? new Set<string>();
    set.add(replacement);
    byLine.set(line, set);
  }
  return [...byLine]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([line, replacements]) =>
        `${file}:${line} is an old value-hash fingerprint (it still suppresses its finding, but it could confirm a guess of the value): replace it with ${[...replacements].join(" and ")}.`,
    );
}
