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
