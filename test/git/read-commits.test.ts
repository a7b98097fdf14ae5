import { existsSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CommitChange, CommitInfo } from "../../src/core/types.js";
import { readCommits, type ReadCommitsOptions } from "../../src/git/read-commits.js";
import { HUMAN, TempRepo, tempDir, type Identity } from "./repo-helper.js";

const CLAUDE_TRAILER = "Co-Authored-By: Claude <noreply@anthropic.com>";
const BOT: Identity = { name: "Build Bot", email: "bot@example.com" };

async function collect(dir: string, opts: ReadCommitsOptions = {}): Promise<CommitChange[]> {
  const out: CommitChange[] = [];
  for await (const change of readCommits(dir, opts)) out.push(change);
  return out;
}

const byPath = (change: CommitChange | undefined, file: string) => change?.files.find((f) => f.path === file);

describe("readCommits on real repositories", () => {
  const repos: TempRepo[] = [];
  const dirs: string[] = [];
  const repo = () => {
    const r = new TempRepo();
    repos.push(r);
    return r;
  };
  afterAll(() => {
    for (const r of repos) r.remove();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("yields commits oldest first with full metadata and new-file line numbers", async () => {
    const r = repo();
    r.write("app.py", "a = 1\nb = 2\n");
    const first = r.commit("Initial commit");
    r.write("app.py", "a = 1\ninserted = 3\nb = 2\ntail = 4\n");
    const message = `Add settings\n\nLonger body.\n\n${CLAUDE_TRAILER}`;
    const second = r.commit(message, HUMAN, BOT);

    const changes = await collect(r.dir);
    expect(changes.map((c) => c.commit.sha)).toEqual([first, second]);

    // Root commit: diffed against the empty tree, so all its lines are added.
    expect(changes[0]?.files).toEqual([{ path: "app.py", text: ["a = 1", "b = 2"].join("\n"), lineNumbers: [1, 2] }]);
    expect(changes[0]?.commit.parents).toEqual([]);

    const info = changes[1]?.commit as CommitInfo;
    expect(info.message).toBe(message);
    expect(info.author).toEqual({ name: HUMAN.name, email: HUMAN.email });
    expect(info.committer).toEqual({ name: BOT.name, email: BOT.email });
    expect(info.parents).toEqual([first]);
    expect(info.date).toBe("2024-01-01T12:02:00+00:00");
    expect(changes[1]?.files).toEqual([{ path: "app.py", text: ["inserted = 3", "tail = 4"].join("\n"), lineNumbers: [2, 4] }]);
  });

  it("handles new, deleted, renamed (with and without edits) and mode-only files", async () => {
    const r = repo();
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1} of a file long enough for rename detection`).join("\n") + "\n";
    r.write("keep/moved.txt", body);
    r.write("keep/edited.txt", body.replace(/line/g, "row"));
    r.write("gone.txt", "to be deleted\n");
    r.write("tool.sh", "echo hi\n");
    r.commit("base");

    r.write("moved/.keep", "");
    r.git(["mv", "keep/moved.txt", "moved/plain.txt"]);
    r.git(["mv", "keep/edited.txt", "moved/edited.txt"]);
    r.write("moved/edited.txt", body.replace(/line/g, "row") + "appended after rename\n");
    r.git(["rm", "-q", "gone.txt"]);
    chmodSync(path.join(r.dir, "tool.sh"), 0o755);
    r.write("fresh.txt", "brand new\n");
    r.write("empty.txt", "");
    r.commit("reshuffle");
    r.git(["rm", "-q", "fresh.txt"]);
    const deletionOnly = r.commit("delete only");
    const empty = r.commit("empty commit");

    const [, change, third, fourth] = await collect(r.dir);
    // Commits that add nothing are still yielded (the caller counts and attributes them).
    expect([third?.commit.sha, fourth?.commit.sha]).toEqual([deletionOnly, empty]);
    expect(third?.files).toEqual([]);
    expect(change?.files.map((f) => f.path).sort()).toEqual(["fresh.txt", "moved/edited.txt"]);
    expect(byPath(change, "moved/edited.txt")).toEqual({ path: "moved/edited.txt", text: ["appended after rename"].join("\n"), lineNumbers: [21] });
    expect(byPath(change, "fresh.txt")?.text.split("\n")).toEqual(["brand new"]);
    expect(change?.skipped).toEqual([]);
  });

  it("records binary files as skipped and reads unusual paths exactly", async () => {
    const r = repo();
    r.write("bin/blob.dat", Buffer.from([0, 1, 2, 0, 255, 10, 0]));
    r.write("a\tb.txt", "tab\n");
    r.write("dir with space/file name.txt", "space\n");
    r.write("café/naïve.txt", "unicode\n");
    r.write('say "hi".txt', "quote\n");
    r.write("new\nline.txt", "newline in name\n");
    const sha = r.commit("odd names");

    const [change] = await collect(r.dir);
    expect(change?.skipped).toEqual([{ path: "bin/blob.dat", reason: "binary", commit: sha }]);
    expect(Object.fromEntries((change?.files ?? []).map((f) => [f.path, f.text.split("\n")]))).toEqual({
      "a\tb.txt": ["tab"],
      "dir with space/file name.txt": ["space"],
      "café/naïve.txt": ["unicode"],
      'say "hi".txt': ["quote"],
      "new\nline.txt": ["newline in name"],
    });
  });

  it("handles a missing final newline, CRLF content and added lines that look like diff headers", async () => {
    const r = repo();
    r.write("no-eol.txt", "one\ntwo");
    r.commit("no eol");
    r.write("no-eol.txt", "one\ntwo\nthree");
    r.write("win.ini", "[section]\r\nkey = value\r\n");
    r.write("tricky.txt", "++ b/not-a-header\ndiff --git a/x b/x\n@@ -1 +1 @@\n");
    r.commit("more");

    const [first, second] = await collect(r.dir);
    expect(byPath(first, "no-eol.txt")).toEqual({ path: "no-eol.txt", text: ["one", "two"].join("\n"), lineNumbers: [1, 2] });
    // "two" gained a newline, so git shows it as removed and added again.
    expect(byPath(second, "no-eol.txt")).toEqual({ path: "no-eol.txt", text: ["two", "three"].join("\n"), lineNumbers: [2, 3] });
    expect(byPath(second, "win.ini")?.text.split("\n")).toEqual(["[section]", "key = value"]);
    expect(byPath(second, "tricky.txt")?.text.split("\n")).toEqual(["++ b/not-a-header", "diff --git a/x b/x", "@@ -1 +1 @@"]);
  });

  it("yields merge commits with their parents, and no file when the merge adds no line of its own", async () => {
    const r = repo();
    r.write("base.txt", "base\n");
    r.commit("base");
    r.git(["checkout", "-q", "-b", "side"]);
    r.write("side.txt", "from side\n");
    const side = r.commit("side work");
    r.git(["checkout", "-q", "main"]);
    r.write("main.txt", "from main\n");
    const mainTip = r.commit("main work");
    r.git(["-c", "user.name=M", "-c", "user.email=m@example.com", "merge", "-q", "--no-ff", "-m", "Merge side", "side"]);

    const changes = await collect(r.dir);
    expect(changes).toHaveLength(4);
    const merge = changes[changes.length - 1];
    expect(merge?.commit.parents).toEqual([mainTip, side]);
    expect(merge?.files).toEqual([]);
    // Parents come before children.
    const order = changes.map((c) => c.commit.sha);
    expect(order.indexOf(side)).toBeLessThan(order.indexOf(merge?.commit.sha ?? ""));
  });

  it("caps file size without dropping anything silently, and keeps long lines whole", async () => {
    const r = repo();
    r.write("huge.txt", "0123456789\n".repeat(50));
    r.write("minified.js", "y".repeat(300) + "\nok\n");
    const sha = r.commit("big stuff");
    const [change] = await collect(r.dir, { maxFileChars: 400 });
    expect(byPath(change, "huge.txt")).toBeUndefined();
    expect(byPath(change, "minified.js")?.text.split("\n")).toEqual(["y".repeat(300), "ok"]);
    expect(change?.skipped).toEqual([expect.objectContaining({ path: "huge.txt", reason: "too-large", commit: sha })]);
  });

  it("yields nothing for a repository without commits", async () => {
    const r = repo();
    expect(await collect(r.dir)).toEqual([]);
  });
});

describe("readCommits batching, filtering and progress", () => {
  const repos: TempRepo[] = [];
  const dirs: string[] = [];
  afterAll(() => {
    for (const r of repos) r.remove();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /**
   * A git wrapper that logs each call's arguments, and what a `--stdin` call got on stdin, to count
   * processes and see which SHAs got patches.
   */
  function loggingGit(): { binary: string; calls: () => string[][]; stdin: () => string[] } {
    const dir = tempDir("cg-gitlog-");
    dirs.push(dir);
    const log = path.join(dir, "calls.log");
    const stdinLog = path.join(dir, "stdin.log");
    const binary = path.join(dir, "git-logged");
    writeFileSync(
      binary,
      `#!/bin/sh\nprintf '%s\\037' "$@" >> "${log}"\nprintf '\\n' >> "${log}"\n` +
        `case " $* " in *" --stdin "*) tee -a "${stdinLog}" | git "$@"; exit $? ;; esac\nexec git "$@"\n`,
    );
    chmodSync(binary, 0o755);
    writeFileSync(log, "");
    writeFileSync(stdinLog, "");
    const calls = () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\x1f").filter(Boolean));
    const stdin = () => readFileSync(stdinLog, "utf8").split("\n").filter(Boolean);
    return { binary, calls, stdin };
  }

  function sevenCommits(): { repo: TempRepo; shas: string[] } {
    const r = new TempRepo();
    repos.push(r);
    const shas: string[] = [];
    for (let i = 1; i <= 7; i++) {
      r.write(`f${i}.txt`, `content ${i}\n`);
      const claude = i === 3 || i === 6;
      shas.push(r.commit(claude ? `Change ${i}\n\n${CLAUDE_TRAILER}` : `Change ${i}`));
    }
    return { repo: r, shas };
  }

  it("reads the range's patches in one git process, not one a commit", async () => {
    const { repo: r, shas } = sevenCommits();
    const git = loggingGit();
    const changes = await collect(r.dir, { gitBinary: git.binary });
    expect(changes.map((c) => c.commit.sha)).toEqual(shas);
    expect(changes.map((c) => c.files[0]?.text.split("\n")[0])).toEqual(shas.map((_, i) => `content ${i + 1}`));
    expect(git.calls().filter((args) => args.includes("-p"))).toHaveLength(1);
    expect(git.stdin()).toEqual(shas);
    // Without a filter, one rev-list lists the commits; no metadata pass.
    expect(git.calls().filter((args) => args.includes("log") || args.includes("rev-list"))).toHaveLength(2);
  });

  it("fetches patches only for commits the filter keeps, and reports progress up to the total", async () => {
    const { repo: r, shas } = sevenCommits();
    const git = loggingGit();
    const seen: string[] = [];
    const progress: Array<[number, number]> = [];
    const changes = await collect(r.dir, {
      gitBinary: git.binary,
      filter: (c) => {
        seen.push(c.sha);
        return c.message.includes(CLAUDE_TRAILER);
      },
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(seen).toEqual(shas);
    expect(changes.map((c) => c.commit.sha)).toEqual([shas[2], shas[5]]);
    expect(changes[0]?.commit.message).toContain(CLAUDE_TRAILER);
    expect(changes[1]?.files).toEqual([{ path: "f6.txt", text: ["content 6"].join("\n"), lineNumbers: [1] }]);

    const patchCalls = git.calls().filter((args) => args.includes("log") && args.includes("-p"));
    expect(patchCalls).toHaveLength(1);
    expect(git.stdin()).toEqual([shas[2], shas[5]]);

    expect(progress[0]).toEqual([0, 7]);
    expect(progress[progress.length - 1]).toEqual([7, 7]);
    const dones = progress.map(([done]) => done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
  });

  it("reads a history longer than a chunk in several git processes, each started before it is read", async () => {
    const { repo: r, shas } = sevenCommits();
    const git = loggingGit();
    const changes = await collect(r.dir, { gitBinary: git.binary, chunkCommits: 3 });
    expect(changes.map((c) => c.commit.sha)).toEqual(shas);
    expect(changes.map((c) => c.files[0]?.text.split("\n")[0])).toEqual(shas.map((_, i) => `content ${i + 1}`));
    expect(git.calls().filter((args) => args.includes("-p"))).toHaveLength(3);
    expect([...git.stdin()].sort()).toEqual([...shas].sort());

    // Stopped inside the first chunk: the second chunk's git, started ahead, is ended with it.
    const got: string[] = [];
    for await (const change of readCommits(r.dir, { chunkCommits: 3 })) {
      got.push(change.commit.sha);
      if (got.length === 2) break;
    }
    expect(got).toEqual(shas.slice(0, 2));
  });

  it("stops cleanly when the caller breaks out early", async () => {
    const { repo: r, shas } = sevenCommits();
    const got: string[] = [];
    for await (const change of readCommits(r.dir)) {
      got.push(change.commit.sha);
      if (got.length === 3) break;
    }
    expect(got).toEqual(shas.slice(0, 3));
  });

  /**
   * A git wrapper whose patch-reading calls (`-p`) first write what their stdout is (type and mode, then
   * its path) and their process id, then run git and `then` (shell), in the same process.
   */
  function patchGit(then: string): { binary: string; pid: () => number; stdout: () => { kind: string; where: string } } {
    const dir = tempDir("cg-gitpatch-");
    dirs.push(dir);
    const binary = path.join(dir, "git-patch");
    const pidFile = path.join(dir, "pid");
    const stdoutFile = path.join(dir, "stdout");
    writeFileSync(
      binary,
      `#!/bin/sh\ncase " $* " in *" -p "*) echo $$ > "${pidFile}"\n` +
        `exec 4>&1; stat -L -c '%F %a' /proc/self/fd/4 > "${stdoutFile}"; readlink /proc/self/fd/4 >> "${stdoutFile}"; exec 4>&-\n` +
        `git "$@"\n${then}\nexit $?\n;; esac\nexec git "$@"\n`,
    );
    chmodSync(binary, 0o755);
    const stdout = () => {
      const [kind = "", where = ""] = readFileSync(stdoutFile, "utf8").trim().split("\n");
      return { kind, where };
    };
    return { binary, pid: () => Number(readFileSync(pidFile, "utf8")), stdout };
  }

  /** The folder of the file git wrote to, from its path as /proc shows it (" (deleted)" once its name is removed). */
  const spoolFolder = (where: string) => path.dirname(where.replace(/ \(deleted\)$/, ""));

  // The wrapper reads /proc and GNU stat's options.
  const linuxOnly = process.platform === "linux" ? it : it.skip;

  linuxOnly("hands git's output over through a private file whose name is gone while git writes it", async () => {
    const { repo: r, shas } = sevenCommits();
    const git = patchGit("");
    const changes = await collect(r.dir, { gitBinary: git.binary });
    expect(changes.map((c) => c.commit.sha)).toEqual(shas);
    const { kind, where } = git.stdout();
    expect(kind).toMatch(/^regular (empty )?file 600$/);
    // In a folder of its own under the temporary folder, its name removed before git wrote a byte.
    expect(where.startsWith(path.join(os.tmpdir(), "claude-guard-git-"))).toBe(true);
    expect(where).toMatch(/\/output \(deleted\)$/);
    expect(existsSync(spoolFolder(where))).toBe(false);
  });

  linuxOnly("reads commits while git still runs, and a caller that stops early ends git and leaves no file", async () => {
    const { repo: r, shas } = sevenCommits();
    // git's output is all written, but the process goes on: only stopping can end it.
    const git = patchGit("exec sleep 60");
    const got: string[] = [];
    for await (const change of readCommits(r.dir, { gitBinary: git.binary })) {
      got.push(change.commit.sha);
      if (got.length === 2) break;
    }
    expect(got).toEqual(shas.slice(0, 2));
    expect(existsSync(spoolFolder(git.stdout().where))).toBe(false);
    await waitFor(() => !isRunning(git.pid()));
  });

  linuxOnly("hands over output longer than one read whole, and a caller that stops while the next read is under way ends git and leaves no file", async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write("small.txt", "first\n");
    const first = r.commit("small");
    // About 3 MB of patch: three reads of git's output, each started before the last is handed over.
    const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} ${"x".repeat(60)}`);
    r.write("big.txt", lines.join("\n") + "\n");
    const second = r.commit("big");
    const changes = await collect(r.dir);
    expect(changes.map((c) => c.commit.sha)).toEqual([first, second]);
    expect(byPath(changes[1], "big.txt")?.text).toBe(lines.join("\n"));

    const git = patchGit("exec sleep 60");
    const got: string[] = [];
    for await (const change of readCommits(r.dir, { gitBinary: git.binary })) {
      got.push(change.commit.sha);
      break;
    }
    expect(got).toEqual([first]);
    expect(existsSync(spoolFolder(git.stdout().where))).toBe(false);
    await waitFor(() => !isRunning(git.pid()));
  });

  linuxOnly("leaves no file when git fails after printing part of its output", async () => {
    const { repo: r, shas } = sevenCommits();
    const git = patchGit("echo 'fatal: simulated failure' >&2; exit 3");
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const change of readCommits(r.dir, { gitBinary: git.binary })) got.push(change.commit.sha);
      })(),
    ).rejects.toThrow(/git failed reading commit patches .*simulated failure/);
    // The commits git printed before it failed were read (the last one is known to be whole only
    // when git ends well); the failure still ends the read.
    expect(got).toEqual(shas.slice(0, -1));
    expect(existsSync(spoolFolder(git.stdout().where))).toBe(false);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("readCommits errors", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("names a folder that is not a repository", async () => {
    const dir = tempDir("cg-notrepo-");
    dirs.push(dir);
    await expect(collect(dir)).rejects.toThrow(/Not a git repository/);
  });

  it("names a folder that does not exist", async () => {
    const parent = tempDir("cg-missing-");
    dirs.push(parent);
    await expect(collect(path.join(parent, "nope"))).rejects.toThrow(/Repository folder not found/);
  });

  it("says when git cannot be run", async () => {
    const dir = tempDir("cg-nogit-");
    dirs.push(dir);
    await expect(collect(dir, { gitBinary: "git-that-does-not-exist" })).rejects.toThrow(/git was not found/);
  });

  it("names the bad revision of a range", async () => {
    const r = new TempRepo();
    try {
      r.write("a.txt", "a\n");
      r.commit("a");
      await expect(collect(r.dir, { range: "HEAD..no-such-branch" })).rejects.toThrow(/Unknown revision "no-such-branch"/);
    } finally {
      r.remove();
    }
  });
});
