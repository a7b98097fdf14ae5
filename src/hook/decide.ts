/**
 * The pre-flight decision: one Claude Code hook event in, the reply Claude Code expects out. Pure: the
 * caller (run.ts) reads stdin, the config and the files, and writes the reply; everything here is data.
 *
 * - UserPromptSubmit: a credential blocks the prompt (`decision: "block"`, the reason is shown to the
 *   person); placeholders and personal data are passed on as context.
 * - PreToolUse of every tool that writes or runs (WRITE_TOOLS, RUN_TOOLS: Write, Edit, MultiEdit,
 *   NotebookEdit, Bash, PowerShell, Monitor): a credential denies the call (`permissionDecision:
 *   "deny"`, the reason and the fix go to Claude); placeholders and personal data are context, unless
 *   the repository is `restricted`, where placeholders are denied too. Any other tool the matcher lets
 *   through has every string of its input scanned.
 * - PostToolUse Read / Bash / PowerShell: a credential that was just read into the conversation adds
 *   context telling Claude not to repeat or commit it.
 * Whatever the path (vendor/, node_modules/, a lockfile, minified code): what Claude writes is scanned;
 * only the config's `paths.ignore` is honoured.
 * Messages name the kind of secret and where it is, never the value, not even a redacted preview.
 */
import { posix } from "node:path";
import type { GuardConfig } from "../core/config/config.js";
import type { DocumentResult, ScanDocument, ScanLimits } from "../core/detect/engine.js";
import { lineIndex } from "../core/added-lines.js";
import { IGNORE_FILE } from "../core/files.js";
import { addChangeScan, emptyChangeScan, scanChange, type ChangeScan } from "../core/scan-change.js";
import { envVarName, fixHint, languageOf, type FileLanguage } from "../core/report/fix-hints.js";
import type { Category, Finding } from "../core/types.js";
import { inputString, multiEdits, toolOutputText, type HookEvent } from "./event.js";
import { envFormOfLine } from "./fix-line.js";
import { plural } from "../core/report/plural.js";

export interface HookScanner {
  scan(doc: ScanDocument, limits?: ScanLimits): DocumentResult;
}

/** `json`: exit 0 and a JSON reply (default); `exit-code`: exit 2 and the reason on stderr to block. */
export type HookProtocol = "json" | "exit-code";

interface DecideContext {
  scanner: HookScanner;
  config: Pick<GuardConfig, "classification" | "failOn">;
  /** `paths.ignore` of the config, on paths relative to `root`. */
  isIgnoredPath: (path: string) => boolean;
  /** The project root (git root of the event's cwd, else the cwd): file paths are reported relative to it. */
  root: string;
  /** The file's current text, so an Edit's findings get the line numbers of the file (optional). */
  readFile?: (absolutePath: string) => string | undefined;
  protocol?: HookProtocol;
  /** The hook's time budget: true once it is spent (the scan then stops, see HookDecision.incomplete). */
  expired?: () => boolean;
  /**
   * Most characters scanned for one event (all its pieces): beyond, the rest is not scanned and the
   * decision says `incomplete`. A static bound, so that a huge Write cannot outlast the time budget.
   */
  maxChars?: number;
}

type Verdict = "allow" | "block" | "context";

interface HookReply {
  exitCode: 0 | 2;
  /** What goes to stdout: a JSON reply, or "" for a plain allow. */
  stdout: string;
  /** Diagnostics and, with the exit-code protocol, the reason. */
  stderr: string;
}

/** One finding with the piece of the event it was found in. */
interface LocatedFinding {
  finding: Finding;
  piece: Piece;
  /** The text of the finding's line, for the env-var form of the line (never output as is). */
  lineText: string;
}

export interface HookDecision {
  verdict: Verdict;
  event: string;
  tool?: string;
  /** Findings that decided the block. */
  blocking: LocatedFinding[];
  /** Findings passed on as context, or that did not count under the policy. */
  reported: LocatedFinding[];
  /** Why the event was not scanned, when it was not. */
  notScanned?: string;
  /** Set when the scan stopped before the end (the time budget): what was not fully scanned. */
  incomplete?: string;
  /** The texts that were scanned (for the audit record's hash; never output). */
  texts: string[];
  /** Language of the scanned content, for the audit record. */
  language?: string;
  /** What the core's scanChange made of the scanned texts (absent when the event was not scanned). */
  scan?: ChangeScan;
  reply: HookReply;
}

