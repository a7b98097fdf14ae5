// Throughput: a large mixed input of real source files copied from this project's node_modules plus
// generated snippets with credentials, scanned by claude-guard, secretlint and a ripgrep keyword pass,
// interleaved, best of 3.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_DIR, WORK_DIR, claudeGuardBin, secretlintBin, runTimed, commandExists, dirStats, readJsonReport } from "./lib.mjs";
import { snippetItems } from "./corpus.mjs";
import { SECRETLINT_RC, writeSecretlintConfig } from "./score.mjs";

export const MIXED_DIR = path.join(WORK_DIR, "mixed");
const MIXED_STAMP = path.join(WORK_DIR, "mixed.json");
const MIXED_VERSION = 4; // bump when the selection below changes, so a stale copy is rebuilt
const MIN_BYTES = 50e6;
const TARGET_BYTES = 53e6;
const MAX_FILE = 1024 * 1024;
const MIN_FILE = 12 * 1024;

const SOURCE_EXT = new Set([".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".json", ".md", ".markdown", ".yml", ".yaml", ".xml", ".txt", ".py", ".go", ".java", ".rb", ".c", ".h", ".cc", ".cpp", ".hh", ".sh", ".html", ".css", ".scss", ".coffee", ".flow", ".ejs", ".toml", ".ini"]);
const LOCKFILES = new Set(["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "Cargo.lock", "Gemfile.lock", "poetry.lock", "composer.lock", "go.sum"]);

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

function eligible(name, size) {
  if (size > MAX_FILE || size === 0) return false;
  if (LOCKFILES.has(name)) return false;
  return SOURCE_EXT.has(path.extname(name).toLowerCase());
}

/** Lists node_modules source files in a stable order; nested node_modules only when `nested` is set. */
function listSources(nested) {
  const root = path.join(REPO_DIR, "node_modules");
  const out = [];
  const walk = (dir, rel, depthInNested) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name === ".bin" || e.name === ".cache") continue;
        const isNested = e.name === "node_modules";
        if (isNested && !nested) continue;
        walk(abs, r, depthInNested || isNested);
      } else if (e.isFile() && (nested ? depthInNested : true)) {
        const size = statSync(abs).size;
        if (eligible(e.name, size)) out.push({ abs, rel: r, size });
      }
    }
  };
  walk(root, "", false);
  return out;
}

