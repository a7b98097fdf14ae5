/**
 * The detection engine: one keyword prefilter pass over a document picks the (line, rule) pairs worth
 * a regex; each rule runs only there; matches become findings with a redacted preview, a stable
 * fingerprint and a placeholder/secret verdict. Pure: it takes text and returns data.
 */
import { fingerprint, maskLine, publicPrefix, redact, valueFingerprint } from "../report/redact.js";
import type { Finding, Severity, Validation } from "../types.js";
import { SEVERITIES } from "../types.js";
import { Claims } from "./claims.js";
import { classifyFormatValue } from "./placeholder.js";
import { secretSeverity } from "./severity.js";
import { KeywordPrefilter } from "./prefilter.js";
import { defaultMessage, reportedTitle, rulePriority, type MatchContext, type RawMatch, type Rule } from "./rule.js";
import { type RuleFacts, factsOf, runPrepared } from "./run-rule.js";
import { looksMinified } from "./skip.js";
import { lineIsAllowed } from "./suppress.js";

/**
 * Configuration-like files: here an unquoted value is a literal. Told by string tests on the file name,
 * not by case-insensitive regexes: compiling those on first use was about 1.5 ms of every hook event.
 */
const CONFIG_EXTENSIONS = new Set(
  "env yaml yml md mdx markdown rst adoc ini cfg conf cnf cf ldif properties props toml tfvars txt service npmrc yarnrc pypirc netrc pgpass htpasswd sh bash zsh ksh fish envrc config settings dist example sample local dev prod production staging secret secrets credentials cred creds".split(" "),
);
/** File names with a dot whose extension says nothing (the names without one are configuration-like anyway). */
const CONFIG_DOTTED_NAMES = new Set([".git-credentials"]);

function isConfigLikePath(path: string): boolean {
  // ASCII letters only: a case-insensitive regex without the u flag matched no other letter to them.
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const dot = base.lastIndexOf(".");
  if (dot < 0) return true; // no extension: scripts, config files
  if (CONFIG_EXTENSIONS.has(base.slice(dot + 1)) || CONFIG_DOTTED_NAMES.has(base)) return true;
  // The end of the name made of word characters, dots and dashes: `.env.<suffix>` there, or all of the
  // name as `.env<suffix>`, `dockerfile<suffix>` (.env.local, .env-prod, app.env.test, Dockerfile.alpine).
  let start = base.length;
  while (start > 0 && isNameCharacter(base.charCodeAt(start - 1))) start--;
  const env = base.indexOf(".env.", start);
  if (env >= 0 && env + 5 < base.length) return true;
  return start === 0 && (base.startsWith(".env") || base.startsWith("dockerfile"));
}

/** [A-Za-z0-9_.-] */
function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/** Text to scan: a whole file, or the lines a commit added to it (joined by "\n"). */
export interface ScanDocument {
  path: string;
  text: string;
  /** lineNumbers[i] is the file line number of the document's line i; default i + 1. */
  lineNumbers?: readonly number[];
  commit?: string;
}

export interface DocumentResult {
  findings: Finding[];
  /** Findings dropped by an inline allow comment or the ignore file. */
  suppressed: number;
  /**
   * Ignore-file entries that matched in the old value-hash form, each with the fingerprint that
   * replaces it (see `ignoreFileRewrites`). Absent when there are none.
   */
  legacyIgnored?: Array<{ old: string; replacement: string }>;
  /** Set when the scan stopped before the end because `expired` said so: the text is not fully scanned. */
  incomplete?: "timeout";
}

/** Per-call limits a door sets. */
export interface ScanLimits {
  /**
   * A wall-clock backstop, asked now and then between rule runs: once it returns true the scan stops
   * and the result says `incomplete`. The bounds that make results independent of load are static
   * (rule shapes, line windows); this only guards against what they missed. The door owns the clock.
   */
  expired?: () => boolean;
}

/**
 * The doors' per-file backstop. The static bounds (rule shapes, line windows) keep a file far below it on
 * any machine, so results do not depend on load; if it ever fires, the door lists the file as skipped
 * with reason `timeout` (not fully scanned), never silently.
 */
export const FILE_BACKSTOP_MS = 20_000;

export function fileBackstop(ms: number = FILE_BACKSTOP_MS): ScanLimits {
  // process.uptime(), not performance.now(): that global loads Node's perf_hooks modules on first use,
  // which the Claude Code hook (a new process per event) would pay for on every event.
  const end = process.uptime() * 1000 + ms;
  return { expired: () => process.uptime() * 1000 > end };
}

/** The skipped entry a door lists for a file whose scan the backstop stopped. */
export const TIMEOUT_DETAIL = `not fully scanned: the scan of this file stopped after ${FILE_BACKSTOP_MS / 1000} s; findings up to there are reported`;

export interface ScannerOptions {
  /** Fingerprints from `.claude-guard-ignore`. */
  ignoredFingerprints?: ReadonlySet<string>;
  /** The keyword automaton built ahead for these rules' keywords (prefilter.ts `encodePrefilter`); built here if it does not fit. */
  prebuiltPrefilter?: Uint8Array;
}

/**
 * Lines longer than this are read around their keywords only (minified code, data blobs). The keyword
 * pass reads the whole line whatever its length, so a token a million characters in is found like one
 * at the start. Memory: the line's text, plus one lower-cased copy of it (made once per line, shared by
 * the rules selected there), plus the windows; the line itself is bounded by the file caps of the doors
 * (8 MiB a file in tree scans, 5,000,000 added characters a file in `--git` and the App).
 */
