/**
 * Masks every detected secret in the workflow's logs. Findings hold only redacted previews, so the
 * values are read back from the commit's added lines, which the scan holds in memory at that moment
 * (scanGit's onFindings), at the finding's column..endColumn. They are handed to the runner through
 * `::add-mask::` (core.setSecret) and kept nowhere else: not in a file, an output or a report.
 */
import { lineIndex, linesOf } from "../core/added-lines.js";
import type { AddedLines, Finding } from "../core/types.js";

/** Values shorter than this are not registered: masking "abc" would garble the logs and hide nothing. */
const MIN_MASK_LENGTH = 4;
/** A private key's body spans lines; read at most this many after its BEGIN line. */
const MAX_KEY_LINES = 400;
const KEY_START = /^(-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-)/;
const KEY_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|^Private-MAC:/;

/**
 * The text a finding matched in a file's added lines, one string per line it covers (the runner masks
 * line by line, so a multi-line private key is registered as its lines). Empty when the line is not there.
 */
export function matchedValues(
  file: AddedLines,
  finding: Pick<Finding, "line" | "column" | "endColumn">,
  lines: readonly string[] = linesOf(file),
  indexOf: (line: number) => number = lineIndex(file.lineNumbers),
): string[] {
  const index = indexOf(finding.line);
  const line = index >= 0 ? lines[index] : undefined;
  if (line === undefined) return [];
  const text = line.replace(/\r$/, "");
  const first = text.slice(Math.max(0, finding.column - 1), Math.max(0, finding.endColumn - 1));
  const values = [first];
  // A PEM or PuTTY block that runs on past its first line: its body lines follow in the added lines.
  if (KEY_START.test(first) && finding.endColumn - 1 >= text.length) {
    for (let i = index + 1; i < lines.length && i <= index + MAX_KEY_LINES; i++) {
      // Only the lines right below: a gap in the line numbers is another hunk.
      if (file.lineNumbers[i] !== (file.lineNumbers[i - 1] ?? 0) + 1) break;
      const next = (lines[i] ?? "").replace(/\r$/, "").trim();
      values.push(next);
      if (KEY_END.test(next)) break;
    }
  }
  return values.filter((v) => v.trim().length >= MIN_MASK_LENGTH);
}

/** Collects the values to mask, once each; `register` is core.setSecret in the Action. */
export class SecretMasker {
  private readonly seen = new Set<string>();

  constructor(private readonly register: (value: string) => void) {}

  /**
   * Registers the matched values of the file's secret findings. Placeholders and PII are not secrets.
   * `known`: the file's lines and line index when the caller has them already (the Action's, which keeps
   * the findings' lines too), so that they are not made twice.
   */
  add(file: AddedLines, findings: readonly Finding[], known: { lines?: readonly string[]; indexOf?: (line: number) => number } = {}): void {
    // The file's lines, split once for all its findings, and where each line number is among them (on
    // first need: most files have no secret). An indexOf per finding was quadratic in a file of tokens.
    let lines = known.lines;
    const indexOf = known.indexOf ?? lineIndex(file.lineNumbers);
    for (const finding of findings) {
      if (finding.category !== "secret") continue;
      for (const value of matchedValues(file, finding, (lines ??= linesOf(file)), indexOf)) {
        if (this.seen.has(value)) continue;
        this.seen.add(value);
        this.register(value);
      }
    }
  }

  get count(): number {
    return this.seen.size;
  }
}