/** A text taken from the event, with where its findings are said to be. */
interface Piece {
  /** How messages name it: "the prompt", "edit 2 of 3", "the command". */
  label: string;
  /** Path given to the scanner (config-file rules, fingerprints): the file's path relative to the root. */
  path: string;
  /** Path whose language the fix is written in. */
  fixPath: string;
  text: string;
  lineNumbers?: number[];
  /** Line numbers are those of a file (true) or of the piece itself. */
  fileLines: boolean;
}

/** Virtual paths for texts that are not files; no extension, so values count as literals. */
const PROMPT_PATH = "(prompt)";
const COMMAND_PATH = "(bash)";
const OUTPUT_PATH = "(bash output)";
const TOOL_INPUT_PATH = "(tool input)";

/** Claude Code's tools that write files (MultiEdit: older versions). */
export const WRITE_TOOLS = ["Write", "Edit", "MultiEdit", "NotebookEdit"] as const;
/** Claude Code's tools that run a command: `command` in their input, output in their response. */
export const RUN_TOOLS = ["Bash", "PowerShell", "Monitor"] as const;
/** Tools whose output a PostToolUse check reads. */
export const READ_TOOLS = ["Read", "Bash", "PowerShell"] as const;
/** Tools that only look at the local project: nothing of theirs to check before they run. */
const LOCAL_READ_TOOLS = ["Read", "Glob", "Grep", "LS", "NotebookRead", "LSP"] as const;
const isOneOf = (list: readonly string[], tool: string): boolean => list.includes(tool);

const MAX_LISTED = 8;

export function decide(event: HookEvent, ctx: DecideContext): HookDecision {
  const name = event.hook_event_name;
  const tool = event.tool_name;
  const base = { event: name, ...(tool !== undefined ? { tool } : {}) };
  const plan = piecesFor(event, ctx);
  if ("skip" in plan) {
    return { ...base, verdict: "allow", blocking: [], reported: [], notScanned: plan.skip, texts: [], reply: { exitCode: 0, stdout: "", stderr: plan.diagnostic ? `claude-guard: ${plan.skip}; allowed\n` : "" } };
  }
  const located: LocatedFinding[] = [];
  const scan = emptyChangeScan();
  let incomplete: string | undefined;
  let room = ctx.maxChars ?? Infinity;
  for (const piece of plan.pieces) {
    if (incomplete !== undefined) break;
    let text = piece.text;
    if (text.length > room) {
      incomplete = `${piece.label} of ${plan.subject} past its first ${room} characters (the hook checks at most ${ctx.maxChars} characters an event)`;
      text = text.slice(0, room);
    }
    room -= text.length;
    // The core step every door runs on a change. paths.ignore was applied to the event already (a
    // prompt or a command has no path to match); the hook's clock bounds the scan, not the file backstop.
    const file = { path: piece.path, text, lineNumbers: piece.lineNumbers ? [...piece.lineNumbers] : Array.from({ length: countNewlines(text, text.length) + 1 }, (_, i) => i + 1) };
    const result = scanChange({ scanner: ctx.scanner, isIgnoredPath: () => false }, { files: [file], byClaude: true }, { limits: () => (ctx.expired ? { expired: ctx.expired } : {}) });
    addChangeScan(scan, result);
    const lineOf = lineReader(piece);
    for (const finding of result.findings) located.push({ finding, piece, lineText: lineOf(finding) });
    if (result.skipped.some((s) => s.reason === "timeout")) incomplete ??= `${piece.label} of ${plan.subject} (the hook's time budget ran out)`;
  }
  const texts = plan.pieces.map((p) => p.text);
  const language = plan.pieces[0] ? languageOf(plan.pieces[0].fixPath).id : undefined;
  const withLanguage = { ...base, texts, scan, ...(language !== undefined ? { language } : {}), ...(incomplete !== undefined ? { incomplete } : {}) };

  const blocks = (f: Finding) => blocksUnderPolicy(f, name, ctx.config);
  const blocking = name === "PostToolUse" ? [] : located.filter((l) => blocks(l.finding));
  const blocked = new Set(blocking);
  const reported = located.filter((l) => !blocked.has(l));
  const protocol = ctx.protocol ?? "json";

  if (blocking.length > 0) {
    const reply = name === "UserPromptSubmit" ? blockPrompt(event, blocking, protocol) : denyTool(event, plan.subject, blocking, reported, ctx.config, protocol);
    return { ...withLanguage, verdict: "block", blocking, reported, reply };
  }
  const context = name === "PostToolUse" ? postToolContext(plan.subject, reported) : noteContext(name, plan.subject, reported);
  if (!context) return { ...withLanguage, verdict: "allow", blocking, reported, reply: { exitCode: 0, stdout: "", stderr: "" } };
  return { ...withLanguage, verdict: "context", blocking, reported, reply: contextReply(name, context, protocol) };
}

