// Throughput on three input classes, side by side: claude-guard, secretlint and a keyword pass
// (ripgrep, or grep where ripgrep is missing), whole processes, interleaved, best of N.
//
//   source  real source files that no tool skips: .d.ts, plain (not minified) .js/.ts, .py, .go, copied
//           from this machine (node_modules, the Python library) into bench/.work/inputs/source/
//   dense   small config and code files dense with fake credentials and placeholders, generated here
//   mixed   both together (hard links, no second copy)
//
// Skipping is never speed: after the copy, claude-guard scans the source once and every file it skips
// (vendored, generated, binary, too large) is removed from the input, so all tools read the same bytes;
// each timed run's report is checked again and what it skipped is reported apart.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_DIR, WORK_DIR, claudeGuardBin, secretlintBin, runTimed, commandExists, dirStats, prng, readJsonReport } from "./lib.mjs";
import { snippetItems } from "./corpus.mjs";
import { SECRETLINT_RC, writeSecretlintConfig } from "./score.mjs";

export const INPUTS_DIR = path.join(WORK_DIR, "inputs");
const STAMP = path.join(WORK_DIR, "inputs.json");
const INPUTS_VERSION = 2; // bump when the selection below changes, so a stale copy is rebuilt

/** Sizes: the full run is the 33 MB-class tree (31 MB of source, 1.9 MB of dense snippets in 400 files). */
export const SIZES = {
  full: { sourceBytes: 31e6, denseFiles: 400, snippetsPerFile: 24 },
  quick: { sourceBytes: 4e6, denseFiles: 80, snippetsPerFile: 24 },
};
const MIN_FILE = 4 * 1024;
const MAX_FILE = 1024 * 1024;

/** About a hundred keywords a keyword-prefiltered scanner would look for: the floor for any such scanner. */
export const KEYWORDS = [
  "password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "accesskey", // claude-guard:allow (benchmark data, not a credential)
  "private_key", "privatekey", "client_secret", "auth", "bearer", "basic ", "credential", "session_key", // claude-guard:allow (benchmark data, not a credential)
  "signing_key", "encryption_key", "master_key", "webhook", "connectionstring", "accountkey", "sharedaccesskey", // claude-guard:allow (benchmark data, not a credential)
  "-----begin", "akia", "asia", "aws_secret", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-",
  "gldt-", "glrt-", "xoxb-", "xoxp-", "xapp-", "hooks.slack.com", "discord.com/api/webhooks", "sk_live_",
  "rk_live_", "whsec_", "sq0csp-", "eaaa", "shpat_", "shpss_", "sk-proj-", "sk-ant-", "t3blbkfj", "hf_", "r8_",
  "gsk_", "npm_", "pypi-", "oy2", "rubygems_", "dckr_pat_", "atatt", "nrak-", "sntrys_", "sntryu_", "hrku-",
  "nfp_", "dapi", "dp.pt.", "dp.st.", "hvs.", "hvb.", ".atlasv1.", "pul-", "lin_api_", "ntn_", "pmak-", "glsa_",
  "glc_", "aiza", "dop_v1_", "doo_v1_", "ltai", "age-secret-key-", "sg.", "key-", "access_token$production",
  "sbp_", "pscale_", "figd_", "dt0c01.", "cfpat-", "ezak", "shippo_", "eyj", "postgres://", "postgresql://",
  "mysql://", "mongodb", "redis://", "rediss://", "amqp", "jdbc:", "ldap://", "smtp://", "ftp://", "://",
];

/** The keywords as extended regular expressions (one a line), for `rg -f` and `grep -E -f` alike. */
export function keywordPatterns(keywords = KEYWORDS) {
  return keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("\n") + "\n";
}

/**
 * The keyword pass over `dir`: ripgrep when it is on PATH, else `grep -r -i -E` with the same patterns.
 * Both count matching lines a file, read hidden and ignored files (the inputs live in a git-ignored
 * folder and hold dotfiles), and exit 0 or 1.
 */
