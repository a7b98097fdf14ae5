/**
 * A thin layer over simple-git: one place that knows how git is started for claude-guard and how its
 * failures become errors a user can act on (the CLI turns any of them into exit code 2).
 */
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";

export interface GitRunnerOptions {
  /** The git executable (default `git` on PATH). For tests and unusual installs. */
  gitBinary?: string;
}

/** An error from reading a repository; its message is meant for the user as it is. */
export class GitReadError extends Error {
  override name = "GitReadError";
}

export interface GitRunner {
  readonly repoDir: string;
  /** Runs git; throws a GitReadError naming `what` when git fails. */
  run(args: string[], what: string): Promise<string>;
  /** Runs git; returns undefined instead of throwing when git exits with an error. */
  tryRun(args: string[]): Promise<string | undefined>;
  /**
   * Runs git for raw bytes (a blob), holding at most `maxBytes`: undefined when git fails or prints
   * more than that.
   */
  tryRunBytes(args: string[], maxBytes: number): Promise<Buffer | undefined>;
}

/**
 * Config every call carries. quotepath=off: paths come back as UTF-8 instead of octal escapes (tabs,
 * quotes and control characters are still C-quoted). The others neutralise user settings that would
 * change `git log -p` output (GPG output mixed in, paths relative to a subfolder); given as config, not
 * as flags, because gits older than those flags ignore unknown config keys but reject unknown flags.
 */
const GIT_CONFIG = ["core.quotepath=off", "log.showSignature=false", "diff.relative=false"];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isGitMissing(error: unknown, binary: string): boolean {
  const text = messageOf(error);
  return text.includes("ENOENT") && text.includes(`spawn ${binary}`);
}

function firstLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(0, count).join(" / ");
}

/**
 * Opens `repoDir` for reading: checks that the folder exists, that git runs and that the folder is
 * inside a git repository (bare repositories are fine).
 */
export async function openRepository(repoDir: string, options: GitRunnerOptions = {}): Promise<GitRunner> {
  const dir = path.resolve(repoDir);
  const binary = options.gitBinary ?? "git";
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) throw new GitReadError(`Repository folder not found: ${dir}`);

  const git: SimpleGit = simpleGit({ baseDir: dir, binary, config: GIT_CONFIG, maxConcurrentProcesses: 4 });

  const wrap = (error: unknown, what: string): GitReadError => {
    if (isGitMissing(error, binary)) {
      return new GitReadError(`git was not found (tried to run "${binary}"): install git or put it on PATH`);
    }
    return new GitReadError(`git failed ${what} in ${dir}: ${firstLines(messageOf(error))}`);
  };

  const runner: GitRunner = {
    repoDir: dir,
    async run(args, what) {
      try {
        return await git.raw(args);
      } catch (error) {
        throw wrap(error, what);
      }
    },
    async tryRun(args) {
      try {
        return await git.raw(args);
      } catch (error) {
        // A missing git is never "the revision does not exist": say what is really wrong.
        if (isGitMissing(error, binary)) throw wrap(error, "");
        return undefined;
      }
    },
    tryRunBytes(args, maxBytes) {
      const configArgs = GIT_CONFIG.flatMap((c) => ["-c", c]);
      return new Promise((resolve) => {
        execFile(binary, [...configArgs, ...args], { cwd: dir, encoding: "buffer", maxBuffer: maxBytes }, (error, stdout) => {
          resolve(error ? undefined : stdout);
        });
      });
    },
  };

  try {
    await git.raw(["rev-parse", "--git-dir"]);
  } catch (error) {
    if (isGitMissing(error, binary)) throw wrap(error, "");
    throw new GitReadError(`Not a git repository: ${dir} (${firstLines(messageOf(error), 1)})`);
  }
  return runner;
}