/** Does this finding stop the prompt or the tool call, under the repository's policy? */
function blocksUnderPolicy(finding: Pick<Finding, "category">, eventName: string, config: Pick<GuardConfig, "classification" | "failOn">): boolean {
  // `failOn: none` makes the repository report-only: the hook then informs and never blocks.
  if (config.failOn === "none") return false;
  if (finding.category === "secret") return true;
  // A restricted repository takes no placeholder credential either (it would be filled in for real).
  return finding.category === "placeholder" && config.classification === "restricted" && eventName === "PreToolUse";
}

type Plan = { pieces: Piece[]; subject: string } | { skip: string; diagnostic: boolean };

/** The texts an event would have scanned (before paths.ignore): which rules to load for it. */
export function eventTexts(event: HookEvent, root: string): string[] {
  const plan = piecesFor(event, { scanner: { scan: () => ({ findings: [], suppressed: 0 }) }, config: { failOn: "high" }, isIgnoredPath: () => false, root });
  return "pieces" in plan ? plan.pieces.map((p) => p.text) : [];
}

function piecesFor(event: HookEvent, ctx: DecideContext): Plan {
  const name = event.hook_event_name;
  const tool = event.tool_name;
  if (name === "UserPromptSubmit") {
    if (typeof event.prompt !== "string") return { skip: "UserPromptSubmit without a prompt", diagnostic: true };
    return { subject: "this prompt", pieces: [{ label: "the prompt", path: PROMPT_PATH, fixPath: PROMPT_PATH, text: event.prompt, fileLines: false }] };
  }
  if (name !== "PreToolUse" && name !== "PostToolUse") return { skip: `nothing to check on ${name}`, diagnostic: true };
  if (tool === undefined) return { skip: `${name} without a tool_name`, diagnostic: true };

  if (isOneOf(RUN_TOOLS, tool)) {
    const shell = tool === "PowerShell" ? "command.ps1" : "command.sh";
    if (name === "PreToolUse") {
      const command = inputString(event, "command");
      if (command === undefined) return { skip: `${tool} call without a command`, diagnostic: true };
      return { subject: `this ${tool} command`, pieces: [{ label: "the command", path: COMMAND_PATH, fixPath: shell, text: command, fileLines: false }] };
    }
    if (!isOneOf(READ_TOOLS, tool)) return { skip: `nothing to check on ${name} ${tool}`, diagnostic: true };
    return { subject: `the output of this ${tool} command`, pieces: [{ label: "the output", path: OUTPUT_PATH, fixPath: shell, text: toolOutputText(event.tool_response), fileLines: false }] };
  }

  if (name === "PreToolUse" && isOneOf(LOCAL_READ_TOOLS, tool)) return { skip: `nothing to check on ${name} ${tool}`, diagnostic: true };
  if (name === "PreToolUse" && !isOneOf(WRITE_TOOLS, tool)) {
    // A tool the matcher was widened to (WebFetch, an MCP tool): every string it would send.
    const text = inputStrings(event.tool_input);
    if (text === "") return { skip: `nothing to check on ${name} ${tool}`, diagnostic: true };
    return { subject: `this ${tool} call`, pieces: [{ label: "the tool input", path: TOOL_INPUT_PATH, fixPath: TOOL_INPUT_PATH, text, fileLines: false }] };
  }
  if (name === "PostToolUse" && tool !== "Read") return { skip: `nothing to check on ${name} ${tool}`, diagnostic: true };
  const filePath = inputString(event, tool === "NotebookEdit" ? "notebook_path" : "file_path");
  if (filePath === undefined) return { skip: `${tool} call without a ${tool === "NotebookEdit" ? "notebook_path" : "file_path"}`, diagnostic: true };
  const path = relativePath(filePath, ctx.root, event.cwd);
  if (ctx.isIgnoredPath(path)) return { skip: `${path} is in paths.ignore`, diagnostic: false };
  const absolute = absolutePath(filePath, event.cwd ?? ctx.root);

  if (name === "PostToolUse") {
    return { subject: `the Read of ${path}`, pieces: [{ label: "the file", path, fixPath: path, text: toolOutputText(event.tool_response), fileLines: true }] };
  }
  if (tool === "Write") {
    const content = inputString(event, "content");
    if (content === undefined) return { skip: "Write call without content", diagnostic: true };
    return { subject: `this Write to ${path}`, pieces: [{ label: "the content", path, fixPath: path, text: content, fileLines: true }] };
  }
  if (tool === "NotebookEdit") {
    if (event.tool_input?.["edit_mode"] === "delete") return { skip: `a NotebookEdit that deletes a cell of ${path}`, diagnostic: false };
    const source = inputString(event, "new_source");
    if (source === undefined) return { skip: "NotebookEdit call without new_source", diagnostic: true };
    // The cell's own text: a code cell's language is the notebook's, unknown here; lines count within the cell.
    return { subject: `this NotebookEdit of ${path}`, pieces: [{ label: "the cell", path, fixPath: path, text: source, fileLines: false }] };
  }
  const edits =
    tool === "Edit"
      ? inputString(event, "new_string") !== undefined
        ? [{ old_string: inputString(event, "old_string") ?? "", new_string: inputString(event, "new_string") as string, replace_all: event.tool_input?.["replace_all"] === true }]
        : []
      : multiEdits(event);
  if (edits.length === 0) return { skip: `${tool} call without new_string`, diagnostic: true };
  // Where each edit lands in the file, when the file can be read: findings then carry file line numbers.
  let current = ctx.readFile?.(absolute);
  const pieces: Piece[] = edits.map((edit, i) => {
    const label = edits.length === 1 ? "the new text" : `edit ${i + 1} of ${edits.length}`;
    let lineNumbers: number[] | undefined;
    if (current !== undefined && edit.old_string !== "") {
      const at = current.indexOf(edit.old_string);
      if (at !== -1) {
        const firstLine = countNewlines(current, at) + 1;
        lineNumbers = Array.from({ length: countNewlines(edit.new_string, edit.new_string.length) + 1 }, (_, k) => firstLine + k);
        current = edit.replace_all ? current.split(edit.old_string).join(edit.new_string) : current.slice(0, at) + edit.new_string + current.slice(at + edit.old_string.length);
      } else current = undefined;
    }
    return { label, path, fixPath: path, text: edit.new_string, ...(lineNumbers ? { lineNumbers } : {}), fileLines: lineNumbers !== undefined };
  });
  return { subject: `this ${tool} of ${path}`, pieces };
}

