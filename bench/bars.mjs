// Issue 13's bars, read off one run's results: one row a bar, with the measured ratio and whether it holds.


/**
 * Rows { bar, measured, cpu, limit, met } for whatever parts the run measured. `measured` is from wall
 * times (the bars' measure); `cpu` is the same ratio from CPU times, which a busy machine disturbs less.
 */
export function barRows(results) {
  const rows = [];
  const show = (value, unit) => (value === undefined ? "n/a" : unit === "x" ? `${value.toFixed(1)}x` : `${value.toFixed(0)} ${unit}`);
  const add = (bar, value, limit, met, unit = "x", cpu = undefined) =>
    rows.push({ bar, value, measured: show(value, unit), cpu: cpu === undefined ? "" : show(cpu, unit), limit, met: value === undefined ? undefined : met(value) });
  const ratio = (a, b) => (a && b ? a / b : undefined);
  const classes = results.throughput?.classes ?? {};
  for (const [id, c] of Object.entries(classes)) {
    const cg = c.tools.claudeGuard?.best;
    const sl = c.tools.secretlint?.best;
    add(`${id}: secretlint time / claude-guard time`, ratio(sl, cg), ">= 3x", (v) => v >= 3, "x", ratio(c.tools.secretlint?.bestCpu, c.tools.claudeGuard?.bestCpu));
  }
  const source = classes.source;
  if (source) {
    const cg = source.tools.claudeGuard?.best;
    const kw = source.tools.keywords?.best;
    add(`source: claude-guard time / ${results.throughput.keywordTool} keyword pass`, ratio(cg, kw), "<= 10x", (v) => v <= 10, "x", ratio(source.tools.claudeGuard?.bestCpu, source.tools.keywords?.bestCpu));
  }
  for (const run of results.history?.runs ?? []) add(`history ${run.name}: claude-guard / git log -p`, run.ratio, "<= 3x", (v) => v <= 3, "x", run.cpuRatio);
  if (results.hook) {
    const baseline = results.hook.results.find((r) => r.id === "baseline")?.median;
    add("hook median start-to-answer / node -e 0", baseline ? results.hook.hookMedianAllEvents / baseline : undefined, "<= 1.5x", (v) => v <= 1.5);
  }
  for (const m of results.memory ?? []) add(`peak memory, ${m.what}`, m.peakMB, "< 300 MB", (v) => v < 300, "MB");
  return rows;
}

export function printBars(rows, log = console.log) {
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.bar.length)) + 2;
  log(`\nIssue 13's bars (ratios from this run)`);
  log(`  ${"".padEnd(width)}${"wall".padStart(9)}${"bar".padStart(10)}${"met".padStart(5)}${"cpu".padStart(9)}`);
  for (const r of rows) log(`  ${r.bar.padEnd(width)}${r.measured.padStart(9)}${r.limit.padStart(10)}${(r.met === undefined ? "?" : r.met ? "yes" : "NO").padStart(5)}${r.cpu.padStart(9)}`);
  log(`  wall: from whole-process wall times (the bars' measure); cpu: the same ratio from CPU time (user + system)`);
}


