/**
 * `claude-guard init [--force] [--classification X]`: writes the commented starter config
 * (src/core/config/starter.ts) to `.github/claude-guard.yml` of the repository it is run in: the git
 * root of the working directory, else the working directory itself.
 */
import { describeSystemError, errorReason } from "../core/command-line.js";
import { CONFIG_FILE } from "../core/files.js";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Classification } from "../core/config/config.js";
import { starterConfig } from "../core/config/starter.js";

export interface InitCommand {
  command: "init";
  force: boolean;
  classification?: Classification;
}

interface InitIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file in worktrees), else `start`. */
export function findRepositoryRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/** Exit codes as the rest of the CLI: 0 written, 2 refused or failed. */
export async function runInit(cmd: InitCommand, io: InitIO): Promise<number> {
  const root = findRepositoryRoot(io.cwd);
  const target = join(root, CONFIG_FILE);
  const shown = relative(io.cwd, target) || target;
  const text = starterConfig(cmd.classification !== undefined ? { classification: cmd.classification } : {});
  try {
    // Synchronous: every scan loads this module (findRepositoryRoot), and node:fs/promises (with readline,
    // ~1 ms of CPU to load) would come with it.
    mkdirSync(dirname(target), { recursive: true });
    // "wx" fails if the file exists: no window between a check and the write.
    writeFileSync(target, text, { flag: cmd.force ? "w" : "wx" });
  } catch (error) {
    // EEXIST from mkdir means a file stands where the folder should be; from the write, the config exists.
    if ((error as NodeJS.ErrnoException).code === "EEXIST" && (error as NodeJS.ErrnoException).syscall === "open") {
      io.stderr.write(`claude-guard: ${shown} already exists; nothing was written (run \`claude-guard init --force\` to replace it)\n`);
    } else {
      io.stderr.write(`claude-guard: cannot write ${shown}: ${describeSystemError(error) ?? errorReason(error)}\n`);
    }
    return 2;
  }
  io.stdout.write(
    `Wrote ${shown}${cmd.force ? " (replaced)" : ""}.\n` +
      "Every key is commented: edit it, then run `claude-guard scan` to check the config and the repository.\n",
  );
  return 0;
}