/** Every string in a tool's input, one a line, depth-first and bounded like tool output. */
function inputStrings(input: Record<string, unknown> | undefined): string {
  return input === undefined ? "" : toolOutputText({ input });
}

/** A file path as scans report it: relative to the root, forward slashes; outside the root, absolute. */
function relativePath(filePath: string, root: string, cwd?: string): string {
  const absolute = absolutePath(filePath, cwd ?? root);
  const rootPosix = toPosix(root).replace(/\/+$/, "");
  if (absolute.startsWith(rootPosix + "/")) return absolute.slice(rootPosix.length + 1);
  return absolute;
}

function absolutePath(filePath: string, base: string): string {
  const p = toPosix(filePath);
  const isAbsolute = p.startsWith("/") || /^[A-Za-z]:\//.test(p);
  return posix.normalize(isAbsolute ? p : `${toPosix(base).replace(/\/+$/, "")}/${p}`);
}

const toPosix = (p: string) => p.replace(/\\/g, "/");

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * The text of the line a finding is on, within its piece. The piece's lines are indexed on the first
 * finding: a walk from the text's start for each finding took 8 s for a Write of 45,000 phone numbers.
 */
function lineReader(piece: Piece): (finding: Finding) => string {
  let starts: number[] | undefined;
  const indexOf = piece.lineNumbers ? lineIndex(piece.lineNumbers) : (line: number) => line - 1;
  return (finding) => {
    const index = indexOf(finding.line);
    if (!starts) {
      starts = [0];
      for (let i = piece.text.indexOf("\n"); i !== -1; i = piece.text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    const start = starts[index];
    if (start === undefined) return "";
    const end = piece.text.indexOf("\n", start);
    return piece.text.slice(start, end === -1 ? piece.text.length : end).replace(/\r$/, "");
  };
}

function where(l: LocatedFinding, pieces: number): string {
  const f = l.finding;
  // An edit whose place in the file is unknown counts lines within its own new text: say so.
  const own = !l.piece.fileLines && (l.piece.label === "the new text" || l.piece.label.startsWith("edit "));
  return `${pieces > 1 || own ? `${l.piece.label}, ` : ""}line ${f.line}, column ${f.column}`;
}

function countPieces(list: readonly LocatedFinding[]): number {
  return new Set(list.map((l) => l.piece)).size;
}

function kind(category: Category): string {
  return category === "secret" ? "a credential" : category === "placeholder" ? "a placeholder credential" : category === "pii" ? "personal data" : "a policy finding";
}

function more(list: readonly unknown[]): string {
  return list.length > MAX_LISTED ? `\n- and ${list.length - MAX_LISTED} more` : "";
}


// ---- UserPromptSubmit ------------------------------------------------------------------------------

function blockPrompt(event: HookEvent, blocking: LocatedFinding[], protocol: HookProtocol): HookReply {
  const pieces = countPieces(blocking);
  const lines = blocking.slice(0, MAX_LISTED).map((l) => `- ${where(l, pieces)}: ${l.finding.title}`);
  const envs = unique(blocking.map((l) => envVarName(l.finding)));
  const example = envs[0] ?? "API_TOKEN";
  const transcript = event.transcript_path ? ` (${event.transcript_path})` : "";
  const reason = [
    `claude-guard stopped this prompt before it reached the model: it contains ${blocking.length === 1 ? "a credential" : `${blocking.length} credentials`}.`,
    ...lines,
    ...(more(blocking) ? [more(blocking).trim()] : []),
    `Take the value out of the prompt. Keep it in an environment variable or a secret store instead (for example \`export ${example}=…\` in the shell that starts Claude Code, or your secret manager) and refer to it by name, such as $${example}.`,
    `Claude Code may still keep the blocked prompt in its local transcript${transcript}: treat the credential as exposed and rotate it.`,
    `Not a credential? Add \`claude-guard:allow\` to that line of the prompt, or its fingerprint to ${IGNORE_FILE}: ${unique(blocking.map((l) => l.finding.fingerprint)).slice(0, MAX_LISTED).join(", ")}.`,
  ].join("\n");
  if (protocol === "exit-code") return { exitCode: 2, stdout: "", stderr: reason + "\n" };
  return {
    exitCode: 0,
    stdout: JSON.stringify({ decision: "block", reason }) + "\n",
    stderr: `claude-guard: prompt blocked: ${summary(blocking)}\n`,
  };
}

// ---- PreToolUse --------------------------------------------------------------------------------------

function denyTool(event: HookEvent, subject: string, blocking: LocatedFinding[], reported: LocatedFinding[], config: DecideContext["config"], protocol: HookProtocol): HookReply {
  const tool = event.tool_name ?? "tool";
  const runs = isOneOf(RUN_TOOLS, tool);
  const pieces = countPieces(blocking);
  const what = runs ? "it holds" : isOneOf(WRITE_TOOLS, tool) ? "it would write" : "it would send";
  const consequence =
    runs
      ? "a command line ends up in the shell history, the process list and the session transcript"
      : isOneOf(WRITE_TOOLS, tool)
        ? "a file in the repository is where credentials leak from"
        : "what a tool sends leaves this session";
  const categories = unique(blocking.map((l) => l.finding.category));
  const lines: string[] = [];
  for (const l of blocking.slice(0, MAX_LISTED)) {
    const note = l.finding.category === "placeholder" ? ` (a placeholder: blocked because this repository's classification is ${config.classification ?? "restricted"})` : "";
    lines.push(`- ${where(l, pieces)}: ${l.finding.title} [${l.finding.rule}]${note}`);
    lines.push(`  fix: ${fixFor(l, blocking)}`);
  }
  const allow = allowComment(blocking[0]?.piece.fixPath ?? "");
  const reason = [
    `claude-guard blocked ${subject}: ${what} ${categories.map(kind).join(" and ")}, and ${consequence}.`,
    ...lines,
    ...(more(blocking) ? [more(blocking).trim()] : []),
    runs
      ? "Do not run the command with the literal value. Run it with the value taken from an environment variable the user sets (as shown), and never echo it; if the value is real, tell the user to rotate it."
      : "Do not write the literal value again. Read each value at run time from an environment variable or a secret store (as shown), and tell the user which variable to set; if the value is real, tell them to rotate it.",
    `If a value is test data and not a credential, the user can mark its line with \`${allow}\` or add its fingerprint to ${IGNORE_FILE} (${unique(blocking.map((l) => l.finding.fingerprint)).slice(0, MAX_LISTED).join(", ")}).`,
    ...(reported.length > 0 ? [`Also noted: ${summary(reported)}.`] : []),
  ].join("\n");
  const userMessage = `claude-guard blocked ${subject}: ${summary(blocking)}.`;
  if (protocol === "exit-code") return { exitCode: 2, stdout: "", stderr: reason + "\n" };
  return {
    exitCode: 0,
    stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason }, systemMessage: userMessage }) + "\n",
    stderr: `${userMessage}\n`,
  };
}

