/**
 * Claude Code's own configuration, as a repository carries it: skills, slash commands, subagents,
 * permission rules, hooks and MCP servers. Pure: the doors read the files (`.claude/**`, `.mcp.json`)
 * and hand their text over; this module never touches the disk.
 *
 * Every item keeps the path and line where it is declared, so that a finding can point a reviewer at the
 * exact line to change. A malformed file is a `problem` (path, line, what is wrong), never a throw: one
 * broken file must not hide the rest of the configuration from the policy checks.
 *
 * Formats (Claude Code documentation: settings, permissions, skills, slash commands, subagents, hooks, MCP):
 * - `.claude/skills/<folder>/SKILL.md`: YAML front matter `name`, `description`, `allowed-tools`
 *   (a YAML list, or one string separated by commas or spaces). Skill id: `name`, else the folder path
 *   under `skills/` (`deploy/prod`). Nested `.claude` folders (monorepo packages) count too.
 * - `.claude/commands/**\/*.md`: same front matter; id is the path under `commands/` without `.md`.
 * - `.claude/agents/**\/*.md`: subagents, front matter `name`, `tools`, `permissionMode`.
 * - `.claude/settings.json`, `.claude/settings.local.json`: `permissions.{allow,ask,deny,defaultMode,
 *   additionalDirectories}`, `hooks` (event -> [{ matcher, hooks: [{ type, command }] }]),
 *   `enableAllProjectMcpServers`, `enabledMcpjsonServers`, `disabledMcpjsonServers`, `env`.
 * - `.mcp.json`: `mcpServers` (name -> { type, command, args, url }).
 */
import { addToGroup } from "../collections.js";
import { BoundedParseError, FILE_LIMITS, jsonPointer as pointer, parseJson, parseYaml, type ParsedJson } from "../bounded-parse.js";
import { normalizePath } from "../report/redact.js";

/** Where something is declared: 1-based line, and the column just past the end of that line. */
export interface Declaration {
  path: string;
  line: number;
  endColumn: number;
}

export type PermissionList = "allow" | "ask" | "deny";

export interface PermissionRuleDecl extends Declaration {
  list: PermissionList;
  /** The rule as written, e.g. `Bash(npm run test:*)`, `WebFetch(domain:example.com)`, `mcp__github`. */
  rule: string;
}

export type AgentItemKind = "skill" | "command" | "subagent";

/** A skill, a slash command or a subagent. The declaration line is its `name:` line (else line 1). */
export interface AgentItem extends Declaration {
  kind: AgentItemKind;
  /** Front matter `name`, else the path under `skills/`, `commands/` or `agents/` (without `.md`). */
  id: string;
  /** Every id the item answers to (its `name` and its folder or file path), for pattern matching. */
  aliases: string[];
  description?: string;
  /**
   * `allowed-tools` (skills, commands) or `tools` (subagents) as permission rules; undefined when the
   * key is absent. For skills and commands the list pre-approves tools while the skill runs; for a
   * subagent it limits the tools it can see (absent = every tool).
   */
  tools?: string[];
  /** Where `allowed-tools` / `tools` is declared. */
  toolsDeclaration?: Declaration;
  /** Subagents only: front matter `permissionMode`. */
  permissionMode?: { mode: string } & Declaration;
}

export interface HookDecl extends Declaration {
  /** `PreToolUse`, `PostToolUse`, `SessionStart`, … */
  event: string;
  /** Tool pattern; empty when absent (matches everything). */
  matcher: string;
  /** `command`, `prompt`, `agent`, `http`, … */
  type: string;
  /** What runs: the command, the URL or the prompt, as written. */
  action: string;
}

export interface McpServerDecl extends Declaration {
  name: string;
  type?: string;
  command?: string;
  args: string[];
  url?: string;
}

export interface SettingDecl<T> extends Declaration {
  value: T;
}

