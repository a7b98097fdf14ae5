/** Suppressions: inline allow comments and the `.claude-guard-ignore` fingerprint file. */

/** Inline markers honoured on the line of a finding (other scanners' markers too, so teams can migrate). */
const ALLOW_MARKERS = /claude-guard:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret|trufflehog:ignore|detect-secrets:\s*allow/i;

export function lineIsAllowed(line: string): boolean {
  // Cheap check first: every marker holds one of these letters' runs.
  if (!/allow|ignore/i.test(line)) return false;
  return ALLOW_MARKERS.test(line);
}

export interface IgnoreList {
  fingerprints: Set<string>;
  /** Lines that are not a fingerprint or a comment, with their 1-based numbers, for a warning. */
  invalid: Array<{ line: number; text: string }>;
}

/**
 * `.claude-guard-ignore`: one finding fingerprint a line; `#` starts a comment (a whole line or after
 * the fingerprint, to say why). gitleaks-style `commit:path:rule:line` entries are not fingerprints and
 * are reported as invalid rather than silently ignored.
 */
export function parseIgnoreFile(text: string): IgnoreList {
  const fingerprints = new Set<string>();
  const invalid: Array<{ line: number; text: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/#.*$/, "").trim();
    if (content.length === 0) return;
    if (/^[a-f0-9]{32}$/i.test(content)) fingerprints.add(content.toLowerCase());
    else invalid.push({ line: i + 1, text: content.slice(0, 80) });
  });
  return { fingerprints, invalid };
}
