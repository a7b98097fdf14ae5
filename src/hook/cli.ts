/**
 * Arguments of `claude-guard hook ...` (also `bin/claude-guard-hook.js ...`, the lean entry the settings
 * point at). Kept apart from src/cli so that answering an event loads only the hook's modules.
 */
import { closestWord, errorSentence, parseFlags } from "../core/command-line.js";
import type { HookProtocol } from "./decide.js";
import { projectRoot, runHook, type HookIO } from "./run.js";

const HOOK_USAGE = `Usage:
  claude-guard hook [--audit-log FILE] [--exit-code]
      Answer one Claude Code hook event read from stdin (UserPromptSubmit; PreToolUse for every tool
      that writes or runs: Write, Edit, MultiEdit, NotebookEdit, Bash, PowerShell, Monitor; PostToolUse
      for Read, Bash and PowerShell): a credential blocks the prompt or the tool call; placeholders and
      personal data are passed to Claude as context. Policy, paths.ignore and suppressions come from
      .github/claude-guard.yml and .claude-guard-ignore in the project.
  claude-guard hook install [--project | --local | --user] [--command CMD] [--audit-log FILE] [--exit-code]
      Add the hook entries to .claude/settings.json (--project, default), .claude/settings.local.json
      (--local) or ~/.claude/settings.json (--user). Running it again adds nothing. Claude Code reads a
      project's settings only in sessions started at the project's root: --user reaches sessions
      started in a subfolder too.
  claude-guard hook uninstall [--project | --local | --user]
      Remove claude-guard's entries, and nothing else.
  claude-guard hook install --git [--chain] [--command CMD]   |   claude-guard hook uninstall --git
      A git pre-commit hook that runs \`claude-guard scan --staged\`, in the folder git runs hooks from
      (core.hooksPath, else .git/hooks). A pre-commit hook that is not claude-guard's is left alone:
      --chain keeps it (as pre-commit.before-claude-guard) and runs it first. Uninstall puts it back.

Options:
  --audit-log FILE   append one JSON line per decision (hashes and counts, never content); also
                     CLAUDE_GUARD_AUDIT_LOG. Hashes are keyed with AUDIT_HMAC_KEY when it is set.
                     With install, also a SessionEnd entry: one usage record per session (tokens,
                     model calls, tool calls, skills, prompts, duration, the hook's decisions), read
                     from the transcript's counts, never its text; \`claude-guard usage\` sums them up.
  --exit-code        block with exit code 2 and the reason on stderr instead of a JSON reply
                     (also CLAUDE_GUARD_HOOK_PROTOCOL=exit-code)
  --settings FILE    with install/uninstall: this settings file instead of the scope's
  --command CMD      with install: the command to register (default: node and this package's
                     bin/claude-guard-hook.js)

The hook never breaks a session: malformed input, an invalid config or an internal error is reported on
stderr and the event is allowed (exit 0).`;

/** The options of `claude-guard hook` (answering an event) and of `hook install|uninstall`. */
export const HOOK_EVENT_OPTIONS = { "audit-log": { type: "string" }, "exit-code": { type: "boolean" } } as const;
export const HOOK_INSTALL_OPTIONS = {
  project: { type: "boolean" },
  local: { type: "boolean" },
  user: { type: "boolean" },
  settings: { type: "string" },
  command: { type: "string" },
  ...HOOK_EVENT_OPTIONS,
  git: { type: "boolean" },
  chain: { type: "boolean" },
} as const;

export async function runHookCli(argv: readonly string[], io: HookIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "install" || first === "uninstall") return runInstallCli(first, rest, io);
  if (first === "--help" || first === "-h" || first === "help") {
    io.stdout.write(HOOK_USAGE + "\n");
    return 0;
  }
  // A word that is no subcommand is a typo at a terminal (`hook instal`): say so before reading stdin, and
  // exit 1, which Claude Code shows without blocking, should a settings file hold the typo.
  const word = argv.find((a, i) => !a.startsWith("-") && argv[i - 1] !== "--audit-log");
  if (word !== undefined) {
    const guess = closestWord(word, ["install", "uninstall", "help"]);
    io.stderr.write(`claude-guard: unknown hook command "${word}"${guess ? `; did you mean "${guess}"?` : "; use install, uninstall or help (with no command, the hook answers the event on stdin)"}\n`);
    return 1;
  }
  // Answering an event: an option problem must not break the session either.
  let auditLog: string | undefined;
  let protocol: HookProtocol | undefined;
  try {
    const { values } = parseFlags(argv, HOOK_EVENT_OPTIONS, false);
    auditLog = values["audit-log"];
    if (values["exit-code"]) protocol = "exit-code";
  } catch (error) {
    io.stderr.write(`claude-guard: ${(error as Error).message}; going on with the defaults\n`);
  }
  return runHook({ ...(auditLog !== undefined ? { auditLog } : {}), ...(protocol ? { protocol } : {}) }, io);
}

