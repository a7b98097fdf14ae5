/**
 * Where a finding's line is at the head commit. Annotations can only sit on the head, and a finding
 * reports the line number in the commit that added it: a later commit may have moved the line, or
 * deleted it (a secret added, then removed: still in the history, and the case that matters most).
 * Pure: the doors read the head's files and the added lines, this decides.
 */
import { linesOf } from "../added-lines.js";
import type { AddedLines, Finding } from "../types.js";

interface HeadFiles {
  /** The file's text at the head; null when the file is not there; undefined when it could not be read. */
  text(path: string): string | null | undefined;
  /** The text of the line the finding's commit added at `finding.line`, when known. */
  addedLine(finding: Finding): string | undefined;
}

/**
 * For each finding of a commit other than the head: its line number at the head (the same number when
 * that line still reads the same, else the nearest line that does), or null when no line of the head's
 * file reads as the added one did. Findings whose place cannot be told (no commit, the head itself, a
 * policy finding, a file or line not read) are left out: the renderer takes them as at the head.
 */
export function locateAtHead(findings: readonly Finding[], headSha: string, files: HeadFiles): Map<Finding, number | null> {
  const located = new Map<Finding, number | null>();
  const split = new Map<string, string[] | null>();
  for (const f of findings) {
    if (!f.commit || f.commit === headSha || f.category === "policy") continue;
    const added = files.addedLine(f);
    if (added === undefined) continue;
    if (!split.has(f.path)) {
      const text = files.text(f.path);
      if (text === undefined) continue;
      split.set(f.path, text === null ? null : text.split(/\r?\n/));
    }
    const lines = split.get(f.path);
    if (lines === null || lines === undefined) {
      located.set(f, null);
      continue;
    }
    const want = added.replace(/\r$/, "");
    if (lines[f.line - 1] === want) {
      located.set(f, f.line);
      continue;
    }
    let best: number | null = null;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== want) continue;
      if (best === null || Math.abs(i + 1 - f.line) < Math.abs(best - f.line)) best = i + 1;
    }
    located.set(f, best);
  }
  return located;
}

/** The added-line lookup from the commits' added lines, as every door holds them after a scan. */
export function addedLineIndex(changes: ReadonlyArray<{ commit: string; files: readonly AddedLines[] }>): (f: Finding) => string | undefined {
  const byKey = new Map<string, Map<number, string>>();
  for (const change of changes) {
    for (const file of change.files) {
      const key = `${change.commit}\0${file.path}`;
      const lines = byKey.get(key) ?? new Map<number, string>();
      const texts = linesOf(file);
      file.lineNumbers.forEach((n, i) => lines.set(n, texts[i] as string));
      byKey.set(key, lines);
    }
  }
  return (f) => byKey.get(`${f.commit ?? ""}\0${f.path}`)?.get(f.line);
}