const LONG_LINE = 4000;
const WINDOW_BEFORE = 300;
/** Long enough for the longest tokens (JWTs, new GitHub app tokens) that start at the keyword. */
const WINDOW_AFTER = 2500;
/** A claimed span's key: its start in the line times this, plus its length (a short line is under it). */
const SPAN_KEY = 1 << 16;

/**
 * A rule's match placed in the document: a compact record kept until the overlaps are resolved. Its
 * Finding is built on first need (findingOf): only for values that survive the overlaps, or whose
 * severity decides one. Most values a name-based rule matches on secret-dense text are a provider's, and lose.
 */
class Located {
  finding: Finding | undefined = undefined;
  constructor(
    readonly facts: RuleFacts,
    readonly match: RawMatch,
    /** Offsets in the document, for resolving overlaps between rules. */
    readonly start: number,
    readonly end: number,
    readonly priority: number,
    /** The value's first line: its 0-based index in the document and its offsets (for the fingerprint). */
    readonly line: number,
    readonly lineStart: number,
    readonly lineEnd: number,
  ) {}
}

/** A required part that is a fixed-length run of one character class (`[A-Z0-9]{32}`). */
const FIXED_RUN = /^(\[(?:[^\]\\]|\\.)*\])\{(\d+)\}$/;
/**
 * A class whose members are ASCII characters only: not negated, and no escape but `\d`, `\w` and escaped
 * symbols (`\s`, `\W`, `\u…` may stand for other characters).
 */
