// `npm run bench`: detection quality on a labeled corpus; speed on three input classes (real source,
// secret-dense snippets, both mixed) and on git histories, side by side with secretlint, a keyword pass
// and `git log -p`; peak memory; the hook's start-to-answer. Ends with one table of ratios against
// issue 13's bars, and writes every figure to bench/.work/results.json.
//
//   node bench/run.mjs [--quick] [--only detection,throughput,history,memory,hook,app] [--rounds N]
//                      [--histories 2000x130,200x2500,20000]   generated histories (COMMITS[xLINES])
//                      [--repo DIR]...                          a real clone, scanned with the histories
//                      [--external DIR]   labeled data in CredData's layout (see bench/external.mjs)
//   CLAUDE_GUARD_BIN=/path/to/cli.js   run against another build or a stub
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { WORK_DIR, claudeGuardBin, machineInfo, fmt, runPeakMemory } from "./lib.mjs";
import { generateCorpus, DEFAULT_SEED } from "./corpus.mjs";
import { scoreDetection, formatMisses } from "./score.mjs";
import { prepareInputs, measureThroughput, CLASS_LABELS } from "./throughput.mjs";
import { ensureHistory, historyName, measureHistory, parseHistorySpec, scanGitArgs } from "./history.mjs";
import { measureHook, printHook } from "./hook.mjs";
import { measureApp, printApp } from "./app.mjs";
import { measureExternal, printExternal } from "./external.mjs";
import { barRows, printBars } from "./bars.mjs";

const FULL_HISTORIES = "2000x130,200x2500,20000";
const QUICK_HISTORIES = "300x130,30x2500";