async function runInstallCli(action: "install" | "uninstall", argv: readonly string[], io: HookIO): Promise<number> {
  let values;
  try {
    values = parseFlags(argv, HOOK_INSTALL_OPTIONS, false).values;
  } catch (error) {
    io.stderr.write(`claude-guard: ${(error as Error).message}\n\n${HOOK_USAGE}\n`);
    return 2;
  }
  if (values.git || values.chain) return runGitHookInstall(action, values, io);
  const scopes = (["project", "local", "user"] as const).filter((s) => values[s]);
  if (scopes.length > 1) {
    io.stderr.write(`claude-guard: choose one of --project, --local and --user\n`);
    return 2;
  }
  if (action === "uninstall" && (values.command !== undefined || values["audit-log"] !== undefined || values["exit-code"])) {
    io.stderr.write(`claude-guard: --command, --audit-log and --exit-code go with install\n`);
    return 2;
  }
  const scope = scopes[0] ?? "project";
  const install = await import("./install.js");
  const projectDir = projectRoot(io.env["CLAUDE_PROJECT_DIR"] ?? io.cwd);
  const path = values.settings !== undefined ? values.settings : install.settingsPath(scope, projectDir, io.env);
  try {
    const file = install.readSettings(path);
    if (action === "uninstall") {
      const { settings, removed } = install.removeHookEntries(file.settings);
      if (removed === 0) {
        io.stdout.write(`claude-guard: no claude-guard hook in ${path}; nothing to remove\n`);
        return 0;
      }
      // A file that held only claude-guard's hook goes, rather than stay behind as `{}`.
      const emptied = Object.keys(settings).length === 0;
      if (emptied) install.removeSettingsFile(file);
      else install.writeSettings(file, settings);
      io.stdout.write(`claude-guard: removed ${removed} hook entr${removed === 1 ? "y" : "ies"} from ${path}${emptied ? `; nothing else was in it, so the file was removed` : ""}\n`);
      return 0;
    }
    const extra = [...(values["audit-log"] !== undefined ? ["--audit-log", values["audit-log"]] : []), ...(values["exit-code"] ? ["--exit-code"] : [])];
    const chosen = values.command !== undefined ? { command: [values.command, ...extra].join(" "), machineSpecific: false } : install.defaultCommand(scope, projectDir, install.hookEntryPath(), extra);
    const { settings, changed } = install.addHookEntries(file.settings, chosen.command, { sessionEnd: values["audit-log"] !== undefined });
    if (!changed) {
      io.stdout.write(`claude-guard: the hook is already installed in ${path}; nothing changed\n`);
      return 0;
    }
    install.writeSettings(file, settings);
    io.stdout.write(
      `claude-guard: hook installed in ${path} (UserPromptSubmit; PreToolUse ${install.HOOK_ENTRIES[1]?.matcher}; PostToolUse ${install.HOOK_ENTRIES[2]?.matcher}${values["audit-log"] !== undefined ? "; SessionEnd, for one usage record per session" : ""})\n  command: ${chosen.command}\n`,
    );
    if (scope !== "user") {
      io.stdout.write(
        `  note: Claude Code reads ${scope === "local" ? ".claude/settings.local.json" : ".claude/settings.json"} only in sessions started at the project's root (${projectDir}); a session started in a subfolder does not run this hook. To guard those sessions too, install it for your user: claude-guard hook install --user\n`,
      );
    }
    if (chosen.machineSpecific && scope === "project") {
      io.stdout.write(`  note: the command holds a path on this machine; for a settings file the team shares, install claude-guard in the project (npm install --save-dev git+https://<host>/<owner>/claude-guard.git, or the .tgz that npm pack makes) and run this again, or use --local\n`);
    }
    return 0;
  } catch (error) {
    io.stderr.write(`claude-guard: ${errorSentence(error)}\n`);
    return 2;
  }
}

/** `hook install --git` / `uninstall --git`: the git pre-commit hook (git-hook.ts). */
async function runGitHookInstall(action: "install" | "uninstall", values: { git?: boolean; chain?: boolean; command?: string; [flag: string]: unknown }, io: HookIO): Promise<number> {
  const others = ["project", "local", "user", "settings", "audit-log", "exit-code"].filter((flag) => values[flag] !== undefined);
  const problem = !values.git
    ? "--chain goes with install --git"
    : others.length > 0
      ? `--git installs a git hook, not Claude Code settings: it does not take --${others.join(", --")}`
      : action === "uninstall" && (values.chain || values.command !== undefined)
        ? "--chain and --command go with install --git"
        : undefined;
  if (problem) {
    io.stderr.write(`claude-guard: ${problem}\n`);
    return 2;
  }
  try {
    const { runGitHookCli } = await import("./git-hook.js");
    return await runGitHookCli(action, { chain: values.chain ?? false, ...(values.command !== undefined ? { command: values.command } : {}) }, io);
  } catch (error) {
    io.stderr.write(`claude-guard: ${(error as Error).message}\n`);
    return 2;
  }
}