const ASCII_CLASS = /^\[(?!\^)(?:[ -[^-~]|\\[!-/:-@[-`{-~]|\\[dw])*\]$/;
/**
 * One character of a required part made of literals (`invoice[ _.-]?ocean|invoiceocean`): a letter,
 * digit, `_` or space, an escaped symbol, or a class, optionally `?`. No anchors, assertions nor groups.
 */
const LITERAL_ATOM = String.raw`(?:[A-Za-z0-9_ ]|\\[^A-Za-z0-9]|\[(?:[^\]\\]|\\[^A-Za-z0-9])*\])\??`;
const LITERALS = new RegExp(`^(?:${LITERAL_ATOM})+(?:\\|(?:${LITERAL_ATOM})+)*$`);
const LITERAL_TOKEN = new RegExp(`${LITERAL_ATOM}|\\|`, "g");

/**
 * A required part the cursors answer: one whose matches depend on the matched text alone (no anchors
 * nor assertions), so a match within a range is one within any range around it, and at most
 * `maxLength` long. `fixed`: every match is exactly that long.
 */
interface BoundedPart {
  /** The pattern, for the parts searched by it. */
  search: RegExp;
  maxLength: number;
  fixed: boolean;
  /**
   * For a run of an ASCII class, the class's members by character code: found by `firstRun`, which V8's
   * regex engine is slow at (it tries every start and reads on up to the run's length from each).
   */
  runOf: Uint8Array | undefined;
}
const boundedParts = new WeakMap<RegExp, BoundedPart | null>();
/** One per pattern, shared by the rules that require it (the cursors are kept per part). */
const partsByPattern = new Map<string, BoundedPart>();

/** `member[code]` is 1 for the ASCII characters an ASCII_CLASS matches. */
function asciiMembers(charClass: string): Uint8Array {
  const matches = new RegExp(charClass);
  const member = new Uint8Array(128);
  for (let code = 0; code < 128; code++) if (matches.test(String.fromCharCode(code))) member[code] = 1;
  return member;
}

/**
 * Where the first run of `length` members starts in [from, end), or -1. Each try reads back from the end
 * of the run it would need: a non-member there rules out every start up to it, so most characters are
 * never read and none more than twice.
 */
function firstRun(text: string, from: number, end: number, member: Uint8Array, length: number): number {
  let start = from;
  while (start + length <= end) {
    let at = start + length - 1;
    while (at >= start) {
      const code = text.charCodeAt(at);
      if (code >= 128 || member[code] !== 1) break;
      at--;
    }
    if (at < start) return start;
    start = at + 1;
  }
  return -1;
}

/** The longest match of a LITERALS pattern, or undefined when some alternative may match nothing. */
function literalsMaxLength(source: string): number | undefined {
  let longest = 0;
  let length = 0;
  let required = false;
  for (const [token] of `${source}|`.matchAll(LITERAL_TOKEN)) {
    if (token === "|") {
      if (!required) return undefined;
      longest = Math.max(longest, length);
      length = 0;
      required = false;
    } else {
      length++;
      if (!token.endsWith("?") || token === "\\?") required = true;
    }
  }
  return longest;
}

function boundedPartOf(required: RegExp): BoundedPart | null {
  let part = boundedParts.get(required);
  if (part === undefined) {
    const { source, flags } = required;
    const key = `${flags}/${source}`;
    part = partsByPattern.get(key) ?? null;
    if (!part) {
      const run = flags === "" ? FIXED_RUN.exec(source) : null;
      const maxLength = run ? Number(run[2]) : (flags === "" || flags === "i") && LITERALS.test(source) ? literalsMaxLength(source) : undefined;
      if (maxLength !== undefined) {
        const charClass = run?.[1];
        const runOf = charClass !== undefined && ASCII_CLASS.test(charClass) ? asciiMembers(charClass) : undefined;
        part = { search: new RegExp(source, flags), maxLength, fixed: run !== null, runOf };
        partsByPattern.set(key, part);
      }
    }
    boundedParts.set(required, part);
  }
  return part;
}

/** A required part, and how the cursors answer it (`bounded`; null: tested on the range's text). */
interface RequiredPart {
  readonly pattern: RegExp;
  readonly bounded: BoundedPart | null;
}

const ruleParts = new WeakMap<readonly RegExp[], readonly RequiredPart[]>();

/**
 * A rule's required parts in the order `within` tests them (one lookup a window, not one a part): the
 * runs of a class first, then the others in the rule's order. All must hold, so the order does not
 * change the answer, only its cost: firstRun skips most of a range where a regex reads all of it, and
 * most windows lack the run (a keyed rule's body), so a provider's name is then not searched for at all.
 */
function requiredPartsOf(requires: readonly RegExp[]): readonly RequiredPart[] {
  let parts = ruleParts.get(requires);
  if (!parts) {
    // Pushed one by one, not `map`ped: map made some lists holey, and a list of another elements kind
    // reaching `within` sent its optimised code back to the interpreter.
    const runs: RequiredPart[] = [];
    const others: RequiredPart[] = [];
    for (let i = 0; i < requires.length; i++) {
      const pattern = requires[i] as RegExp;
      const bounded = boundedPartOf(pattern);
      (bounded?.runOf ? runs : others).push({ pattern, bounded });
    }
    for (let i = 0; i < others.length; i++) runs.push(others[i] as RequiredPart);
    ruleParts.set(requires, (parts = runs));
  }
  return parts;
}

/** A search's range [from, limit) and the first match lying within it ([at, end)), or at -1 for none. */
interface Cursor {
  from: number;
  limit: number;
  at: number;
  end: number;
}

/**
 * A window rule's required parts (see `Rule.requires`), answered from what the previous window's search
 * found: the windows of neighbouring lines overlap by most of their length, so where the last window
 * held no match only its new end is read, and where it held one that the next window also holds,
 * nothing is. Exact for bounded parts (see BoundedPart): whether a match lies within a range. Other
 * required parts, and a range a match found earlier runs past, are tested on the window's text.
 */
class RunCursors {
  /**
   * Per pattern, the last search's range [from, limit) and the first match lying within it ([at, end)),
   * or at -1 for none.
   */
  private readonly cursors = new Map<RegExp, Cursor>();

  constructor(private readonly text: string) {}

  /** Does the text in [start, end) hold every required part (runRule's test)? */
  within(requires: readonly RegExp[], start: number, end: number): boolean {
    const parts = requiredPartsOf(requires);
    let segment: string | undefined;
    for (let i = 0; i < parts.length; i++) {
      const { pattern, bounded } = parts[i] as RequiredPart;
      const held = bounded ? this.holds(bounded, start, end) : undefined;
      if (!(held ?? pattern.test((segment ??= this.text.slice(start, end))))) return false;
    }
    return true;
  }

  /** Whether a match lies within [start, end); undefined when only the range's text can tell. */
  private holds(part: BoundedPart, start: number, end: number): boolean | undefined {
    let cursor = this.cursors.get(part.search);
    if (!cursor || start < cursor.from) cursor = this.search(part, start, start, end);
    // Start has passed the first match: what lies after it is not known.
    else if (cursor.at !== -1 && start > cursor.at) cursor = this.search(part, start, start, end);
    // None lies within [from, limit): one within [start, end) ends past limit.
    else if (cursor.at === -1 && end > cursor.limit) cursor = this.search(part, start, Math.max(start, cursor.limit - part.maxLength + 1), end);
    // [start, end) lies within [from, limit) or reaches past the first match: no match within it starts
    // before that one.
    if (cursor.at === -1 || cursor.at >= end) return false;
    if (cursor.end <= end) return true;
    // The first match runs past end: a shorter one at its place, or a later one, may not.
    return part.fixed ? false : undefined;
  }

  /** The first match lying within [from, end), in a range where none starts in [start, from) ending by end. */
  private search(part: BoundedPart, start: number, from: number, end: number): Cursor {
    let at = -1;
    let matchEnd = -1;
    if (part.runOf) {
      at = firstRun(this.text, from, end, part.runOf, part.maxLength);
      if (at !== -1) matchEnd = at + part.maxLength;
    } else {
      const match = from < end ? part.search.exec(this.text.slice(from, end)) : null;
      if (match) {
        at = from + match.index;
        matchEnd = at + match[0].length;
      }
    }
    const cursor = { from: start, limit: end, at, end: matchEnd };
    this.cursors.set(part.search, cursor);
    return cursor;
  }
}

/**
 * One document's pass over its keyword hits, line by line: the line being read, the line a value was last
 * placed on, the spans format rules report on a line, and what was found. An object with methods, not
 * closures in `scan` sharing its locals: that made scan one large function, compiled by V8 two or three
 * times a run (on-stack during the first long document, then again after each deopt). Now the hit loop
 * (scanHits) is small and the per-line work (scanLine) a method too large to be inlined into it: each is
 * compiled on its own, and a deopt in one does not throw away the other.
 */
class DocumentScan {
  /** Every match placed, in hit order. */
  readonly located: Located[] = [];
  /** Matches dropped by an inline allow comment. */
  suppressed = 0;
  private readonly context: MatchContext;
  /**
   * The context of the name-based rules on a line that format rules also matched: one a document, not one
   * a line (a copy of the context and a closure on each mixed line). `claimed` lists the spans the format
   * rules report on the current line, as keys (SPAN_KEY) in one list reused from line to line (a line
   * holds a few: no Set a line).
   */
  private readonly genericContext: MatchContext;
  /** The context of a window rule's run: the document's, and where the keyword's line ends in the window (hitLineEnd). */
  private readonly windowContext: MatchContext;
  private readonly claimed: number[] = [];
  private claimedCount = 0;
  /** Per hit of a mixed line, how many matches `located` holds once the format rules of the hits up to it ran. */
  private readonly formatEnds: number[] = [];
  /** A name-based rule's matches on a mixed line, before they are put in their place in `located`. */
  private readonly genericFound: Located[] = [];
  private readonly minified: boolean;
  private readonly cursors: RunCursors;
  // The current line: its offsets, its text (empty on a long line) and, on a long line, its lower case
  // (made on first need).
  private lineStart = -1;
  private lineEnd = 0;
  private lineText = "";
  private longLine = false;
  private lowerLine: string | undefined = undefined;
  // The line a value starts on (offsets, text) and whether an allow comment is on it: kept for the
  // matches that follow on the same line, so each line is sliced and tested once.
  private placedStart = -1;
  private placedEnd = 0;
  private placedText = "";
  private placedAllowed = false;

  constructor(
    private readonly scanner: Scanner,
    private readonly text: string,
    path: string,
  ) {
    this.context = { path, configLike: isConfigLikePath(path) };
    this.minified = looksMinified(path, text);
    this.cursors = new RunCursors(text);
    this.genericContext = { ...this.context, claimed: (index, length) => this.isClaimed(index * SPAN_KEY + length) };
    this.windowContext = { ...this.context, hitLineEnd: 0 };
  }

  private isClaimed(key: number): boolean {
    for (let i = 0; i < this.claimedCount; i++) if (this.claimed[i] === key) return true;
    return false;
  }

  /**
   * Runs the rules of every hit (flat, 4 integers a hit), line by line; false when `expired` stopped it
   * first. The loop is a method of its own, with nothing after it: V8 compiles it on-stack during the first
   * long document, and such code is kept when it deopts past its loop (in scan, reading the result after
   * the loop deopted on every long document of a source tree).
   */
  scanHits(hits: Int32Array, expired: (() => boolean) | undefined): boolean {
    let nextCheck = 0;
    for (let h = 0; h < hits.length; ) {
      if (expired && h >= nextCheck) {
        nextCheck = h + 256;
        if (expired()) return false;
      }
      h = this.scanLine(hits, h);
    }
    return true;
  }

  /** Runs the rules of the hits on the line of hit `h` (flat, 4 integers a hit); returns the index of the next line's first hit. */
  private scanLine(hits: Int32Array, h: number): number {
    const { scanner, text, minified } = this;
    const generic = scanner.generic;
    const line = hits[h] as number;
    const lineStart = hits[h + 1] as number;
    // The line's end without its "\r", from values computed on every line: a branch only the last line
    // or a CRLF file takes has no type feedback yet when V8 optimises this, and sent the code back.
    const textEnd = text.length;
    const newline = text.indexOf("\n", lineStart);
    const end = newline === -1 ? textEnd : newline;
    const beforeEnd = end - 1;
    const lineEnd = end > lineStart && text.charCodeAt(beforeEnd) === 13 ? beforeEnd : end;
    const longLine = lineEnd - lineStart > LONG_LINE;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.longLine = longLine;
    this.lineText = longLine ? "" : text.slice(lineStart, lineEnd);
    this.lowerLine = undefined;
    // This line's hits: [h, next).
    let next = h + 4;
    let generics = generic[hits[h + 3] as number] ? 1 : 0;
    while (next < hits.length && hits[next + 1] === lineStart) {
      if (generic[hits[next + 3] as number]) generics++;
      next += 4;
    }
    const count = (next - h) / 4;
    if (generics === 0 || generics === count || longLine || minified) {
      for (let k = h; k < next; k += 4) {
        const ruleIndex = hits[k + 3] as number;
        if (minified && (scanner.rules[ruleIndex] as Rule).provider === "generic") continue;
        this.runOn(ruleIndex, line, this.located, this.context);
      }
      return next;
    }
    // Format rules first: the values they report on this line are handed to the name-based rules
    // (`claimed`), which need not judge a value a format rule already reports exactly there (it
    // outranks theirs in resolveOverlaps, and their copy would mask the same span in fingerprints).
    // Findings are kept in hit order, as if each rule ran in turn: the format rules' go to `located`
    // at once, and `formatEnds[i]` says where those of the hits up to the line's i-th end, so that the
    // name-based rules' (rare: no list a hit is made for them) are put in after them.
    const located = this.located;
    const formatEnds = this.formatEnds;
    this.claimedCount = 0;
    for (let k = h, i = 0; k < next; k += 4, i++) {
      const ruleIndex = hits[k + 3] as number;
      if (!generic[ruleIndex]) {
        const from = located.length;
        this.runOn(ruleIndex, line, located, this.context);
        for (let j = from; j < located.length; j++) {
          const item = located[j] as Located;
          if (item.priority > 0 && item.end <= lineEnd) this.claimed[this.claimedCount++] = (item.start - lineStart) * SPAN_KEY + (item.end - item.start);
        }
      }
      formatEnds[i] = located.length;
    }
    const found = this.genericFound;
    let inserted = 0;
    for (let k = h, i = 0; k < next; k += 4, i++) {
      const ruleIndex = hits[k + 3] as number;
      if (!generic[ruleIndex]) continue;
      this.runOn(ruleIndex, line, found, this.genericContext);
      if (found.length === 0) continue;
      located.splice((formatEnds[i] as number) + inserted, 0, ...found);
      inserted += found.length;
      found.length = 0;
    }
    return next;
  }

  /** One selected rule on the current line (`line`): its matches, placed, appended to `into`. */
  private runOn(ruleIndex: number, line: number, into: Located[], ruleContext: MatchContext): void {
    const { scanner, text, lineStart, lineEnd } = this;
    const rule = (scanner.facts[ruleIndex] ??= factsOf(scanner.rules[ruleIndex] as Rule));
    if (!this.longLine) {
      // The common case: a short line, read whole (cached across the rules selected for it).
      if (!rule.window) {
        const matches = runPrepared(rule, this.lineText, ruleContext);
        if (matches.length > 0) this.record(rule, matches, lineStart, line, into);
        return;
      }
      // A window rule: one window from the line's start (never cutting the line short); its required
      // parts are answered before its text is taken.
      const windowEnd = Math.max(lineEnd, Math.min(text.length, lineStart + rule.window));
      if (rule.requires && !this.cursors.within(rule.requires, lineStart, windowEnd)) return;
      const matches = runPrepared(rule, text.slice(lineStart, windowEnd), this.windowContextOf(ruleContext, lineEnd - lineStart), true);
      if (matches.length > 0) this.record(rule, matches, lineStart, line, into);
      return;
    }
    const lower = (this.lowerLine ??= asciiLowerCase(text.slice(lineStart, lineEnd)));
    for (const [segmentStart, segmentEnd] of this.segments(rule.window, ruleIndex, lower)) {
      if (rule.requires && !this.cursors.within(rule.requires, segmentStart, segmentEnd)) continue;
      const context = rule.window ? this.windowContextOf(ruleContext, Math.max(0, lineEnd - segmentStart)) : ruleContext;
      const matches = runPrepared(rule, text.slice(segmentStart, segmentEnd), context, true);
      if (matches.length > 0) this.record(rule, matches, segmentStart, line, into);
    }
  }

  /** The context of a window rule's run whose keyword's line ends at `hitLineEnd` in its text (a name-based rule's keeps its own). */
  private windowContextOf(ruleContext: MatchContext, hitLineEnd: number): MatchContext {
    if (ruleContext !== this.context) return ruleContext;
    this.windowContext.hitLineEnd = hitLineEnd;
    return this.windowContext;
  }

  /** The text ranges a rule sees on a long line (`lower`, the current line): windows around each keyword occurrence, merged. */
  private segments(window: number | undefined, ruleIndex: number, lower: string): Array<[number, number]> {
    const { text, lineStart, lineEnd } = this;
    // Each keyword's windows come in order, so they are merged as they come; the keywords' merged lists
    // (a few) are then merged together. Sorting a window per occurrence took seconds on a line holding
    // hundreds of thousands of them.
    const lists: Array<Array<[number, number]>> = [];
    for (const keyword of this.scanner.keywords[ruleIndex] as string[]) {
      const merged: Array<[number, number]> = [];
      for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + keyword.length)) {
        // A multi-line rule (a PEM block in a minified JSON line) reads on past the line's end.
        const stop = window ? Math.min(text.length, lineStart + at + window) : Math.min(lineEnd, lineStart + at + WINDOW_AFTER);
        addWindow(merged, Math.max(lineStart, lineStart + at - WINDOW_BEFORE), stop);
      }
      if (merged.length > 0) lists.push(merged);
    }
    if (lists.length <= 1) return lists[0] ?? [];
    const windows = lists.flat().sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const w of windows) addWindow(merged, w[0], w[1]);
    return merged;
  }

  /**
   * A rule's matches in the text from `segmentStart`, found on the current line `line`: placed (a windowed
   * rule's match may start on a later line), appended to `into`; none on a line with an allow comment
   * (the value's or the keyword's), nor a presigned URL's signature.
   */
  private record(facts: RuleFacts, matches: RawMatch[], segmentStart: number, line: number, into: Located[]): void {
    const { priority, byName } = facts;
    const { text, lineStart } = this;
    this.placeLine(lineStart);
    const hitLineEnd = this.placedEnd;
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i] as RawMatch;
      const start = segmentStart + match.index;
      let valueLine = line;
      let valueLineStart = lineStart;
      if (start > hitLineEnd) {
        for (let n = hitLineEnd; n !== -1 && n < start; n = text.indexOf("\n", n + 1)) {
          valueLine++;
          valueLineStart = n + 1;
        }
        // The keyword's line is allowed too.
        this.placeLine(lineStart);
        if (this.placedAllowed) {
          this.suppressed++;
          continue;
        }
      }
      this.placeLine(valueLineStart);
      if (this.placedAllowed) this.suppressed++;
      else if (!isPresignedUrlParameter(this.placedText, start - valueLineStart, byName)) {
        into.push(new Located(facts, match, start, start + match.secret.length, priority, valueLine, valueLineStart, this.placedEnd));
      }
    }
  }

  private placeLine(start: number): void {
    if (start === this.placedStart) return;
    const newline = this.text.indexOf("\n", start);
    this.placedStart = start;
    this.placedEnd = newline === -1 ? this.text.length : newline;
    this.placedText = this.text.slice(start, this.placedEnd);
    this.placedAllowed = lineIsAllowed(this.placedText);
  }
}

export class Scanner {
  private readonly prefilter: KeywordPrefilter;
  /** Each rule's keywords, lower-cased. */
  readonly keywords: string[][];
  /** Built on the first finding that asks (toFinding): reading every rule's claim costs each run ~2 ms, and most scans report nothing. */
  private claims: Claims | undefined;
  /** Name-based rules (priority 0), by rule index: they run after a line's format rules. */
  readonly generic: boolean[];
  /** By rule index, what the engine reads of the rule: taken on the rule's first keyword hit. */
  readonly facts: Array<RuleFacts | undefined>;
  /** Per rule, the default message under each title its findings are reported with. */
  private readonly defaultMessages = new Map<Rule, Map<string, string>>();

  constructor(
    readonly rules: readonly Rule[],
    private readonly options: ScannerOptions = {},
  ) {
    this.keywords = rules.map((rule) => rule.keywords.map((k) => k.toLowerCase()));
    this.prefilter = new KeywordPrefilter(this.keywords, options.prebuiltPrefilter);
    this.generic = rules.map((rule) => rule.provider === "generic" && rulePriority(rule) === 0);
    this.facts = rules.map(() => undefined);
  }

  scan(doc: ScanDocument, limits: ScanLimits = {}): DocumentResult {
    const hits = this.prefilter.scanFlat(doc.text);
    if (hits.length === 0) return { findings: [], suppressed: 0 };
    const pass = new DocumentScan(this, doc.text, doc.path);
    const incomplete = !pass.scanHits(hits, limits.expired);
    const located = pass.located;
    const suppressed = pass.suppressed;
    // Most documents with keyword hits have no match (a history's commits nearly all): nothing to resolve.
    if (located.length === 0) return incomplete ? { findings: [], suppressed, incomplete: "timeout" } : { findings: [], suppressed };
    return this.report(doc, located, suppressed, incomplete);
  }

  /** The findings of a document's placed matches: overlaps resolved, fingerprints set, ignored ones left out. */
  private report(doc: ScanDocument, located: Located[], suppressed: number, incomplete: boolean): DocumentResult {
    const text = doc.text;
    const findingOf = (item: Located): Finding => (item.finding ??= this.toFinding(doc, item));
    const kept = resolveOverlaps(located, findingOf);
    assignFingerprints(text, doc.path, kept, located, findingOf);
    const ignored = this.options.ignoredFingerprints;
    const findings: Finding[] = [];
    if (!ignored || ignored.size === 0) {
      for (let k = 0; k < kept.length; k++) findings.push(findingOf(kept[k] as Located));
      return incomplete ? { findings, suppressed, incomplete: "timeout" } : { findings, suppressed };
    }
    const legacyIgnored: Array<{ old: string; replacement: string }> = [];
    for (const item of kept) {
      const finding = findingOf(item);
      if (ignored.has(finding.fingerprint)) continue;
      const old = valueFingerprint(finding.rule, doc.path, item.match.secret);
      if (ignored.has(old)) legacyIgnored.push({ old, replacement: finding.fingerprint });
      else findings.push(finding);
    }
    const result: DocumentResult = { findings, suppressed: suppressed + kept.length - findings.length };
    if (legacyIgnored.length > 0) result.legacyIgnored = legacyIgnored;
    if (incomplete) result.incomplete = "timeout";
    return result;
  }

  /**
   * A rule's message for its findings under a title: one string for all of them. Looked up by title, not
   * by testing `title === rule.title`: a keyed rule's title is a joined string, and the first such one to
   * reach that test in optimised code threw toFinding back to the interpreter (V8 had only seen
   * internalized titles there).
   */
  private defaultMessage(rule: Rule, title: string): string {
    let byTitle = this.defaultMessages.get(rule);
    if (byTitle === undefined) this.defaultMessages.set(rule, (byTitle = new Map()));
    let message = byTitle.get(title);
    if (message === undefined) byTitle.set(title, (message = defaultMessage(title, rule)));
    return message;
  }

  /** The finding of a placed match: its verdict (secret or placeholder), severity, message and preview. */
  private toFinding(doc: ScanDocument, item: Located): Finding {
    const { facts, match, start, line, lineStart } = item;
    const rule = facts.rule;
    const text = doc.text;
    // Each field of a match read once: matches come in several shapes, and each read is a slow lookup.
    const secret = match.secret;
    const reported = match.ruleId;
    const ruleId = reported ?? facts.id;
    const matchTitle = match.title;
    const title = matchTitle ?? (reported === undefined ? facts.reportTitle : reportedTitle(rule, reported));
    // Most findings are under their rule's own id and title, and so have its default message.
    const ownTitle = reported === undefined && matchTitle === undefined;
    let category = match.category ?? facts.category;
    let severity: Severity = match.severity ?? facts.severity;
    let message = match.message;
    const validation: Validation | undefined = match.validation;

    // A value whose own checksum or structure holds is real, however repetitive it looks.
    if (category === "secret" && !facts.byName && validation?.status !== "confirmed") {
      const verdict = classifyFormatValue(secret);
      if (verdict.placeholder) {
        category = "placeholder";
        severity = "medium";
        message = `${title}: this value has the format's shape but is a placeholder (${verdict.reason}). Replace it with a reference to an environment variable or secret store before it is filled in for real.`;
      }
    }
    // A value in a provider's setting or with its prefix that only a name-based or carrier rule found:
    // a broken copy of the provider's format (claims.ts), not a working credential.
    const copy = category === "secret" && facts.priority < 2 ? (this.claims ??= new Claims(this.rules)).brokenCopyOf(secret, match.setting, text.slice(Math.max(lineStart, start - 200), start), () => text.slice(text.lastIndexOf("\n", lineStart - 2) + 1, Math.max(0, lineStart - 1))) : undefined;
    if (copy) {
      category = "placeholder";
      severity = "medium";
      const where = copy.by === "prefix" ? "starts like" : `is set under a ${copy.rule.provider} setting, and resembles`;
      message = `${title}: the value ${where} a ${copy.rule.title} but does not have its format (length or characters): a cut-short, mistyped or made-up copy, not a working credential. If a real one belongs here, load it from an environment variable or a secret store.`;
    }
    if (category === "secret" && validation?.status === "failed") {
      // A token of the right shape whose checksum fails and that spells out words
      // (`ghp_PersonalAccessToken0124...`) is documentation, not a leak.
      if (SPELLED_OUT.test(secret)) {
        category = "placeholder";
        severity = "medium";
        message = `${title}: this value has the format's shape, but its ${validation.check ?? "checksum"} fails and it spells out words: a documentation placeholder. Replace it with a reference to an environment variable or secret store.`;
      }
    }
    // One table sets a built-in secret's severity (docs/severity.md); a custom rule keeps the one its config gives.
    if (category === "secret" && !facts.custom) severity = secretSeverity(facts.provider, severity, validation);
    message ??= ownTitle ? facts.message : this.defaultMessage(rule, title);
    if (validation?.status === "failed") {
      message += ` Its ${validation.check ?? "offline check"} does not match: not a confirmed credential (a typo, a truncated or a made-up value), yet it has the format of one.`;
    } else if (validation?.status === "confirmed" && category === "secret") {
      message += ` Its ${validation.check ?? "offline check"} matches: a well-formed credential.`;
    }

    const fileLine = doc.lineNumbers ? (doc.lineNumbers[line] ?? line + 1) : line + 1;
    const column = start - lineStart + 1;
    const firstLineLength = secret.indexOf("\n");
    const finding: Finding = {
      rule: ruleId,
      category,
      severity,
      path: doc.path,
      line: fileLine,
      column,
      endColumn: column + (firstLineLength === -1 ? secret.length : firstLineLength),
      // Set once every value of the document is known (assignFingerprints).
      fingerprint: "",
      redacted: redact(secret, ruleId, publicPrefix(secret, facts.keywords, !facts.byName && !facts.custom)),
      message,
      title,
    };
    if (doc.commit) finding.commit = doc.commit;
    if (validation) finding.validation = validation;
    return finding;
  }
}

