/**
 * `claude-guard hook install | uninstall`: adds (removes) claude-guard's entries in a Claude Code
 * settings file, leaving every other setting and hook as it was.
 *
 * Entries (settings.json `hooks`, each `{ matcher?, hooks: [{ type: "command", command, timeout }] }`):
 *   UserPromptSubmit (no matcher), PreToolUse for every tool that writes or runs, PostToolUse for the
 *   tools whose output reaches the model (decide.ts's WRITE_TOOLS, RUN_TOOLS, READ_TOOLS).
 * An entry is claude-guard's when its command runs `claude-guard-hook` or `claude-guard hook`. Install is
 * idempotent: an event that already has one keeps it (its matcher too, if the user changed it: a matcher
 * an older claude-guard wrote is brought up to date, like the command) and gets no second one. Uninstall removes only those entries, and a
 * group or event list only when removing them left it empty.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BoundedParseError, parseJson } from "../core/bounded-json.js";
import { READ_TOOLS, RUN_TOOLS, WRITE_TOOLS } from "./decide.js";

export type SettingsScope = "project" | "local" | "user";

export interface HookEntrySpec {
  event: "UserPromptSubmit" | "PreToolUse" | "PostToolUse" | "SessionEnd";
  matcher?: string;
}

export const HOOK_ENTRIES: readonly HookEntrySpec[] = [
  { event: "UserPromptSubmit" },
  { event: "PreToolUse", matcher: [...WRITE_TOOLS, ...RUN_TOOLS].join("|") },
  { event: "PostToolUse", matcher: READ_TOOLS.join("|") },
];

/** With `--audit-log`: one usage record per session, written when it ends (usage.ts). */
export const SESSION_END_ENTRY: HookEntrySpec = { event: "SessionEnd" };

/** Matchers earlier versions installed: replaced by the current one, a matcher the user wrote is kept. */
const OLD_MATCHERS: Readonly<Record<string, readonly string[]>> = { PreToolUse: ["Write|Edit|MultiEdit|Bash"], PostToolUse: ["Read|Bash"] };

/** Seconds Claude Code waits before giving up on the hook (and going on without it); its default is 60. */
export const HOOK_TIMEOUT_SECONDS = 10;

/** Does this hook command run claude-guard's hook? */
export function isOwnCommand(command: string): boolean {
  return /claude-guard-hook\b|claude-guard(?:\.js)?["']?\s+hook(?:\s|$)/.test(command);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export class ClaudeSettingsError extends Error {}

/** Settings with claude-guard's entries in place; `changed` is false when they already were. */
export function addHookEntries(settings: Json, command: string, options: { sessionEnd?: boolean } = {}): { settings: Json; changed: boolean } {
  const next = structuredClone(settings);
  let changed = false;
  if (next["hooks"] === undefined) next["hooks"] = {};
  const hooks = next["hooks"];
  if (!isObject(hooks)) throw new ClaudeSettingsError("`hooks` in the settings file is not an object; fix it by hand first");
  // A SessionEnd entry without an audit log would write nothing: installed with --audit-log only, else removed.
  if (!options.sessionEnd && Array.isArray(hooks[SESSION_END_ENTRY.event])) {
    const without = removeHookEntries({ hooks: { [SESSION_END_ENTRY.event]: hooks[SESSION_END_ENTRY.event] } });
    if (without.removed > 0) {
      changed = true;
      const rest = (without.settings["hooks"] as Json | undefined)?.[SESSION_END_ENTRY.event];
      if (rest === undefined) delete hooks[SESSION_END_ENTRY.event];
      else hooks[SESSION_END_ENTRY.event] = rest;
    }
  }
  for (const spec of options.sessionEnd ? [...HOOK_ENTRIES, SESSION_END_ENTRY] : HOOK_ENTRIES) {
    if (hooks[spec.event] === undefined) hooks[spec.event] = [];
    const groups = hooks[spec.event];
    if (!Array.isArray(groups)) throw new ClaudeSettingsError(`\`hooks.${spec.event}\` in the settings file is not a list; fix it by hand first`);
    let found = false;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as unknown;
      if (!isObject(group) || !Array.isArray(group["hooks"])) continue;
      const list = group["hooks"] as unknown[];
      for (let k = 0; k < list.length; k++) {
        const hook = list[k];
        if (!isObject(hook) || typeof hook["command"] !== "string" || !isOwnCommand(hook["command"])) continue;
        if (!found) {
          found = true;
          if (hook["command"] !== command) {
            hook["command"] = command;
            changed = true;
          }
          if (spec.matcher !== undefined && typeof group["matcher"] === "string" && OLD_MATCHERS[spec.event]?.includes(group["matcher"])) {
            group["matcher"] = spec.matcher;
            changed = true;
          }
        } else {
          // A second entry of ours (two installs by hand): the hook would run twice.
          list.splice(k--, 1);
          changed = true;
          if (list.length === 0) groups.splice(g--, 1);
        }
      }
    }
    if (!found) {
      groups.push({ ...(spec.matcher !== undefined ? { matcher: spec.matcher } : {}), hooks: [{ type: "command", command, timeout: HOOK_TIMEOUT_SECONDS }] });
      changed = true;
    }
  }
  return { settings: next, changed };
}

/** Settings without claude-guard's entries; `removed` counts them. */
export function removeHookEntries(settings: Json): { settings: Json; removed: number } {
  const next = structuredClone(settings);
  let removed = 0;
  const hooks = next["hooks"];
  if (!isObject(hooks)) return { settings: next, removed };
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    const before = groups.length;
    let touched = false;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as unknown;
      if (!isObject(group) || !Array.isArray(group["hooks"])) continue;
      const list = group["hooks"] as unknown[];
      const kept = list.filter((hook) => !(isObject(hook) && typeof hook["command"] === "string" && isOwnCommand(hook["command"])));
      if (kept.length === list.length) continue;
      removed += list.length - kept.length;
      touched = true;
      if (kept.length === 0) groups.splice(g--, 1);
      else group["hooks"] = kept;
    }
    if (touched && groups.length === 0 && before > 0) delete hooks[event];
  }
  if (removed > 0 && Object.keys(hooks).length === 0) delete next["hooks"];
  return { settings: next, removed };
}

