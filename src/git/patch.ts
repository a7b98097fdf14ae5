/**
 * Parses the patch text git prints for ONE commit (`git log -p --cc --unified=0 -M --src-prefix=a/
 * --dst-prefix=b/`) into the lines each file gained. Pure: no git, no I/O, so the tricky cases are
 * tested on literal patch text as well as on real repositories.
 *
 * A merge commit's patch is a combined diff (`diff --cc`, `@@@` hunk headers, one prefix column per
 * parent). Its added lines are those new against EVERY parent (`++` with two parents): a conflict
 * resolution's own text and files new in the merge. A line that only one side brought in (`+ ` / ` +`)
 * was added by a commit of that side, and is read there.
 *
 * What is kept: every file with at least one added line, under its NEW path (renames included).
 * What is left out on purpose: deleted files, pure renames, mode-only changes and empty new files (they
 * add no line), submodule pointer changes (a commit id, not content). What is recorded as skipped:
 * binary files and files over the added-size cap. Lines are never cut: a line of any length is kept
 * whole, within the file's cap (the memory bound: at most `maxFileChars` characters a file are held).
 */
import { addedLinesOf } from "../core/added-lines.js";
import type { AddedLines, SkippedFile } from "../core/types.js";
import { instantiate, reserve, type WasmMemory } from "../core/wasm.js";
import { PATCH_LINES_WASM } from "./patch-lines-wasm.js";

export interface PatchLimits {
  /**
   * Added characters per file beyond which its lines are dropped and the file is skipped as `too-large`.
   * The one bound on what a file's added text holds in memory: a single line may be this long and is
   * still scanned whole.
   */
  maxFileChars: number;
}

export const DEFAULT_PATCH_LIMITS: PatchLimits = { maxFileChars: 5_000_000 };

export interface ParsedPatch {
  files: AddedLines[];
  skipped: SkippedFile[];
  /**
   * The files skipped as binary, with their blob ids when the patch has `--full-index` ones: a reader
   * can look at the bytes (UTF-16 text is "binary" to git) and read them after all.
   */
  binary: Array<{ path: string; blob: string; parentBlobs: string[] }>;
  /**
   * Every path the diff names, whatever became of its file (deleted, renamed away, binary, a mode
   * change, no line added): each file's path, and a rename's old path too.
   */
  paths: string[];
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * Reads a C-quoted string as git writes unusual paths (`"a\tb.txt"`, `"caf\303\251"`), starting at
 * `text[start] === '"'`. Octal escapes are bytes, so they are collected and decoded as UTF-8 together.
 * Returns the value and the index just past the closing quote, or undefined if the quote never closes.
 */
export function readCQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') return { value: Buffer.from(bytes).toString("utf8"), end: i + 1 };
    if (ch === "\\" && i + 1 < text.length) {
      const next = text[i + 1] as string;
      const octal = /^[0-7]{3}/.exec(text.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += 4;
        continue;
      }
      const code = C_ESCAPES[next];
      if (code !== undefined) {
        bytes.push(code);
        i += 2;
        continue;
      }
      // Unknown escape: keep it literally rather than lose a character.
      bytes.push(...Buffer.from(`\\${next}`, "utf8"));
      i += 2;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    const char = String.fromCodePoint(cp);
    bytes.push(...Buffer.from(char, "utf8"));
    i += char.length;
  }
  return undefined;
}

/** A path as git prints it in a header: C-quoted or raw. */
export function unquoteGitPath(text: string): string {
  if (text.startsWith('"')) {
    const quoted = readCQuoted(text, 0);
    if (quoted && quoted.end === text.length) return quoted.value;
  }
  return text;
}

function stripPrefix(pathText: string, prefix: string): string {
  return pathText.startsWith(prefix) ? pathText.slice(prefix.length) : pathText;
}

/**
 * The path after `--- ` / `+++ `: `/dev/null`, `b/x`, or quoted. Git adds a TAB after an unquoted name
 * that contains a space (for GNU patch); that tab is not part of the name.
 */
