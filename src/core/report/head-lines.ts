/**
 * Where a finding's line is at the head commit. Annotations can only sit on the head, and a finding
 * reports the line number in the commit that added it: a later commit may have moved the line, or
 * deleted it (a secret added, then removed: still in the history, and the case that matters most).
 * Pure: the doors read the head's files and the added lines, this decides.
 */
import { linesOf } from "../added-lines.js";
import { addToGroup } from "../collections.js";
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
  const heads = new Map<string, HeadFile | null>();
  for (const f of findings) {
    if (!f.commit || f.commit === headSha || f.category === "policy") continue;
    const added = files.addedLine(f);
    if (added === undefined) continue;
    if (!heads.has(f.path)) {
      const text = files.text(f.path);
      if (text === undefined) continue;
      heads.set(f.path, text === null ? null : new HeadFile(text.split(/\r?\n/)));
    }
    const head = heads.get(f.path);
    located.set(f, head ? head.nearest(added.replace(/\r$/, ""), f.line) : null);
  }
  return located;
}

/**
 * A file's lines at the head, and where each text stands, indexed on the first finding that asks: a
 * search of every line for each finding took 5 s for 20,000 findings in a file a later commit had
 * shifted by one line (and grew with the square).
 */
class HeadFile {
  private places: Map<string, number[]> | undefined;

  constructor(private readonly lines: readonly string[]) {}

  /** The number of the line reading `text` nearest to `line` (the earlier of two as near), or null for none. */
  nearest(text: string, line: number): number | null {
    if (this.lines[line - 1] === text) return line;
    if (!this.places) {
      this.places = new Map();
      for (let i = 0; i < this.lines.length; i++) addToGroup(this.places, this.lines[i] as string, i + 1);
    }
    const places = this.places.get(text);
    if (!places) return null;
    // The first place at or after the line; the one before it is the nearest from above.
    let low = 0;
    let high = places.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((places[middle] as number) < line) low = middle + 1;
      else high = middle;
    }
    const after = places[low];
    const before = places[low - 1];
    if (before === undefined) return after ?? null;
    if (after === undefined) return before;
    return after - line < line - before ? after : before;
  }
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
