/**
 * How claude-guard starts git: one place that knows the arguments every call carries and how git's
 * failures become errors a user can act on (the CLI turns any of them into exit code 2).
 *
 * Which path does what: simple-git runs the one-shot calls whose whole output is wanted as text and
 * that print something (rev-parse, merge-base, cat-file of a config: `run` and `tryRun`). `node:child_process`
 * does what simple-git does not do well: raw blob bytes with a bound (`tryRunBytes`: simple-git decodes to
 * text and has no output cap), the streamed `git log -p` of a history scan (`stream`: simple-git buffers a
 * call's whole output, which for a long history is hundreds of MB and delays the first commit until the
 * last is read), and the calls that may print nothing (`outputOf` a stream: a range's rev-list, the staged
 * diff, the agent files' listings), which simple-git answers 50 ms after git has exited.
 * A stream's output goes through a temporary file rather than a pipe: a pipe holds
 * 64 KiB, so git stalled whenever the scan of a commit took longer than git took to fill it, and the
 * scan then waited for git (see openSpool).
 */
import { execFile, spawn } from "node:child_process";
import { close, closeSync, existsSync, fstatSync, mkdtempSync, openSync, read, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";

export interface GitRunnerOptions {
  /** The git executable (default `git` on PATH). For tests and unusual installs. */
  gitBinary?: string;
}

interface OpenOptions extends GitRunnerOptions {
  /**
   * Revisions the caller will resolve to commits (resolveCommit): a range's ends, the upstream. One git
   * process asks for them all alongside openRepository's check, instead of one process each after it.
   * A revision that starts with "-" is not asked (git would read it as an option).
   */
  commits?: readonly string[];
}

/** An error from reading a repository; its message is meant for the user as it is. */
export class GitReadError extends Error {
  override name = "GitReadError";
}

export interface GitRunner {
  readonly repoDir: string;
  /**
   * What openRepository saw when it opened the repository (one `git rev-parse` asks for all of it): the
   * commit HEAD pointed to (undefined before the first commit), and whether the clone was shallow. A
   * fetch made afterwards (the Action's) can change both: ask git again then. `commits`: what OpenOptions.commits
   * named (undefined for a revision that names no commit), when git could tell (see commitsOf). `prefix`:
   * the folder's path from the top of the work tree ("" there, "sub/" in a subfolder), to which git's
   * pathspecs are relative; a patch names paths from the top.
   */
  readonly opened: { head?: string; shallow: boolean; prefix?: string; commits?: ReadonlyMap<string, string | undefined> };
  /** Runs git; throws a GitReadError naming `what` when git fails. */
  run(args: string[], what: string): Promise<string>;
  /** Runs git; returns undefined instead of throwing when git exits with an error. */
  tryRun(args: string[]): Promise<string | undefined>;
  /**
   * Runs git for raw bytes (a blob), holding at most `maxBytes`: undefined when git fails or prints
   * more than that.
   */
  tryRunBytes(args: string[], maxBytes: number): Promise<Buffer | undefined>;
  /**
   * Runs git and hands over its output as it comes, at the caller's pace. git writes to a private
   * temporary file (see openSpool) that is read as it grows, so git runs ahead of a caller that works
   * between reads instead of waiting on a full pipe: memory holds two reads (up to 1 MiB each: the one
   * handed over, and the next, read meanwhile), and the disk (or the page cache) the part of the output
   * not read yet. `input` goes to git's stdin; given as a promise, git is started at once and the text
   * written when it is known (a rejected promise ends git). Iterating throws a GitReadError naming
   * `what` when git fails; stopping early ends git. The file is gone once the iteration ends, whichever way.
   */
  stream(args: string[], what: string, input?: string | Promise<string>): GitStream;
}

export interface GitStream extends AsyncIterable<Buffer> {
  /** Settles once git has ended (its whole output then waits to be read) or could not start; not before the stream is read. */
  readonly ended: Promise<void>;
}

/**
 * A stream's whole output. For a call that may print nothing (a range without commits, an empty index):
 * through `run` (simple-git), such a call returns 50 ms after git has exited, as simple-git waits that
 * long for output when none came; a stream returns when git exits.
 */
export async function outputOf(stream: GitStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * Config every call carries. quotepath=off: paths come back as UTF-8 instead of octal escapes (tabs,
 * quotes and control characters are still C-quoted). The others neutralise user settings that would
 * change `git log -p` output (GPG output mixed in, paths relative to a subfolder); given as config, not
 * as flags, because gits older than those flags ignore unknown config keys but reject unknown flags.
 */
const GIT_CONFIG = ["core.quotepath=off", "log.showSignature=false", "diff.relative=false"];
const CONFIG_ARGS = GIT_CONFIG.flatMap((c) => ["-c", c]);

/** A full commit id (SHA-1 or SHA-256). */
const COMMIT_ID = /^[0-9a-f]{40,64}$/;

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

/** A streamed call's failure: git's own words (stderr) when it said something. */
class GitCallError extends Error {}

/** The most of a spooled output read at once (a commit split across two reads is copied once more). */
const SPOOL_READ_BYTES = 1024 * 1024;
/**
 * How long a reader that caught up with git waits before it looks again (git's exit also wakes it). For
 * git's first output, 1 ms for the first SPOOL_QUICK_LOOKS looks (a scan's start waits on it), 4 ms
 * after; once git has written, 4 ms: a reader that outruns git (a history of many small commits) woke a
 * thousand times a second (history-20000: 2,200-3,200 looks, tens of ms of the main thread), and what git
 * writes meanwhile waits in the file for the next look; what it writes last is read when it exits.
 */
const SPOOL_POLL_MS = 1;
const SPOOL_SLOW_POLL_MS = 4;
const SPOOL_QUICK_LOOKS = 20;

interface Spool {
  /** git's end (its stdout), closed here once git is started. */
  write: number;
  read: number;
  /** Removes the file's name and folder; again later where the system refused while the file was open. */
  remove(): void;
  /** Closes the reader's end, in the background (the system frees the file's pages then), and removes what is left. */
  close(): void;
}

/**
 * The private file a streamed call's output goes to (see GitRunner.stream): in a folder of its own
 * (mkdtemp: mode 0700), mode 0600. Its name is removed at once where the system allows it while the
 * file is open (POSIX: the open descriptors keep the file, and the system frees it when git and this
 * process have closed them, even after a crash); elsewhere when the read ends.
 */
function openSpool(what: string): Spool {
  let folder: string;
  try {
    folder = mkdtempSync(path.join(tmpdir(), "claude-guard-git-"));
  } catch (error) {
    throw new GitReadError(`Cannot create a temporary file for git's output ${what} in ${tmpdir()} (set TMPDIR to a writable folder): ${messageOf(error)}`);
  }
  const remove = () => {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Still open (Windows): removed once git has exited and the reader has closed it.
    }
  };
  const file = path.join(folder, "output");
  let write = -1;
  let readEnd = -1;
  try {
    write = openSync(file, "wx", 0o600);
    readEnd = openSync(file, "r");
  } catch (error) {
    if (write >= 0) closeSync(write);
    remove();
    throw new GitReadError(`Cannot create a temporary file for git's output ${what} in ${folder}: ${messageOf(error)}`);
  }
  remove();
  let closed = false;
  return {
    write,
    read: readEnd,
    remove,
    close() {
      if (closed) return;
      closed = true;
      // The last close frees the file's pages (17 MB for 200 commits of 2,500 lines), which took the main
      // thread 9-20 ms there, 45-86 ms over the ten files of a 20,000-commit history: done in libuv's pool.
      close(readEnd, () => remove());
    },
  };
}

/** Reads bytes of a file at a position, through libuv's pool (the event loop turns while it reads). */
function readAt(fd: number, into: Buffer, position: number): Promise<number> {
  return new Promise((resolve, reject) => read(fd, into, 0, into.length, position, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

/**
 * The commit a revision names, or undefined when it names none: from what openRepository asked for
 * (OpenOptions.commits), else from git.
 */
export async function resolveCommit(git: GitRunner, revision: string): Promise<string | undefined> {
  const known = git.opened.commits;
  if (known?.has(revision)) return known.get(revision);
  const sha = (await git.tryRun(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`]))?.trim();
  return sha && COMMIT_ID.test(sha) ? sha : undefined;
}

/**
 * The commits `revisions` name, from one git process (`--verify` takes one revision). When one of
 * several names none, git prints nothing for it and the revisions after it, or stops: which one is not
 * known, and the answer is undefined (resolveCommit then asks for each alone). A revision holding ".."
 * is not given (git would read a range).
 */
async function commitsOf(git: GitRunner, revisions: readonly string[]): Promise<ReadonlyMap<string, string | undefined> | undefined> {
  const shas = (await git.tryRun(["rev-parse", "--revs-only", ...revisions.map((revision) => `${revision}^{commit}`)]))?.trim().split("\n");
  if (shas?.length === revisions.length && shas.every((sha) => COMMIT_ID.test(sha))) return new Map(revisions.map((revision, i) => [revision, shas[i]]));
  return revisions.length === 1 ? new Map([[revisions[0] as string, undefined]]) : undefined;
}

/**
 * Opens `repoDir` for reading: checks that the folder exists, that git runs and that the folder is
 * inside a git repository (bare repositories are fine).
 */
export async function openRepository(repoDir: string, options: OpenOptions = {}): Promise<GitRunner> {
  const dir = path.resolve(repoDir);
  // Checked at once (a stat is microseconds): git is asked before the caller's next await, which lets a
  // caller start opening and do its own work while git answers.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new GitReadError(`Repository folder not found: ${dir}`);
  const { runner, raw, wrap, binary } = connect(dir, options);
  // Asked alongside the check, not after it (a rejection means git is missing, which the check reports).
  const revisions = (options.commits ?? []).filter((revision) => !revision.startsWith("-") && !revision.includes(".."));
  const asked = revisions.length > 0 ? commitsOf(runner, revisions) : undefined;
  asked?.catch(() => undefined);
  // One process checks that this is a repository and reads what a range's resolution needs. Before
  // the first commit `--verify --quiet` exits 1 without a word, which is no error (only stderr is).
  let lines: string[];
  try {
    lines = (await raw(["rev-parse", "--git-dir", "--is-shallow-repository", "--show-prefix", "--verify", "--quiet", "HEAD^{commit}"])).split("\n");
  } catch (error) {
    if (isGitMissing(error, binary)) throw wrap(error, "");
    throw new GitReadError(`Not a git repository: ${dir} (${firstLines(messageOf(error), 1)})`);
  }
  const head = lines[3]?.trim();
  const commits = await asked;
  runner.opened = { shallow: lines[1]?.trim() === "true", prefix: lines[2] ?? "", ...(head && COMMIT_ID.test(head) ? { head } : {}), ...(commits ? { commits } : {}) };
  return runner;
}

/**
 * A runner for `dir` without openRepository's check (one git process fewer), for calls whose own
 * failure tells what is wrong: a label read from a remote, a work tree's top already found.
 */
export function uncheckedRepository(dir: string, options: GitRunnerOptions = {}): GitRunner {
  return connect(path.resolve(dir), options).runner;
}

/**
 * Whether git could find a repository holding `dir`: a `.git` in it or a folder above, with `bare`
 * also a bare repository's own files (HEAD, objects/, refs/), or git's environment naming one. A
 * folder in no repository, the common case of a plain scan, then needs no git process to say so.
 */
export function mayBeInRepository(dir: string, { bare }: { bare: boolean }): boolean {
  if (!existsSync(dir)) return false;
  if (process.env["GIT_DIR"] !== undefined || process.env["GIT_WORK_TREE"] !== undefined) return true;
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, ".git"))) return true;
    if (bare && existsSync(path.join(at, "HEAD")) && existsSync(path.join(at, "objects")) && existsSync(path.join(at, "refs"))) return true;
    if (path.dirname(at) === at) return false;
  }
}

function connect(dir: string, options: GitRunnerOptions) {
  const binary = options.gitBinary ?? "git";
  const git: SimpleGit = simpleGit({ baseDir: dir, binary, config: GIT_CONFIG, maxConcurrentProcesses: 4 });

  const wrap = (error: unknown, what: string): GitReadError => {
    if (isGitMissing(error, binary)) {
      return new GitReadError(`git was not found (tried to run "${binary}"): install git or put it on PATH`);
    }
    return new GitReadError(`git failed ${what} in ${dir}: ${firstLines(messageOf(error))}`);
  };

  const runner: GitRunner & { opened: GitRunner["opened"] } = {
    repoDir: dir,
    opened: { shallow: false },
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
      return new Promise((resolve) => {
        execFile(binary, [...CONFIG_ARGS, ...args], { cwd: dir, encoding: "buffer", maxBuffer: maxBytes }, (error, stdout) => {
          resolve(error ? undefined : stdout);
        });
      });
    },
    stream(args, what, input) {
      let settle!: () => void;
      const ended = new Promise<void>((resolve) => (settle = resolve));
      return {
        ended,
        async *[Symbol.asyncIterator]() {
          let spool: Spool;
          let child: ReturnType<typeof spawn>;
          try {
            spool = openSpool(what);
          } catch (error) {
            settle();
            throw error;
          }
          try {
            child = spawn(binary, [...CONFIG_ARGS, ...args], { cwd: dir, stdio: [input === undefined ? "ignore" : "pipe", spool.write, "pipe"] });
          } catch (error) {
            spool.close();
            settle();
            throw wrap(error, what);
          } finally {
            // git holds its own copy of the descriptor.
            closeSync(spool.write);
          }
          const errors = child.stderr;
          let stderr = "";
          errors?.setEncoding("utf8");
          errors?.on("data", (text: string) => {
            if (stderr.length < 16_384) stderr += text;
          });
          let end: { code: number | null; error?: Error } | undefined;
          const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
            child.once("error", (error) => resolve({ code: null, error }));
            child.once("close", (code) => resolve({ code }));
          }).then((result) => (end = result));
          // Where the system keeps an open file's name (Windows), it is removed once git is done with it.
          void exited.then(() => {
            spool.remove();
            settle();
          });
          const stdin = child.stdin;
          if (stdin) {
            stdin.on("error", () => undefined); // git that stopped early closes its end: its exit code says why
            if (typeof input === "string") stdin.end(input);
            else
              input?.then(
                (text) => stdin.end(text),
                () => child.kill(),
              );
          }
          let done = false;
          let position = 0;
          /** One read of what git wrote past `position` (no chunk when nothing more is there yet). */
          const readMore = async (): Promise<{ chunk?: Buffer; finished: boolean }> => {
            // Whether git had ended is known before the file's size is read: then that size is all there is.
            const finished = end !== undefined;
            const ready = fstatSync(spool.read).size - position;
            if (ready <= 0) return { finished };
            const chunk = Buffer.allocUnsafe(Math.min(ready, SPOOL_READ_BYTES));
            const got = await readAt(spool.read, chunk, position);
            position += got;
            return { chunk: got === chunk.length ? chunk : chunk.subarray(0, got), finished };
          };
          // The next read, started before a chunk is handed over: libuv's pool reads it while the caller
          // works on that chunk, instead of the caller waiting for each read when it asks for more.
          let ahead: ReturnType<typeof readMore> | undefined;
          try {
            let looksBeforeOutput = 0;
            for (;;) {
              const step = await (ahead ?? readMore());
              ahead = undefined;
              if (step.chunk) {
                if (step.chunk.length > 0) {
                  ahead = readMore();
                  ahead.catch(() => undefined); // thrown when awaited; not an unhandled rejection meanwhile
                  yield step.chunk;
                }
                continue;
              }
              if (step.finished) break;
              // Caught up with git: look again shortly, or as soon as it ends.
              await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, position === 0 && ++looksBeforeOutput <= SPOOL_QUICK_LOOKS ? SPOOL_POLL_MS : SPOOL_SLOW_POLL_MS))]);
            }
            const result = await exited;
            done = true;
            if (result.error) throw wrap(result.error, what);
            if (result.code !== 0) throw wrap(new GitCallError(stderr.trim() || `git exited with code ${result.code}`), what);
          } finally {
            if (!done) child.kill();
            // A read still under way (a caller that stopped early) ends before its file is closed.
            await ahead?.catch(() => undefined);
            spool.close();
          }
        },
      };
    },
  };
  return { runner, raw: (args: string[]) => git.raw(args), wrap, binary };
}
