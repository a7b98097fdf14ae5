// History scan: generates repositories with bench/gen-history.mjs (another engineer's script; interface
// `node bench/gen-history.mjs <dir> <commits>`) and times `claude-guard scan --git` over all of each,
// with the peak memory of the child.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { BENCH_DIR, WORK_DIR, claudeGuardBin, runTimed, memoryMethod, readJsonReport } from "./lib.mjs";

const GEN = path.join(BENCH_DIR, "gen-history.mjs");

function commitCount(dir) {
  if (!existsSync(path.join(dir, ".git"))) return -1;
  const r = spawnSync("git", ["-C", dir, "rev-list", "--count", "--all"], { encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) : -1;
}

export async function measureHistory(counts = [1000, 5000]) {
  if (!existsSync(GEN)) return { error: "bench/gen-history.mjs does not exist yet; history scan not measured" };
  const method = memoryMethod();
  const runs = [];
  for (const n of counts) {
    const dir = path.join(WORK_DIR, `history-${n}`);
    let generateSeconds;
    // Reuse a repository from an earlier run when the generator is unchanged and the commit count matches.
    const stampFile = `${dir}.json`;
    const genStat = statSync(GEN);
    const stamp = JSON.stringify({ commits: n, genSize: genStat.size, genMtime: genStat.mtimeMs });
    const fresh = existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && commitCount(dir) >= n;
    if (!fresh) {
      rmSync(dir, { recursive: true, force: true });
      const gen = await runTimed(process.execPath, [GEN, dir, String(n)], {});
      if (gen.code !== 0) {
        runs.push({ commits: n, error: `gen-history.mjs exit ${gen.code}: ${gen.stderr.trim().slice(0, 300)}` });
        continue;
      }
      generateSeconds = gen.seconds;
      writeFileSync(stampFile, stamp);
    }
    const out = path.join(WORK_DIR, `history-${n}-report.json`);
    const res = await runTimed(process.execPath, [claudeGuardBin(), "scan", "--git", "--repo", dir, "--all", "--authors", "all", "--format", "json"], { stdoutFile: out, measureMemory: true });
    if (res.code !== 0 && res.code !== 1) {
      runs.push({ commits: n, error: `claude-guard exit ${res.code}: ${res.stderr.trim().slice(0, 300)}` });
      continue;
    }
    const report = readJsonReport(out, `claude-guard history ${n}`);
    runs.push({
      commits: n,
      commitsInRepo: commitCount(dir),
      generateSeconds,
      seconds: res.seconds,
      peakMB: res.peakKB ? Math.round((res.peakKB / 1024) * 10) / 10 : undefined,
      reportedCommits: report?.scanned?.commits,
      findings: report?.findings?.length,
    });
  }
  return { memoryMethod: method, runs };
}