/** Where the settings file of a scope is. */
export function settingsPath(scope: SettingsScope, projectDir: string, env: NodeJS.ProcessEnv): string {
  if (scope === "user") return join(env["CLAUDE_CONFIG_DIR"] || join(homedir(), ".claude"), "settings.json");
  return join(projectDir, ".claude", scope === "local" ? "settings.local.json" : "settings.json");
}

/** This package's hook entry (bin/claude-guard-hook.js). */
export function hookEntryPath(): string {
  return packageBin("claude-guard-hook.js");
}

/**
 * A file of this package's bin/: the nearest above this module, which sits in lib/hook/ as tsc compiles
 * it, or in a chunk of the hook's bundle (lib/hook-bundle/chunks/, dist/hook/chunks/).
 */
export function packageBin(name: string): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "bin", name))) return join(dir, "bin", name);
  }
  return join(dirname(here), "..", "..", "bin", name);
}

/**
 * The command Claude Code (or git's pre-commit hook) runs. In a project that holds the entry (claude-guard
 * in its node_modules, or this repository), a path from the project's top as the shell finds it
 * (`$CLAUDE_PROJECT_DIR` by default), so a committed settings file or hook works on every clone;
 * otherwise the absolute path on this machine.
 */
export function defaultCommand(
  scope: SettingsScope,
  projectDir: string,
  entry: string,
  extraArgs: readonly string[] = [],
  projectTop = "$CLAUDE_PROJECT_DIR",
): { command: string; machineSpecific: boolean } {
  const rel = relative(projectDir, entry);
  const inside = scope !== "user" && rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  const args = extraArgs.map(shellQuote).join(" ");
  const base = inside ? `node "${projectTop}/${rel.split(sep).join("/")}"` : `node ${shellQuote(entry)}`;
  return { command: args ? `${base} ${args}` : base, machineSpecific: !inside };
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface SettingsFile {
  path: string;
  settings: Json;
  /** Indentation found in the file, kept when it is written back. */
  indent: string | number;
  exists: boolean;
}

export function readSettings(path: string): SettingsFile {
  if (!existsSync(path)) return { path, settings: {}, indent: 2, exists: false };
  const text = readFileSync(path, "utf8");
  if (text.trim() === "") return { path, settings: {}, indent: 2, exists: true };
  let data: unknown;
  try {
    data = parseJson(text).value;
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    throw new ClaudeSettingsError(`${path}${error.line !== undefined ? `:${error.line}` : ""} ${error.kind === "syntax" ? "is not valid JSON" : "is refused"} (${error.reason}); nothing was changed`);
  }
  if (!isObject(data)) throw new ClaudeSettingsError(`${path} does not hold a JSON object; nothing was changed`);
  const indented = /\n([ \t]+)"/.exec(text)?.[1];
  return { path, settings: data, indent: indented === undefined ? 2 : indented.startsWith("\t") ? "\t" : indented.length, exists: true };
}

/** Removes a settings file that uninstall left empty. */
export function removeSettingsFile(file: SettingsFile): void {
  if (file.exists) rmSync(file.path);
}

/** Write through a temporary file and a rename, so Claude Code never reads half a settings file. */
export function writeSettings(file: SettingsFile, settings: Json): void {
  mkdirSync(dirname(file.path), { recursive: true });
  const temp = `${file.path}.${process.pid}.tmp`;
  const mode = file.exists ? statSync(file.path).mode & 0o777 : 0o644;
  writeFileSync(temp, JSON.stringify(settings, null, file.indent) + "\n", { mode });
  renameSync(temp, file.path);
}
