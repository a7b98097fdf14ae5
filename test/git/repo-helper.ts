/** Builds real, throw-away git repositories under os.tmpdir() for the src/git tests. */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Identity {
  name: string;
  email: string;
}

export const HUMAN: Identity = { name: "Ada Human", email: "ada@example.com" };

/** Git with no user or system config leaking in, so the tests behave the same on every machine. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    ...extra,
  };
}

export class TempRepo {
  readonly dir: string;
  private tick = 0;

  constructor(prefix = "cg-git-") {
    this.dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.git(["init", "-q", "-b", "main"]);
  }

  git(args: string[], options: { env?: Record<string, string>; input?: string | Buffer } = {}): string {
    return execFileSync("git", ["-c", "commit.gpgsign=false", ...args], {
      cwd: this.dir,
      env: gitEnv(options.env),
      input: options.input,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  }

  write(file: string, content: string | Buffer, mode?: number): void {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    if (mode !== undefined) chmodSync(full, mode);
  }

  /** Stages everything and commits; returns the new SHA. Dates advance one minute per commit. */
  commit(message: string, author: Identity = HUMAN, committer: Identity = author): string {
    this.git(["add", "-A"]);
    this.tick++;
    const date = new Date(Date.UTC(2024, 0, 1, 12, this.tick)).toISOString();
    this.git(["commit", "-q", "--allow-empty", "-F", "-"], {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
    return this.git(["rev-parse", "HEAD"]).trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function tempDir(prefix = "cg-tmp-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