function parseArgs(argv) {
  const opts = { only: new Set(["detection", "throughput", "history", "memory", "hook", "app"]), rounds: undefined, histories: undefined, repos: [], seed: DEFAULT_SEED, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => argv[++i] ?? "";
    if (a === "--only") opts.only = new Set(val().split(",").filter(Boolean));
    else if (a === "--quick") opts.quick = true;
    else if (a === "--rounds") opts.rounds = Math.max(1, Number(val()));
    else if (a === "--histories" || a === "--commits") opts.histories = val();
    else if (a === "--repo") opts.repos.push(path.resolve(val()));
    else if (a === "--seed") opts.seed = Number(val());
    else if (a === "--external") opts.external = path.resolve(val());
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  opts.rounds ??= opts.quick ? 1 : 3;
  opts.histories = parseHistorySpec(opts.histories ?? (opts.quick ? QUICK_HISTORIES : FULL_HISTORIES));
  for (const repo of opts.repos) {
    if (!existsSync(path.join(repo, ".git")) && !statSync(repo, { throwIfNoEntry: false })?.isDirectory()) {
      console.error(`--repo ${repo}: not a folder`);
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

  // 2. Throughput on the three input classes.
  const size = opts.quick ? "quick" : "full";
  let inputs;
  if (opts.only.has("throughput") || opts.only.has("memory")) inputs = prepareInputs({ seed: opts.seed, size });
  if (opts.only.has("throughput")) {
    const tp = await measureThroughput(inputs, { rounds: opts.rounds });
    results.throughput = { size, rounds: opts.rounds, keywordTool: tp.keywordTool, sourceKinds: inputs.kinds, droppedBeforeMeasuring: inputs.dropped, classes: tp.classes };
    console.log(`\nThroughput · whole processes incl. start-up, best of ${opts.rounds}, interleaved, page cache warm; claude-guard: scan DIR --format json (default workers)`);
    if (tp.rgMissing) console.log(`  ! ripgrep (rg) is not on PATH: the keyword pass is grep -r -i -E with the same keyword list, labeled grep`);
    const kinds = Object.entries(inputs.kinds).map(([k, v]) => `${k} ${(v.bytes / MB).toFixed(1)} MB`).join(", ");
    console.log(`  source kinds: ${kinds}; ${inputs.dropped.files} file(s) claude-guard would skip were removed before measuring (${(inputs.dropped.bytes / MB).toFixed(2)} MB)`);
    console.log(`  ${pad("class", 32)}${lpad("MB", 7)}${lpad("files", 7)}${lpad("c-guard", 9)}${lpad("secretlint", 11)}${lpad(tp.keywordTool, 9)}${lpad("skipped", 16)}`);
    for (const [id, c] of Object.entries(tp.classes)) {
      const t = (tool) => (c.tools[tool]?.best !== undefined ? c.tools[tool].best.toFixed(2) + " s" : "error");
      const sk = c.tools.claudeGuard?.scanned;
      const skipped = sk ? `${sk.skippedFiles ?? "?"} / ${sk.skippedBytes !== undefined ? (sk.skippedBytes / MB).toFixed(2) : "?"} MB` : "?";
      console.log(`  ${pad(CLASS_LABELS[id], 32)}${lpad((c.input.bytes / MB).toFixed(1), 7)}${lpad(c.input.files, 7)}${lpad(t("claudeGuard"), 9)}${lpad(t("secretlint"), 11)}${lpad(t("keywords"), 9)}${lpad(skipped, 16)}`);
      for (const tool of Object.values(c.tools)) if (tool.errors.length) console.log(`    ! ${tool.label}: ${tool.errors[0]}`);
    }
    console.log(`  skipped = files / bytes claude-guard's report says it did not read (none should be: the inputs hold only what it reads)`);
  }

  // 3. History scans: generated histories and any clone given, against `git log -p` on the same range.
  if (opts.only.has("history") || opts.only.has("memory")) {
    const repos = [];
    const generated = [];
    for (const h of opts.histories) {
      const made = await ensureHistory(h);
      if (made.error) console.log(`  ! ${historyName(h)}: ${made.error}`);
      else {
        repos.push({ name: historyName(h), dir: made.dir, spec: h });
        generated.push(made);
      }
    }
    for (const dir of opts.repos) repos.push({ name: path.basename(dir), dir, given: true });
    if (opts.only.has("history")) {
      const runs = await measureHistory(repos, { rounds: opts.rounds });
      results.history = { rounds: opts.rounds, command: "claude-guard scan --git --repo DIR --all --authors all --format json; git -C DIR log -p HEAD > /dev/null", runs };
      console.log(`\nHistory · claude-guard scan --git --all --authors all vs git log -p over the same range, best of ${opts.rounds}, interleaved`);
      console.log(`  ${pad("history", 22)}${lpad("commits", 8)}${lpad("added MB", 10)}${lpad("c-guard", 9)}${lpad("git log -p", 11)}${lpad("ratio", 8)}`);
      for (const r of runs) {
        const name = r.name + (repos.find((x) => x.name === r.name)?.given ? " (given)" : "");
        console.log(`  ${pad(name, 22)}${lpad(r.commits ?? "?", 8)}${lpad(r.addedBytes !== undefined ? (r.addedBytes / MB).toFixed(1) : "?", 10)}${lpad(r.claudeGuard.best?.toFixed(2) + " s", 9)}${lpad(r.gitLog.best?.toFixed(2) + " s", 11)}${lpad(fmt.num(r.ratio, 1) + "x", 8)}`);
        for (const e of r.errors.slice(0, 1)) console.log(`    ! ${e}`);
      }
    }
    // 3b. Peak memory of the process tree: the mixed tree and the largest generated history.
    if (opts.only.has("memory")) {
      results.memory = [];
      const largest = repos.filter((r) => r.spec).sort((a, b) => b.spec.commits - a.spec.commits)[0];
      const targets = [];
      if (inputs) targets.push({ what: `mixed tree (${(inputs.classes.mixed.bytes / MB).toFixed(0)} MB)`, args: [claudeGuardBin(), "scan", inputs.classes.mixed.dir, "--format", "json"] });
      if (largest) targets.push({ what: `history of ${largest.spec.commits} commits`, args: scanGitArgs(largest.dir) });
      for (const t of targets) {
        const res = await runPeakMemory(process.execPath, t.args, { stdoutFile: path.join(WORK_DIR, "memory.out") });
        results.memory.push({ what: t.what, peakMB: res.peakKB !== undefined ? Math.round(res.peakKB / 102.4) / 10 : undefined, code: res.code });
      }
      console.log(`\nPeak memory · resident set of the whole process tree (CLI, worker threads, git), sampled every 20 ms from /proc`);
      for (const m of results.memory) console.log(`  ${pad(m.what, 40)}${lpad(m.peakMB !== undefined ? m.peakMB + " MB" : "n/a (no /proc)", 12)}`);
    }
  }

  // 4. The Claude Code hook: process start to answer, per event (bench/hook.mjs).
  if (opts.only.has("hook")) {
    results.hook = await measureHook({ runs: opts.quick ? 8 : 20 });
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

  results.bars = barRows(results);
  printBars(results.bars);

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
