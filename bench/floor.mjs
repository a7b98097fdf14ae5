// Floor probe: where a whole run's time goes on one of the bench's input classes, against issue 13's
// "at least 3x secretlint" bar. Measured, best of --rounds, the tools interleaved as in the bench:
//   `node -e 0` (Node's own start); claude-guard on an empty folder (its start-up, set-up and an empty
//   report); secretlint on a folder of one small file (its start-up); both tools on the class's folder;
// and, in this process, the engine's passes over the same files (lib/, the files read beforehand) and
// the JSON report of their findings: the first pass, which pays for compiling the rules' code and
// patterns, and the best later one. The floor is the empty run plus a later pass and its report: what a
// run would take if nothing had to be compiled, and a lower bound (it leaves out reading the files and
// writing the report to its file). When the floor is above the bar's time, no tuning of compilation or
// start-up alone can meet the bar on that class: the engine's own work has to shrink.
// Run after the bench built its inputs (`node bench/run.mjs --only throughput`) and `npm run build:lib`.
//
//   node bench/floor.mjs [--class dense|source|mixed] [--rounds 5]
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { claudeGuardBin, REPO_DIR, runTimed, secretlintBin, WORK_DIR } from "./lib.mjs";
import { SECRETLINT_RC, writeSecretlintConfig } from "./score.mjs";
import { INPUTS_DIR } from "./throughput.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const className = option("--class", "dense");
const rounds = Number(option("--rounds", 5));
const BAR = 3;

const dir = path.join(INPUTS_DIR, "full", className);
const files = [];
const walk = (folder) => {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.isFile()) files.push({ path: path.relative(dir, file).split(path.sep).join("/"), text: readFileSync(file, "utf8") });
  }
};
try {
  walk(dir);
} catch {
  console.error(`no ${className} input in ${path.relative(process.cwd(), dir)}: run \`node bench/run.mjs --only throughput\` first`);
  process.exit(2);
}

// Beside the inputs (in the repository's ignored bench/.work), so that both runs of each tool find the
// same surroundings: claude-guard asks git what the work tree ignores, secretlint reads from its cwd.
const scratch = mkdtempSync(path.join(WORK_DIR, "floor-"));
const empty = path.join(scratch, "empty");
const oneFile = path.join(scratch, "one");
mkdirSync(empty);
mkdirSync(oneFile);
writeFileSync(path.join(oneFile, "README.md"), "# notes\n\nNothing secret here.\n");
writeSecretlintConfig();

const out = path.join(WORK_DIR, "floor.out");
const secretlint = (folder) => [secretlintBin(), ["--secretlintrc", SECRETLINT_RC, "--format", "json", "--no-color", `${folder}/**/*`]];
const runs = [
  { label: "node -e 0", run: [process.execPath, ["-e", "0"]] },
  { label: "claude-guard, an empty folder", run: [process.execPath, [claudeGuardBin(), "scan", empty, "--format", "json"]] },
  { label: "secretlint, one small file", run: secretlint(oneFile) },
  { label: `claude-guard, ${className}`, run: [process.execPath, [claudeGuardBin(), "scan", dir, "--format", "json"]] },
  { label: `secretlint, ${className}`, run: secretlint(dir) },
];
const best = new Map();
for (let round = 0; round <= rounds; round++) {
  for (const { label, run } of runs) {
    const res = await runTimed(run[0], run[1], { stdoutFile: out });
    if (res.code !== 0 && res.code !== 1) throw new Error(`${label} exited with ${res.code}: ${res.stderr.trim().slice(0, 300)}`);
    // Round 0 warms the page cache and each tool's own caches.
    if (round > 0) best.set(label, Math.min(best.get(label) ?? Infinity, res.seconds));
  }
}
rmSync(scratch, { recursive: true, force: true });

// The engine's passes, in this process, with the set-up a scan of this folder has (no config file).
const { prepareScan } = await import(path.join(REPO_DIR, "lib", "core", "setup.js"));
const { writeJson } = await import(path.join(REPO_DIR, "lib", "core", "report", "index.js"));
const { scanner } = prepareScan({});
/** One pass of the engine over the files, then the JSON report of its findings written to a string. */
const pass = () => {
  let started = performance.now();
  const findings = [];
  for (const doc of files) for (const finding of scanner.scan(doc).findings) findings.push(finding);
  const scan = (performance.now() - started) / 1000;
  started = performance.now();
  const pieces = [];
  writeJson({ version: 1, tool: { name: "claude-guard", version: "floor" }, scanned: { files: files.length, bytes, commits: 0, claudeCommits: 0, skipped: [] }, findings }, undefined, (piece) => pieces.push(piece));
  return { scan, report: (performance.now() - started) / 1000, findings: findings.length, reportBytes: pieces.reduce((sum, p) => sum + p.length, 0) };
};
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
const first = pass();
let warm = Infinity;
let warmReport = Infinity;
for (let i = 0; i < Math.max(3, rounds); i++) {
  const later = pass();
  warm = Math.min(warm, later.scan);
  warmReport = Math.min(warmReport, later.report);
}

const at = (label) => best.get(label) ?? NaN;
const barTime = at(`secretlint, ${className}`) / BAR;
const floor = at("claude-guard, an empty folder") + warm + warmReport;
const rows = [
  ...runs.map(({ label }) => [label, at(label)]),
  [`engine, first pass (${first.findings} findings)`, first.scan],
  ["engine, best later pass", warm],
  [`JSON report (${(first.reportBytes / 1e6).toFixed(1)} MB), first`, first.report],
  ["JSON report, best later", warmReport],
];
console.log(`${className}: ${(bytes / 1e6).toFixed(1)} MB, ${files.length} files; best of ${rounds}, interleaved`);
for (const [label, seconds] of rows) console.log(`  ${label.padEnd(44)} ${seconds.toFixed(3)} s`);
console.log(`  ${"compiling's share of the first pass".padEnd(44)} ${(first.scan + first.report - warm - warmReport).toFixed(3)} s`);
console.log(`  ${"floor: empty run + best later pass + report".padEnd(44)} ${floor.toFixed(3)} s`);
console.log(`  ${`the ${BAR}x bar: claude-guard within`.padEnd(44)} ${barTime.toFixed(3)} s (secretlint's time / ${BAR})`);
const run = at(`claude-guard, ${className}`);
const share = (seconds) => `${((seconds / barTime) * 100).toFixed(0)}% of the bar's time`;
const verdict = run <= barTime ? "the bar is met" : floor > barTime ? "not met, and the floor is above the bar: the engine's own work has to shrink, whatever compiling and start-up cost" : "not met; the floor is under the bar: compiling and start-up take the difference";
console.log(`  claude-guard's run is ${share(run)}, its floor ${share(floor)}: ${verdict}`);