/** Builds bench/.work/mixed/ once (reused while the stamp matches), returns { bytes, files }. */
export function prepareMixed(seed) {
  if (existsSync(MIXED_STAMP) && existsSync(MIXED_DIR)) {
    try {
      const stamp = JSON.parse(readFileSync(MIXED_STAMP, "utf8"));
      if (stamp.version === MIXED_VERSION && stamp.seed === seed) {
        const now = dirStats(MIXED_DIR);
        if (now.bytes === stamp.bytes && now.files === stamp.files) return { ...now, reused: true, nestedRenamed: stamp.nestedRenamed, belowMinimum: now.bytes < MIN_BYTES };
      }
    } catch {
      /* rebuild */
    }
  }
  rmSync(MIXED_DIR, { recursive: true, force: true });
  mkdirSync(MIXED_DIR, { recursive: true });
  let bytes = 0;
  let files = 0;
  // Generated snippets first: 120 small config and code files holding credentials and placeholders.
  snippetItems(seed + 1, 120).forEach((item, i) => {
    const rel = path.join("snippets", `s${String(i).padStart(3, "0")}`, item.file);
    mkdirSync(path.join(MIXED_DIR, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(MIXED_DIR, rel), item.text);
    bytes += Buffer.byteLength(item.text);
    files++;
  });
  // Real source files, top-level packages first. Paths drop the leading node_modules/ (otherwise a
  // scanner that skips vendored folders would skip the whole input).
  const copy = (list, renameNested) => {
    for (const f of list) {
      if (bytes >= TARGET_BYTES) return;
      const rel = renameNested ? f.rel.replace(/(^|\/)node_modules(\/|$)/g, "$1nested_modules$2") : f.rel;
      const dest = path.join(MIXED_DIR, "src", rel);
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(f.abs, dest);
      bytes += f.size;
      files++;
    }
  };
  // Larger files first: the input should look like ordinary source files (the acceptance input holds
  // ~1,200 files averaging ~27 KB), not thousands of tiny ones. That matters beyond realism: secretlint's
  // CLI slows down more than linearly with the number of files (about 2 s for 500 files here, 17 s for
  // 2,000), so a many-small-files input would measure that instead of scanning.
  const top = listSources(false);
  const nested = listSources(true);
  const tiers = [
    [MIN_FILE, Infinity],
    [8 * 1024, MIN_FILE],
    [0, 8 * 1024],
  ];
  let nestedRenamed = false;
  for (const [lo, hi] of tiers) {
    if (bytes >= TARGET_BYTES) break;
    copy(top.filter((f) => f.size >= lo && f.size < hi), false);
    if (bytes < TARGET_BYTES) {
      nestedRenamed = true;
      copy(nested.filter((f) => f.size >= lo && f.size < hi), true);
    }
  }
  writeFileSync(MIXED_STAMP, JSON.stringify({ version: MIXED_VERSION, seed, bytes, files, nestedRenamed }) + "\n");
  return { bytes, files, reused: false, nestedRenamed, belowMinimum: bytes < MIN_BYTES };
}

export async function measureThroughput({ rounds = 3 } = {}) {
  writeSecretlintConfig();
  const keywordsFile = path.join(WORK_DIR, "keywords.txt");
  writeFileSync(keywordsFile, KEYWORDS.join("\n") + "\n");
  const haveRg = commandExists("rg");
  const floor = haveRg
    ? { label: "ripgrep", cmd: "rg", args: ["-i", "-c", "-F", "--no-ignore", "--hidden", "-f", keywordsFile, MIXED_DIR] }
    : { label: "grep", cmd: "grep", args: ["-r", "-i", "-c", "-F", "-f", keywordsFile, MIXED_DIR] };
  const tools = [
    { id: "claudeGuard", label: "claude-guard", cmd: process.execPath, args: [claudeGuardBin(), "scan", MIXED_DIR, "--format", "json"], ok: [0, 1] },
    // compact output: the JSON formatter would echo every file's content back, which is not scanning.
    { id: "secretlint", label: "secretlint", cmd: secretlintBin(), args: ["--secretlintrc", SECRETLINT_RC, "--format", "compact", "--no-color", `${MIXED_DIR}/**/*`], ok: [0, 1] },
    { id: "floor", label: floor.label, cmd: floor.cmd, args: floor.args, ok: [0, 1] },
  ];
  const results = Object.fromEntries(tools.map((t) => [t.id, { label: t.label, times: [], errors: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const t of tools) {
      const out = path.join(WORK_DIR, `throughput-${t.id}.out`);
      const res = await runTimed(t.cmd, t.args, { stdoutFile: out });
      if (!t.ok.includes(res.code)) results[t.id].errors.push(`exit ${res.code}: ${res.stderr.trim().slice(0, 200)}`);
      else results[t.id].times.push(res.seconds);
    }
  }
  // What claude-guard says it scanned, from its last report: files skipped as vendored, generated or
  // binary make it faster, and the reader should see that.
  const cgReport = existsSync(path.join(WORK_DIR, "throughput-claudeGuard.out")) ? safeReport(path.join(WORK_DIR, "throughput-claudeGuard.out")) : undefined;
  if (cgReport) {
    results.claudeGuard.scanned = {
      files: cgReport.scanned?.files,
      bytes: cgReport.scanned?.bytes,
      skipped: Array.isArray(cgReport.scanned?.skipped) ? cgReport.scanned.skipped.length : undefined,
    };
    results.claudeGuard.findings = (cgReport.findings ?? []).length;
  }
  for (const r of Object.values(results)) r.best = r.times.length ? Math.min(...r.times) : undefined;
  return { results, floorTool: floor.label, rgMissing: !haveRg };
}

function safeReport(file) {
  try {
    return readJsonReport(file, "claude-guard (throughput)");
  } catch {
    return undefined;
  }
}