export function keywordPass(dir, patternsFile, haveRg = commandExists("rg")) {
  return haveRg
    ? { label: "ripgrep", cmd: "rg", args: ["-i", "-c", "--no-ignore", "--hidden", "-f", patternsFile, dir] }
    : { label: "grep", cmd: "grep", args: ["-r", "-i", "-c", "-E", "-f", patternsFile, dir] };
}

/** Not minified: short lines on average and none very long (a minified file would be read differently). */
function plainSource(text) {
  if (text.includes("\0")) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest <= 1000 && text.length / lines <= 120 && !/@generated|DO NOT EDIT|sourceMappingURL=data:/.test(text.slice(0, 2000));
}

/** Segments a scanner may skip as vendored: renamed in the copy (the tools should read the files). */
const VENDOR_SEGMENT = /^(?:node_modules|bower_components|jspm_packages|vendor|third_party|third-party|thirdparty|site-packages|dist-packages|\.venv|venv|\.tox|Pods|Carthage)$/;
const renameVendored = (rel) => rel.split("/").map((s) => (VENDOR_SEGMENT.test(s) ? `pkg-${s.replace(/^\./, "")}` : s)).join("/");

/** Files under `root` (following symlinked folders once), filtered by name and size; sorted for stability. */
function listFiles(root, accept) {
  const out = [];
  const seen = new Set();
  const walk = (dir, rel) => {
    let real;
    try {
      real = statSync(dir);
    } catch {
      return;
    }
    const key = `${real.dev}:${real.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() || (e.isSymbolicLink() && statSync(abs, { throwIfNoEntry: false })?.isDirectory())) {
        if (e.name === ".bin" || e.name === ".cache" || e.name === "__pycache__" || e.name === ".git") continue;
        walk(abs, r);
      } else if (e.isFile()) {
        const size = statSync(abs).size;
        if (size >= MIN_FILE && size <= MAX_FILE && accept(e.name)) out.push({ abs, rel: r, size });
      }
    }
  };
  walk(root, "");
  return out;
}

/** Candidate real source files on this machine, one list a kind. */
function sourceCandidates() {
  const nodeModules = path.join(REPO_DIR, "node_modules");
  const pythonRoots = ["/usr/lib", "/usr/local/lib"].flatMap((base) => {
    try {
      return readdirSync(base).filter((n) => /^python3(?:\.\d+)?$/.test(n)).map((n) => path.join(base, n));
    } catch {
      return [];
    }
  });
  const goRoots = ["/usr/local/go/src", "/usr/lib/go/src", ...(() => {
    try {
      return readdirSync("/usr/lib").filter((n) => /^go-[\d.]+$/.test(n)).map((n) => path.join("/usr/lib", n, "src"));
    } catch {
      return [];
    }
  })()].filter((d) => existsSync(d));
  return [
    { kind: "dts", files: listFiles(nodeModules, (n) => n.endsWith(".d.ts")).map((f) => ({ ...f, dest: `dts/${f.rel}` })) },
    { kind: "js", files: listFiles(nodeModules, (n) => /\.(?:js|mjs|cjs|ts|mts|cts)$/.test(n) && !/\.d\.[mc]?ts$/.test(n) && !/\.min\.js$/.test(n)).map((f) => ({ ...f, dest: `js/${f.rel}`, checkPlain: true })) },
    { kind: "py", files: pythonRoots.flatMap((root) => listFiles(root, (n) => n.endsWith(".py")).map((f) => ({ ...f, dest: `py/${path.basename(root)}/${f.rel}` }))) },
    { kind: "go", files: [...goRoots.flatMap((root) => listFiles(root, (n) => n.endsWith(".go")).map((f) => ({ ...f, dest: `go/${f.rel}` }))), ...listFiles(nodeModules, (n) => n.endsWith(".go")).map((f) => ({ ...f, dest: `go/${f.rel}` }))] },
  ];
}

function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Copies real source until `targetBytes`, always from the kind with the fewest bytes so far; returns bytes a kind. */
function copySource(dir, targetBytes, seed) {
  const random = prng(seed);
  const kinds = sourceCandidates().map((k) => ({ ...k, files: shuffle(k.files, random), next: 0, bytes: 0, count: 0 }));
  let total = 0;
  for (;;) {
    const k = kinds.filter((c) => c.next < c.files.length).sort((a, b) => a.bytes - b.bytes)[0];
    if (!k || total >= targetBytes) break;
    const f = k.files[k.next++];
    if (f.checkPlain && !plainSource(readFileSync(f.abs, "utf8"))) continue;
    const dest = path.join(dir, renameVendored(f.dest));
    mkdirSync(path.dirname(dest), { recursive: true });
    copyFileSync(f.abs, dest);
    k.bytes += f.size;
    k.count++;
    total += f.size;
  }
  return Object.fromEntries(kinds.map((k) => [k.kind, { files: k.count, bytes: k.bytes }]));
}

/** Small config and code files, each a run of generated snippets (fake credentials and placeholders). */
function writeDense(dir, files, perFile, seed) {
  const items = snippetItems(seed, files * perFile);
  for (let i = 0; i < files; i++) {
    const group = items.slice(i * perFile, (i + 1) * perFile);
    const rel = path.join(`d${String(i).padStart(3, "0")}`, group[0].file);
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), group.map((item) => item.text).join("\n"));
  }
}

/** Hard links of every file under `from` into `to` (the mixed class reads the same bytes, no second copy). */
function linkTree(from, to) {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dest = path.join(to, e.name);
    if (e.isDirectory()) {
      mkdirSync(dest, { recursive: true });
      linkTree(src, dest);
    } else if (e.isFile()) {
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
      }
    }
  }
}

/** What claude-guard's JSON report says it read and skipped. */
export function skippedOf(report, inputBytes) {
  const skipped = Array.isArray(report?.scanned?.skipped) ? report.scanned.skipped : [];
  const scannedBytes = report?.scanned?.bytes;
  return {
    files: report?.scanned?.files,
    bytes: scannedBytes,
    skippedFiles: skipped.length,
    // The report lists skipped paths, not their sizes: the bytes it did not read are the input's less its own.
    skippedBytes: typeof scannedBytes === "number" ? Math.max(0, inputBytes - scannedBytes) : undefined,
    reasons: skipped.reduce((acc, s) => ({ ...acc, [s.reason]: (acc[s.reason] ?? 0) + 1 }), {}),
  };
}

/** Builds bench/.work/inputs/{source,dense,mixed} once per size (reused while the stamp matches). */
export function prepareInputs({ seed, size = "full", log = console.log } = {}) {
  const want = SIZES[size];
  const root = path.join(INPUTS_DIR, size);
  const dirs = { source: path.join(root, "source"), dense: path.join(root, "dense"), mixed: path.join(root, "mixed") };
  const stampKey = { version: INPUTS_VERSION, seed, size, want };
  try {
    const stamps = JSON.parse(readFileSync(STAMP, "utf8"));
    const stamp = stamps[size];
    if (stamp && JSON.stringify(stamp.key) === JSON.stringify(stampKey) && Object.entries(dirs).every(([id, d]) => dirStats(d).bytes === stamp.classes[id].bytes)) return stamp;
  } catch {
    /* rebuild */
  }
  log(`  building the ${size} inputs in ${path.relative(process.cwd(), root)} (once; reused while unchanged)`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dirs.source, { recursive: true });
  mkdirSync(dirs.dense, { recursive: true });
  const kinds = copySource(dirs.source, want.sourceBytes, seed);
  writeDense(dirs.dense, want.denseFiles, want.snippetsPerFile, seed + 1);

  // Whatever claude-guard would skip leaves the source, so that no tool reads what another skips.
  const dropped = { files: 0, bytes: 0, reasons: {} };
  const out = path.join(WORK_DIR, "inputs-check.json");
  for (const dir of [dirs.source, dirs.dense]) {
    try {
      execFileSync(process.execPath, [claudeGuardBin(), "scan", dir, "--format", "json", "--output", out], { stdio: "ignore" });
    } catch {
      /* exit 1: findings */
    }
    const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : undefined;
    for (const s of report?.scanned?.skipped ?? []) {
      const file = path.resolve(dir, s.path);
      if (!file.startsWith(dir + path.sep) || !existsSync(file)) continue;
      dropped.files++;
      dropped.bytes += statSync(file).size;
      dropped.reasons[s.reason] = (dropped.reasons[s.reason] ?? 0) + 1;
      rmSync(file);
    }
  }
  mkdirSync(path.join(dirs.mixed, "source"), { recursive: true });
  mkdirSync(path.join(dirs.mixed, "dense"), { recursive: true });
  linkTree(dirs.source, path.join(dirs.mixed, "source"));
  linkTree(dirs.dense, path.join(dirs.mixed, "dense"));
  const classes = Object.fromEntries(Object.entries(dirs).map(([id, d]) => [id, { dir: d, ...dirStats(d) }]));
  const stamp = { key: stampKey, classes, kinds, dropped };
  let stamps = {};
  try {
    stamps = JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    /* first */
  }
  writeFileSync(STAMP, JSON.stringify({ ...stamps, [size]: stamp }, null, 2) + "\n");
  return stamp;
}

export const CLASS_LABELS = {
  source: "real source, nothing skipped",
  dense: "secret-dense snippets",
  mixed: "mixed tree",
};

/**
 * Times the three tools on each class, interleaved (claude-guard, secretlint, keyword pass, next class,
 * next round), best of `rounds`. Returns per class: the tools' times, claude-guard's skipped report.
 */
export async function measureThroughput(inputs, { rounds = 3, classes = ["source", "dense", "mixed"] } = {}) {
  writeSecretlintConfig();
  const patternsFile = path.join(WORK_DIR, "keywords.txt");
  writeFileSync(patternsFile, keywordPatterns());
  const haveRg = commandExists("rg");
  const tools = (dir) => [
    { id: "claudeGuard", label: "claude-guard", cmd: process.execPath, args: [claudeGuardBin(), "scan", dir, "--format", "json"] },
    { id: "secretlint", label: "secretlint", cmd: secretlintBin(), args: ["--secretlintrc", SECRETLINT_RC, "--format", "json", "--no-color", `${dir}/**/*`] },
    { id: "keywords", ...keywordPass(dir, patternsFile, haveRg) },
  ];
  const results = {};
  for (const id of classes) results[id] = { input: { bytes: inputs.classes[id].bytes, files: inputs.classes[id].files }, tools: {} };
  // Warm the page cache (and each tool's own files) once, untimed.
  for (const id of classes) for (const t of tools(inputs.classes[id].dir)) await runTimed(t.cmd, t.args, { stdoutFile: path.join(WORK_DIR, `throughput-warm.out`) });
  for (let round = 0; round < rounds; round++) {
    for (const id of classes) {
      for (const t of tools(inputs.classes[id].dir)) {
        const entry = (results[id].tools[t.id] ??= { label: t.label, times: [], cpu: [], errors: [] });
        const out = path.join(WORK_DIR, `throughput-${id}-${t.id}.out`);
        const res = await runTimed(t.cmd, t.args, { stdoutFile: out });
        if (res.code !== 0 && res.code !== 1) entry.errors.push(`exit ${res.code}: ${res.stderr.trim().slice(0, 200)}`);
        else {
          entry.times.push(res.seconds);
          if (res.cpuSeconds !== undefined) entry.cpu.push(res.cpuSeconds);
        }
        if (t.id === "claudeGuard" && round === rounds - 1) {
          const report = safeReport(out);
          entry.scanned = skippedOf(report, inputs.classes[id].bytes);
          entry.findings = report?.findings?.length;
        }
      }
    }
  }
  for (const r of Object.values(results)) {
    for (const t of Object.values(r.tools)) {
      t.best = t.times.length ? Math.min(...t.times) : undefined;
      t.bestCpu = t.cpu.length ? Math.min(...t.cpu) : undefined;
    }
  }
  return { classes: results, keywordTool: haveRg ? "ripgrep" : "grep", rgMissing: !haveRg };
}

function safeReport(file) {
  try {
    return readJsonReport(file, "claude-guard (throughput)");
  } catch {
    return undefined;
  }
}