/**
 * How much of a long line stands for it in a fingerprint: this many characters either side of the value's
 * first line. A line that fits is hashed whole; a longer one (a data blob, thousands of values on one
 * line) costs each of its findings this much, not the whole line: masking and hashing a whole 8 MB line
 * for each of its values took minutes.
 */
export const FINGERPRINT_SPAN = 1000;

/**
 * Fingerprints from the rule, the path and the value's line (or, on a long line, its part around the
 * value: FINGERPRINT_SPAN) with every value any rule matched there masked (so that a second secret on the
 * line is not in the hash either), numbered when the same masked text occurs again in the document.
 */
function assignFingerprints(text: string, path: string, kept: Located[], all: Located[], findingOf: (item: Located) => Finding): void {
  // `all` is sorted by start (resolveOverlaps), so the values starting on a line are one run of it, met
  // in line order as `kept` (sorted too) is walked; the few that run past their own first line (PEM
  // blocks) are listed apart, and those reaching into the line being read kept at hand. Each finding
  // reads the values within its span only: linear time however many values a line holds.
  const multiLine: Located[] = [];
  for (let k = 0; k < all.length; k++) {
    const other = all[k] as Located;
    if (other.end > other.lineEnd) multiLine.push(other);
  }
  let nextMultiLine = 0;
  let reaching: Located[] = [];
  const occurrences = new Map<string, number>();
  // The current line: its text (without a "\r"), its run of `all` [run, runEnd), and on a line longer
  // than the spans, by place in the run, the furthest end of the values before it (those starting left
  // of a span and reaching into it).
  let currentLine = -1;
  let line = "";
  let run = 0;
  let runEnd = 0;
  let furthestEnd: number[] | undefined;
  // The first value of the run starting at or after the span's start (spans only move right on a line).
  let from = 0;
  // Index loops, no array a finding: this runs once per finding, mostly before V8 has optimised it.
  for (let k = 0; k < kept.length; k++) {
    const item = kept[k] as Located;
    const lineStart = item.lineStart;
    if (lineStart !== currentLine) {
      currentLine = lineStart;
      line = text.slice(lineStart, item.lineEnd);
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      while (run < all.length && (all[run] as Located).lineStart < lineStart) run++;
      runEnd = run;
      while (runEnd < all.length && (all[runEnd] as Located).lineStart === lineStart) runEnd++;
      furthestEnd = undefined;
      from = run;
      while (nextMultiLine < multiLine.length && (multiLine[nextMultiLine] as Located).start < item.lineEnd) reaching.push(multiLine[nextMultiLine++] as Located);
      if (reaching.length > 0) reaching = reaching.filter((other) => other.end > lineStart);
    }
    const value = item.match.secret;
    const newline = value.indexOf("\n");
    const firstLine = newline === -1 ? value : value.slice(0, newline);
    const lineEnd = lineStart + line.length;
    const spanStart = Math.max(lineStart, item.start - FINGERPRINT_SPAN);
    const spanEnd = Math.min(lineEnd, item.start + firstLine.length + FINGERPRINT_SPAN);
    const span = spanStart === lineStart && spanEnd === lineEnd ? line : text.slice(spanStart, spanEnd);
    const ranges: Array<[number, number]> = [];
    if (spanStart > lineStart) {
      if (!furthestEnd) {
        furthestEnd = [lineStart];
        for (let c = run; c < runEnd; c++) furthestEnd.push(Math.max(furthestEnd[c - run] as number, (all[c] as Located).end));
      }
      while (from < runEnd && (all[from] as Located).start < spanStart) from++;
      const reach = furthestEnd[from - run] as number;
      if (reach > spanStart) ranges.push([0, reach - spanStart]);
    }
    for (let c = from; c < runEnd; c++) {
      const other = all[c] as Located;
      if (other.start >= spanEnd) break;
      ranges.push([other.start - spanStart, other.end - spanStart]);
    }
    for (let c = 0; c < reaching.length; c++) {
      const other = reaching[c] as Located;
      if (other.start < spanEnd && other.end > spanStart) ranges.push([other.start - spanStart, other.end - spanStart]);
    }
    // A value written twice on its line is masked both times.
    if (firstLine.length > 0) {
      for (let at = span.indexOf(firstLine); at !== -1; at = span.indexOf(firstLine, at + firstLine.length)) ranges.push([at, at + firstLine.length]);
    }
    const masked = maskLine(span, ranges);
    const finding = findingOf(item);
    const key = `${finding.rule}\0${masked}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    finding.fingerprint = fingerprint(finding.rule, path, masked, occurrence);
  }
}

/** Adds the window [start, stop) to `merged`, windows in order of their starts: joined to the last one where they meet. */
function addWindow(merged: Array<[number, number]>, start: number, stop: number): void {
  const last = merged[merged.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
  else merged.push([start, stop]);
}

/**
 * Lower case for ASCII letters only, so offsets stay those of the text: keywords are ASCII, and
 * `toLowerCase` makes some characters longer ("İ" becomes two), which would shift every window after them.
 */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** The signature a presigned URL carries (S3, GCS, CloudFront): valid for minutes, for that one request,
 * and no key; the credential scope beside it names the signer and the day. (An access key id there names
 * a real key: its own rule still reports it.) */
const SIGNATURE_PARAMETERS = String.raw`X-(?:Amz|Goog)-Signature|Signature`;
const PRESIGNED_SIGNATURE = new RegExp(String.raw`[?&](?:${SIGNATURE_PARAMETERS})=$`, "i");
/**
 * The signature or the credential scope, in one pattern: one test where a second one ran only for a
 * name-based rule's value after `=`, which V8 may meet long after optimising the engine's placing of
 * matches, and which sent that code back to the interpreter.
 */
const PRESIGNED_SIGNATURE_OR_CREDENTIAL = new RegExp(String.raw`[?&](?:${SIGNATURE_PARAMETERS}|X-(?:Amz|Goog)-Credential)=$`, "i");
const PRESIGNED_URL = /[?&](?:X-(?:Amz|Goog)-Signature|Key-Pair-Id|GoogleAccessId)=/i;

/** Is the value at `column` (0-based) of `line` a parameter of a presigned URL (for a name-based rule,
 * `byName`, also its credential scope)? */
function isPresignedUrlParameter(line: string, column: number, byName: boolean): boolean {
  // Both parameters end in `=`: most values follow something else.
  if (column === 0 || line.charCodeAt(column - 1) !== 61) return false;
  const before = line.slice(Math.max(0, column - 40), column);
  if (!(byName ? PRESIGNED_SIGNATURE_OR_CREDENTIAL : PRESIGNED_SIGNATURE).test(before)) return false;
  // The URL around the value: from the last space or quote before it to the next one after it.
  let from = column;
  while (from > 0 && !/[\s"'\x60<>]/.test(line[from - 1] as string)) from--;
  let to = column;
  while (to < line.length && !/[\s"'\x60<>]/.test(line[to] as string)) to++;
  return PRESIGNED_URL.test(line.slice(from, to));
}

/** Words that fake tokens in documentation spell out. */
const SPELLED_OUT = /token|secret|passw|example|sample|dummy|personal|access|install|your|placeholder/i;

/**
 * Where two rules report overlapping values on the same line, keep one: the higher priority (a
 * provider's format over a header or URL carrying it, over a name-based match), then the higher
 * severity, then the longer value.
 */
function resolveOverlaps(located: Located[], findingOf: (item: Located) => Finding): Located[] {
  if (located.length <= 1) return located.slice();
  // Found in line order, so mostly sorted already: a check costs less than a sort's comparisons.
  if (!sortedBy(located, true)) located.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Located[] = [];
  for (let c = 0; c < located.length; c++) {
    const candidate = located[c] as Located;
    // Sorted by start: only the last few kept values can reach this one.
    let clash = -1;
    for (let i = kept.length - 1; i >= Math.max(0, kept.length - 8); i--) {
      const k = kept[i] as Located;
      if (candidate.start < k.end && k.start < candidate.end) clash = i;
    }
    if (clash === -1) {
      kept.push(candidate);
      continue;
    }
    const incumbent = kept[clash] as Located;
    if (better(candidate, incumbent, findingOf)) kept[clash] = candidate;
  }
  return sortedBy(kept, false) ? kept : kept.sort((a, b) => a.start - b.start);
}

/** Is the list in start order (and, with `longestFirst`, the longer of two values at one start first)? */
function sortedBy(list: Located[], longestFirst: boolean): boolean {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1] as Located;
    const b = list[i] as Located;
    if (a.start > b.start || (longestFirst && a.start === b.start && a.end < b.end)) return false;
  }
  return true;
}

function better(a: Located, b: Located, findingOf: (item: Located) => Finding): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  // The same rule's value at the same place, read twice (a window rule finds it from the windows of two
  // lines): the same verdict, so the same severity and length, and the first one found stays. Most
  // overlaps on secret-dense text are these: told apart without building either finding.
  if (sameJudgement(a, b)) return false;
  const rank = SEVERITIES.indexOf(findingOf(b).severity) - SEVERITIES.indexOf(findingOf(a).severity);
  if (rank !== 0) return rank > 0;
  return a.end - a.start > b.end - b.start;
}

/**
 * Do two placed values get the same verdict and severity from toFinding? True when every input to them
 * is the same: the rule, the place (the text before the value and the line above it), the value, the
 * setting it is under, and the match's own category, severity and validation outcome.
 */
function sameJudgement(a: Located, b: Located): boolean {
  const x = a.match;
  const y = b.match;
  return (
    a.facts.rule === b.facts.rule &&
    a.start === b.start &&
    a.end === b.end &&
    a.lineStart === b.lineStart &&
    x.secret === y.secret &&
    x.setting === y.setting &&
    x.category === y.category &&
    x.severity === y.severity &&
    x.validation?.status === y.validation?.status
  );
}