function pathFromMarkerLine(rest: string, prefix: string): string | undefined {
  // The tab comes after quoted names too (`"b/say \"hi\".txt"<TAB>`); a name that really ends with a
  // tab is always quoted, so an unquoted trailing tab is never part of it.
  const name = rest.endsWith("\t") ? rest.slice(0, -1) : rest;
  if (name === "/dev/null") return undefined;
  return stripPrefix(unquoteGitPath(name), prefix);
}

/**
 * The new path from `diff --git a/X b/Y`, used only when no `+++` or `rename to` line says it (binary
 * files). Unquoted names with spaces are ambiguous in general; without a rename both sides are equal,
 * which pins the split.
 */
export function pathFromDiffGitLine(line: string): string | undefined {
  const rest = line.slice("diff --git ".length);
  if (rest.startsWith('"')) {
    const first = readCQuoted(rest, 0);
    if (!first) return undefined;
    const second = rest.slice(first.end + 1);
    return stripPrefix(unquoteGitPath(second), "b/");
  }
  if (rest.endsWith('"')) {
    const quoteAt = rest.lastIndexOf(' "b/');
    if (quoteAt >= 0) return stripPrefix(unquoteGitPath(rest.slice(quoteAt + 1)), "b/");
  }
  const half = (rest.length - 5) / 2; // "a/" + P + " b/" + P
  if (Number.isInteger(half) && rest.slice(2, 2 + half) === rest.slice(5 + half)) return rest.slice(5 + half);
  const split = rest.indexOf(" b/");
  return split >= 0 ? rest.slice(split + 3) : undefined;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** A combined diff's hunk header: N+1 `@` for N parents, one `-start,count` per parent. */
const COMBINED_HUNK_HEADER = /^(@{3,}) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? @{3,}/;

interface FileState {
  diffLine: string;
  /** The path of a combined diff's `diff --cc <path>` header. */
  combinedPath: string | undefined;
  /** The `index` line (blob ids), read only if the file is binary. */
  indexLine: string | undefined;
  newPath: string | undefined;
  renameFrom: string | undefined;
  renameTo: string | undefined;
  deleted: boolean;
  binary: boolean;
  gitlink: boolean;
  /**
   * The added lines gathered so far, each followed by "\n": bytes[textStart, textEnd) of the patch (see
   * addLine). Their characters are counted for the cap from `counted` on (see countCharacters).
   */
  textStart: number;
  textEnd: number;
  lineNumbers: number[];
  /** Characters (UTF-16 code units, as the text decodes) of the lines before textStart + counted, each line's "\n" included. */
  chars: number;
  counted: number;
  tooLarge: boolean;
}

function newFile(diffLine: string): FileState {
  // Every field set here, so that all files share one shape (the hunk loop reads them).
  return {
    diffLine,
    combinedPath: undefined,
    indexLine: undefined,
    newPath: undefined,
    renameFrom: undefined,
    renameTo: undefined,
    deleted: false,
    binary: false,
    gitlink: false,
    textStart: -1,
    textEnd: -1,
    lineNumbers: [],
    chars: 0,
    counted: 0,
    tooLarge: false,
  };
}

/** One commit's patch as it is read (see parseCommitPatch). */
interface PatchState {
  bytes: Buffer;
  commit: string | undefined;
  limits: PatchLimits;
  result: ParsedPatch;
  /** The file whose header was read last. */
  file: FileState | undefined;
  /**
   * Lines still expected in the current hunk, from its header. Counting (instead of guessing from a
   * line's first characters) is what keeps an added line such as "++ b/x" or "diff --git" from being
   * read as a header. One count of old lines per parent: a plain diff has one column, a merge's
   * combined diff one a parent.
   */
  oldLeft: number[];
  newLeft: number;
  /** The new file's number of the next line in the result. */
  newLine: number;
}

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const PLUS = 43;
const MINUS = 45;
const AT = 64;
const BACKSLASH = 92;
/**
 * The first bytes of the header lines read below ("diff", "deleted", "@@", "+++", "rename from/to", "Binary",
 * "index", "new file mode"): any other line ("--- a/x", "old mode", "similarity index") is passed over
 * without being decoded, as none of the tests below could match it.
 */
const HEADER_FIRST_BYTES = new Set([..."d@+rBin"].map((c) => c.charCodeAt(0)));

/** What patch-lines.wat exports. */
interface PatchLinesExports {
  memory: WasmMemory;
  readHunk(): number;
}

// patch-lines.wat's memory: its state (4-byte integers, by index), the added lines' numbers, the patch.
const STATE = { pos: 0, length: 1, oldLeft: 2, newLeft: 3, newLine: 4, textStart: 5, textEnd: 6, counted: 7, allowance: 8, lines: 9, keep: 10 } as const;
const STATE_INTS = 11;
const LINES_AT = 64;
const PATCH_AT = 65536;
/** Why readHunk stopped. */
const HUNK_READ = 0;
const PAST_ALLOWANCE = 1;
/**
 * The memory kept from one patch to the next: a larger one (a commit that added a large file) is let go
 * after its patch, so that one such commit does not hold that much memory for the rest of the run.
 */
const KEPT_MEMORY = 64 * 1024 * 1024;
const MAX_ALLOWANCE = 0x7fffffff;
/** The loop's offsets are 32-bit integers, -1 meaning none: a patch must end below 2 GiB in its memory. */
const MAX_PATCH_BYTES = 0x7fffffff - PATCH_AT;

let hunkLoop: PatchLinesExports | undefined;

/** The hunk loop, its memory grown to hold a patch of `length` bytes. Parses are synchronous: one loop serves them all. */
function hunkLoopFor(length: number, commit: string | undefined): PatchLinesExports {
  if (length > MAX_PATCH_BYTES) throw new Error(`The patch of commit ${commit ?? "(unnamed)"} is ${length} bytes; claude-guard reads patches of up to 2 GiB a commit. Scan a range without it (--range).`);
  hunkLoop ??= instantiate<PatchLinesExports>(PATCH_LINES_WASM, "Reading patches");
  reserve(hunkLoop.memory, PATCH_AT + length);
  return hunkLoop;
}

/**
 * Parses one commit's patch. The patch is copied into the hunk loop's memory (patch-lines.wat), where each
 * file's added lines are gathered in place: each line moved over the prefixes and removed lines before
 * it, so that a file's text is decoded once, with no string a line (a history's added lines are hundreds
 * of thousands). Given text (a REST patch, a test), its UTF-8 bytes are copied. `commit` is copied into
 * each SkippedFile.
 *
 * Only a plain hunk's lines, nearly all of them, are read by that loop; the rest is done here, in
 * functions of their own.
 */
export function parseCommitPatch(patch: Buffer | string, commit?: string, limits: PatchLimits = DEFAULT_PATCH_LIMITS): ParsedPatch {
  const length = typeof patch === "string" ? Buffer.byteLength(patch, "utf8") : patch.length;
  const loop = hunkLoopFor(length, commit);
  const bytes = Buffer.from(loop.memory.buffer, PATCH_AT, length);
  if (typeof patch === "string") bytes.write(patch, "utf8");
  else patch.copy(bytes);
  const state: PatchState = { bytes, commit, limits, result: { files: [], skipped: [], binary: [], paths: [] }, file: undefined, oldLeft: [], newLeft: 0, newLine: 0 };
  try {
    let start = 0;
    while (start <= bytes.length) {
      const oldLeft = state.oldLeft;
      // A plain diff's hunk: its lines are read by the loop, to the hunk's end.
      if (oldLeft.length === 1 && (state.newLeft > 0 || (oldLeft[0] as number) > 0)) {
        start = readHunk(state, loop, start);
        continue;
      }
      let end = bytes.indexOf(NEWLINE, start);
      if (end < 0) end = bytes.length;
      const lineStart = start;
      start = end + 1;
      if (state.newLeft > 0 || oldLeft.some((n) => n > 0)) readCombinedLine(state, lineStart, end);
      else readHeaderLine(state, lineStart, end);
    }
    finish(state);
    return state.result;
  } finally {
    if (loop.memory.buffer.byteLength > KEPT_MEMORY) hunkLoop = undefined;
  }
}

/**
 * Reads a plain hunk's lines from `start` with the loop, to the hunk's end (or the patch's); returns where
 * the next line starts. The current file's added lines are kept (see addLine), unless it is skipped as
 * too large or there is no file.
 */
function readHunk(state: PatchState, loop: PatchLinesExports, start: number): number {
  const hunk = new Int32Array(loop.memory.buffer, 0, STATE_INTS);
  const numbers = new Int32Array(loop.memory.buffer, LINES_AT, (PATCH_AT - LINES_AT) / 4);
  hunk[STATE.pos] = start;
  hunk[STATE.length] = state.bytes.length;
  hunk[STATE.oldLeft] = state.oldLeft[0] as number;
  hunk[STATE.newLeft] = state.newLeft;
  hunk[STATE.newLine] = state.newLine;
  hunk[STATE.lines] = 0;
  // The file whose lines are kept: none once it is skipped as too large (then its lines are only counted).
  let kept = state.file && !state.file.tooLarge ? state.file : undefined;
  if (kept) {
    hunk[STATE.textStart] = kept.textStart;
    hunk[STATE.textEnd] = kept.textEnd;
    hunk[STATE.counted] = kept.counted;
    hunk[STATE.allowance] = allowanceOf(state, kept);
  }
  hunk[STATE.keep] = kept ? 1 : 0;
  for (;;) {
    const why = loop.readHunk();
    if (kept) {
      const count = hunk[STATE.lines] as number;
      for (let k = 0; k < count; k++) kept.lineNumbers.push(numbers[k] as number);
      hunk[STATE.lines] = 0;
      kept.textStart = hunk[STATE.textStart] as number;
      kept.textEnd = hunk[STATE.textEnd] as number;
      kept.counted = hunk[STATE.counted] as number;
      if (why === PAST_ALLOWANCE) {
        countCharacters(state, kept);
        if (kept.tooLarge) {
          kept = undefined;
          hunk[STATE.keep] = 0;
        } else {
          hunk[STATE.counted] = kept.counted;
          hunk[STATE.allowance] = allowanceOf(state, kept);
        }
      }
    }
    if (why === HUNK_READ) break;
  }
  state.oldLeft[0] = hunk[STATE.oldLeft] as number;
  state.newLeft = hunk[STATE.newLeft] as number;
  state.newLine = hunk[STATE.newLine] as number;
  return hunk[STATE.pos] as number;
}

/** The bytes a file's text may grow past its last count before its characters are counted again (addLine's test). */
function allowanceOf(state: PatchState, file: FileState): number {
  return Math.min(MAX_ALLOWANCE, state.limits.maxFileChars - file.chars);
}

/** A line of a merge's combined diff, bytes[lineStart, end): one prefix column a parent. */
function readCombinedLine(state: PatchState, lineStart: number, end: number): void {
  const { bytes, oldLeft } = state;
  // "\ No newline at end of file": about the previous line, not a line itself.
  if (bytes[lineStart] === BACKSLASH && end > lineStart) return;
  const columns = oldLeft.length;
  // The prefix: one column a parent (a line shorter than it has fewer).
  const prefixEnd = Math.min(end, lineStart + columns);
  let removed = false;
  for (let at = lineStart; at < prefixEnd; at++) if (bytes[at] === MINUS) removed = true;
  if (removed) {
    // Not in the result: a line of each parent whose column says "-".
    for (let i = 0; i < prefixEnd - lineStart; i++) if (bytes[lineStart + i] === MINUS) oldLeft[i] = (oldLeft[i] as number) - 1;
    return;
  }
  // In the result. New against every parent when every column says "+"; a " " column is a parent
  // that has the line (context, or "" when diff.suppressBlankEmpty is set; none with --unified=0).
  let newAgainstAll = prefixEnd - lineStart === columns;
  for (let i = 0; i < columns; i++) {
    if (lineStart + i < prefixEnd && bytes[lineStart + i] === PLUS) continue;
    newAgainstAll = false;
    oldLeft[i] = (oldLeft[i] as number) - 1;
  }
  if (newAgainstAll && state.file) addLine(state, state.file, lineStart + columns, end, state.newLine);
  state.newLine++;
  state.newLeft--;
}

/** Adds bytes[from, to) as the file's line `lineNumber`: moved to the end of its text so far, followed by "\n". */
function addLine(state: PatchState, file: FileState, from: number, to: number, lineNumber: number): void {
  if (file.tooLarge) return;
  const bytes = state.bytes;
  // CRLF files: the \r is the line ending, not content.
  const end = to > from && bytes[to - 1] === CARRIAGE_RETURN ? to - 1 : to;
  if (file.textStart < 0) {
    // The first line stays where it is; the next ones follow it (each moves left: nothing not yet read is overwritten).
    file.textStart = file.textEnd = file.counted = from;
  } else if (from !== file.textEnd) bytes.copyWithin(file.textEnd, from, end);
  file.textEnd += end - from;
  // Where the line's own "\n" (or "\r") was, or before; past the end for a last line without one.
  if (file.textEnd < bytes.length) bytes[file.textEnd] = NEWLINE;
  file.textEnd++;
  file.lineNumbers.push(lineNumber);
  // Counted only once the bytes not counted yet could pass the cap (see countCharacters).
  if (file.textEnd - file.counted > state.limits.maxFileChars - file.chars) countCharacters(state, file);
}

/**
 * The cap is on characters, which only decoding tells; a character takes 1 to 3 bytes (a 4-byte one is
 * two UTF-16 units, an invalid byte one U+FFFD). So bytes are counted, and the lines not counted yet
 * are decoded only once their bytes could pass the cap: never for a file under it in bytes, and at
 * most three times the cap's worth for one over it.
 */
function countCharacters(state: PatchState, file: FileState): void {
  const { bytes, limits } = state;
  const uncounted = file.textEnd - file.counted;
  if (uncounted > 3 * (limits.maxFileChars - file.chars)) file.chars = Infinity;
  else {
    // (A last line without its "\n" in the patch still counts one for it.)
    file.chars += bytes.toString("utf8", file.counted, file.textEnd).length + Math.max(0, file.textEnd - bytes.length);
    file.counted = file.textEnd;
  }
  if (file.chars > limits.maxFileChars) {
    // Dropped: memory stays bounded and the file is reported as skipped, not half-scanned.
    file.tooLarge = true;
    file.lineNumbers = [];
  }
}

function skip(state: PatchState, path: string, reason: SkippedFile["reason"], detail?: string): void {
  const entry: SkippedFile = { path, reason };
  if (state.commit) entry.commit = state.commit;
  if (detail) entry.detail = detail;
  state.result.skipped.push(entry);
}

/** Ends the current file: its added text and line numbers go to the result, or it is skipped. */
function finish(state: PatchState): void {
  const current = state.file;
  if (!current) return;
  state.file = undefined;
  // Read from the file's header lines, each decoded on its own: the path keeps no patch text alive.
  const path = current.newPath ?? current.renameTo ?? current.combinedPath ?? pathFromDiffGitLine(current.diffLine) ?? "";
  state.result.paths.push(path);
  if (current.renameFrom !== undefined) state.result.paths.push(current.renameFrom);
  if (current.deleted || current.gitlink) return;
  if (current.binary) {
    skip(state, path, "binary");
    // The new blob, and one old blob a parent.
    const ids = current.indexLine !== undefined ? /^index ([0-9a-f,]+)\.\.([0-9a-f]+)/.exec(current.indexLine) : null;
    if (ids) state.result.binary.push({ path, blob: ids[2] as string, parentBlobs: (ids[1] as string).split(",") });
    return;
  }
  if (current.tooLarge) {
    skip(state, path, "too-large", `added more than ${state.limits.maxFileChars} characters; its lines were not scanned`);
    return;
  }
  if (current.lineNumbers.length === 0) return;
  // Without the last line's "\n". UTF-8 decodes the same line by line as over the whole patch: a
  // character never spans a "\n", and the bytes taken out ("+", "\r") are ASCII.
  const bytes = state.bytes;
  state.result.files.push({ path, text: bytes.toString("utf8", current.textStart, Math.min(current.textEnd - 1, bytes.length)), lineNumbers: current.lineNumbers });
}

/** A line outside any hunk, bytes[lineStart, end): a file's header lines, a hunk header, or nothing read. */
function readHeaderLine(state: PatchState, lineStart: number, end: number): void {
  const bytes = state.bytes;
  const first = bytes[lineStart] as number;
  if (lineStart === end || !HEADER_FIRST_BYTES.has(first)) return;
  const line = bytes.toString("utf8", lineStart, end);
  if (line.startsWith("diff --git ")) {
    finish(state);
    state.file = newFile(line);
    return;
  }
  if (line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
    finish(state);
    const file = newFile(line);
    file.combinedPath = unquoteGitPath(line.slice(line.indexOf(" ", "diff --".length) + 1));
    state.file = file;
    return;
  }
  const file = state.file;
  if (!file) return; // the blank line between the commit header and its first diff
  if (first === AT) {
    // Both patterns start with "^@".
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      state.oldLeft = [hunk[1] === undefined ? 1 : Number(hunk[1])];
      state.newLine = Number(hunk[2]);
      state.newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      return;
    }
    const combined = COMBINED_HUNK_HEADER.exec(line);
    if (combined && (combined[2] as string).trim().split(" ").length === (combined[1] as string).length - 1) {
      state.oldLeft = (combined[2] as string)
        .trim()
        .split(" ")
        .map((range) => (range.includes(",") ? Number(range.slice(range.indexOf(",") + 1)) : 1));
      state.newLine = Number(combined[3]);
      state.newLeft = combined[4] === undefined ? 1 : Number(combined[4]);
      return;
    }
  }
  if (line.startsWith("+++ ")) file.newPath = pathFromMarkerLine(line.slice(4), "b/");
  else if (line.startsWith("rename to ")) file.renameTo = unquoteGitPath(line.slice("rename to ".length));
  else if (line.startsWith("rename from ")) file.renameFrom = unquoteGitPath(line.slice("rename from ".length));
  else if (line.startsWith("deleted file mode ")) file.deleted = true;
  else if (line.startsWith("Binary files ") && line.endsWith(" differ")) file.binary = true;
  else if (line.startsWith("index ")) {
    file.indexLine = line;
    // A submodule's pointer moved (`index <old>..<new> 160000`): a commit id, not content.
    if (line.endsWith(" 160000")) file.gitlink = true;
  } else if (line.startsWith("new file mode 160000")) file.gitlink = true;
}

