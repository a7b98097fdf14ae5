/**
 * `claude-guard hook install --git | uninstall --git`: a plain git `pre-commit` hook that runs
 * `claude-guard scan --staged`, for teams without the pre-commit framework (which reads
 * `.pre-commit-hooks.yaml` instead).
 *
 * The hooks folder is the one git runs hooks from (`git rev-parse --git-path hooks`: `core.hooksPath`
 * when it is set, the common `.git/hooks` of every worktree otherwise). Someone else's hook is never
 * overwritten: install refuses and says what to do, or with `--chain` moves it aside and runs it first.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openRepository } from "../git/git-runner.js";
import { defaultCommand, packageBin } from "./install.js";

/** The line that marks a hook file as claude-guard's. */
const MARK = "# claude-guard pre-commit hook";
/** Where a hook that was there before is kept when install chains it. */
const CHAINED = "pre-commit.before-claude-guard";

interface GitHookOptions {
  /** The command that runs claude-guard (default: node and this package's bin/claude-guard.js). */
  command?: string;
  /** Keep a hook that is not claude-guard's, and run it first. */
  chain: boolean;
}

interface GitHookIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** The hook script: the chained hook first (its failure stops the commit), then the staged scan. */
export function hookScript(command: string, chained: boolean): string {
  return [
    "#!/bin/sh",
    `${MARK}: scans the lines staged for this commit.`,
    "# Installed by `claude-guard hook install --git`; `claude-guard hook uninstall --git` removes it.",
    "# Skip it once with `git commit --no-verify`.",
    ...(chained
      ? [
          `# The hook that was here before runs first (as git would run it: only when it is executable).`,
          `previous="$(dirname "$0")/${CHAINED}"`,
          `if [ -x "$previous" ]; then "$previous" "$@" || exit $?; fi`,
        ]
      : []),
    `exec ${command} scan --staged`,
    "",
  ].join("\n");
}

/** Whether a hook file's text is claude-guard's, and whether it chains another. */
export function ownHook(text: string): { own: boolean; chained: boolean } {
  return { own: text.includes(MARK), chained: text.includes(`/${CHAINED}"\n`) };
}

/** The command for a repository: claude-guard's CLI entry, from the repository's top when it holds it (node_modules). */
function cliCommand(top: string): string {
  return defaultCommand("project", top, packageBin("claude-guard.js"), [], "$(git rev-parse --show-toplevel)").command;
}

function writeExecutable(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: 0o755 });
  chmodSync(temp, 0o755); // the umask may have taken bits away
  renameSync(temp, path);
}

/** Exit codes as the rest of the CLI: 0 done (or nothing to do), 2 refused or failed. */
export async function runGitHookCli(action: "install" | "uninstall", options: GitHookOptions, io: GitHookIO): Promise<number> {
  const git = await openRepository(io.cwd);
  const top = (await git.tryRun(["rev-parse", "--show-toplevel"]))?.trim();
  if (!top) {
    io.stderr.write(`claude-guard: ${io.cwd} is not inside a git work tree; run this in the repository whose commits it should check\n`);
    return 2;
  }
  const hooksDir = resolve(io.cwd, (await git.run(["rev-parse", "--git-path", "hooks"], "finding the hooks folder")).trim());
  const hook = join(hooksDir, "pre-commit");
  const chainedPath = join(hooksDir, CHAINED);
  const existing = existsSync(hook) ? readFileSync(hook, "utf8") : undefined;
  const state = existing === undefined ? undefined : ownHook(existing);

  if (action === "uninstall") {
    if (!state?.own) {
      io.stdout.write(`claude-guard: no claude-guard hook in ${hook}; nothing to remove\n`);
      return 0;
    }
    if (state.chained && existsSync(chainedPath)) {
      renameSync(chainedPath, hook);
      io.stdout.write(`claude-guard: removed the claude-guard pre-commit hook; the hook it ran first is back in ${hook}\n`);
    } else {
      rmSync(hook);
      io.stdout.write(`claude-guard: removed ${hook}\n`);
    }
    return 0;
  }

  const command = options.command ?? cliCommand(top);
  let chained = state?.chained ?? false;
  if (existing !== undefined && !state?.own) {
    if (!options.chain) {
      io.stderr.write(
        `claude-guard: ${hook} already exists and is not claude-guard's; nothing was changed. Run \`claude-guard hook install --git --chain\` to keep it and run it before claude-guard, or add \`${command} scan --staged\` to it yourself.\n`,
      );
      return 2;
    }
    if (existsSync(chainedPath)) {
      io.stderr.write(`claude-guard: ${chainedPath} already exists (from an earlier --chain); move one of the two hooks aside by hand first; nothing was changed\n`);
      return 2;
    }
    // Kept as it was (its mode too), under a name the new hook calls.
    renameSync(hook, chainedPath);
    chained = true;
  }
  const script = hookScript(command, chained);
  if (existing === script) {
    io.stdout.write(`claude-guard: the pre-commit hook is already installed in ${hook}; nothing changed\n`);
    return 0;
  }
  writeExecutable(hook, script);
  io.stdout.write(`claude-guard: pre-commit hook installed in ${hook}${chained ? ` (it runs ${CHAINED} first)` : ""}\n  command: ${command} scan --staged\n`);
  return 0;
}