/** The fix for one finding: the line in its env-var form when that is safe, else the expression. */
function fixFor(l: LocatedFinding, all: readonly LocatedFinding[]): string {
  const language = languageOf(l.piece.fixPath);
  const hint = fixHint({ ...l.finding, path: l.piece.fixPath });
  if (l.finding.rule.startsWith("private-key")) {
    return `keep the private key out of the repository: load it at run time from a secret store, from the environment variable ${hint.env}, or from a key file outside the repository`;
  }
  const sameLine = all.filter((o) => o.piece === l.piece && o.finding.line === l.finding.line && o.lineText === l.lineText);
  const first = sameLine[0] === l;
  const rewritten = l.lineText !== "" && first ? envFormOfLine(l.lineText, sameLine.map((o) => o.finding), language) : undefined;
  const note = hint.note && !NO_EXPRESSION.has(language.id) ? ` (${hint.note})` : "";
  if (rewritten !== undefined) return `write the line as \`${rewritten}\`${note}`;
  if (!first && sameLine.length > 1) return "see the line above";
  return `${readsAs(language, hint.snippet ?? hint.env)}${note}`;
}

/** Formats that cannot read the environment themselves: the code that loads them has to. */
const NO_EXPRESSION = new Set(["other", "json", "toml", "ini", "markdown", "html", "sql"]);

