/**
 * The JSON that Claude Code writes to a hook's stdin, as far as claude-guard reads it. Claude Code adds
 * fields over time: everything here is optional and checked at run time, and unknown fields are kept
 * out of the way rather than rejected, so a newer Claude Code never breaks the hook.
 *
 * Common fields: `session_id`, `transcript_path`, `cwd`, `hook_event_name`.
 * UserPromptSubmit: `prompt`. PreToolUse: `tool_name`, `tool_input`. PostToolUse: also `tool_response`.
 */
import { BoundedParseError, parseJson, type ParseLimits } from "../core/bounded-json.js";

/** Events carry whole files (a Write) and tool outputs: large, but never deep. */
const EVENT_LIMITS: ParseLimits = { maxChars: 8 * 1024 * 1024, maxDepth: 256, maxEntries: 1_000_000, maxValues: 4_000_000 };

export interface HookEvent {
  hook_event_name: string;
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  prompt?: string;
  tool_name?: string;
  tool_input?: Record<string, unknown>;
  tool_response?: unknown;
  /** SessionEnd: why the session ended. */
  reason?: string;
}

type ParsedEvent = { ok: true; event: HookEvent } | { ok: false; error: string };

/**
 * Parse stdin into an event (a leading UTF-8 byte order mark is accepted); malformed or refused input
 * (a prototype key, a limit) is an error the caller turns into a decision and a diagnostic.
 */
export function parseHookEvent(text: string): ParsedEvent {
  if (text.replace(/^\uFEFF/, "").trim() === "") return { ok: false, error: "no event on stdin (expected one JSON object from Claude Code)" };
  let data: unknown;
  try {
    data = parseJson(text, EVENT_LIMITS).value;
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    return { ok: false, error: `${error.kind === "syntax" ? "stdin is not JSON" : "the event is refused"}: ${error.message}` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, error: "the event must be a JSON object" };
  const raw = data as Record<string, unknown>;
  const name = raw["hook_event_name"];
  if (typeof name !== "string" || name === "") return { ok: false, error: "the event has no hook_event_name" };
  const event: HookEvent = { hook_event_name: name };
  for (const key of ["session_id", "transcript_path", "cwd", "prompt", "tool_name", "reason"] as const) {
    const value = raw[key];
    if (typeof value === "string") event[key] = value;
  }
  const input = raw["tool_input"];
  if (typeof input === "object" && input !== null && !Array.isArray(input)) event.tool_input = input as Record<string, unknown>;
  if ("tool_response" in raw) event.tool_response = raw["tool_response"];
  return { ok: true, event };
}

/** A string field of tool_input, or undefined when it is missing or not a string. */
export function inputString(event: HookEvent, key: string): string | undefined {
  const value = event.tool_input?.[key];
  return typeof value === "string" ? value : undefined;
}

/** MultiEdit's `edits`: the well-formed ones (old_string / new_string strings), in order. */
export function multiEdits(event: HookEvent): Array<{ old_string: string; new_string: string; replace_all: boolean }> {
  const edits = event.tool_input?.["edits"];
  if (!Array.isArray(edits)) return [];
  const out: Array<{ old_string: string; new_string: string; replace_all: boolean }> = [];
  for (const edit of edits) {
    if (typeof edit !== "object" || edit === null) continue;
    const e = edit as Record<string, unknown>;
    if (typeof e["new_string"] !== "string") continue;
    out.push({ old_string: typeof e["old_string"] === "string" ? e["old_string"] : "", new_string: e["new_string"], replace_all: e["replace_all"] === true });
  }
  return out;
}

/** Largest tool output scanned after the fact (a `cat` of a huge log): beyond it, the head is scanned. */
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

/**
 * The text a tool put into the agent's context, from PostToolUse's `tool_response`. Its shape depends
 * on the tool and the Claude Code version (Read: `{ file: { content } }` or a string; Bash: `{ stdout,
 * stderr }`), so the known places are tried first, then every string in it.
 */
export function toolOutputText(response: unknown): string {
  if (typeof response === "string") return response.slice(0, MAX_OUTPUT_CHARS);
  if (typeof response !== "object" || response === null) return "";
  const r = response as Record<string, unknown>;
  const file = r["file"];
  if (typeof file === "object" && file !== null && typeof (file as Record<string, unknown>)["content"] === "string") {
    return ((file as Record<string, unknown>)["content"] as string).slice(0, MAX_OUTPUT_CHARS);
  }
  const known = ["content", "stdout", "stderr", "output", "result"].map((k) => r[k]).filter((v): v is string => typeof v === "string");
  if (known.length > 0) return known.join("\n").slice(0, MAX_OUTPUT_CHARS);
  // Unknown shape: every string value, depth-first, bounded.
  const parts: string[] = [];
  let size = 0;
  const visit = (value: unknown, depth: number) => {
    if (size >= MAX_OUTPUT_CHARS || depth > 6) return;
    if (typeof value === "string") {
      parts.push(value);
      size += value.length;
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (typeof value === "object" && value !== null) Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  visit(response, 0);
  return parts.join("\n").slice(0, MAX_OUTPUT_CHARS);
}

