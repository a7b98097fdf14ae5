/** Between AddedLines' one text and the lines it holds, for the doors that read or build it line by line. */
import type { AddedLines } from "./types.js";

/** The added lines one by one (none for a file without any: its text is empty, and so would one empty line's be). */
export function linesOf(file: Pick<AddedLines, "text" | "lineNumbers">): string[] {
  return file.lineNumbers.length === 0 ? [] : file.text.split("\n");
}

/** A file's added lines from the lines themselves (none of which holds a "\n") and their line numbers. */
export function addedLinesOf(path: string, lines: readonly string[], lineNumbers: number[]): AddedLines {
  return { path, text: lines.join("\n"), lineNumbers };
}

/**
 * Where each line number stands among `lineNumbers` (the first place, as indexOf finds it; -1 for none),
 * indexed on the first call: for the doors that look up many findings' lines in one file, where an
 * indexOf per finding was quadratic (tens of thousands of findings in one data file).
 */
export function lineIndex(lineNumbers: readonly number[]): (line: number) => number {
  let places: Map<number, number> | undefined;
  return (line) => {
    if (!places) {
      places = new Map();
      for (let i = lineNumbers.length - 1; i >= 0; i--) places.set(lineNumbers[i] as number, i);
    }
    return places.get(line) ?? -1;
  };
}