function readsAs(language: FileLanguage, snippet: string): string {
  if (language.id === "dotenv") return `leave the value out of the file (\`${snippet}\`) and let the user fill it in locally; keep .env files out of Git`;
  if (NO_EXPRESSION.has(language.id)) return `keep the value out of this file: have the code read the environment variable ${snippet} (or a secret store) at run time`;
  return `read it at run time instead: \`${snippet}\``;
}

function allowComment(fixPath: string): string {
  return languageOf(fixPath).allow ?? "claude-guard:allow";
}

// ---- Context (allowed) -------------------------------------------------------------------------------

function noteContext(eventName: string, subject: string, reported: LocatedFinding[]): { context: string; user: string } | undefined {
  if (reported.length === 0) return undefined;
  const pieces = countPieces(reported);
  const lines = reported.slice(0, MAX_LISTED).map((l) => {
    const f = l.finding;
    const language = languageOf(l.piece.fixPath);
    const hint = fixHint({ ...f, path: l.piece.fixPath });
    let advice: string;
    if (f.category === "pii") advice = "personal data: use obviously synthetic test data instead, and do not copy it into code, tests or commits";
    else if (f.category === "placeholder") advice = eventName === "UserPromptSubmit" ? "a placeholder credential; when it becomes real, keep it in an environment variable" : `a placeholder credential; before it is filled in for real, ${readsAs(language, hint.snippet ?? hint.env)}`;
    else advice = `${kind(f.category)}, reported only (this repository's policy does not block); ${readsAs(language, hint.snippet ?? hint.env)}`;
    return `- ${where(l, pieces)}: ${f.title}: ${advice}`;
  });
  const context = [`claude-guard note on ${subject} (allowed):`, ...lines, ...(more(reported) ? [more(reported).trim()] : [])].join("\n");
  return { context, user: `claude-guard: ${subject} allowed; noted ${summary(reported)}.` };
}