export interface AgentConfig {
  skills: AgentItem[];
  commands: AgentItem[];
  subagents: AgentItem[];
  /** allow, ask and deny rules of every settings file, in file order. */
  permissions: PermissionRuleDecl[];
  /** `permissions.defaultMode`, one per settings file that sets it. */
  defaultModes: SettingDecl<string>[];
  additionalDirectories: SettingDecl<string>[];
  hooks: HookDecl[];
  mcpServers: McpServerDecl[];
  enableAllProjectMcpServers: SettingDecl<boolean>[];
  enabledMcpjsonServers: SettingDecl<string>[];
  disabledMcpjsonServers: SettingDecl<string>[];
  /** Names of the variables `env` sets. Values are never kept: they may be credentials. */
  env: SettingDecl<string>[];
}

export interface AgentConfigProblem {
  path: string;
  line?: number;
  message: string;
}

export function emptyAgentConfig(): AgentConfig {
  return {
    skills: [],
    commands: [],
    subagents: [],
    permissions: [],
    defaultModes: [],
    additionalDirectories: [],
    hooks: [],
    mcpServers: [],
    enableAllProjectMcpServers: [],
    enabledMcpjsonServers: [],
    disabledMcpjsonServers: [],
    env: [],
  };
}

/** Claude Code's permission modes, from the most restrictive to the most permissive. */
export const PERMISSION_MODES = ["plan", "dontAsk", "default", "acceptEdits", "auto", "bypassPermissions"] as const;

/**
 * How much a mode lets the agent do without a human: `plan` runs nothing, `dontAsk` denies whatever is
 * not pre-approved, `default` asks, `acceptEdits` auto-approves edits, `auto` auto-approves after a model
 * check, `bypassPermissions` approves everything. An unknown mode ranks as `default`.
 */
export function permissionModeRank(mode: string | undefined): number {
  const index = (PERMISSION_MODES as readonly string[]).indexOf(mode ?? "default");
  return index === -1 ? PERMISSION_MODES.indexOf("default") : index;
}

// ---------------------------------------------------------------------------------------------------
// Discovery

const SKILL_PATH = /^(?:.*\/)?\.claude\/skills\/(.+)\/SKILL\.md$/;
const COMMAND_PATH = /^(?:.*\/)?\.claude\/commands\/(.+)\.md$/;
const AGENT_PATH = /^(?:.*\/)?\.claude\/agents\/(.+)\.md$/;
// Settings and MCP servers are read from the project root only, as Claude Code does.
const SETTINGS_PATHS = new Set([".claude/settings.json", ".claude/settings.local.json"]);
const MCP_PATH = ".mcp.json";

/** The skill whose definition a path is (`.claude/skills/<id>/SKILL.md`), else undefined. */
export function skillOfPath(path: string): string | undefined {
  return SKILL_PATH.exec(normalizePath(path).replace(/^\/+/, ""))?.[1];
}

/**
 * Discover the agent configuration in `files` (repository path -> content). Paths are normalized
 * (forward slashes, no leading `./` or `/`). Files that are not agent configuration are ignored.
 */
export function readAgentConfig(files: ReadonlyMap<string, string>): { config: AgentConfig; problems: AgentConfigProblem[] } {
  const config = emptyAgentConfig();
  const problems: AgentConfigProblem[] = [];
  const entries = [...files.entries()].map(([path, text]) => [normalizePath(path).replace(/^\/+/, ""), text] as const);
  // Sorted, so that the same files always give the same config whatever order the door read them in.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, text] of entries) {
    let match: RegExpExecArray | null;
    if ((match = SKILL_PATH.exec(path))) config.skills.push(readItem("skill", path, match[1] as string, text, problems));
    else if ((match = COMMAND_PATH.exec(path))) config.commands.push(readItem("command", path, match[1] as string, text, problems));
    else if ((match = AGENT_PATH.exec(path))) config.subagents.push(readItem("subagent", path, match[1] as string, text, problems));
    else if (SETTINGS_PATHS.has(path)) readSettings(path, text, config, problems);
    else if (path === MCP_PATH) readMcpJson(path, text, config, problems);
  }
  return { config, problems };
}

/**
 * The skills a commit message names in `Claude-Skill:` trailers (one or several lines, each with one or
 * more comma-separated ids). A leading `/` (slash-command spelling) is dropped; duplicates are removed.
 */
