#!/usr/bin/env node
// Times readCommits (src/git) over a repository's whole history and reports its peak memory.
// Needs the compiled library: `npx tsc -p tsconfig.build.json` first.
//
//   node bench/read-history.mjs <repo> [--claude-only]
//
// Prints one JSON line: commits read, files and added lines seen, seconds, peak RSS and peak heap (MB).
// Run with `node --expose-gc` to also get peakLiveHeapMB: the heap still in use after a full GC, sampled
// every 250 commits (what the reader really retains; peak RSS also counts garbage V8 has not collected yet).
import path from "node:path";
import { clearInterval, setInterval } from "node:timers";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const repo = args.find((a) => !a.startsWith("--"));
if (!repo) {
  console.error("usage: node bench/read-history.mjs <repo> [--claude-only]");
  process.exit(2);
}
const claudeOnly = args.includes("--claude-only");

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { readCommits } = await import(pathToFileURL(path.join(root, "lib/git/read-commits.js")).href);

// A cheap stand-in for the core's authorship check: enough to exercise the metadata-first path.
const CLAUDE = /noreply@anthropic\.com|Claude Code\]\(|^claude\[bot\]$/im;
const filter = claudeOnly ? (c) => CLAUDE.test(c.message) || CLAUDE.test(c.author.name) : undefined;

let peakHeap = 0;
let peakLiveHeap = 0;
const gc = globalThis.gc;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const timer = setInterval(sample, 20);

const started = process.hrtime.bigint();
let commits = 0;
let files = 0;
let lines = 0;
let chars = 0;
let skipped = 0;
for await (const change of readCommits(repo, { all: true, filter })) {
  commits++;
  skipped += change.skipped.length;
  for (const file of change.files) {
    files++;
    lines += file.lines.length;
    for (const line of file.lines) chars += line.length;
  }
  if (commits % 50 === 0) sample();
  if (gc && commits % 250 === 0) {
    gc();
    peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
clearInterval(timer);
sample();

const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(
  JSON.stringify({
    repo,
    claudeOnly,
    commits,
    files,
    addedLines: lines,
    addedChars: chars,
    skipped,
    seconds: Math.round(seconds * 1000) / 1000,
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapMB: mb(peakHeap),
    ...(gc ? { peakLiveHeapMB: mb(peakLiveHeap) } : {}),
  }),
);