function postToolContext(subject: string, reported: LocatedFinding[]): { context: string; user: string } | undefined {
  const secrets = reported.filter((l) => l.finding.category === "secret");
  if (secrets.length === 0) return undefined;
  const lines = secrets.slice(0, MAX_LISTED).map((l) => `- ${where(l, 1)}: ${l.finding.title}`);
  const envs = unique(secrets.map((l) => envVarName(l.finding))).slice(0, 4);
  const context = [
    `claude-guard: ${subject} just put ${secrets.length === 1 ? "a credential" : `${secrets.length} credentials`} into this conversation:`,
    ...lines,
    ...(more(secrets) ? [more(secrets).trim()] : []),
    `Do not repeat ${secrets.length === 1 ? "this value" : "these values"} in replies, and do not copy ${secrets.length === 1 ? "it" : "them"} into code, tests, commands, logs or commit messages. Do not commit the file that holds ${secrets.length === 1 ? "it" : "them"}. Where code needs a value, read it at run time from an environment variable (${envs.join(", ")}) or a secret store.`,
  ].join("\n");
  return { context, user: `claude-guard: ${subject} exposed ${summary(secrets)} to the model; Claude was told not to repeat or commit it.` };
}

function contextReply(eventName: string, context: { context: string; user: string }, protocol: HookProtocol): HookReply {
  if (protocol === "exit-code") {
    // Plain stdout is context on UserPromptSubmit; after a tool ran, exit 2 feeds stderr to Claude.
    if (eventName === "UserPromptSubmit") return { exitCode: 0, stdout: context.context + "\n", stderr: "" };
    if (eventName === "PostToolUse") return { exitCode: 2, stdout: "", stderr: context.context + "\n" };
    return { exitCode: 0, stdout: "", stderr: context.context + "\n" };
  }
  return {
    exitCode: 0,
    stdout: JSON.stringify({ hookSpecificOutput: { hookEventName: eventName, additionalContext: context.context }, systemMessage: context.user }) + "\n",
    stderr: "",
  };
}

/** "2 credentials (GitHub personal access token (classic), AWS access key ID)". */
function summary(list: readonly LocatedFinding[]): string {
  const byCategory = new Map<Category, Set<string>>();
  const counts = new Map<Category, number>();
  for (const l of list) {
    const c = l.finding.category;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (!byCategory.has(c)) byCategory.set(c, new Set());
    byCategory.get(c)?.add(l.finding.title);
  }
  const word: Record<Category, string> = { secret: "credential", placeholder: "placeholder credential", pii: "personal data finding", policy: "policy finding" };
  return [...counts]
    .map(([c, n]) => {
      const titles = [...(byCategory.get(c) ?? [])];
      return `${plural(n, word[c])} (${titles.slice(0, 3).join(", ")}${titles.length > 3 ? ", …" : ""})`;
    })
    .join("; ");
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