export function skillsFromTrailers(message: string): string[] {
  const skills: string[] = [];
  for (const line of message.split(/\r?\n/)) {
    const match = /^\s*Claude-Skills?\s*:\s*(.*)$/i.exec(line);
    if (!match) continue;
    for (const raw of (match[1] as string).split(",")) {
      const skill = raw.trim().replace(/^\/+/, "");
      if (skill && !skills.includes(skill)) skills.push(skill);
    }
  }
  return skills;
}

function lineLength(lines: readonly string[], line: number): number {
  return (lines[line - 1] ?? "").replace(/\s+$/, "").length;
}

function declaration(path: string, lines: readonly string[], line: number): Declaration {
  return { path, line, endColumn: Math.max(2, lineLength(lines, line) + 1) };
}

// ---------------------------------------------------------------------------------------------------
// Markdown with YAML front matter

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Split a tool list written as one string: commas or whitespace separate entries, except inside
 * parentheses, so `Bash(git add:*) Read` is two entries and not three.
 */
export function splitToolList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === "," || /\s/.test(char))) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Top-level `key: value` lines whose value is a plain one-line scalar (the fallback for broken YAML). */
function simpleKeys(lines: readonly string[]): Obj {
  const out: Obj = {};
  for (const line of lines) {
    const match = /^(name|allowed-tools|tools|permissionMode)\s*:\s*([^\s[{|>&*!'"#].*?)\s*$/.exec(line);
    if (match) out[match[1] as string] = match[2];
  }
  return out;
}

function readItem(kind: AgentItemKind, path: string, pathId: string, text: string, problems: AgentConfigProblem[]): AgentItem {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const item: AgentItem = { kind, id: pathId, aliases: [pathId], ...declaration(path, lines, 1) };
  if ((lines[0] ?? "").trimEnd() !== "---") return item; // no front matter: an item without metadata
  const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
  if (close === -1) {
    problems.push({ path, line: 1, message: "the YAML front matter opened by `---` on line 1 is never closed by another `---` line" });
    return item;
  }
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join("\n"));
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    // The front matter starts on line 2 of the file.
    const line = error.line !== undefined ? error.line + 1 : 1;
    problems.push({ path, line, message: `the front matter ${error.kind === "syntax" ? "is not valid YAML" : "is refused"}: ${error.reason}` });
    // Refused (a bomb, a prototype key): nothing of it is read.
    if (error.kind === "refused") return item;
    // A stray `: ` in a description is the usual culprit; the other keys may still be plain one-line
    // values. Read those, so that a broken description cannot hide `allowed-tools` from the policy.
    data = simpleKeys(lines.slice(1, close));
  }
  if (data === undefined || data === null) return item;
  if (!isObject(data)) {
    problems.push({ path, line: 2, message: "the front matter must be a mapping of keys (for example `name: deploy`)" });
    return item;
  }
  // js-yaml does not report positions: find each top-level key's line in the front matter.
  const keyLine = (key: string): number | undefined => {
    const re = new RegExp(`^["']?${key.replace(/[-]/g, "\\-")}["']?\\s*:`);
    for (let i = 1; i < close; i++) if (re.test(lines[i] as string)) return i + 1;
    return undefined;
  };

  const name = data["name"];
  if (typeof name === "string" && name.trim()) {
    item.id = name.trim();
    if (!item.aliases.includes(item.id)) item.aliases.unshift(item.id);
    Object.assign(item, declaration(path, lines, keyLine("name") ?? 1));
  } else if (name !== undefined && name !== null) {
    problems.push({ path, line: keyLine("name") ?? 2, message: `\`name\` must be a string, got ${JSON.stringify(name)}; using "${pathId}"` });
  }
  if (typeof data["description"] === "string") item.description = data["description"];

  const toolsKey = kind === "subagent" ? "tools" : "allowed-tools";
  const rawTools = data[toolsKey];
  if (rawTools !== undefined && rawTools !== null) {
    const line = keyLine(toolsKey) ?? 2;
    let tools: string[] | undefined;
    if (typeof rawTools === "string") tools = splitToolList(rawTools);
    else if (Array.isArray(rawTools) && rawTools.every((t) => typeof t === "string")) tools = rawTools.flatMap((t: string) => splitToolList(t));
    if (tools) {
      item.tools = tools;
      item.toolsDeclaration = declaration(path, lines, line);
    } else {
      problems.push({ path, line, message: `\`${toolsKey}\` must be a list of tool rules or one string separated by commas or spaces, got ${JSON.stringify(rawTools)}` });
    }
  }
  if (kind === "subagent" && data["permissionMode"] !== undefined) {
    const line = keyLine("permissionMode") ?? 2;
    if (typeof data["permissionMode"] === "string") item.permissionMode = { mode: data["permissionMode"], ...declaration(path, lines, line) };
    else problems.push({ path, line, message: `\`permissionMode\` must be one of ${PERMISSION_MODES.join(", ")}` });
  }
  return item;
}

// ---------------------------------------------------------------------------------------------------
// JSON with line numbers

/**
 * Parse JSON recording the line where each value (or object member, by its key) starts, keyed by JSON
 * pointer: findings must point at the line of a rule. Bounded (bounded-parse.ts); throws BoundedParseError.
 */
export function parseJsonWithLines(text: string): ParsedJson {
  return parseJson(text, FILE_LIMITS, { withLines: true });
}

/** Parse a JSON file, recording a problem (with its line) instead of throwing. */
function readJson(path: string, text: string, problems: AgentConfigProblem[]): { value: Obj; at: (p: string) => Declaration } | undefined {
  const textLines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (textLines.every((l) => l.trim() === "")) return undefined; // an empty file configures nothing
  let parsed: ParsedJson;
  try {
    parsed = parseJsonWithLines(text);
  } catch (error) {
    if (!(error instanceof BoundedParseError)) throw error;
    problems.push({ path, ...(error.line !== undefined ? { line: error.line } : {}), message: `${error.kind === "syntax" ? "not valid JSON" : "refused"}: ${error.reason}` });
    return undefined;
  }
  if (!isObject(parsed.value)) {
    problems.push({ path, line: parsed.lines.get("") ?? 1, message: "expected a JSON object at the top level" });
    return undefined;
  }
  const lineMap = parsed.lines;
  return { value: parsed.value, at: (p) => declaration(path, textLines, lineMap.get(p) ?? 1) };
}

function readSettings(path: string, text: string, config: AgentConfig, problems: AgentConfigProblem[]): void {
  const json = readJson(path, text, problems);
  if (!json) return;
  const { value: settings, at } = json;
  const problem = (p: string, message: string) => problems.push({ path, line: at(p).line, message });
  const stringList = (p: string, key: string, raw: unknown, each: (value: string, p: string) => void) => {
    if (raw === undefined) return;
    if (!Array.isArray(raw)) return problem(p, `\`${key}\` must be a list of strings`);
    raw.forEach((v, index) => (typeof v === "string" ? each(v, pointer(p, index)) : problem(pointer(p, index), `\`${key}\` entries must be strings, got ${JSON.stringify(v)}`)));
  };

  const permissions = settings["permissions"];
  if (permissions !== undefined) {
    if (!isObject(permissions)) problem("/permissions", "`permissions` must be an object with `allow`, `ask`, `deny`, `defaultMode`, `additionalDirectories`");
    else {
      for (const list of ["allow", "ask", "deny"] as const) {
        stringList(`/permissions/${list}`, `permissions.${list}`, permissions[list], (rule, p) => config.permissions.push({ list, rule, ...at(p) }));
      }
      const mode = permissions["defaultMode"];
      if (typeof mode === "string") config.defaultModes.push({ value: mode, ...at("/permissions/defaultMode") });
      else if (mode !== undefined) problem("/permissions/defaultMode", `\`permissions.defaultMode\` must be one of ${PERMISSION_MODES.join(", ")}`);
      stringList("/permissions/additionalDirectories", "permissions.additionalDirectories", permissions["additionalDirectories"], (dir, p) =>
        config.additionalDirectories.push({ value: dir, ...at(p) }),
      );
    }
  }

  const hooks = settings["hooks"];
  if (hooks !== undefined) {
    if (!isObject(hooks)) problem("/hooks", "`hooks` must map event names (e.g. `PreToolUse`) to lists of { matcher, hooks }");
    else
      for (const [event, groups] of Object.entries(hooks)) {
        const eventAt = pointer("/hooks", event);
        if (!Array.isArray(groups)) {
          problem(eventAt, `\`hooks.${event}\` must be a list of { matcher, hooks: [{ type, command }] }`);
          continue;
        }
        groups.forEach((group, g) => {
          const groupAt = pointer(eventAt, g);
          if (!isObject(group) || !Array.isArray(group["hooks"])) return problem(groupAt, `\`hooks.${event}[${g}]\` must be { matcher, hooks: [{ type, command }] }`);
          const matcher = typeof group["matcher"] === "string" ? group["matcher"] : "";
          group["hooks"].forEach((hook: unknown, h: number) => {
            const hookAt = pointer(pointer(groupAt, "hooks"), h);
            if (!isObject(hook)) return problem(hookAt, `\`hooks.${event}[${g}].hooks[${h}]\` must be { type, command }`);
            const type = typeof hook["type"] === "string" ? hook["type"] : "command";
            const action = [hook["command"], hook["url"], hook["prompt"]].find((v): v is string => typeof v === "string") ?? "";
            // Point at the line that says what runs, rather than at the hook's opening brace.
            const actionKey = ["command", "url", "prompt"].find((k) => typeof hook[k] === "string");
            config.hooks.push({ event, matcher, type, action, ...at(actionKey ? pointer(hookAt, actionKey) : hookAt) });
          });
        });
      }
  }

  const enableAll = settings["enableAllProjectMcpServers"];
  if (typeof enableAll === "boolean") config.enableAllProjectMcpServers.push({ value: enableAll, ...at("/enableAllProjectMcpServers") });
  else if (enableAll !== undefined) problem("/enableAllProjectMcpServers", "`enableAllProjectMcpServers` must be true or false");
  stringList("/enabledMcpjsonServers", "enabledMcpjsonServers", settings["enabledMcpjsonServers"], (name, p) => config.enabledMcpjsonServers.push({ value: name, ...at(p) }));
  stringList("/disabledMcpjsonServers", "disabledMcpjsonServers", settings["disabledMcpjsonServers"], (name, p) => config.disabledMcpjsonServers.push({ value: name, ...at(p) }));

  const env = settings["env"];
  if (isObject(env)) for (const name of Object.keys(env)) config.env.push({ value: name, ...at(pointer("/env", name)) });
  else if (env !== undefined) problem("/env", "`env` must be an object of variable names to values");
}

function readMcpJson(path: string, text: string, config: AgentConfig, problems: AgentConfigProblem[]): void {
  const json = readJson(path, text, problems);
  if (!json) return;
  const servers = json.value["mcpServers"];
  if (servers === undefined) return;
  if (!isObject(servers)) {
    problems.push({ path, line: json.at("/mcpServers").line, message: "`mcpServers` must map server names to { command, args } or { type, url }" });
    return;
  }
  for (const [name, raw] of Object.entries(servers)) {
    const where = json.at(pointer("/mcpServers", name));
    if (!isObject(raw)) {
      problems.push({ path, line: where.line, message: `\`mcpServers.${name}\` must be an object such as { "command": "npx", "args": [...] }` });
      continue;
    }
    const server: McpServerDecl = { name, args: [], ...where };
    if (typeof raw["type"] === "string") server.type = raw["type"];
    if (typeof raw["command"] === "string") server.command = raw["command"];
    if (typeof raw["url"] === "string") server.url = raw["url"];
    if (Array.isArray(raw["args"])) server.args = raw["args"].filter((a): a is string => typeof a === "string");
    config.mcpServers.push(server);
  }
}

// ---------------------------------------------------------------------------------------------------
// Permission rules

/** A permission rule split into its tool and specifier: `Bash(npm test:*)` -> Bash + `npm test:*`. */
export interface ParsedPermissionRule {
  tool: string;
  /** What is inside the parentheses; undefined for a bare tool name. */
  specifier?: string;
  /** For `mcp__server` / `mcp__server__tool` rules. `tool` undefined = every tool of the server. */
  mcp?: { server: string; tool?: string };
}

export function parsePermissionRule(rule: string): ParsedPermissionRule | undefined {
  const text = rule.trim();
  const match = /^([A-Za-z_][\w.*-]*)\s*(?:\((.*)\))?$/s.exec(text);
  if (!match) return undefined;
  const tool = match[1] as string;
  const parsed: ParsedPermissionRule = { tool };
  if (match[2] !== undefined) parsed.specifier = match[2].trim();
  const mcp = /^mcp__(.+?)(?:__(.+))?$/.exec(tool);
  if (mcp) parsed.mcp = mcp[2] === undefined ? { server: mcp[1] as string } : { server: mcp[1] as string, tool: mcp[2] };
  return parsed;
}

/** Tools whose rules are file paths (gitignore-style globs). */
const PATH_TOOLS = new Set(["Read", "Edit", "Write", "MultiEdit", "NotebookEdit", "Glob", "Grep", "LS"]);
/** `Task` is the former name of `Agent`. */
const TOOL_ALIAS: Record<string, string> = { Task: "Agent" };
/** An `Edit` rule covers every built-in tool that edits files. */
const TOOL_FAMILY: Record<string, string> = { Write: "Edit", MultiEdit: "Edit", NotebookEdit: "Edit" };
const family = (tool: string): string => TOOL_FAMILY[tool] ?? tool;

function coversEveryUse(tool: string, specifier: string | undefined): boolean {
  if (specifier === undefined || specifier === "" || specifier === "*") return true;
  if (tool === "WebFetch") return specifier === "domain:*";
  if (PATH_TOOLS.has(tool)) return specifier === "**" || specifier === "./**" || specifier === "**/*";
  return false;
}

const escapeRegex = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** Bash's legacy `prefix:*` means the same as `prefix *`; both also match the bare prefix. */
function bashPattern(specifier: string): string {
  return specifier.endsWith(":*") ? `${specifier.slice(0, -2)} *` : specifier;
}

/**
 * Whether the glob `granted` matches every string the glob `named` matches. Sound, not complete: the
 * granted glob is matched against the named one's text, where the named glob's own wildcards can only be
 * absorbed by a wildcard of the granted one.
 */
function globCovers(granted: string, named: string, style: "any" | "path" | "bash"): boolean {
  const re = globRegex(granted, style);
  if (re.test(named)) return true;
  // gitignore: a pattern without a slash matches a file name at any depth.
  if (style === "path" && !granted.includes("/")) return re.test(named.slice(named.lastIndexOf("/") + 1));
  return false;
}

/**
 * The pattern of a granted glob, made once per glob and style: policies compare every rule with many others
 * (each allow rule with the ask and deny rules, each added rule with the rules before), and a pattern
 * built for each comparison was most of their time. Bounded: emptied when full (a pure cache).
 */
const globRegexes = new Map<string, RegExp>();
/** The size at which the policy's caches (glob patterns, parsed rules) are emptied. */
const RULE_CACHE_MAX = 10_000;

function globRegex(granted: string, style: "any" | "path" | "bash"): RegExp {
  const key = `${style}\0${granted}`;
  const known = globRegexes.get(key);
  if (known) return known;
  let source = "";
  let rest = granted;
  let optionalTail = "";
  if (style === "bash" && rest.endsWith(" *")) {
    rest = rest.slice(0, -2);
    optionalTail = "(?: .*)?"; // `npm *` also allows the bare `npm`
  }
  for (let k = 0; k < rest.length; k++) {
    const c = rest[k] as string;
    if (c === "*" && style === "path" && rest[k + 1] === "*") {
      source += ".*";
      k++;
    } else if (c === "*") source += style === "path" ? "[^/]*" : ".*";
    else source += escapeRegex(c);
  }
  const re = new RegExp(`^${source}${optionalTail}$`, "s");
  if (globRegexes.size >= RULE_CACHE_MAX) globRegexes.clear();
  globRegexes.set(key, re);
  return re;
}

const stripDotSlash = (p: string): string => p.replace(/^(?:\.\/)+/, "");

/**
 * Whether permission rule `granted` allows at least everything rule (or pattern) `named` names, in
 * Claude Code's rule syntax. `Bash` and `Bash(*)` (every command) are equivalent; `Bash(npm:*)` and
 * `Bash(npm *)` are too; `Bash(npm *)` covers `Bash(npm run test:*)` but not `Bash(*)`; `WebFetch` covers
 * `WebFetch(domain:x)` but not the reverse; `mcp__github` covers `mcp__github__create_issue`.
 */
export function ruleCovers(granted: string, named: string): boolean {
  const g = parsedRule(granted);
  const n = parsedRule(named);
  if (!g || !n) return granted.trim() === named.trim();
  if (g.mcp || n.mcp) {
    if (!g.mcp || !n.mcp || g.mcp.server !== n.mcp.server) return false;
    if (g.mcp.tool === undefined || g.mcp.tool === "*") return true;
    if (n.mcp.tool === undefined || n.mcp.tool === "*") return false;
    return globCovers(g.mcp.tool, n.mcp.tool, "any");
  }
  const gTool = TOOL_ALIAS[g.tool] ?? g.tool;
  const nTool = TOOL_ALIAS[n.tool] ?? n.tool;
  if (family(gTool) !== family(nTool)) return false;
  // A family rule covers its members, not the reverse (`Write(x)` does not grant `Edit(x)`).
  if (gTool !== nTool && family(gTool) !== gTool) return false;
  if (coversEveryUse(gTool, g.specifier)) return true;
  if (coversEveryUse(nTool, n.specifier)) return false;
  const gs = g.specifier as string;
  const ns = n.specifier as string;
  if (gTool === "Bash") return globCovers(bashPattern(gs), bashPattern(ns), "bash");
  if (PATH_TOOLS.has(gTool)) return globCovers(stripDotSlash(gs), stripDotSlash(ns), "path");
  return globCovers(gs, ns, "any");
}

/**
 * `rules.some((r) => ruleCovers(r, named))`, for many `named` against one list: the rules are grouped by
 * what ruleCovers compares first (an MCP server, else a tool family), so a rule is compared only with its
 * own group's, and a named rule listed as it is answers at once. The same answers as the loop: rules
 * ruleCovers cannot parse cover only the same text, and rules of different groups never cover each other.
 * (Drift compares every rule of a settings file with every rule of the version before.)
 */
export function coverIndex(rules: readonly string[]): (named: string) => boolean {
  const exact = new Set(rules);
  const trimmed = new Set(rules.map((r) => r.trim()));
  const groups = new Map<string, string[]>();
  for (const rule of rules) {
    const key = coverGroup(rule);
    if (key !== undefined) addToGroup(groups, key, rule);
  }
  return (named) => {
    if (exact.has(named) && ruleCovers(named, named)) return true;
    const key = coverGroup(named);
    // A rule that does not parse is covered by the same text only (ruleCovers' fallback).
    if (key === undefined) return trimmed.has(named.trim());
    return (groups.get(key) ?? []).some((rule) => ruleCovers(rule, named));
  };
}

/** What ruleCovers compares first: rules of different groups never cover each other; undefined: not parsed. */
function coverGroup(rule: string): string | undefined {
  const parsed = parsedRule(rule);
  if (!parsed) return undefined;
  return parsed.mcp ? `mcp\0${parsed.mcp.server}` : `tool\0${family(TOOL_ALIAS[parsed.tool] ?? parsed.tool)}`;
}

/** parsePermissionRule, once per rule text (read, never changed): ruleCovers meets each rule many times. */
const parsedRules = new Map<string, ParsedPermissionRule | null>();

function parsedRule(rule: string): ParsedPermissionRule | undefined {
  let parsed = parsedRules.get(rule);
  if (parsed === undefined) {
    if (parsedRules.size >= RULE_CACHE_MAX) parsedRules.clear();
    parsed = parsePermissionRule(rule) ?? null;
    parsedRules.set(rule, parsed);
  }
  return parsed ?? undefined;
}
