// Shared helpers for the benchmark: a seeded PRNG, child-process timing, peak memory of a process tree
// and machine facts. Plain Node ESM, no dependencies.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync, readFileSync, rmSync, statSync, readdirSync } from "node:fs";
import { setInterval, clearInterval } from "node:timers";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.resolve(BENCH_DIR, "..");
export const WORK_DIR = path.join(BENCH_DIR, ".work");

/** The CLI under test; CLAUDE_GUARD_BIN lets the harness run against a stub while the CLI is being written. */
export function claudeGuardBin() {
  return path.resolve(REPO_DIR, process.env.CLAUDE_GUARD_BIN || "bin/claude-guard.js");
}

export function secretlintBin() {
  return path.join(REPO_DIR, "node_modules", ".bin", "secretlint");
}

/** mulberry32: small, fast, and reproducible, so the same seed gives the same corpus on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wraps a PRNG with the string helpers the corpus generators need. */
export function randomTools(next) {
  const A = {
    upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    lower: "abcdefghijklmnopqrstuvwxyz",
    digits: "0123456789",
    hex: "0123456789abcdef",
    hexUpper: "0123456789ABCDEF",
    alnum: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    upperDigits: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    lowerDigits: "abcdefghijklmnopqrstuvwxyz0123456789",
    base32: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    base64: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    base64url: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  };
  const str = (n, alphabet) => {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const bytes = (n) => {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
    return b;
  };
  // Base64/base64url text whose first and last characters are alphanumeric: real keys rarely start
  // or end with '-', '_', '+' or '/', and a word boundary there would make the item ambiguous.
  const token = (n, alphabet) => {
    if (n <= 2) return str(n, A.alnum);
    return str(1, A.alnum) + str(n - 2, alphabet) + str(1, A.alnum);
  };
  const uuid = () => {
    const h = str(32, A.hex);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${pick(["8", "9", "a", "b"])}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return { A, str, int, pick, bytes, token, uuid, next };
}

/** CRC32 (IEEE), used by GitHub's and npm's token checksums. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export function base62(n, width) {
  let out = "";
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, "0");
}

let timeProbe;
/** GNU time's path when it is there (it reports a child's CPU time); BusyBox and shell `time` do not count. */
function gnuTime() {
  if (timeProbe !== undefined) return timeProbe;
  timeProbe = "";
  if (existsSync("/usr/bin/time")) {
    const probe = spawnSync("/usr/bin/time", ["-f", "%U %S", "true"], { encoding: "utf8" });
    if (probe.status === 0 && /^\d+\.\d+ \d+\.\d+\s*$/m.test(probe.stderr ?? "")) timeProbe = "/usr/bin/time";
  }
  return timeProbe;
}

/**
 * Runs a command, stdout to a file (so a large report costs the child what it would cost a user, and
 * never fills the harness's memory), and returns { code, seconds, cpuSeconds?, stderr }: wall time from
 * spawn to exit, and with GNU time the CPU time (user + system) of the process and what it waited for,
 * which a busy machine disturbs less than the wall time.
 */
export function runTimed(cmd, args, { cwd = REPO_DIR, stdoutFile, env } = {}) {
  return new Promise((resolve, reject) => {
    const outFd = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
    const time = gnuTime();
    const timeFile = time ? path.join(os.tmpdir(), `cg-bench-time-${process.pid}-${Date.now()}`) : undefined;
    const [realCmd, realArgs] = time ? [time, ["-f", "%U %S", "-o", timeFile, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(realCmd, realArgs, { cwd, stdio: ["ignore", outFd, "pipe"], env: env ?? process.env });
    let stderr = "";
    child.stderr.on("data", (d) => {
      if (stderr.length < 64 * 1024) stderr += d.toString();
    });
    child.on("error", (err) => {
      if (typeof outFd === "number") closeSync(outFd);
      reject(err);
    });
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (typeof outFd === "number") closeSync(outFd);
      let cpuSeconds;
      if (timeFile && existsSync(timeFile)) {
        const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
        const m = /^(\d+\.\d+) (\d+\.\d+)$/.exec(last);
        if (m) cpuSeconds = Number(m[1]) + Number(m[2]);
        rmSync(timeFile, { force: true });
      }
      // GNU time exits with the command's code (and says "Command exited with non-zero status" on stderr).
      resolve({ code, seconds, cpuSeconds, stderr: stderr.replace(/^Command exited with non-zero status \d+\n?/m, "") });
    });
  });
}

export function commandExists(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    totalMemoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

/** Total bytes and file count under a directory. */
export function dirStats(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

/** Reads a JSON report that a tool wrote; returns undefined (and says why) when it is not JSON. */
export function readJsonReport(file, label) {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch {
    console.error(`  ! ${label}: output is not JSON (first 200 chars): ${text.slice(0, 200)}`);
    return undefined;
  }
}

export const fmt = {
  pct: (x) => (x === undefined || Number.isNaN(x) ? "n/a" : `${(x * 100).toFixed(1)}%`),
  num: (x, d = 2) => (x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(d)),
};

/** The pids of `pid` and all its descendants, from /proc/<pid>/task/<tid>/children. */
function processTree(pid) {
  const out = [];
  const visit = (p) => {
    out.push(p);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      let children = "";
      try {
        children = readFileSync(`/proc/${p}/task/${tid}/children`, "utf8");
      } catch {
        continue;
      }
      for (const child of children.split(" ").filter(Boolean)) visit(Number(child));
    }
  };
  visit(pid);
  return out;
}

function statusKB(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak memory of a command's whole process tree (the CLI, its worker threads, the git it starts): every
 * 20 ms, the resident sets of the process and its descendants are summed; the peak is the largest sum,
 * or the main process's own high-water mark (VmHWM) if that is larger. Needs /proc (Linux); elsewhere
 * `peakKB` is undefined. Not used for timing: the sampling costs CPU.
 */
export function runPeakMemory(cmd, args, { cwd = REPO_DIR, stdoutFile } = {}) {
  return new Promise((resolve, reject) => {
    const outFd = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", outFd, "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      if (stderr.length < 64 * 1024) stderr += d.toString();
    });
    const supported = existsSync("/proc/self/status");
    let peakKB = 0;
    const sample = () => {
      const pids = processTree(child.pid);
      const sum = pids.reduce((total, p) => total + statusKB(p, "VmRSS"), 0);
      peakKB = Math.max(peakKB, sum, statusKB(child.pid, "VmHWM"));
    };
    const poll = supported ? setInterval(sample, 20) : undefined;
    child.on("error", (err) => {
      if (poll) clearInterval(poll);
      if (typeof outFd === "number") closeSync(outFd);
      reject(err);
    });
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      if (typeof outFd === "number") closeSync(outFd);
      resolve({ code, stderr, peakKB: supported ? peakKB : undefined });
    });
  });
}
