// History scan: `claude-guard scan --git --all --authors all` side by side with `git log -p` over the
// same range (the floor: git's own walk and diff), on histories bench/gen-history.mjs generates (small
// commits of ~130 lines, large ones of ~2,500, a long history of 20,000 commits) and on any real clone
// given with --repo. Whole processes, interleaved, best of N.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { BENCH_DIR, WORK_DIR, claudeGuardBin, runTimed, readJsonReport } from "./lib.mjs";

const GEN = path.join(BENCH_DIR, "gen-history.mjs");

/** "2000x130" → 2,000 commits of about 130 added lines; "20000" → 20,000 commits of the generator's own size (a few blocks). */
export function parseHistorySpec(text) {
  return text
    .split(",")
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d+)(?:x(\d+))?$/.exec(part.trim());
      if (!m) throw new Error(`not a history: ${part} (give COMMITS or COMMITSxLINES, e.g. 2000x130)`);
      return { commits: Number(m[1]), lines: m[2] ? Number(m[2]) : undefined };
    });
}

export const historyName = (h) => (h.lines ? `${h.commits}x${h.lines}` : `${h.commits}`);

function commitCount(dir) {
  const r = spawnSync("git", ["-C", dir, "rev-list", "--count", "HEAD"], { encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) : -1;
}

/** Generates bench/.work/history-<spec>/ unless a copy made by the same generator is there. */
export async function ensureHistory(h, log = console.log) {
  const dir = path.join(WORK_DIR, `history-${historyName(h)}`);
  const stampFile = `${dir}.json`;
  const stamp = JSON.stringify({ ...h, generator: createHash("sha256").update(readFileSync(GEN)).digest("hex") });
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && commitCount(dir) === h.commits) return { dir };
  log(`  generating ${historyName(h)} (${h.commits} commits${h.lines ? ` of ~${h.lines} lines` : ""}; once, reused while the generator is unchanged)`);
  rmSync(dir, { recursive: true, force: true });
  const args = [GEN, dir, String(h.commits), ...(h.lines ? ["--lines", String(h.lines)] : [])];
  const gen = await runTimed(process.execPath, args, {});
  if (gen.code !== 0) return { dir, error: `gen-history.mjs exit ${gen.code}: ${gen.stderr.trim().slice(0, 300)}` };
  writeFileSync(stampFile, stamp);
  return { dir, generateSeconds: gen.seconds };
}

export const scanGitArgs = (dir) => [claudeGuardBin(), "scan", "--git", "--repo", dir, "--all", "--authors", "all", "--format", "json"];

function record(tool, res) {
  tool.times.push(res.seconds);
  if (res.cpuSeconds !== undefined) tool.cpu.push(res.cpuSeconds);
}

/**
 * Times claude-guard and `git log -p` on each repository, interleaved, best of `rounds`. `repos` are
 * { name, dir } (generated or given).
 */
export async function measureHistory(repos, { rounds = 3 } = {}) {
  const runs = repos.map((r) => ({ name: r.name, dir: r.dir, claudeGuard: { times: [], cpu: [] }, gitLog: { times: [], cpu: [] }, errors: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const out = path.join(WORK_DIR, `history-${run.name}-report.json`);
      const cg = await runTimed(process.execPath, scanGitArgs(run.dir), { stdoutFile: out });
      if (cg.code !== 0 && cg.code !== 1) run.errors.push(`claude-guard exit ${cg.code}: ${cg.stderr.trim().slice(0, 300)}`);
      else record(run.claudeGuard, cg);
      const gl = await runTimed("git", ["-C", run.dir, "log", "-p", "HEAD"], { stdoutFile: "/dev/null" });
      if (gl.code !== 0) run.errors.push(`git log -p exit ${gl.code}: ${gl.stderr.trim().slice(0, 300)}`);
      else record(run.gitLog, gl);
      if (round === rounds - 1 && existsSync(out)) {
        const report = readJsonReport(out, `claude-guard history ${run.name}`);
        run.commits = report?.scanned?.commits;
        run.addedBytes = report?.scanned?.bytes;
        run.skippedFiles = report?.scanned?.skipped?.length;
        run.findings = report?.findings?.length;
      }
    }
  }
  for (const run of runs) {
    for (const tool of [run.claudeGuard, run.gitLog]) {
      tool.best = tool.times.length ? Math.min(...tool.times) : undefined;
      tool.bestCpu = tool.cpu.length ? Math.min(...tool.cpu) : undefined;
    }
    run.ratio = run.claudeGuard.best && run.gitLog.best ? run.claudeGuard.best / run.gitLog.best : undefined;
    run.cpuRatio = run.claudeGuard.bestCpu && run.gitLog.bestCpu ? run.claudeGuard.bestCpu / run.gitLog.bestCpu : undefined;
  }
  return runs;
}
