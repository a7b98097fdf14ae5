// `npm run bench`: detection quality on a labeled corpus, throughput on a large mixed input, and a
// history scan, for claude-guard side by side with secretlint (and a ripgrep keyword pass as the floor).
// Prints a compact table and writes the same figures to bench/.work/results.json.
//
//   node bench/run.mjs [--only detection,throughput,history,hook,app] [--rounds N] [--commits 1000,5000]
//                      [--external DIR]   labeled data in CredData's layout (see bench/external.mjs)
//   CLAUDE_GUARD_BIN=/path/to/cli.js   run against another build or a stub
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WORK_DIR, claudeGuardBin, machineInfo, fmt } from "./lib.mjs";
import { generateCorpus, DEFAULT_SEED } from "./corpus.mjs";
import { scoreDetection, formatMisses } from "./score.mjs";
import { prepareMixed, measureThroughput, MIXED_DIR } from "./throughput.mjs";
import { measureHistory } from "./history.mjs";
import { measureHook, printHook } from "./hook.mjs";
import { measureApp, printApp } from "./app.mjs";
import { measureExternal, printExternal } from "./external.mjs";

function parseArgs(argv) {
  const opts = { only: new Set(["detection", "throughput", "history", "hook", "app"]), rounds: 3, commits: [1000, 5000], seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i] ?? "";
    if (a === "--only") opts.only = new Set(val().split(",").filter(Boolean));
    else if (a === "--rounds") opts.rounds = Math.max(1, Number(val()));
    else if (a === "--commits") opts.commits = val().split(",").map(Number).filter((n) => n > 0);
    else if (a === "--seed") opts.seed = Number(val());
    else if (a === "--external") opts.external = path.resolve(val());
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

const MB = 1e6; // MB/s in decimal megabytes, as disk and network speeds are usually given
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  mkdirSync(WORK_DIR, { recursive: true });
  const bin = claudeGuardBin();
  if (!existsSync(bin)) {
    console.error(`claude-guard CLI not found at ${bin} (set CLAUDE_GUARD_BIN, or run npm run build)`);
    process.exit(2);
  }
  const started = Date.now();
  const results = { machine: machineInfo(), claudeGuardBin: path.relative(process.cwd(), bin) || bin, seed: opts.seed };
  const m = results.machine;
  console.log(`claude-guard bench · ${m.cpu} · ${m.cores} cores · ${m.totalMemoryGB} GB · Node ${m.node} · ${m.date}`);
  if (process.env.CLAUDE_GUARD_BIN) console.log(`CLI under test: ${bin} (from CLAUDE_GUARD_BIN)`);

  // 1. Detection on the labeled corpus.
  let missLines = [];
  if (opts.only.has("detection")) {
    const corpusDir = path.join(WORK_DIR, "corpus");
    const manifest = generateCorpus(corpusDir, opts.seed);
    const det = await scoreDetection(corpusDir, manifest);
    results.corpus = { items: manifest.items.length, ...manifest.counts, dir: path.relative(process.cwd(), corpusDir) };
    results.detection = det;
    const c = manifest.counts;
    console.log(`\nDetection · corpus of ${manifest.items.length} items (${c.secret} secret, ${c.placeholder} placeholder, ${c.negative} hard negative)`);
    console.log(`  ${pad("", 26)}${lpad("claude-guard", 14)}${lpad("secretlint", 14)}`);
    const cell = (tool, key) => (det[tool].error ? "error" : fmt.pct(det[tool][key]));
    console.log(`  ${pad("recall, secrets", 26)}${lpad(cell("claudeGuard", "secretRecall"), 14)}${lpad(cell("secretlint", "secretRecall"), 14)}`);
    console.log(`  ${pad("recall, placeholders", 26)}${lpad(cell("claudeGuard", "placeholderRecall"), 14)}${lpad(cell("secretlint", "placeholderRecall") + " *", 14)}`);
    console.log(`  ${pad("false positives, negatives", 26)}${lpad(cell("claudeGuard", "falsePositiveRate"), 14)}${lpad(cell("secretlint", "falsePositiveRate"), 14)}`);
    console.log(`  * secretlint has no placeholder category: any finding on a placeholder item counts for it.`);
    for (const tool of ["claudeGuard", "secretlint"]) if (det[tool].error) console.log(`  ! ${tool}: ${det[tool].error}`);
    if (!det.claudeGuard.error) {
      missLines = formatMisses(det.claudeGuard.misses, 40);
      if (det.claudeGuard.findingsOutsideItems) console.log(`  note: ${det.claudeGuard.findingsOutsideItems} claude-guard findings had a path outside the corpus items`);
    }
  }

  // 1b. Detection on labeled data nobody here wrote, when given: our own corpus alone flatters us.
  if (opts.only.has("detection")) {
    if (opts.external) {
      results.external = await measureExternal(opts.external);
      printExternal(results.external, fmt);
    } else {
      console.log(`\nExternal labeled data · not given: the corpus above was written by this project, so its figures say`);
      console.log(`  little about real code. Pass --external DIR (CredData's layout: labels.json + data/) to measure on data you did not write.`);
    }
  }

  // 2. Throughput on the mixed input.
  if (opts.only.has("throughput")) {
    const mixed = prepareMixed(opts.seed);
    const tp = await measureThroughput({ rounds: opts.rounds });
    const r = tp.results;
    const mbps = (t) => (t.best ? mixed.bytes / MB / t.best : undefined);
    results.throughput = {
      input: { dir: path.relative(process.cwd(), MIXED_DIR), bytes: mixed.bytes, files: mixed.files, nestedModulesRenamed: mixed.nestedRenamed },
      rounds: opts.rounds,
      floorTool: tp.floorTool,
      tools: Object.fromEntries(Object.entries(r).map(([id, t]) => [id, { ...t, mbPerSecond: mbps(t) }])),
      ratioClaudeGuardOverSecretlintThroughput: r.claudeGuard.best && r.secretlint.best ? r.secretlint.best / r.claudeGuard.best : undefined,
      ratioClaudeGuardTimeOverFloorTime: r.claudeGuard.best && r.floor.best ? r.claudeGuard.best / r.floor.best : undefined,
    };
    const T = results.throughput;
    console.log(`\nThroughput · ${(mixed.bytes / MB).toFixed(1)} MB in ${mixed.files} files (${T.input.dir}), best of ${opts.rounds}, interleaved`);
    if (tp.rgMissing) console.log(`  ! ripgrep (rg) is not installed: the floor is measured with grep -r instead, labeled grep`);
    if (mixed.belowMinimum) console.log(`  ! input is below 50 MB: node_modules did not hold enough source files`);
    console.log(`  ${pad("", 26)}${lpad("time", 10)}${lpad("MB/s", 10)}`);
    for (const id of ["claudeGuard", "secretlint", "floor"]) {
      const t = r[id];
      const label = id === "floor" ? `${t.label} keyword pass` : t.label;
      console.log(`  ${pad(label, 26)}${lpad(t.best ? t.best.toFixed(2) + " s" : "error", 10)}${lpad(fmt.num(mbps(t), 1), 10)}`);
      if (t.errors.length) console.log(`    ! ${t.errors[0]}`);
    }
    console.log(`  claude-guard / secretlint throughput: ${fmt.num(T.ratioClaudeGuardOverSecretlintThroughput, 2)}x`);
    console.log(`  claude-guard time / ${tp.floorTool} time:  ${fmt.num(T.ratioClaudeGuardTimeOverFloorTime, 1)}x`);
    const s = r.claudeGuard.scanned;
    if (s) console.log(`  claude-guard reported: ${s.files ?? "?"} files, ${s.bytes !== undefined ? (s.bytes / MB).toFixed(1) : "?"} MB scanned, ${s.skipped ?? "?"} skipped, ${r.claudeGuard.findings ?? "?"} findings`);
  }

  // 3. History scan.
  if (opts.only.has("history")) {
    const h = await measureHistory(opts.commits);
    results.history = h;
    console.log(`\nHistory scan · claude-guard scan --git --repo DIR --all --authors all --format json`);
    if (h.error) console.log(`  ! ${h.error}`);
    else {
      console.log(`  peak memory measured with ${h.memoryMethod === "gnu-time" ? "/usr/bin/time -f %M (max RSS)" : "VmHWM from /proc/<pid>/status, polled every 20 ms"}`);
      for (const run of h.runs) {
        if (run.error) console.log(`  ${lpad(run.commits, 5)} commits: ! ${run.error}`);
        else console.log(`  ${lpad(run.commits, 5)} commits: ${run.seconds.toFixed(2)} s, peak ${run.peakMB ?? "?"} MB, ${run.findings ?? "?"} findings${run.generateSeconds ? ` (repository generated in ${run.generateSeconds.toFixed(1)} s)` : ""}`);
      }
    }
  }

  // 4. The Claude Code hook: process start to answer, per event (bench/hook.mjs).
  if (opts.only.has("hook")) {
    results.hook = await measureHook({ runs: 20 });
    printHook(results.hook);
  }

  // 5. The GitHub App: API requests per pull_request event and webhook to completed check run (bench/app.mjs).
  if (opts.only.has("app")) {
    try {
      results.app = await measureApp({ rounds: 5 });
      printApp(results.app);
    } catch (error) {
      results.app = { error: String(error?.message ?? error) };
      console.log(`\nGitHub App · ! ${results.app.error}`);
    }
  }

  if (missLines.length) {
    console.log(`\nclaude-guard misses and false positives by kind (file [what it reported]):`);
    for (const l of missLines) console.log(l);
  }
  results.totalSeconds = (Date.now() - started) / 1000;
  const out = path.join(WORK_DIR, "results.json");
  writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(process.cwd(), out)} · bench took ${results.totalSeconds.toFixed(0)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