/**
 * The lines of `after` that are in none of `befores` (counted: a line twice where a parent had it once
 * is once new), with their line numbers in `after`. Line multiset, not a minimal diff: linear time, for
 * texts git or GitHub would not diff, and a line that was only moved is not "added" (its value was
 * already in the repository). With several befores (a merge's parents), a line is kept only when it is
 * new against each of them.
 */
export function addedLinesByContent(path: string, befores: ReadonlyArray<string | undefined>, after: string): AddedLines {
  const afterLines = splitLines(after);
  let keep = afterLines.map(() => true);
  for (const before of befores) {
    if (before === undefined) continue;
    const remaining = new Map<string, number>();
    for (const line of splitLines(before)) remaining.set(line, (remaining.get(line) ?? 0) + 1);
    keep = keep.map((kept, i) => {
      const line = afterLines[i] as string;
      const left = remaining.get(line) ?? 0;
      if (left === 0) return kept;
      remaining.set(line, left - 1);
      return false;
    });
  }
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  afterLines.forEach((line, i) => {
    if (!keep[i]) return;
    lines.push(line);
    lineNumbers.push(i + 1);
  });
  return addedLinesOf(path, lines, lineNumbers);
}

/** Lines of a text as git counts them: CRLF endings are line endings, a final newline ends the last line. */
export function splitLines(text: string): string[] {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
