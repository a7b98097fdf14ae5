// Long-line probe: each built-in rule's own examples (true and false positives), repeated on one line at
// two lengths four times apart, scanned with every rule. Linear work takes about four times as long on
// the longer line; a rule that looks back to the line's start, or on to its end, for each value takes
// about sixteen. Run after `npm run build:lib` (it reads lib/). Two separators: with spaces, and with
// commas only (a look-back that stops at the last space finds none there). Prints the rules whose time
// grew most, and exits 1 when one grew past --max (default 8x) on a line long enough to measure.
//
//   node bench/long-lines.mjs [--length 50000] [--max 8] [--rule SUBSTRING]
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const length = Number(option("--length", 50_000));
const max = Number(option("--max", 8));
const only = option("--rule", undefined);
const GROWTH = 4;
/** Below this the first line's time is mostly noise. */
const MEASURABLE_MS = 20;

const lib = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "lib");
const { builtinRules } = await import(path.join(lib, "core/detect/index.js"));
const { Scanner } = await import(path.join(lib, "core/detect/engine.js"));
const scanner = new Scanner(builtinRules);

function lineOf(rule, characters, separator) {
  const { truePositives, falsePositives } = rule.examples();
  const unit = [...truePositives.map(([line]) => line), ...falsePositives].join(separator).replace(/\s+/g, separator) + separator;
  return unit.repeat(Math.max(1, Math.ceil(characters / unit.length)));
}

function timed(text) {
  const started = performance.now();
  scanner.scan({ path: "config/app.yml", text });
  return performance.now() - started;
}

const rows = [];
for (const rule of builtinRules) {
  if (only && !rule.id.includes(only)) continue;
  for (const separator of [" ", ","]) {
    const short = lineOf(rule, length, separator);
    timed(short.slice(0, 5000)); // compile this rule's code and patterns first
    const first = timed(short);
    if (first < MEASURABLE_MS) continue;
    const second = timed(lineOf(rule, length * GROWTH, separator));
    rows.push({ rule: rule.id, separator: separator === " " ? "spaces" : "commas", growth: second / first, first, second });
  }
}
rows.sort((a, b) => b.growth - a.growth);
console.log(`${rows.length} rule lines long enough to measure (${length} and ${length * GROWTH} characters); linear growth is about ${GROWTH}x`);
for (const r of rows.slice(0, 15)) console.log(`${r.growth.toFixed(1).padStart(6)}x  ${r.rule.padEnd(42)} ${r.separator.padEnd(7)} ${r.first.toFixed(0).padStart(6)} ms -> ${r.second.toFixed(0)} ms`);
const over = rows.filter((r) => r.growth > max);
if (over.length > 0) {
  console.log(`\n${over.length} grew more than ${max}x: ${over.map((r) => `${r.rule} (${r.separator})`).join(", ")}`);
  process.exitCode = 1;
}
