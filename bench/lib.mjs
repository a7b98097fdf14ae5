// Shared helpers for the benchmark: a seeded PRNG, child-process timing, peak-memory measurement and
// machine facts. Plain Node ESM, no dependencies.
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

/**
 * Runs a command, stdout to a file (so a large report costs the child what it would cost a user, and
 * never fills the harness's memory), and returns { code, seconds, stderr, peakKB? }.
 * With measureMemory, wraps it in GNU time (-f %M) when present, else polls /proc/<pid>/status VmHWM.
 */
export function runTimed(cmd, args, { cwd = REPO_DIR, stdoutFile, measureMemory = false, env } = {}) {
  return new Promise((resolve, reject) => {
    const outFd = stdoutFile ? openSync(stdoutFile, "w") : "ignore";
    let realCmd = cmd;
    let realArgs = args;
    let timeFile;
    const method = measureMemory ? memoryMethod() : undefined;
    if (method === "gnu-time") {
      timeFile = path.join(WORK_DIR, `time-${process.pid}-${Date.now()}.txt`);
      realCmd = "/usr/bin/time";
      realArgs = ["-f", "%M", "-o", timeFile, cmd, ...args];
    }
    const started = process.hrtime.bigint();
    const child = spawn(realCmd, realArgs, { cwd, stdio: ["ignore", outFd, "pipe"], env: env ?? process.env });
    let stderr = "";
    child.stderr.on("data", (d) => {
      if (stderr.length < 64 * 1024) stderr += d.toString();
    });
    let peakKB = 0;
    let poll;
    if (method === "proc-vmhwm") {
      const readHwm = () => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) peakKB = Math.max(peakKB, Number(m[1]));
        } catch {
          /* the child has exited */
        }
      };
      poll = setInterval(readHwm, 20);
    }
    child.on("error", (err) => {
      if (poll) clearInterval(poll);
      if (typeof outFd === "number") closeSync(outFd);
      reject(err);
    });
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (poll) clearInterval(poll);
      if (typeof outFd === "number") closeSync(outFd);
      if (timeFile && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, "utf8").trim().split("\n");
        const last = Number(lines[lines.length - 1]);
        if (Number.isFinite(last)) peakKB = last;
        rmSync(timeFile, { force: true });
      }
      resolve({ code, seconds, stderr, peakKB: measureMemory ? peakKB : undefined, memoryMethod: method });
    });
  });
}

let cachedMemoryMethod;
export function memoryMethod() {
  if (cachedMemoryMethod) return cachedMemoryMethod;
  cachedMemoryMethod = "proc-vmhwm";
  // BENCH_MEMORY=proc forces the /proc fallback (to test it, or where GNU time misreports).
  if (process.env.BENCH_MEMORY !== "proc" && existsSync("/usr/bin/time")) {
    // BusyBox time has no -f %M; GNU time does. Probe once.
    try {
      const probe = spawnSyncQuiet("/usr/bin/time", ["-f", "%M", "true"]);
      if (probe.status === 0 && /^\d+\s*$/m.test(probe.stderr)) cachedMemoryMethod = "gnu-time";
    } catch {
      /* keep the /proc fallback */
    }
  }
  return cachedMemoryMethod;
}

function spawnSyncQuiet(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return { status: r.status, stderr: r.stderr ?? "" };
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
